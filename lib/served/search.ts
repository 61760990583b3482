import type { SearchRequest, SearchResponse } from '../search/types';
import { resultCount } from '../search/view';
import { getServedBuild } from './build';

/** Searches the served build (the function behind the search page and `/api/search`). */
export async function search(request: SearchRequest): Promise<SearchResponse> {
  return (await getServedBuild()).engine.search(request);
}

/** The same response as JSON, serialised once and cached with it (the API sends it as is). */
export async function searchJson(request: SearchRequest): Promise<string> {
  return (await getServedBuild()).engine.searchJson(request);
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
      const response = await search({ ...without, per: 1 });
      const count = resultCount(response);
      if (count > 0) out.push({ facet, value: String(value), count, request: without });
    }
  }
  return out.sort((a, b) => b.count - a.count);
}
