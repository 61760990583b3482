import { errorResponse, searchEndpoint } from '@/lib/api/search-endpoint';
import { requestOrigin } from '@/lib/request-origin';

export const dynamic = 'force-dynamic';

/** `GET /api/search?q=…` — see lib/search/types.ts for the response and README for the parameters. */
export async function GET(request: Request) {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    const { status, headers, body } = errorResponse(400, 'the request URL could not be read');
    return new Response(body, { status, headers });
  }
  const { status, headers, body } = await searchEndpoint(url.searchParams, requestOrigin(request.headers));
  return new Response(body, { status, headers });
}
