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

/** A filter the user could drop to get results, with the number of results it would give. */
export interface FilterRelaxation {
  facet: 'topic' | 'year' | 'kind' | 'issue';
  value: string;
  count: number;
  /** The request without that filter. */
  request: SearchRequest;
}

/** For an empty result: what each active filter's removal would give, most results first. */
export async function suggestFilterRemovals(request: SearchRequest): Promise<FilterRelaxation[]> {
  const facets = ['topic', 'year', 'kind', 'issue'] as const;
  const out: FilterRelaxation[] = [];
  for (const facet of facets) {
    const values = request[facet] as readonly (string | number)[];
    for (const value of values) {
      const without: SearchRequest = { ...request, page: 1, [facet]: values.filter((v) => v !== value) };
      const { total } = await search({ ...without, per: 1 });
      if (total > 0) out.push({ facet, value: String(value), count: total, request: without });
    }
  }
  return out.sort((a, b) => b.count - a.count);
}
