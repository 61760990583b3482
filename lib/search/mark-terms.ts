import { parseQuery } from './query';

/** The stemmed words of a query to mark on a page (phrases contribute their words; exclusions nothing). */
export function markTermsOf(q: string): Set<string> {
  const parsed = parseQuery(q);
  return new Set(
    parsed.must.flatMap((c) => c.anyOf.flatMap((m) => (m.type === 'term' ? [m.term] : m.terms))),
  );
}
