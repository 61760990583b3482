import type { Filtered } from './facets';
import type { ClauseHits, Matches, MatcherHits } from './match';
import { countRuns, hasRun, smallestWindow } from './positions';
import { RANKING } from './ranking';
import type { Scratch } from './scratch';
import type { SearchIndex } from './search-index';
import type { Sort } from './types';

/** A paragraph with its score (higher is better; comparable within one response). */
export interface ScoredParagraph {
  index: number;
  score: number;
}

/** A story on the requested page: its score and its matching paragraphs, the lead first. */
export interface RankedStory {
  story: number;
  score: number;
  paragraphs: ScoredParagraph[];
}

/** What one matcher contributes, computed once per query from the postings. */
interface MatcherScores {
  hits: MatcherHits;
  /** Per paragraph: BM25 of its text (exact forms weighed above stem-only matches), or a link's share. */
  paragraph: Float32Array;
  /** Per story: effective occurrences in its paragraphs, and whether one of them cites it. */
  storyTf: Float32Array;
  storyLink: Uint8Array;
  /** Per story: effective occurrences in its headline and dek. */
  headTf: Float32Array;
  /**
   * Per paragraph and per story: holds the word in a form the query gives (a phrase, a link: always);
   * when no paragraph uses those forms, every match counts as exact.
   */
  exactParagraph: Uint8Array;
  exactStory: Uint8Array;
  /** Inverse document frequency among paragraphs (a phrase: its words' sum) and among stories. */
  idf: number;
  storyIdf: number;
}

/**
 * Scores for one query: a story's score (BM25F over its headline, dek and body, plus its best
 * paragraph and how close together its words sit) orders the results; a paragraph's score (BM25 of
 * its own text, the share of the query's clauses it holds, proximity) picks each story's lead.
 * Every weight comes from `RANKING`.
 */
export class Scorer {
  private readonly clauses: MatcherScores[][];
  /** Term id → the clause it stands for in proximity checks (its single words; first clause wins). */
  private readonly groups = new Map<number, number>();
  /** The first word of each clause, for the in-order check. */
  private readonly runIds: number[] | undefined;
  /** Per story: how many clauses it holds. */
  private readonly held: Uint8Array;
  /** Clauses that are quoted phrases (they must be in the lead). */
  private readonly quoted: ClauseHits[];
  /** Per story, once known: whether its headline or dek holds the query's words in order. */
  private readonly headRuns = new Map<number, boolean>();
  /** Exact-form counts of one word per paragraph, zeroed again after each use. */
  private readonly exact: Uint16Array;

  constructor(
    private readonly index: SearchIndex,
    matches: Matches,
    /** Arrays lent for this query (the ranking functions borrow from it too). */
    readonly scratch: Scratch,
  ) {
    this.held = matches.held;
    this.exact = scratch.counts(index.docs.length);
    // A word or phrase repeated across clauses is scored once.
    const scored = new Map<string, MatcherScores>();
    this.clauses = matches.clauses.map((clause) =>
      clause.matchers.map((hits) => {
        let scores = scored.get(hits.key);
        if (!scores) {
          scores = this.scoresOf(hits);
          scored.set(hits.key, scores);
        }
        return scores;
      }),
    );
    matches.clauses.forEach((clause, group) => {
      for (const { hits } of this.clauses[group]!)
        if (hits.matcher.type === 'term' && hits.ids.length && !this.groups.has(hits.ids[0]!))
          this.groups.set(hits.ids[0]!, group);
    });
    const firsts = matches.clauses.map(firstWordId);
    this.runIds = firsts.every((id) => id !== undefined) ? (firsts as number[]) : undefined;
    this.quoted = matches.clauses.filter((c) => c.quoted);
  }

  get hasClauses(): boolean {
    return this.clauses.length > 0;
  }

  /**
   * A paragraph's score before proximity: BM25 of its text (the opening paragraph's includes the
   * story's headline and dek, its run-in heading), scaled by the share of the query's clauses it
   * holds and by its role and position.
   */
  paragraphBase(d: number): number {
    let total = 0;
    let held = 0;
    for (const matchers of this.clauses) {
      let best = 0;
      for (const m of matchers) if (m.paragraph[d]! > best) best = m.paragraph[d]!;
      if (best > 0) held++;
      total += best;
    }
    const n = this.clauses.length;
    if (n > 0 && RANKING.coverage > 0) total *= (held / n) ** RANKING.coverage;
    return total * this.index.paragraphWeight[d]!;
  }

