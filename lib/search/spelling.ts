/**
 * Damerau–Levenshtein distance (optimal string alignment) with an early exit once `max` is
 * exceeded; returns `max + 1` in that case.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = new Array<number>(cols).fill(0);
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, prevPrev[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = current;
  }
  return prev[cols - 1]!;
}

/** How many edits a word of this length may need to count as a misspelling of another. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

/** A word the archive uses, with the index term it stems to and how often it occurs. */
export interface KnownWord {
  term: string;
  count: number;
}

/**
 * Finds the closest word the archive uses for a misspelt one. Candidates come from a bigram index
 * (one edit changes at most three of a word's distinct padded bigrams, a transposition being the
 * worst case), so only a handful are compared with the full edit distance, not the whole vocabulary.
 */
export class Speller {
  private readonly list: string[];
  private readonly known: readonly KnownWord[];
  private index: Map<string, number[]> | undefined;
  private shared: Uint16Array | undefined;

  constructor(words: ReadonlyMap<string, KnownWord>) {
    this.list = [...words.keys()];
    this.known = [...words.values()];
    // Built now rather than on the first misspelling, so no request pays for it.
    this.buildIndex();
  }

  correct(typed: string): { term: string; word: string } | undefined {
    const max = allowedEdits(typed.length);
    if (max === 0 || /\d/.test(typed)) return undefined;
    const index = this.buildIndex();
    const shared = this.shared!;
    const touched: number[] = [];
    const grams = new Set(bigrams(typed));
    for (const gram of grams) {
      for (const w of index.get(gram) ?? []) {
        if (shared[w] === 0) touched.push(w);
        shared[w]!++;
      }
    }
    const needed = Math.max(1, grams.size - 3 * max);
    let best: { term: string; word: string } | undefined;
    let bestDistance = max + 1;
    let bestCount = 0;
    for (const w of touched) {
      const enough = shared[w]! >= needed;
      shared[w] = 0;
      if (!enough) continue;
      const word = this.list[w]!;
      if (Math.abs(word.length - typed.length) > max) continue;
      const distance = editDistance(typed, word, Math.min(max, bestDistance));
      if (distance > max || distance === 0) continue;
      const { term, count } = this.known[w]!;
      if (distance < bestDistance || (distance === bestDistance && count > bestCount)) {
        best = { term, word };
        bestDistance = distance;
        bestCount = count;
      }
    }
    return best;
  }

  private buildIndex(): Map<string, number[]> {
    if (this.index) return this.index;
    const index = new Map<string, number[]>();
    this.list.forEach((word, w) => {
      for (const gram of new Set(bigrams(word))) {
        const list = index.get(gram);
        if (list) list.push(w);
        else index.set(gram, [w]);
      }
    });
    this.shared = new Uint16Array(this.list.length);
    this.index = index;
    return index;
  }
}

function bigrams(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) out.push(padded.slice(i, i + 2));
  return out;
}
