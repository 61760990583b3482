import { json, jsonError } from '@/lib/http';
import { parseSearchParams, search, SearchParamError } from '@/lib/search';
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  exportResults,
  MAX_EXPORT,
  type ExportFormat,
} from '@/lib/search/export';

export const dynamic = 'force-dynamic';

/** `GET /api/search?q=…` (see lib/search/types.ts for the response); `&format=csv|md|json` downloads the result set. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const params = url.searchParams;
  try {
    const searchRequest = parseSearchParams(params);
    const format = params.get('format');
    if (format === null) return json(await search(searchRequest));
    if (!(EXPORT_FORMATS as readonly string[]).includes(format) || params.getAll('format').length > 1) {
      return jsonError(400, `format: "${format.slice(0, 20)}" is not one of ${EXPORT_FORMATS.join(', ')}`);
    }
    const all = await search({ ...searchRequest, page: 1, per: MAX_EXPORT });
    const body = exportResults(all, format as ExportFormat, url.origin);
    const extension = format === 'md' ? 'md' : format;
    return new Response(body, {
      headers: {
        'Content-Type': EXPORT_CONTENT_TYPES[format as ExportFormat],
        'Content-Disposition': `attachment; filename="import-ai-search.${extension}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof SearchParamError) return jsonError(400, error.message);
    throw error;
  }
}
