import { paragraphUrl } from '../urls';
import { snippetOfTokens } from './highlight';
import { MORE_PER_STORY } from './limits';
import type { RankedStory } from './rank';
import type { SearchIndex } from './search-index';
import type { MoreParagraph, SearchResult } from './types';

/** A paragraph as a result: where it is, its story, and a snippet around its matches. */
export function toResult(index: SearchIndex, d: number, score: number, marks: MarkIds): SearchResult {
  const doc = index.docs[d]!;
  return {
    id: doc.id,
    url: paragraphUrl(doc.issue, doc.id),
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
    snippet: snippetOf(index, d, marks),
    score: round(score),
  };
}

/** A story as a result: its lead paragraph, up to two further matching paragraphs, and how many more match. */
export function toStoryResult(index: SearchIndex, ranked: RankedStory, marks: MarkIds): SearchResult {
  const [lead, ...others] = ranked.paragraphs;
  const more = others.slice(0, MORE_PER_STORY).map(({ index: d }): MoreParagraph => {
    const doc = index.docs[d]!;
    return {
      id: doc.id,
      url: paragraphUrl(doc.issue, doc.id),
      text: doc.text,
      snippet: snippetOf(index, d, marks),
    };
  });
  const result = toResult(index, lead!.index, ranked.score, marks);
  result.more = more;
  result.moreCount = others.length - more.length;
  return result;
}

function snippetOf(index: SearchIndex, d: number, marks: MarkIds): string {
  const seq = index.text[d]!;
  if (markedTokens.length < seq.ids.length) markedTokens = new Int32Array(seq.ids.length * 2);
  let count = 0;
  for (let i = 0; i < seq.ids.length; i++) if (marks[seq.ids[i]!]) markedTokens[count++] = i;
  return snippetOfTokens(index.docs[d]!.text, seq, markedTokens, count);
}

/** The marked tokens of the paragraph being shown (reused: snippets are built one at a time). */
let markedTokens = new Int32Array(1024);

/** Per term id, 1 when the query's results mark it (resolved once per query). */
export type MarkIds = Uint8Array;

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
