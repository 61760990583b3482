import type { SearchRequest } from './search/types';
import { DEFAULT_SEARCH_REQUEST } from './search/types';

/**
 * Every link the site makes is built here, so the URL scheme changes in one place.
 * Paths are relative; `absoluteUrl` adds the origin for canonical and share links.
 */
export function issueUrl(issue: number): string {
  return `/issues/${issue}`;
}

/** The issue number in an issue page's URL segment ("226"); anything else is not an issue. */
export function parseIssueNumber(segment: string): number | undefined {
  return /^\d{1,5}$/.test(segment) ? Number(segment) : undefined;
}

/** A paragraph's permanent link: the issue page plus the paragraph id as fragment. */
export function paragraphUrl(issue: number, paragraphId: string): string {
  return `${issueUrl(issue)}#${paragraphId}`;
}

/**
 * The issue page reached from a search: `q` for the way back to the results, `terms` (the words the
 * search matched, after correction and completion) for what the page marks.
 */
export function issueUrlWithQuery(
  issue: number,
  search: { q: string; terms?: readonly string[] },
  anchor?: string,
): string {
  const params = new URLSearchParams();
  if (search.q.trim()) params.set('q', search.q.trim());
  if (search.terms?.length) params.set('terms', search.terms.join(' '));
  const query = params.size ? `?${params}` : '';
  return `${issueUrl(issue)}${query}${anchor ? `#${anchor}` : ''}`;
}

export function topicsUrl(): string {
  return '/topics';
}

export function topicUrl(slug: string): string {
  return `/topics/${encodeURIComponent(slug)}`;
}

/** A request's parameters as the search page and the API read them; defaults are left out. */
export function searchParamsOf(request: Partial<SearchRequest>): URLSearchParams {
  const params = new URLSearchParams();
  const full = { ...DEFAULT_SEARCH_REQUEST, ...request };
  if (full.q.trim()) params.set('q', full.q);
  for (const t of full.topic) params.append('topic', t);
  for (const y of full.year) params.append('year', y);
  for (const i of full.issue) params.append('issue', String(i));
  for (const k of full.kind) params.append('kind', k);
  if (full.sort !== DEFAULT_SEARCH_REQUEST.sort) params.set('sort', full.sort);
  if (full.group !== DEFAULT_SEARCH_REQUEST.group) params.set('group', full.group);
  if (full.page !== DEFAULT_SEARCH_REQUEST.page) params.set('page', String(full.page));
  if (full.per !== DEFAULT_SEARCH_REQUEST.per) params.set('per', String(full.per));
  return params;
}

/** The search page (or, with `base` set, the JSON API) for a request; defaults are left out. */
export function searchUrl(
  request: Partial<SearchRequest>,
  base: '/' | '/api/search' = '/',
  extra?: Record<string, string>,
): string {
  const params = searchParamsOf(request);
  for (const [key, value] of Object.entries(extra ?? {})) params.set(key, value);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** Adds or removes one facet value, going back to page 1. */
export function toggleFacetUrl(
  request: SearchRequest,
  facet: 'topic' | 'year' | 'kind',
  value: string,
): string {
  const current = request[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return searchUrl({ ...request, [facet]: next, page: 1 });
}

export function absoluteUrl(path: string, origin: string): string {
  return new URL(path, origin.endsWith('/') ? origin : `${origin}/`).toString();
}

/** A paragraph's share link: server-visible (no fragment), so link previews can show the paragraph. */
export function paragraphShareUrl(issue: number, paragraphId: string): string {
  return `${issueUrl(issue)}/${encodeURIComponent(paragraphId)}`;
}
