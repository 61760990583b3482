import { STORY_KIND_LABELS, STORY_KINDS } from '../catalogue/model';
import { TOPICS } from '../topics/taxonomy';
import { parseYearRange, type ParsedQuery, type YearRange } from './query';
import type { Scratch } from './scratch';
import { topicMask, type SearchIndex } from './search-index';
import type { FacetValue, Group, SearchRequest, SearchResponse } from './types';

/** The facets a request can filter on. */
export const FILTER_FACETS = ['topic', 'year', 'issue', 'kind'] as const;
export type FilterFacet = (typeof FILTER_FACETS)[number];

/** One facet's filter: any of these values (none: no filter). */
interface FilterValues {
  topic: string[];
  year: YearRange[];
  issue: number[];
  kind: string[];
}

/** The facet filters of a request, its own and those written in the query, merged. */
export interface FacetFilters extends FilterValues {
  /** The year values as the request and query gave them (shown as selected). */
  yearValues: string[];
  /** The filters written in the query alone: what is left of a facet when its parameter is dropped. */
  inQuery: FilterValues;
  /** The facets the request's own parameters filter. */
  requested: FilterFacet[];
}

/** Matching paragraphs that pass the filters, grouped by story, with the facet counts. */
export interface Filtered {
  /** Passing paragraphs in index order; story `stories[i]` owns `paragraphs[offsets[i]..offsets[i+1])`. */
  paragraphs: Int32Array;
  stories: Int32Array;
  offsets: Int32Array;
  facets: SearchResponse['facets'];
  /** Per facet the request filters: what dropping that parameter would give (see `SearchResponse`). */
  withoutFilter: SearchResponse['withoutFilter'];
}

export function facetFilters(query: ParsedQuery, request: SearchRequest): FacetFilters {
  const years: YearRange[] = [...query.filters.year];
  for (const y of request.year) {
    const range = parseYearRange(y);
    if (range) years.push(range);
  }
  const { topic, year, issue, kind } = query.filters;
  return {
    topic: unique([...request.topic, ...topic]),
    year: years,
    yearValues: unique([...request.year, ...year.map(formatRange)]),
    issue: unique([...request.issue, ...issue]),
    kind: unique([...request.kind, ...kind]),
    inQuery: { topic, year, issue, kind },
    requested: FILTER_FACETS.filter((facet) => request[facet].length > 0),
  };
}

/** Whether story `s` passes one facet's filter. */
type StoryTest = (s: number) => boolean;

function storyTests(index: SearchIndex, filters: FilterValues): Record<FilterFacet, StoryTest> {
  const topics = topicMask(filters.topic);
  const kinds = filters.kind.map((k) => STORY_KINDS.indexOf(k as (typeof STORY_KINDS)[number]));
  const pass = () => true;
  return {
    topic: filters.topic.length === 0 ? pass : (s) => (index.storyTopics[s]! & topics) !== 0,
    year:
      filters.year.length === 0
        ? pass
        : (s) => filters.year.some((r) => index.storyYear[s]! >= r.from && index.storyYear[s]! <= r.to),
    issue: filters.issue.length === 0 ? pass : (s) => filters.issue.includes(index.storyIssue[s]!),
    kind: kinds.length === 0 ? pass : (s) => kinds.includes(index.storyKind[s]!),
  };
}

/**
 * Applies the facet filters (AND across facets, OR within one) and counts each facet over the
 * matches passing every *other* facet, so a count says what selecting that value would give; all in
 * one pass over the matching stories (every filter is a story's attribute). The same pass counts,
 * for each facet the request filters, the matches without that parameter (the facet's filters
 * written in the query still apply): what dropping it would give, so an empty answer can say which
 * filter to drop without a search per filter. Counts are of stories, or of paragraphs with
 * `group=paragraph`.
 */
