import type { SearchDoc } from './documents';
import { SNIPPET_WORDS, snippetOfTokens } from './highlight';
import { MORE_PER_STORY } from './limits';
import type { RankedStory } from './rank';
import type { SearchIndex } from './search-index';
import type { MoreParagraph, SearchResponse, SearchResult } from './types';

/** A paragraph shown in a result, by its index, with its snippet. */
export interface ShownParagraph {
  doc: number;
  snippet: string;
}

/**
 * A result as ranked, before it is written out: the page's `SearchResult` objects (`toSearchResult`)
 * or the API's JSON (`ResponseJson`), which writes each paragraph's fields from bytes it encoded
 * once rather than from an object built per request.
 */
export interface PlannedResult extends ShownParagraph {
  score: number;
  /** With `group=story`: further matching paragraphs of the story, and how many more match. */
  more?: ShownParagraph[];
  moreCount?: number;
}

/** A response whose results are planned, not yet built. */
export type PlannedResponse = SearchResponse<PlannedResult>;

/** A paragraph as a result, with a snippet around its matches. */
export function planResult(index: SearchIndex, d: number, score: number, marks: MarkIds): PlannedResult {
  return { doc: d, snippet: snippetOf(index, d, marks), score: round(score) };
}

/** A story as a result: its lead paragraph, up to two further matching paragraphs, and how many more match. */
export function planStoryResult(index: SearchIndex, ranked: RankedStory, marks: MarkIds): PlannedResult {
  const paragraphs = ranked.paragraphs;
  const result = planResult(index, paragraphs[0]!.index, ranked.score, marks);
  const shown = Math.min(paragraphs.length - 1, MORE_PER_STORY);
  const more: ShownParagraph[] = [];
  for (let j = 1; j <= shown; j++) {
    const d = paragraphs[j]!.index;
    more.push({ doc: d, snippet: snippetOf(index, d, marks) });
  }
  result.more = more;
  result.moreCount = paragraphs.length - 1 - shown;
  return result;
}

/**
 * A result's fields that belong to its paragraph (they never change), in the order a result gives
 * them: the id, URL and text first, which a `more` entry shares.
 */
export function paragraphFields(
  doc: SearchDoc,
): Omit<SearchResult, 'snippet' | 'score' | 'more' | 'moreCount'> {
  return {
    id: doc.id,
    url: doc.url,
    text: doc.text,
    issue: doc.issue,
    issueTitle: doc.issueTitle,
    date: doc.date,
    dateBasis: doc.dateBasis,
    story: doc.story,
    storyId: doc.storyId,
    dek: doc.dek,
    kind: doc.kind,
    topics: doc.topics,
    role: doc.role,
  };
}

/** A `more` entry's paragraph fields: the first three of `paragraphFields`. */
export function moreFields(doc: SearchDoc): Omit<MoreParagraph, 'snippet'> {
  return { id: doc.id, url: doc.url, text: doc.text };
}

/** The planned results as the objects a page renders. */
export function toSearchResponse(index: SearchIndex, planned: PlannedResponse): SearchResponse {
  return { ...planned, results: planned.results.map((result) => toSearchResult(index, result)) };
}

function toSearchResult(index: SearchIndex, planned: PlannedResult): SearchResult {
  const result: SearchResult = {
    ...paragraphFields(index.docs[planned.doc]!),
    snippet: planned.snippet,
    score: planned.score,
  };
  if (planned.more) {
    result.more = planned.more.map(({ doc, snippet }) => ({ ...moreFields(index.docs[doc]!), snippet }));
    result.moreCount = planned.moreCount;
  }
  return result;
}

function snippetOf(index: SearchIndex, d: number, marks: MarkIds): string {
  const seq = index.text[d]!;
  const { ids, from, to } = seq;
  if (markedTokens.length < to - from) markedTokens = new Int32Array((to - from) * 2);
  let count = 0;
  for (let i = from; i < to; i++) if (marks[ids[i]!] === 1) markedTokens[count++] = i;
  return snippetOfTokens(index.texts[d]!, seq, markedTokens, count, SNIPPET_WORDS, index.plainText[d] === 1);
}

/** The marked tokens of the paragraph being shown (reused: snippets are built one at a time). */
let markedTokens = new Int32Array(1024);

/** Per term id, 1 when the query's results mark it (resolved once per query). */
export type MarkIds = Uint8Array;

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
