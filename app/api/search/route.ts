import { json, jsonError } from '@/lib/http';
import { parseSearchParams, search, SearchParamError } from '@/lib/search';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  let params: URLSearchParams;
  try {
    params = new URL(request.url).searchParams;
  } catch {
    return jsonError(400, 'the request URL could not be read');
  }
  try {
    return json(await search(parseSearchParams(params)));
  } catch (error) {
    if (error instanceof SearchParamError) return jsonError(400, error.message);
    throw error;
  }
}
