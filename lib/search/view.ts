import { STORY_KIND_LABELS, STORY_KINDS, type StoryKind } from '../catalogue/model';
import { findTopic } from '../topics/taxonomy';
import { searchUrl, toggleFacetUrl } from '../urls';
import type { FacetValue, SearchRequest, SearchResponse } from './types';

export interface FacetLinkValue extends FacetValue {
  toggleUrl: string;
}

/**
 * Facet values with the link that toggles each, as the search page's facet panel renders them: the
 * archive's topics, years and kinds. A selected topic or kind the archive does not have (from an
 * old or hand-made link) is left to its removable chip (`activeFilterChips`): listing it in the
 * panel too gave a request of many such values one more long link per value, twice (the panel is
 * rendered for phones and for wider screens), which made its page several times larger.
 */
export function facetLinks(request: SearchRequest, response: SearchResponse) {
  const withUrl = (facet: 'topic' | 'year' | 'kind', values: FacetValue[]): FacetLinkValue[] =>
    values.map((v) => ({ ...v, toggleUrl: toggleFacetUrl(request, facet, v.value) }));
  return {
    topic: withUrl(
      'topic',
      response.facets.topic.filter((v) => findTopic(v.value)),
    ),
    year: withUrl('year', response.facets.year),
    kind: withUrl(
      'kind',
      response.facets.kind.filter((v) => (STORY_KINDS as readonly string[]).includes(v.value)),
    ),
  };
}

/** One removable chip per active filter value. */
export function activeFilterChips(request: SearchRequest): { label: string; removeUrl: string }[] {
  const chips: { label: string; removeUrl: string }[] = [];
  for (const slug of request.topic) {
    chips.push({
      label: `Topic: ${findTopic(slug)?.label ?? slug}`,
      removeUrl: toggleFacetUrl(request, 'topic', slug),
    });
  }
  for (const year of request.year) {
    chips.push({
      label: `Year: ${year.replace('..', '–')}`,
      removeUrl: toggleFacetUrl(request, 'year', year),
    });
  }
  for (const kind of request.kind) {
    chips.push({
      label: `Kind: ${kindLabel(kind)}`,
      removeUrl: toggleFacetUrl(request, 'kind', kind),
    });
  }
  for (const issue of request.issue) {
    chips.push({
      label: `Issue ${issue}`,
      removeUrl: searchUrl({ ...request, issue: request.issue.filter((i) => i !== issue), page: 1 }),
    });
  }
  return chips;
}

/** What a page of results counts: stories, or paragraphs with `group=paragraph`. */
export function resultCount(response: SearchResponse): number {
  return response.group === 'story' ? response.stories : response.total;
}

/** A filter the user could drop to get results, with the number of results it would give. */
export interface FilterRelaxation {
  facet: 'topic' | 'year' | 'kind' | 'issue';
  value: string;
  count: number;
  /** The request without that filter. */
  request: SearchRequest;
}

/**
 * For an empty result: the filters whose removal would give results, most results first, read from
 * the counts the search made in its own pass (`withoutFilter`), so no further search runs. A
 * facet's values are alternatives: dropping one of several narrows the search, so only a facet's
 * one value is offered.
 */
export function filterRemovals(request: SearchRequest, response: SearchResponse): FilterRelaxation[] {
  const out: FilterRelaxation[] = [];
  for (const facet of ['topic', 'year', 'kind', 'issue'] as const) {
    const values = new Set<string | number>(request[facet]);
    const count = response.withoutFilter?.[facet] ?? 0;
    if (values.size !== 1 || count === 0) continue;
    out.push({
      facet,
      value: String(request[facet][0]),
      count,
      request: { ...request, page: 1, [facet]: [] },
    });
  }
  return out.sort((a, b) => b.count - a.count);
}

export function hasFilters(request: SearchRequest): boolean {
  return request.topic.length + request.year.length + request.kind.length + request.issue.length > 0;
}

/** What a new query keeps of the current search: its filters, sort, grouping and page size. */
export function keptState(request: SearchRequest): Partial<SearchRequest> {
  const { topic, year, issue, kind, sort, group, per } = request;
  return { topic, year, issue, kind, sort, group, per };
}

export function describeFilter(facet: string, value: string): string {
  if (facet === 'topic') return `topic “${findTopic(value)?.label ?? value}”`;
  if (facet === 'year') return `year ${value.replace('..', '–')}`;
  if (facet === 'kind') return `kind “${kindLabel(value)}”`;
  return `issue ${value}`;
}

function kindLabel(kind: string): string {
  return STORY_KIND_LABELS[kind as StoryKind] ?? kind;
}