  /**
   * For a one-word query, 1 when the paragraph holds the word only through its stem ("interpreting"
   * for `interpretability`): paragraphs holding the exact form come first. With several words, the
   * forms are weighed in the scores instead (`RANKING.stemmed`): ordering on them would bury a story
   * holding every word because one is in the plural.
   */
  stemOnly(d: number): number {
    if (this.clauses.length !== 1) return 0;
    // Plain loops rather than `some` with closures: this runs for every paragraph and story ranked.
    let holds = false;
    for (const m of this.clauses[0]!) {
      if (!(m.paragraph[d]! > 0)) continue;
      if (m.exactParagraph[d] === 1) return 0;
      holds = true;
    }
    return holds ? 1 : 0;
  }

  /** The same for a story: 1 when it holds a one-word query anywhere only through its stem. */
  storyStemOnly(s: number): number {
    if (this.clauses.length !== 1) return 0;
    let holds = false;
    for (const m of this.clauses[0]!) {
      if (!(m.storyTf[s]! > 0 || m.headTf[s]! > 0 || m.storyLink[s] === 1)) continue;
      if (m.exactStory[s] === 1) return 0;
      holds = true;
    }
    return holds ? 1 : 0;
  }

  /** Whether the story holds every clause of the query (or the query has none). */
  holdsAll(s: number): boolean {
    return this.held.length === 0 || this.held[s] === this.clauses.length;
  }

  /** A story's BM25F score over its headline, dek and body (scaled when it holds only some clauses). */
  storyBase(s: number): number {
    let total = 0;
    let held = 0;
    for (const matchers of this.clauses) {
      let best = 0;
      for (const m of matchers) {
        const score = this.storyScore(m, s);
        if (score > best) best = score;
      }
      if (best > 0) held++;
      total += best;
    }
    if (held < this.clauses.length) total *= (held / this.clauses.length) ** RANKING.relaxed;
    return total;
  }

  /**
   * A bonus for the query's words together in one paragraph: all of them in order, or those it
   * holds within a few words of each other (scaled by the share of the query they are).
   */
  closeness(d: number): number {
    const n = this.clauses.length;
    if (n < 2) return 0;
    let held = 0;
    for (const matchers of this.clauses) {
      for (const m of matchers) {
        if (m.paragraph[d]! > 0) {
          held++;
          break;
        }
      }
    }
    if (held < 2) return 0;
    const text = this.index.text[d]!;
    if (this.runIds && hasRun(text, this.runIds)) return RANKING.adjacent + RANKING.proximity;
    // The opening paragraph's run-in heading may hold the words in order.
    const heading =
      this.index.docs[d]!.order === 0 && this.headPhrase(this.index.storyOf[d]!) > 0
        ? RANKING.headline * (RANKING.adjacent + RANKING.proximity)
        : 0;
    const { window, present } = smallestWindow(text, this.groups, n);
    if (window === Infinity) return heading;
    return Math.max(heading, RANKING.proximity * (present / n) * Math.min(1, (present + 1) / (window + 1)));
  }

  /** A bonus for a story whose headline or dek holds the query's words in order. */
  headPhrase(s: number): number {
    if (this.clauses.length < 2 || !this.runIds) return 0;
    let known = this.headRuns.get(s);
    if (known === undefined) {
      known = hasRun(this.index.heads[s]!, this.runIds);
      this.headRuns.set(s, known);
    }
    return known ? RANKING.headPhrase : 0;
  }

  /**
   * Whether the story must lead with its opening paragraph: a quoted phrase is in its headline or
   * dek and in none of its paragraphs.
   */
  leadsWithOpening(s: number): boolean {
    return this.quoted.some((c) => c.inStory[s] && !c.inStoryText[s]);
  }

  private storyScore(m: MatcherScores, s: number): number {
    if (m.hits.ids.length === 0) return 0;
    const tf = RANKING.head * m.headTf[s]! + m.storyTf[s]!;
    if (tf === 0) return m.storyLink[s] ? m.storyIdf * RANKING.link : 0;
    const weight = m.hits.matcher.type === 'phrase' ? RANKING.phrase : 1;
    return weight * m.storyIdf * bm25(tf, this.index.storyNorm[s]!);
  }

