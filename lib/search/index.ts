import { getStore } from '../store/store';
import type { SearchRequest, SearchResponse } from './types';

export * from './types';
export { parseSearchParams, toUrlSearchParams, SearchParamError, MAX_PER_PAGE } from './params';
export { parseQuery, MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from './query';
export { highlight, snippet } from './highlight';

/** Searches the served build (the function behind the search page and `/api/search`). */
export async function search(request: SearchRequest): Promise<SearchResponse> {
  const store = await getStore();
  return store.engine.search(request);
}