export function filterAndCount(
  index: SearchIndex,
  matched: Int32Array,
  filters: FacetFilters,
  unit: Group,
  scratch: Scratch,
): Filtered {
  const test = storyTests(index, filters);
  const inQuery = storyTests(index, filters.inQuery);
  const topicCounts = new Array<number>(TOPICS.length).fill(0);
  const yearCounts = new Map<number, number>();
  const kindCounts = new Array<number>(STORY_KINDS.length).fill(0);
  const without = new Map<FilterFacet, number>(filters.requested.map((facet) => [facet, 0]));
  const paragraphs = scratch.ints(matched.length);
  const stories = scratch.ints(matched.length);
  const offsets = scratch.ints(matched.length + 1);
  let kept = 0;
  let storiesKept = 0;
  for (let at = 0; at < matched.length;) {
    const s = index.storyOf[matched[at]!]!;
    let end = at + 1;
    while (end < matched.length && index.storyOf[matched[end]!] === s) end++;
    const weight = unit === 'story' ? 1 : end - at;
    const year = index.storyYear[s]!;
    const mask = index.storyTopics[s]!;
    const kind = index.storyKind[s]!;
    const okTopic = test.topic(s);
    const okYear = test.year(s);
    const okIssue = test.issue(s);
    const okKind = test.kind(s);
    if (okYear && okIssue && okKind) {
      for (let bit = 0; bit < TOPICS.length; bit++) if (mask & (1 << bit)) topicCounts[bit]! += weight;
    }
    if (okTopic && okIssue && okKind) yearCounts.set(year, (yearCounts.get(year) ?? 0) + weight);
    if (okTopic && okYear && okIssue) kindCounts[kind]! += weight;
    if (okTopic && okYear && okIssue && okKind) {
      for (let k = at; k < end; k++) paragraphs[kept++] = matched[k]!;
      stories[storiesKept++] = s;
      offsets[storiesKept] = kept;
    }
    for (const facet of filters.requested) {
      const others =
        (facet === 'topic' || okTopic) &&
        (facet === 'year' || okYear) &&
        (facet === 'issue' || okIssue) &&
        (facet === 'kind' || okKind);
      if (others && inQuery[facet](s)) without.set(facet, without.get(facet)! + weight);
    }
    at = end;
  }
  return {
    paragraphs: paragraphs.subarray(0, kept),
    stories: stories.subarray(0, storiesKept),
    offsets: offsets.subarray(0, storiesKept + 1),
    facets: facetValues(index, filters, topicCounts, yearCounts, kindCounts),
    withoutFilter: without.size > 0 ? Object.fromEntries(without) : undefined,
  };
}

function facetValues(
  index: SearchIndex,
  filters: FacetFilters,
  topicCounts: readonly number[],
  yearCounts: ReadonlyMap<number, number>,
  kindCounts: readonly number[],
): SearchResponse['facets'] {
  const topic: FacetValue[] = TOPICS.map((t, bit) => ({
    value: t.slug,
    label: t.label,
    count: topicCounts[bit]!,
    selected: filters.topic.includes(t.slug),
  }));
  for (const slug of filters.topic) {
    if (!TOPICS.some((t) => t.slug === slug))
      topic.push({ value: slug, label: slug, count: 0, selected: true });
  }
  const selectedYears = new Set(filters.yearValues);
  const year: FacetValue[] = index.yearList.map((y) => ({
    value: String(y),
    label: String(y),
    count: yearCounts.get(y) ?? 0,
    selected: selectedYears.has(String(y)),
  }));
  for (const value of filters.yearValues) {
    if (year.some((f) => f.value === value)) continue;
    const range = parseYearRange(value);
    let count = 0;
    if (range) for (const [y, n] of yearCounts) if (y >= range.from && y <= range.to) count += n;
    year.push({ value, label: value.replace('..', '–'), count, selected: true });
  }
  const kind: FacetValue[] = STORY_KINDS.map((k, i) => ({
    value: k,
    label: STORY_KIND_LABELS[k],
    count: kindCounts[i]!,
    selected: filters.kind.includes(k),
  }));
  for (const k of filters.kind) {
    if (!(STORY_KINDS as readonly string[]).includes(k))
      kind.push({ value: k, label: k, count: 0, selected: true });
  }
  return { topic, year, kind };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function formatRange(range: YearRange): string {
  if (range.from === range.to) return String(range.from);
  return `${range.from === 0 ? '' : range.from}..${range.to === 9999 ? '' : range.to}`;
}
