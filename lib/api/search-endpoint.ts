import securityHeaders from '../security-headers.json';
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS, exportResults, type ExportFormat } from '../search/export';
import { MAX_EXPORT } from '../search/limits';
import { parseSearchParams, SearchParamError } from '../search/params';
import { search, searchJson } from '../served/search';
import { apiError } from '../http';

/** A response as plain data, so the Next route and the server's fast path send exactly the same thing. */
export interface EndpointResponse {
  status: number;
  headers: Record<string, string>;
  /** Text, or UTF-8 bytes (a search's JSON, encoded once by the engine). */
  body: string | Buffer<ArrayBuffer>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Headers every API response carries (the same as next.config.js sets for /api). */
export const API_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(
  [...securityHeaders.all, ...securityHeaders.api].map(({ key, value }) => [key, value]),
);

/**
 * `GET /api/search`: validates the parameters, searches the served build, and answers JSON (or,
 * with `format=csv|md|json`, a download of up to `MAX_EXPORT` matching paragraphs, whatever the
 * grouping, with absolute permanent links).
 */
export async function searchEndpoint(params: URLSearchParams, origin: string): Promise<EndpointResponse> {
  try {
    const request = parseSearchParams(params);
    const formats = params.getAll('format');
    if (formats.length > 1) return errorResponse(400, 'format: give it once');
    const format = formats[0] ?? null;
    if (format === null) {
      return {
        status: 200,
        headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' },
        body: await searchJson(request),
      };
    }
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      return errorResponse(
        400,
        `format: "${format.slice(0, 20)}" is not one of ${EXPORT_FORMATS.join(', ')}`,
      );
    }
    const all = await search({ ...request, group: 'paragraph', page: 1, per: MAX_EXPORT });
    return {
      status: 200,
      headers: {
        'Content-Type': EXPORT_CONTENT_TYPES[format as ExportFormat],
        'Content-Disposition': `attachment; filename="import-ai-search.${format}"`,
        'Cache-Control': 'no-store',
      },
      body: exportResults(all, format as ExportFormat, origin),
    };
  } catch (error) {
    if (error instanceof SearchParamError) return errorResponse(400, error.message);
    throw error;
  }
}

export function errorResponse(status: number, error: string): EndpointResponse {
  return {
    status,
    headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' },
    body: JSON.stringify(apiError(status, error)),
  };
}
