import { STORY_KIND_LABELS, STORY_KINDS } from '../catalogue/model';
import { TOPICS } from '../topics/taxonomy';
import { parseYearRange, type ParsedQuery, type YearRange } from './query';
import { topicMask, type SearchIndex } from './search-index';
import type { FacetValue, Group, SearchRequest, SearchResponse } from './types';

/** The facet filters of a request, its own and those written in the query, merged. */
export interface FacetFilters {
  topic: string[];
  year: YearRange[];
  /** The year values as the request and query gave them (shown as selected). */
  yearValues: string[];
  issue: number[];
  kind: string[];
}

/** Matching paragraphs that pass the filters, grouped by story, with the facet counts. */
export interface Filtered {
  /** Passing paragraphs in index order; story `stories[i]` owns `paragraphs[offsets[i]..offsets[i+1])`. */
  paragraphs: Int32Array;
  stories: Int32Array;
  offsets: Int32Array;
  facets: SearchResponse['facets'];
}

export function facetFilters(query: ParsedQuery, request: SearchRequest): FacetFilters {
  const years: YearRange[] = [...query.filters.year];
  for (const y of request.year) {
    const range = parseYearRange(y);
    if (range) years.push(range);
  }
  return {
    topic: unique([...request.topic, ...query.filters.topic]),
    year: years,
    yearValues: unique([...request.year, ...query.filters.year.map(formatRange)]),
    issue: unique([...request.issue, ...query.filters.issue]),
    kind: unique([...request.kind, ...query.filters.kind]),
  };
}

/**
 * Applies the facet filters (AND across facets, OR within one) and counts each facet over the
 * matches passing every *other* facet, so a count says what selecting that value would give; all in
 * one pass over the matching stories (every filter is a story's attribute). Counts are of stories,
 * or of paragraphs with `group=paragraph`.
 */
export function filterAndCount(
  index: SearchIndex,
  matched: Int32Array,
  filters: FacetFilters,
  unit: Group,
): Filtered {
  const wantedTopics = topicMask(filters.topic);
  const kindIds = filters.kind.map((k) => STORY_KINDS.indexOf(k as (typeof STORY_KINDS)[number]));
  const topicCounts = new Array<number>(TOPICS.length).fill(0);
  const yearCounts = new Map<number, number>();
  const kindCounts = new Array<number>(STORY_KINDS.length).fill(0);
  const paragraphs = new Int32Array(matched.length);
  const stories = new Int32Array(matched.length);
  const offsets = new Int32Array(matched.length + 1);
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
    const okTopic = filters.topic.length === 0 || (mask & wantedTopics) !== 0;
    const okYear = filters.year.length === 0 || filters.year.some((r) => year >= r.from && year <= r.to);
    const okIssue = filters.issue.length === 0 || filters.issue.includes(index.storyIssue[s]!);
    const okKind = kindIds.length === 0 || kindIds.includes(kind);
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
    at = end;
  }
  return {
    paragraphs: paragraphs.subarray(0, kept),
    stories: stories.subarray(0, storiesKept),
    offsets: offsets.subarray(0, storiesKept + 1),
    facets: facetValues(index, filters, topicCounts, yearCounts, kindCounts),
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
