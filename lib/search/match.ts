import type { WorkBudget } from './budget';
import type { FieldHits } from './flex';
import { countRuns, hasRun } from './positions';
import type { Clause, Matcher, ParsedQuery } from './query';
import { RANKING } from './ranking';
import type { Scratch } from './scratch';
import type { SearchIndex } from './search-index';

/** Where one matcher (a word or a phrase) is found, from FlexSearch's answers. */
export interface MatcherHits {
  matcher: Matcher;
  /** The same for every matcher that finds the same paragraphs (same stems, same exact forms). */
  key: string;
  /** Term ids: the word's stem, or the phrase's stems in order; empty when the archive lacks one. */
  ids: number[];
  /** Ids of the word forms that count as exact (terms only). */
  formIds: number[];
  /** Paragraphs holding it in their text (a phrase: as a run), with the run counts for phrases. */
  text: readonly number[];
  runs?: Uint16Array;
  /** Paragraphs citing it in a link (terms only). */
  links: readonly number[];
  /** Stories whose headline or dek holds it. */
  heads: readonly number[];
}

/** One clause (alternatives joined by OR) and where any of its alternatives is found. */
export interface ClauseHits {
  matchers: MatcherHits[];
  /** Per paragraph: holds the clause in its text or links. */
  inParagraph: Uint8Array;
  /** Per story: holds it in a paragraph (`inStoryText`), in its headline or dek, or anywhere. */
  inStoryText: Uint8Array;
  inHead: Uint8Array;
  inStory: Uint8Array;
  stories: number[];
  /** A phrase the user quoted: when the story's text holds it, the paragraphs shown must too. */
  quoted: boolean;
}

export interface Matches {
  /** Matching paragraphs in index order, so each story's are together and in reading order. */
  paragraphs: Int32Array;
  clauses: ClauseHits[];
  /** Per story: how many of the clauses it holds. */
  held: Uint8Array;
  /** No story holds every clause, so these hold only some. */
  relaxed: boolean;
}

/**
 * What one search has looked up so far, and the work it may still do: a word or phrase may appear
 * in several clauses (and in the rewriting step), and is looked up and checked once.
 */
export class MatchMemo {
  /** FlexSearch's answer per term. */
  readonly lookups = new Map<string, FieldHits>();
  /** Where each distinct word or phrase is found, by `MatcherHits.key`. */
  readonly found = new Map<string, Omit<MatcherHits, 'matcher'>>();

  constructor(readonly budget: WorkBudget) {}
}

/**
 * The paragraphs a query matches. A story matches when it holds every clause somewhere (headline,
 * dek, any paragraph or cited link: "Microsoft stores data in glass" describes a story even when no
 * single paragraph holds all four words); its matching paragraphs are those holding at least one
 * clause themselves (and a quoted phrase its text holds), and its opening paragraph when its headline
 * or dek holds one (they are that paragraph's run-in heading). When few stories hold every clause,
 * those holding most of them match too (ranked after; `relaxed` when none holds them all).
 * Exclusions drop the paragraphs holding them (not their stories); `link:` filters keep the
 * paragraphs citing every link given. A query with no clause matches every paragraph (browsing by
 * filters), unless it typed something that holds no word to search for: then none.
 */
export function matchQuery(
  index: SearchIndex,
  query: ParsedQuery,
  scratch: Scratch,
  memo: MatchMemo,
): Matches {
  if (query.nothingToSearch)
    return { paragraphs: new Int32Array(0), clauses: [], held: new Uint8Array(0), relaxed: false };
  const excluded = query.exclude.length ? excludedParagraphs(index, query.exclude, scratch, memo) : undefined;
  const links = query.filters.link;
  const keep =
    !excluded && links.length === 0
      ? () => true
      : (d: number) =>
          !excluded?.[d] && links.every((l) => index.linkTargets[d]!.some((t) => citesLink(t, l)));

  const clauses = query.must.map((clause) => clauseHits(index, clause, scratch, memo));
  // Matching paragraphs in index order; typed, so a garbage collection mid-query has little to move.
  const out = scratch.ints(index.docs.length);
  let count = 0;
  if (clauses.length === 0) {
    for (let d = 0; d < index.docs.length; d++) if (keep(d)) out[count++] = d;
    return { paragraphs: out.subarray(0, count), clauses, held: new Uint8Array(0), relaxed: false };
  }

  const held = scratch.bytes(index.storyCount);
  for (const clause of clauses) for (const s of clause.stories) held[s]!++;
  const stories = storiesHolding(held, clauses);
  const relaxed = stories.length > 0 && !stories.some((s) => held[s] === clauses.length);
  // Per paragraph: holds some clause itself; per story: its headline or dek holds one.
  const anyClause = scratch.bytes(index.docs.length);
  const anyHead = scratch.bytes(index.storyCount);
  for (const clause of clauses) {
    for (const matcher of clause.matchers) {
      for (const d of matcher.text) anyClause[d] = 1;
      for (const d of matcher.links) anyClause[d] = 1;
      for (const s of matcher.heads) anyHead[s] = 1;
    }
  }
  const quoted = clauses.filter((c) => c.quoted);
  for (const s of stories) {
    const first = index.storyFirst[s]!;
    const end = first + index.storySize[s]!;
    const start = count;
    const required = quoted.length ? quoted.filter((c) => c.inStoryText[s]) : quoted;
    if (required.length > 0) {
      for (let d = first; d < end; d++)
        if (anyClause[d] && required.every((c) => c.inParagraph[d]) && keep(d)) out[count++] = d;
    }
    // When no single paragraph holds every quoted phrase, the paragraphs holding any clause match.
    if (count === start) for (let d = first; d < end; d++) if (anyClause[d] && keep(d)) out[count++] = d;
    // The headline and dek are the run-in heading of the opening paragraph: what they hold, it holds
    // (unless a quoted phrase the text holds is required).
    const headed = anyHead[s] && (required.length === 0 || count === start);
    if (headed && (count === start || out[start] !== first) && keep(first)) {
      out.copyWithin(start + 1, start, count);
      out[start] = first;
      count++;
    }
  }
  return { paragraphs: out.subarray(0, count), clauses, held, relaxed };
}

