import { parseQuery, type Clause } from './query';
import { isStopTerm, termsOf } from './text';

/** The stems to mark for some clauses: phrases contribute their words, stop words only when nothing else. */
export function stemsToMark(must: readonly Clause[]): Set<string> {
  const stems = must.flatMap((c) => c.anyOf.flatMap((m) => (m.type === 'term' ? [m.term] : m.terms)));
  const meaningful = stems.filter((t) => !isStopTerm(t));
  return new Set(meaningful.length > 0 ? meaningful : stems);
}

/** The stemmed words of a query to mark on a page (phrases contribute their words; exclusions nothing). */
export function markTermsOf(q: string): Set<string> {
  return stemsToMark(parseQuery(q).must);
}

/**
 * The stems of the words a search matched (a response's `terms`, space-separated as links carry
 * them): what a page reached from a result marks, so a corrected or completed word is marked too.
 */
export function markTermsOfWords(words: string): Set<string> {
  return new Set(termsOf(words));
}