  private scoresOf(hits: MatcherHits): MatcherScores {
    const { index, scratch } = this;
    const n = index.docs.length;
    const paragraph = scratch.floats(n);
    const storyTf = scratch.floats(index.storyCount);
    const storyLink = scratch.bytes(index.storyCount);
    const headTf = scratch.floats(index.storyCount);
    const exactParagraph = scratch.bytes(n);
    const exactStory = scratch.bytes(index.storyCount);
    const scores: MatcherScores = {
      hits,
      paragraph,
      storyTf,
      storyLink,
      headTf,
      exactParagraph,
      exactStory,
      idf: 0,
      storyIdf: 0,
    };
    if (hits.ids.length === 0) return scores;
    const phrase = hits.matcher.type === 'phrase';
    let idf = 0;
    let storyIdf = 0;
    for (const id of hits.ids) {
      idf += index.paragraphIdf(id);
      storyIdf += index.storyIdf(id);
    }
    if (phrase) idf *= RANKING.phrase;
    scores.idf = idf;
    scores.storyIdf = storyIdf;
    // `paragraph` holds each paragraph's effective occurrences (its heading's too) until scored.
    const tf = paragraph;
    let docs: ArrayLike<number>;
    let everyFormExact = phrase;
    if (phrase) {
      docs = hits.text;
      for (let k = 0; k < hits.text.length; k++) {
        tf[hits.text[k]!] = hits.runs![k]!;
        storyTf[index.storyOf[hits.text[k]!]!]! += hits.runs![k]!;
      }
      for (const s of hits.heads) headTf[s] = countRuns(index.heads[s]!, hits.ids);
    } else {
      const id = hits.ids[0]!;
      const exact = this.exact;
      let exactDocs = 0;
      for (const form of hits.formIds) {
        const postings = index.formPostingsOf(form);
        exactDocs += postings.docs.length;
        for (let j = 0; j < postings.docs.length; j++) exact[postings.docs[j]!]! += postings.tfs[j]!;
      }
      // A form no paragraph uses cannot be preferred: every occurrence then counts in full.
      everyFormExact = exactDocs === 0;
      const stemmed = everyFormExact ? 1 : RANKING.stemmed;
      const postings = index.postingsOf(id);
      docs = postings.docs;
      for (let j = 0; j < postings.docs.length; j++) {
        const d = postings.docs[j]!;
        const count = postings.tfs[j]!;
        const same = Math.min(exact[d]!, count);
        const s = index.storyOf[d]!;
        tf[d] = same + stemmed * (count - same);
        storyTf[s]! += tf[d]!;
        if (same > 0) {
          exactParagraph[d] = 1;
          exactStory[s] = 1;
        }
      }
      for (const form of hits.formIds) for (const d of index.formPostingsOf(form).docs) exact[d] = 0;
      for (const s of hits.heads) {
        const count = index.headCount(s, id);
        let same = 0;
        for (const form of hits.formIds) same += index.headFormCount(s, form);
        same = Math.min(same, count);
        headTf[s] = same + stemmed * (count - same);
        if (same > 0) {
          exactStory[s] = 1;
          exactParagraph[index.storyFirst[s]!] = 1;
        }
      }
    }
    if (everyFormExact) {
      for (let k = 0; k < docs.length; k++) {
        exactParagraph[docs[k]!] = 1;
        exactStory[index.storyOf[docs[k]!]!] = 1;
      }
      for (const s of hits.heads) {
        exactStory[s] = 1;
        exactParagraph[index.storyFirst[s]!] = 1;
      }
    }
    // The heading counts as text of the opening paragraph; an opening holding the word itself is
    // scored with the rest, one holding it only in its heading here.
    const headingOnly: number[] = [];
    for (const s of hits.heads) {
      const d = index.storyFirst[s]!;
      if (tf[d] === 0) headingOnly.push(d);
      tf[d]! += RANKING.headline * headTf[s]!;
    }
    for (let k = 0; k < docs.length; k++) {
      const d = docs[k]!;
      paragraph[d] = idf * bm25(tf[d]!, index.paragraphNorm[d]!);
    }
    for (const d of headingOnly) paragraph[d] = idf * bm25(tf[d]!, index.paragraphNorm[d]!);
    for (const d of hits.links) {
      if (paragraph[d] === 0) paragraph[d] = idf * RANKING.link;
      storyLink[index.storyOf[d]!] = 1;
      exactParagraph[d] = 1;
      exactStory[index.storyOf[d]!] = 1;
    }
    return scores;
  }
}

function bm25(tf: number, norm: number): number {
  return (tf * (RANKING.k1 + 1)) / (tf + RANKING.k1 * norm);
}

function firstWordId(clause: ClauseHits): number | undefined {
  const term = clause.matchers.find((m) => m.matcher.type === 'term' && m.ids.length);
  return term?.ids[0];
}

/**
 * The requested page of stories. By relevance: stories holding every clause first (then, for a
 * one-word query, those holding its exact form), each tier in order of BM25F; the best
 * `scoreDepth` add their best paragraph's score and the best `rerankDepth` proximity; each story on
 * the page orders its paragraphs, lead first. Date orders sort stories by their issue's date.
 */
