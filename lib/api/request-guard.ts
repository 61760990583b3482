import { API_HEADERS, errorResponse, type EndpointResponse } from './search-endpoint';

/** The site is read-only: these are the only methods any path answers. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;
const ALLOW = ALLOWED_METHODS.join(', ');

/**
 * Requests refused before they reach Next, which answers them with a bare 500 (a method undici
 * cannot represent, such as TRACE; a path whose percent-encoding is not UTF-8) or a body-less 405.
 * Returns the response to send, or undefined to let the request through. Every refusal carries the
 * security headers; under /api its body is the API's JSON error.
 */
export function screenRequest(
  method: string | undefined,
  url: string | undefined,
): EndpointResponse | undefined {
  const target = url ?? '/';
  const path = target.split('?')[0] ?? '';
  const api = path === '/api' || path.startsWith('/api/');
  if (method === 'OPTIONS') return { status: 204, headers: { ...API_HEADERS, Allow: ALLOW }, body: '' };
  if (!(ALLOWED_METHODS as readonly string[]).includes(method ?? '')) {
    const refusal = refuse(api, 405, `method: ${clip(method ?? '')} is not allowed; use GET or HEAD`);
    return { ...refusal, headers: { ...refusal.headers, Allow: ALLOW } };
  }
  if (!isDecodable(path)) return refuse(api, 400, `path: "${clip(path)}" is not valid percent-encoded UTF-8`);
  return undefined;
}

/** For a request Node's parser gave up on (an unknown method, a malformed or oversized header, a stall). */
export function unreadableRequest(code: string | undefined): EndpointResponse {
  if (code === 'HPE_HEADER_OVERFLOW') return refuse(false, 431, 'request: the headers are too large');
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return refuse(false, 408, 'request: timed out');
  return refuse(false, 400, 'request: not readable as HTTP/1.1');
}

function refuse(api: boolean, status: number, message: string): EndpointResponse {
  if (api) {
    const json = errorResponse(status, message);
    return { ...json, headers: { ...API_HEADERS, ...json.headers } };
  }
  return {
    status,
    headers: { ...API_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    body: `${status}: ${message}\n`,
  };
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}
