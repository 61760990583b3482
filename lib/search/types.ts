import type { DateBasis, ParagraphRole, StoryKind } from '../catalogue/model';

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

/** What one result is: a story (its best paragraph, with more from it) or a single paragraph. */
export const GROUPS = ['story', 'paragraph'] as const;
export type Group = (typeof GROUPS)[number];

/** What a caller asks for (the JSON API's parameters, already validated). */
export interface SearchRequest {
  /** The query in the query language (words, "phrases", -exclusions, OR, inline filters). */
  q: string;
  /** Topic slugs; a story matches any of them (OR within the facet). */
  topic: string[];
  /** Years or ranges ("2023", "2019..2021"); any of them. */
  year: string[];
  /** Issue numbers; any of them. */
  issue: number[];
  /** Story kinds; any of them. */
  kind: string[];
  sort: Sort;
  /** `story` (default): one result per story; `paragraph`: one per matching paragraph. */
  group: Group;
  /** 1-based page number. */
  page: number;
  /** Results per page (1–100): stories, or paragraphs with `group=paragraph`. */
  per: number;
}

export const DEFAULT_SEARCH_REQUEST: SearchRequest = {
  q: '',
  topic: [],
  year: [],
  issue: [],
  kind: [],
  sort: 'relevance',
  group: 'story',
  page: 1,
  per: 20,
};

/** One value of a facet, with the number of results it would give. */
export interface FacetValue {
  /** The value as used in URLs (`policy`, `2023`, `tech-tales`). */
  value: string;
  /** Human-readable label. */
  label: string;
  /**
   * Matching stories (paragraphs with `group=paragraph`) with this value, given the query and the
   * other facets' selections: what selecting it would give.
   */
  count: number;
  /** Whether the request selects this value. */
  selected: boolean;
}

/** A further matching paragraph of a result's story. */
export interface MoreParagraph {
  /** The paragraph's permanent id. */
  id: string;
  /** Its permanent link: `/issues/226#p-3f9a1c`. */
  url: string;
  /** Its plain text. */
  text: string;
  /** About 30 words around its densest match: escaped HTML with `<mark>`. */
  snippet: string;
}

/** One result: a paragraph (with `group=story`, the story's lead paragraph, plus `more`). */
export interface SearchResult {
  /** The paragraph's permanent id. */
  id: string;
  /** The paragraph's permanent link: `/issues/226#p-3f9a1c`. */
  url: string;
  /** The paragraph's plain text. */
  text: string;
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
  /** Relevance score (higher is better; comparable only within one response). */
  score: number;
  /** With `group=story`: up to two further matching paragraphs of the story, best first. */
  more?: MoreParagraph[];
  /** With `group=story`: matching paragraphs of the story beyond the lead and `more`. */
  moreCount?: number;
}

/** A search's answer; `R` is how its results are held (the API's writer takes them before they are built). */
export interface SearchResponse<R = SearchResult> {
  /** The query as given. */
  query: string;
  /** Paragraphs matching the query and filters (all pages). */
  total: number;
  /** Stories holding those paragraphs (all pages). */
  stories: number;
  page: number;
  per: number;
  sort: Sort;
  group: Group;
  facets: { topic: FacetValue[]; year: FacetValue[]; kind: FacetValue[] };
  results: R[];
  /**
   * The words the search matched, after correction and completion (a phrase gives its words), to
   * mark on the pages a result links to.
   */
  terms: string[];
  /**
   * For each facet the request's parameters filter (`topic`, `year`, `issue`, `kind`): the count
   * (stories, or paragraphs with `group=paragraph`) the same search would give without that
   * parameter — what "drop this filter" offers when nothing matches. Absent without such parameters.
   */
  withoutFilter?: Partial<Record<'topic' | 'year' | 'issue' | 'kind', number>>;
  /** A corrected query when some words are not in the archive's vocabulary. */
  suggestion?: string;
  /** True when no story holds every word, so results match only some of them. */
  relaxed?: boolean;
  /**
   * True when the search stopped checking phrases at its work budget (`MAX_PHRASE_WORK`): paragraphs
   * it did not reach are missing from the results. A warning says so too.
   */
  truncated?: boolean;
  /** Parts of the query that were ignored, and why. */
  warnings?: string[];
}
