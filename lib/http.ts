/** The one JSON error shape every API route returns. */
export interface ApiError {
  ok: false;
  status: number;
  error: string;
}

export function apiError(status: number, error: string): ApiError {
  return { ok: false, status, error };
}

export function jsonError(status: number, error: string): Response {
  return Response.json(apiError(status, error), { status, headers: { 'Cache-Control': 'no-store' } });
}

export function json(body: unknown): Response {
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
}