export function rankStories(
  index: SearchIndex,
  scorer: Scorer,
  filtered: Filtered,
  sort: Sort,
  start: number,
  per: number,
): RankedStory[] {
  const { stories, offsets, paragraphs } = filtered;
  const paragraphsOf = (k: number) => paragraphs.subarray(offsets[k]!, offsets[k + 1]!);
  if (!scorer.hasClauses || sort !== 'relevance') {
    const order = Array.from(stories.keys());
    if (sort === 'oldest')
      order.sort((a, b) => index.storyOldestRank[stories[a]!]! - index.storyOldestRank[stories[b]!]!);
    return order
      .slice(start, start + per)
      .map((k) => storyWithLead(index, scorer, stories[k]!, paragraphsOf(k), undefined, 0));
  }
  // Stories by their BM25F first; the best of them add their best paragraph's score.
  const { scratch } = scorer;
  const storyScores = scratch.doubles(stories.length);
  const partial = scratch.bytes(stories.length);
  for (let k = 0; k < stories.length; k++) {
    storyScores[k] = scorer.storyBase(stories[k]!);
    // Stories holding every clause come first, then those holding the query's exact word forms.
    partial[k] = (scorer.holdsAll(stories[k]!) ? 0 : 64) + Math.min(63, scorer.storyStemOnly(stories[k]!));
  }
  // Which stories, not their order: the second pass orders them.
  const candidates = topIndices(scratch, storyScores, Math.max(RANKING.scoreDepth, start + per), {
    tier: partial,
    unordered: true,
  });
  const base = scratch.doubles(paragraphs.length);
  const scores = scratch.doubles(stories.length);
  const bestBase = scratch.doubles(stories.length);
  for (const k of candidates) {
    for (let j = offsets[k]!; j < offsets[k + 1]!; j++) {
      base[j] = scorer.paragraphBase(paragraphs[j]!);
      bestBase[k] = Math.max(bestBase[k]!, base[j]!);
    }
    scores[k] = storyScores[k]! + RANKING.bestParagraph * bestBase[k]!;
  }
  const withLead = (k: number, score: number) =>
    storyWithLead(
      index,
      scorer,
      stories[k]!,
      paragraphsOf(k),
      base.subarray(offsets[k]!, offsets[k + 1]!),
      score,
    );
  const top = topIndices(scratch, scores, candidates.length, { tier: partial, among: candidates });
  const depth = Math.min(top.length, RANKING.rerankDepth);
  // The best stories gain what proximity adds to their best paragraph, and a headline holding the query.
  const reranked = top.slice(0, depth).map((k) => {
    const story = withLead(k, 0);
    let best = 0;
    for (const p of story.paragraphs) best = Math.max(best, p.score);
    story.score = scores[k]! + RANKING.bestParagraph * (best - bestBase[k]!) + scorer.headPhrase(story.story);
    return { k, story };
  });
  reranked.sort(
    (a, b) => partial[a.k]! - partial[b.k]! || descending(a.story.score, b.story.score) || a.k - b.k,
  );
  const rest = top.slice(depth).map((k) => ({ k, story: undefined as RankedStory | undefined }));
  return [...reranked, ...rest]
    .slice(start, start + per)
    .map(({ k, story }) => story ?? withLead(k, scores[k]!));
}

/**
 * A story with its matching paragraphs ordered best first (reading order without a query); `base`
 * holds their scores before proximity, when already known.
 */
function storyWithLead(
  index: SearchIndex,
  scorer: Scorer,
  story: number,
  paragraphs: Int32Array,
  base: Float64Array | undefined,
  score: number,
): RankedStory {
  const opening = index.storyFirst[story]!;
  const scored = Array.from(paragraphs, (d, j) => {
    if (!scorer.hasClauses) return { index: d, score: 0, stemOnly: 0 };
    const score = (base ? base[j]! : scorer.paragraphBase(d)) + scorer.closeness(d);
    return { index: d, score, stemOnly: scorer.stemOnly(d) };
  });
  sortSmall(scored, (a, b) => a.stemOnly - b.stemOnly || descending(a.score, b.score) || a.index - b.index);
  if (scorer.hasClauses && scorer.leadsWithOpening(story)) {
    const at = scored.findIndex((p) => p.index === opening);
    if (at > 0) scored.unshift(...scored.splice(at, 1));
  }
  return { story, score, paragraphs: scored };
}