function clauseHits(index: SearchIndex, clause: Clause, scratch: Scratch, memo: MatchMemo): ClauseHits {
  const inParagraph = scratch.bytes(index.docs.length);
  const inStoryText = scratch.bytes(index.storyCount);
  const inHead = scratch.bytes(index.storyCount);
  const inStory = scratch.bytes(index.storyCount);
  const stories: number[] = [];
  const markStory = (s: number) => {
    if (inStory[s]) return;
    inStory[s] = 1;
    stories.push(s);
  };
  const matchers = clause.anyOf.map((matcher) => {
    const hits = matcherHits(index, matcher, memo);
    for (const list of [hits.text, hits.links]) {
      for (const d of list) {
        inParagraph[d] = 1;
        const s = index.storyOf[d]!;
        inStoryText[s] = 1;
        markStory(s);
      }
    }
    for (const s of hits.heads) {
      inHead[s] = 1;
      markStory(s);
    }
    return hits;
  });
  const quoted = clause.anyOf.every((m) => m.type === 'phrase' && m.start >= 0);
  return { matchers, inParagraph, inStoryText, inHead, inStory, stories, quoted };
}

/** Where a word or phrase is found, looked up once per search whatever the clauses repeating it. */
function matcherHits(index: SearchIndex, matcher: Matcher, memo: MatchMemo): MatcherHits {
  const key =
    matcher.type === 'term' ? `t ${matcher.term} ${matcher.words.join(' ')}` : `p ${matcher.terms.join(' ')}`;
  let found = memo.found.get(key);
  if (!found) {
    found =
      matcher.type === 'term' ? termHits(index, matcher, key, memo) : phraseHits(index, matcher, key, memo);
    memo.found.set(key, found);
  }
  return { matcher, ...found };
}

type Found = Omit<MatcherHits, 'matcher'>;

function nowhere(key: string): Found {
  return { key, ids: [], formIds: [], text: [], links: [], heads: [] };
}

function termHits(
  index: SearchIndex,
  matcher: Matcher & { type: 'term' },
  key: string,
  memo: MatchMemo,
): Found {
  const id = index.termIdOf(matcher.term);
  if (id === undefined) return nowhere(key);
  const hits = lookup(index, matcher.term, memo);
  // Distinct: occurrences are counted per form.
  const formIds = [
    ...new Set(matcher.words.map((w) => index.formIdOf(w)).filter((f): f is number => f !== undefined)),
  ];
  return { key, ids: [id], formIds, text: hits.text, links: hits.links, heads: storiesOf(index, hits.head) };
}

/**
 * The paragraphs holding a phrase as a run, and the stories whose headline or dek does. Candidates
 * are the paragraphs holding every word (the engine's postings, sorted by paragraph, merged); each
 * is then read word by word, at the cost of its length in the search's work budget. When the budget
 * runs out, the candidates not yet read do not match.
 */
function phraseHits(
  index: SearchIndex,
  matcher: Matcher & { type: 'phrase' },
  key: string,
  memo: MatchMemo,
): Found {
  const ids = matcher.terms.map((t) => index.termIdOf(t));
  if (ids.some((id) => id === undefined)) return nowhere(key);
  const runIds = ids as number[];
  const { text, runs } = runsIn(index, paragraphsHoldingAll(index, runIds), runIds, memo.budget);
  // A headline holding the run holds every word: the stories of the rarest word's hits are enough.
  const heads: number[] = [];
  const rarest = matcher.terms
    .map((t) => lookup(index, t, memo).head)
    .reduce((a, b) => (b.length < a.length ? b : a));
  for (const s of storiesOf(index, rarest)) {
    const seq = index.heads[s]!;
    if (!memo.budget.take(seq.to - seq.from)) break;
    if (hasRun(seq, runIds)) heads.push(s);
  }
  return { key, ids: runIds, formIds: [], text, runs, links: [], heads };
}

