import { STORY_KIND_LABELS, type StoryKind } from '../catalogue/model';
import { findTopic } from '../topics/taxonomy';
import { searchUrl, toggleFacetUrl } from '../urls';
import type { FacetValue, SearchRequest, SearchResponse } from './types';

export interface FacetLinkValue extends FacetValue {
  toggleUrl: string;
}

/** Facet values with the link that toggles each, as the search page renders them. */
export function facetLinks(request: SearchRequest, response: SearchResponse) {
  const withUrl = (facet: 'topic' | 'year' | 'kind', values: FacetValue[]): FacetLinkValue[] =>
    values.map((v) => ({ ...v, toggleUrl: toggleFacetUrl(request, facet, v.value) }));
  return {
    topic: withUrl('topic', response.facets.topic),
    year: withUrl('year', response.facets.year),
    kind: withUrl('kind', response.facets.kind),
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
