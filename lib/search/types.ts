import type { DateBasis, ParagraphRole, StoryKind } from '../catalogue/model';

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

/** What a caller asks for (the JSON API's parameters, already validated). */
export interface SearchRequest {
  /** The query in the query language (words, "phrases", -exclusions, OR, inline filters). */
  q: string;
  /** Topic slugs; a paragraph matches any of them (OR within the facet). */
  topic: string[];
  /** Years or ranges ("2023", "2019..2021"); any of them. */
  year: string[];
  /** Issue numbers; any of them. */
  issue: number[];
  /** Story kinds; any of them. */
  kind: string[];
  sort: Sort;
  /** 1-based page number. */
  page: number;
  /** Results per page (1–100). */
  per: number;
}

export const DEFAULT_SEARCH_REQUEST: SearchRequest = {
  q: '',
  topic: [],
  year: [],
  issue: [],
  kind: [],
  sort: 'relevance',
  page: 1,
  per: 20,
};

/** One value of a facet, with the number of matching paragraphs it would give. */
export interface FacetValue {
  /** The value as used in URLs (`policy`, `2023`, `tech-tales`). */
  value: string;
  /** Human-readable label. */
  label: string;
  /** Matching paragraphs with this value, given the query and the other facets' selections. */
  count: number;
  /** Whether the request selects this value. */
  selected: boolean;
}

export interface SearchResult {
  /** The paragraph's permanent id. */
  id: string;
  /** The paragraph's permanent link: `/issues/226#p-3f9a1c`. */
  url: string;
  issue: number;
  issueTitle: string;
  /** ISO date of the issue. */
  date: string;
  dateBasis: DateBasis;
  /** The story's headline. */
  story: string;
  storyId: string;
  dek: string;
  kind: StoryKind;
  topics: string[];
  role: ParagraphRole;
  /** About 30 words around the densest match: escaped HTML with `<mark>`. */
  snippet: string;
  /** The paragraph's plain text. */
  text: string;
  /** Relevance score (higher is better; comparable only within one response). */
  score: number;
}

export interface SearchResponse {
  /** The query as given. */
  query: string;
  /** Paragraphs matching the query and filters (all pages). */
  total: number;
  page: number;
  per: number;
  sort: Sort;
  facets: { topic: FacetValue[]; year: FacetValue[]; kind: FacetValue[] };
  results: SearchResult[];
  /** A corrected query when some words are not in the archive's vocabulary. */
  suggestion?: string;
  /** True when no paragraph matched every word, so results match only some of them. */
  relaxed?: boolean;
  /** Parts of the query that were ignored, and why. */
  warnings?: string[];
}