/**
 * The candidates holding the run, with its count in each, read until the budget runs out. Its own
 * function so that the hot loop is compiled on its own.
 */
function runsIn(
  index: SearchIndex,
  candidates: Int32Array,
  ids: readonly number[],
  budget: WorkBudget,
): { text: number[]; runs: Uint16Array } {
  // A plain array, as FlexSearch gives for words: every list of paragraphs has one type.
  const text: number[] = [];
  const runs = new Uint16Array(candidates.length);
  for (let k = 0; k < candidates.length; k++) {
    const d = candidates[k]!;
    const seq = index.text[d]!;
    if (!budget.take(seq.to - seq.from)) break;
    const count = countRuns(seq, ids);
    if (count > 0) runs[text.push(d) - 1] = Math.min(65535, count);
  }
  return { text, runs: runs.subarray(0, text.length) };
}

/** Whether any paragraph's text holds the terms as a phrase (for offering a compound's split form). */
export function hasPhrase(index: SearchIndex, terms: readonly string[], memo: MatchMemo): boolean {
  const ids = terms.map((t) => index.termIdOf(t));
  if (ids.some((id) => id === undefined)) return false;
  const candidates = paragraphsHoldingAll(index, ids as number[]);
  for (let k = 0; k < candidates.length; k++) {
    const seq = index.text[candidates[k]!]!;
    if (!memo.budget.take(seq.to - seq.from)) return false;
    if (hasRun(seq, ids as number[])) return true;
  }
  return false;
}

function lookup(index: SearchIndex, term: string, memo: MatchMemo): FieldHits {
  let hits = memo.lookups.get(term);
  if (!hits) {
    hits = index.lookup(term);
    memo.lookups.set(term, hits);
  }
  return hits;
}

/** The paragraphs whose text holds every term, in index order: the postings merged, rarest first. */
function paragraphsHoldingAll(index: SearchIndex, ids: readonly number[]): Int32Array {
  const lists = ids.map((id) => index.postingsOf(id).docs).sort((a, b) => a.length - b.length);
  let out = lists[0]!;
  for (let k = 1; k < lists.length && out.length > 0; k++) {
    const other = lists[k]!;
    const kept = new Int32Array(out.length);
    let count = 0;
    let j = 0;
    for (let i = 0; i < out.length; i++) {
      const d = out[i]!;
      while (j < other.length && other[j]! < d) j++;
      if (j === other.length) break;
      if (other[j] === d) kept[count++] = d;
    }
    out = kept.subarray(0, count);
  }
  return out;
}

/** Paragraphs holding any excluded word or phrase in their own text or links (not their headline). */
function excludedParagraphs(
  index: SearchIndex,
  exclude: readonly Matcher[],
  scratch: Scratch,
  memo: MatchMemo,
): Uint8Array {
  const flags = scratch.bytes(index.docs.length);
  for (const matcher of exclude) {
    const hits = matcherHits(index, matcher, memo);
    for (const d of hits.text) flags[d] = 1;
    for (const d of hits.links) flags[d] = 1;
  }
  return flags;
}

/**
 * The stories holding every clause, in index order; when fewer than `RANKING.fill` do, those holding
 * all but one too, then all but two, and so on, until there are enough (ranking keeps the stories
 * holding every clause first); when none does, every story holding any.
 */
function storiesHolding(held: Uint8Array, clauses: readonly ClauseHits[]): number[] {
  const holding = (need: number) => {
    const out: number[] = [];
    for (let s = 0; s < held.length; s++) if (held[s]! >= need) out.push(s);
    return out;
  };
  let need = clauses.length;
  let out = holding(need);
  // None holds them all: any story holding some is a (relaxed) match.
  if (out.length === 0) return holding(1);
  while (out.length < RANKING.fill && need > 1) out = holding(--need);
  return out;
}

/** The distinct stories of some paragraphs. */
function storiesOf(index: SearchIndex, paragraphs: readonly number[]): number[] {
  const out: number[] = [];
  let last = -1;
  for (const d of paragraphs) {
    const s = index.storyOf[d]!;
    // FlexSearch lists a story's paragraphs together; the check below catches any that are not.
    if (s === last) continue;
    last = s;
    out.push(s);
  }
  return out.length > 1 ? [...new Set(out)] : out;
}

/**
 * Whether a cited link matches a `link:` filter: a bare host matches that host and its subdomains
 * (`link:x.com` is not netflix.com); with a path, the link must start with it.
 */
export function citesLink(target: string, filter: string): boolean {
  const slash = target.indexOf('/');
  const host = slash === -1 ? target : target.slice(0, slash);
  if (!filter.includes('/')) return host === filter || host.endsWith(`.${filter}`);
  return target.startsWith(filter) || target.replace(/^[^/]*\./, '').startsWith(filter);
}
