import { createHash } from 'node:crypto';

/**
 * Permanent ids. A paragraph's id is `p-` + the first 6 hex digits of the SHA-1 of its text,
 * normalised (accents, case, punctuation and spacing removed). It depends on nothing but the
 * paragraph's own words, so adding or removing issues, or splitting or merging some other
 * paragraph, never moves it. Identical paragraphs in one issue get `-2`, `-3`… in document order;
 * two different texts sharing a prefix (rare: ~1 in 100,000 per issue) lengthen the later id.
 */
export function normaliseForId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function hashText(text: string): string {
  return createHash('sha1').update(normaliseForId(text)).digest('hex');
}

/** Assigns ids for a list of texts within one issue, in document order. */
export function assignIds(prefix: 'p' | 's', texts: readonly string[]): string[] {
  const taken = new Map<string, string>(); // id → normalised text
  const occurrences = new Map<string, number>(); // normalised text → count so far
  return texts.map((text) => {
    const normal = normaliseForId(text);
    const digest = hashText(text);
    const seen = occurrences.get(normal) ?? 0;
    occurrences.set(normal, seen + 1);
    let length = 6;
    let id = `${prefix}-${digest.slice(0, length)}`;
    while (taken.has(id) && taken.get(id) !== normal && length < digest.length) {
      length += 2;
      id = `${prefix}-${digest.slice(0, length)}`;
    }
    if (seen > 0) id = `${id}-${seen + 1}`;
    taken.set(id, normal);
    return id;
  });
}
