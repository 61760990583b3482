import type { SearchRequest, SearchResponse } from '../search/types';
import { getServedBuild } from './build';

/** Searches the served build (the function behind the search page and `/api/search`). */
export async function search(request: SearchRequest): Promise<SearchResponse> {
  return (await getServedBuild()).engine.search(request);
}

/** The same response as UTF-8 JSON, serialised once and cached with it (the API sends it as is). */
export async function searchJson(request: SearchRequest): Promise<Buffer<ArrayBuffer>> {
  return (await getServedBuild()).engine.searchJson(request);
}
