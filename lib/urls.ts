import type { SearchRequest } from './search/types';
import { DEFAULT_SEARCH_REQUEST } from './search/types';

/**
 * Every link the site makes is built here, so the URL scheme changes in one place.
 * Paths are relative; `absoluteUrl` adds the origin for canonical and share links.
 */
export function issueUrl(issue: number): string {
  return `/issues/${issue}`;
}

/** A paragraph's permanent link: the issue page plus the paragraph id as fragment. */
export function paragraphUrl(issue: number, paragraphId: string): string {
  return `${issueUrl(issue)}#${paragraphId}`;
}

/** The issue page with the query's words marked. */
export function issueUrlWithQuery(issue: number, q: string, paragraphId?: string): string {
  const query = q.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : '';
  return `${issueUrl(issue)}${query}${paragraphId ? `#${paragraphId}` : ''}`;
}

export function topicsUrl(): string {
  return '/topics';
}

export function topicUrl(slug: string): string {
  return `/topics/${encodeURIComponent(slug)}`;
}

/** The search page (or, with `base` set, the JSON API) for a request; defaults are left out. */
export function searchUrl(
  request: Partial<SearchRequest>,
  base: '/' | '/api/search' = '/',
  extra?: Record<string, string>,
): string {
  const params = new URLSearchParams();
  const full = { ...DEFAULT_SEARCH_REQUEST, ...request };
  if (full.q.trim()) params.set('q', full.q);
  for (const t of full.topic) params.append('topic', t);
  for (const y of full.year) params.append('year', y);
  for (const i of full.issue) params.append('issue', String(i));
  for (const k of full.kind) params.append('kind', k);
  if (full.sort !== DEFAULT_SEARCH_REQUEST.sort) params.set('sort', full.sort);
  if (full.page !== DEFAULT_SEARCH_REQUEST.page) params.set('page', String(full.page));
  if (full.per !== DEFAULT_SEARCH_REQUEST.per) params.set('per', String(full.per));
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
