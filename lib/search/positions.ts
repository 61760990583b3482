/**
 * A text as the engine reads it: term ids with word positions, so phrases, proximity and snippets
 * work without tokenizing again. A joined token ("selfdriving" for "self-driving") sits beside its
 * parts, at the first part's position, spanning all of them.
 *
 * The arrays hold every text's tokens; this text's are `[from, to)`. One small object per text over
 * shared arrays, rather than an array view per text and field: a search reads a few hundred
 * paragraphs at random, and fetching seven scattered objects before each one's first token was a
 * large share of that reading.
 */
export interface TermSeq {
  /** Stemmed term id of each token. */
  ids: Int32Array;
  /** Word-form id of each token (its exact spelling, folded): "models" and "model" differ here. */
  forms: Int32Array;
  pos: Int32Array;
  span: Uint8Array;
  /** Character offsets of each token in the text. */
  start: Int32Array;
  end: Int32Array;
  from: number;
  to: number;
}

/** How many times the term ids follow one another in the text. */
export function countRuns(seq: TermSeq, ids: readonly number[]): number {
  let count = 0;
  const tokens = seq.ids;
  const first = ids[0]!;
  for (let i = seq.from; i < seq.to; i++) if (tokens[i] === first && runFrom(seq, i, ids)) count++;
  return count;
}

export function hasRun(seq: TermSeq, ids: readonly number[]): boolean {
  const tokens = seq.ids;
  const first = ids[0]!;
  for (let i = seq.from; i < seq.to; i++) if (tokens[i] === first && runFrom(seq, i, ids)) return true;
  return false;
}

/** Whether the run starts at token `i` (which holds its first id). */
function runFrom(seq: TermSeq, i: number, ids: readonly number[]): boolean {
  let at = i;
  for (let k = 1; k < ids.length && at !== -1; k++) at = nextAt(seq, at, ids[k]!);
  return at !== -1;
}

/** The token holding `id` right after token `from` (a joined form continues after its last part). */
function nextAt(seq: TermSeq, from: number, id: number): number {
  const position = seq.pos[from]! + seq.span[from]!;
  for (let j = from + 1; j < seq.to && seq.pos[j]! <= position + 1; j++) {
    if (seq.pos[j] === position && seq.ids[j] === id) return j;
  }
  return -1;
}

/**
 * The fewest word positions spanning one occurrence of each group present; `groupOf` maps a term id
 * to its group (its query clause, below `groups`). With fewer than two groups present, Infinity.
 */
export function smallestWindow(
  seq: TermSeq,
  groupOf: ReadonlyMap<number, number>,
  groups: number,
): { window: number; present: number } {
  const hitPos: number[] = [];
  const hitGroup: number[] = [];
  for (let i = seq.from; i < seq.to; i++) {
    const group = groupOf.get(seq.ids[i]!);
    if (group !== undefined) {
      hitPos.push(seq.pos[i]!);
      hitGroup.push(group);
    }
  }
  const have = new Array<number>(groups).fill(0);
  let need = 0;
  for (const group of hitGroup) if (have[group]!++ === 0) need++;
  if (need < 2) return { window: Infinity, present: need };
  have.fill(0);
  let covered = 0;
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < hitPos.length; right++) {
    if (have[hitGroup[right]!]!++ === 0) covered++;
    while (covered === need) {
      best = Math.min(best, hitPos[right]! - hitPos[left]! + 1);
      if (--have[hitGroup[left]!]! === 0) covered--;
      left++;
    }
  }
  return { window: best, present: need };
}
