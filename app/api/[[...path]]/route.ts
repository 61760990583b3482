import { jsonError } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Any other path under /api: the API's JSON 404, not the site's HTML page. */
export function GET(request: Request) {
  const path = new URL(request.url).pathname;
  return jsonError(
    404,
    `no API endpoint ${JSON.stringify(path.slice(0, 80))}; the API has /api/search, /api/issues and /api/topics`,
  );
}
