import { stemmer } from 'stemmer';

/**
 * The one tokenizer used by the index, the query parser and the highlighter, so a word is
 * normalised the same way wherever it is met: case, accents and punctuation are folded away,
 * possessives dropped, and English words reduced to their stem ("folded proteins" and "protein
 * folding" both become `fold protein`).
 */
export interface Token {
  /** The normalised, stemmed term. */
  term: string;
  /** Offsets of the word in the original text (`text.slice(start, end)`). */
  start: number;
  end: number;
  /** Word position; the parts of "self-driving" take consecutive positions. */
  pos: number;
  /** Positions the token covers: 1, or the number of parts for the joined form ("selfdriving": 2). */
  span: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’.\-_][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
const DOTTED_NUMBER = /^\d+(?:\.\d+)+$/;

/** Lower-cases and strips accents; keeps length changes out of the offsets by working per word. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A word as spelling correction and completion know it: folded, without a possessive ("Google's" → "google"). */
export function wordOf(surface: string): string {
  return fold(surface).replace(/['’]s$/, '');
}

/** What makes two spellings one word form for exact matching: "GPT-4" and "GPT4", "don't" and "dont". */
export function formOf(word: string): string {
  return word.replace(/['’\-_]/g, '');
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Normalises one folded word (no separators inside) to its index term. */
export function stemWord(word: string): string {
  if (word.length <= 2 || /\d/.test(word)) return word;
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/** Splits text into tokens with offsets and positions. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    const simple = simpleTerm(raw);
    if (simple !== undefined) {
      if (simple) tokens.push({ term: simple, start, end: start + raw.length, pos: pos++, span: 1 });
      continue;
    }
    const folded = fold(raw).replace(/['’]s$/, '');
    if (DOTTED_NUMBER.test(folded)) {
      // arXiv ids and versions ("2405.06624", "3.5") stay whole.
      tokens.push({ term: folded, start, end: start + raw.length, pos: pos++, span: 1 });
      continue;
    }
    const pieces = splitPieces(raw, start);
    if (pieces.length > 1 && pieces.every((p) => /^\p{L}$/u.test(p.text))) {
      // An acronym with dots ("U.S.", "e.g.") is one word: "u.s", never the stop word "us".
      tokens.push({
        term: pieces.map((p) => fold(p.text)).join('.'),
        start,
        end: start + raw.length,
        pos: pos++,
        span: 1,
      });
      continue;
    }
    if (pieces.length === 1) {
      const term = stemWord(
        fold(pieces[0]!.text)
          .replace(/['’]s$/, '')
          .replace(/['’]/g, ''),
      );
      if (term) tokens.push({ term, start, end: start + raw.length, pos: pos++, span: 1 });
      continue;
    }
    const first = pos;
    for (const piece of pieces) {
      const term = stemWord(fold(piece.text));
      if (term) tokens.push({ term, start: piece.start, end: piece.end, pos: pos++, span: 1 });
    }
    // "GPT-4" is also findable as "gpt4", "self-driving" as "selfdriving".
    const joined = stemWord(pieces.map((p) => fold(p.text)).join(''));
    if (joined) tokens.push({ term: joined, start, end: start + raw.length, pos: first, span: pos - first });
  }
  return tokens;
}

const wordCache = new Map<string, string>();

/** The term of a word with no inner separators, cached: most words recur thousands of times. */
function simpleTerm(raw: string): string | undefined {
  const cached = wordCache.get(raw);
  if (cached !== undefined) return cached;
  if (/['’.\-_]/.test(raw)) {
    // Possessives are the one separator a simple word may carry ("Google's").
    if (!/^[^'’.\-_]+['’][sS]$/.test(raw)) return undefined;
  }
  const term = stemWord(fold(raw).replace(/['’]s$/, ''));
  if (wordCache.size >= STEM_CACHE_LIMIT) wordCache.clear();
  wordCache.set(raw, term);
  return term;
}

function splitPieces(raw: string, offset: number): { text: string; start: number; end: number }[] {
  // Apostrophes join ("don't" → "dont"); hyphens, dots and underscores separate.
  const pieces: { text: string; start: number; end: number }[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
  for (const m of raw.matchAll(re)) {
    const text = m[0].replace(/['’]s$/i, '').replace(/['’]/g, '');
    pieces.push({ text, start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return pieces;
}

/**
 * The tokens a query should look for: a hyphenated word as its joined form ("GPT-4" → `gpt4`,
 * which both "GPT-4" and "GPT4" carry), every other word as itself.
 */
export function queryTokens(text: string): Token[] {
  const tokens = tokenize(text);
  const joined = tokens.filter((t) => t.span > 1);
  return tokens.filter((t) => t.span > 1 || !joined.some((j) => t.pos >= j.pos && t.pos < j.pos + j.span));
}

/** Index terms of a text, in order (with the joined forms of hyphenated words). */
export function termsOf(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

/**
 * Common English words that carry no meaning in a search. They are indexed (phrases need them)
 * but dropped from ordinary query terms.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have having he her hers ' +
    'him his how i if in into is it its me my no nor not of on or our ours she so than that the their them then ' +
    'there these they this those to too us was we were what when where which while who whom why will with would ' +
    'you your yours about any all also just more most some such over very'
  )
    .split(' ')
    .map((w) => stemWord(w)),
);

export function isStopTerm(term: string): boolean {
  return STOP_WORDS.has(term);
}
