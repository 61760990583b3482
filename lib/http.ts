/** The one JSON error shape every API route returns. */
export interface ApiError {
  ok: false;
  status: number;
  error: string;
}

export function jsonError(status: number, error: string): Response {
  const body: ApiError = { ok: false, status, error };
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function json(body: unknown, init?: { maxAge?: number }): Response {
  return Response.json(body, {
    headers: { 'Cache-Control': init?.maxAge ? `public, max-age=${init.maxAge}` : 'no-store' },
  });
}