/** The requested page of paragraphs (`group=paragraph`), each scored in its story's context. */
export function rankParagraphs(
  index: SearchIndex,
  scorer: Scorer,
  filtered: Filtered,
  sort: Sort,
  start: number,
  per: number,
): ScoredParagraph[] {
  const { paragraphs } = filtered;
  if (!scorer.hasClauses || sort !== 'relevance') {
    const order = Int32Array.from(paragraphs, (d) => (sort === 'oldest' ? index.oldestRank[d]! : d)).sort();
    const page = order.subarray(start, start + per);
    return Array.from(page, (value) => {
      const d = sort === 'oldest' ? index.byOldestRank[value]! : value;
      return { index: d, score: scorer.hasClauses ? scorer.paragraphBase(d) : 0 };
    });
  }
  const storyScores = new Map<number, number>();
  const scores = scorer.scratch.doubles(paragraphs.length);
  // Paragraphs holding the query's exact word forms come first.
  const tier = scorer.scratch.bytes(paragraphs.length);
  for (let k = 0; k < paragraphs.length; k++) {
    const d = paragraphs[k]!;
    const s = index.storyOf[d]!;
    let story = storyScores.get(s);
    if (story === undefined) {
      story = scorer.storyBase(s);
      storyScores.set(s, story);
    }
    scores[k] = scorer.paragraphBase(d) + RANKING.storyContext * story;
    tier[k] = Math.min(255, scorer.stemOnly(d));
  }
  const top = topIndices(scorer.scratch, scores, Math.max(RANKING.rerankDepth, start + per), { tier });
  const depth = Math.min(top.length, RANKING.rerankDepth);
  const reranked = top.slice(0, depth).map((k) => ({
    k,
    index: paragraphs[k]!,
    score: scores[k]! + scorer.closeness(paragraphs[k]!),
  }));
  reranked.sort((a, b) => tier[a.k]! - tier[b.k]! || descending(a.score, b.score) || a.index - b.index);
  const rest = top.slice(depth).map((k) => ({ k, index: paragraphs[k]!, score: scores[k]! }));
  return [...reranked, ...rest].slice(start, start + per).map(({ index: d, score }) => ({ index: d, score }));
}

/**
 * Indices of the `k` highest scores, best first (ties by index), those in a lower `tier` first;
 * among `among` only, when given; `unordered`: the same indices in index order, when only which
 * they are matters. A partial sort for long lists.
 */
function topIndices(
  scratch: Scratch,
  scores: Float64Array,
  k: number,
  options: { tier?: Uint8Array; among?: readonly number[]; unordered?: boolean } = {},
): number[] {
  const { tier, among } = options;
  const n = among ? among.length : scores.length;
  const key = scratch.doubles(scores.length);
  const keys = scratch.doubles(n);
  for (let j = 0; j < n; j++) {
    const i = among ? among[j]! : j;
    key[i] = keys[j] = tier ? scores[i]! - tier[i]! * TIER : scores[i]!;
  }
  const threshold = k < n ? kthLargest(keys, k) : -Infinity;
  const out: number[] = [];
  if (options.unordered && !among) {
    // Those above the threshold, then those at it by index (as the ordered list breaks the tie).
    let above = 0;
    for (let i = 0; i < n; i++) if (key[i]! > threshold) above++;
    let level = k - above;
    for (let i = 0; i < n; i++) {
      if (key[i]! > threshold) out.push(i);
      else if (key[i] === threshold && level > 0) {
        out.push(i);
        level--;
      }
    }
    return out;
  }
  for (let j = 0; j < n; j++) {
    const i = among ? among[j]! : j;
    if (key[i]! >= threshold) out.push(i);
  }
  out.sort((a, b) => descending(key[a]!, key[b]!) || a - b);
  return out.length > k ? out.slice(0, k) : out;
}

/**
 * Sorts in place; a short list (a story's paragraphs, usually a handful) by insertion, which
 * allocates nothing, where `Array.prototype.sort` copies the list for every story ranked.
 */
function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): void {
  if (list.length > SMALL_SORT) {
    list.sort(compare);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(list[j]!, item) > 0; j--) list[j + 1] = list[j]!;
    list[j + 1] = item;
  }
}

/** Lists up to this long are sorted by insertion (at most ~500 comparisons). */
const SMALL_SORT = 32;

/**
 * Compares for a descending order, as -1, 0 or 1: a comparator returning the difference of two
 * scores returns a fraction, which V8 allocates on the heap, once per comparison.
 */
function descending(a: number, b: number): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

/** The `k`-th largest of `values` (1-based), found in place by selection rather than a full sort. */
function kthLargest(values: Float64Array, k: number): number {
  const target = values.length - k;
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}

/** Larger than any score: puts a lower tier above every score of the next. */
const TIER = 1e9;
