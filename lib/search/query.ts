import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from './limits';
import { fold, isStopTerm, queryTokens, tokenize, wordOf } from './text';

/**
 * One thing a paragraph can match: a word (stemmed) or an exact phrase (a run of stemmed words).
 * `raw` is the text the user typed for it, found at `start` in `ParsedQuery.text` (-1 when the
 * matcher was added by rewriting, not typed).
 */
export type Matcher =
  | {
      type: 'term';
      term: string;
      /** The word forms a paragraph holds exactly when it matches more than the stem (folded). */
      words: string[];
      raw: string;
      start: number;
    }
  | { type: 'phrase'; terms: string[]; raw: string; start: number };

/** Alternatives joined by `OR`; a paragraph satisfies the clause when it matches any of them. */
export interface Clause {
  anyOf: Matcher[];
}

export interface YearRange {
  from: number;
  to: number;
}

/** Filters written inline (`topic:policy`) or passed as URL parameters. */
export interface QueryFilters {
  topic: string[];
  year: YearRange[];
  issue: number[];
  kind: string[];
  /** Link filters: a host or URL fragment a paragraph must cite (`link:arxiv.org`). */
  link: string[];
}

export interface ParsedQuery {
  /** The query as read: normalised and cut to the length limit; matchers' offsets point into it. */
  text: string;
  /** Clauses that must all match (AND); empty when the query has no words. */
  must: Clause[];
  /** Matchers no result may contain (`-word`, `-"a phrase"`). */
  exclude: Matcher[];
  filters: QueryFilters;
  /** Why parts of the query were not understood (e.g. `year:20x`), for the response. */
  warnings: string[];
  /**
   * The query holds text besides filters, but not one word to search for (`😀`, `- - -`, `OR OR`,
   * `"""`): it matches nothing, rather than everything as an empty query would.
   */
  nothingToSearch: boolean;
}

const FILTER = /^(topic|year|issue|kind|link):(.*)$/i;
const QUESTION =
  /^(what|how|why|when|who|which|where|did|does|do|has|have|is|are|was|were|can|could|should|will)\b/i;
/** Words that frame a question rather than say what it is about ("what has Import AI said about…"). */
const QUESTION_NOISE = new Set(
  [
    'say',
    'said',
    'says',
    'written',
    'wrote',
    'write',
    'think',
    'thought',
    'cover',
    'covered',
    'tell',
    'told',
    'mention',
    'mentioned',
    'talk',
    'talked',
    'news',
    'newsletter',
    'jack',
    'clark',
    'anyth',
    'anything',
    'ever',
    'lately',
    'recent',
    'recently',
  ].map((w) => tokenize(w)[0]?.term ?? w),
);

export function emptyFilters(): QueryFilters {
  return { topic: [], year: [], issue: [], kind: [], link: [] };
}

type Piece =
  | { kind: 'word'; text: string; start: number; negated: boolean }
  | { kind: 'phrase'; text: string; start: number; negated: boolean }
  | { kind: 'or' };

/** A pasted URL; an arXiv one is searched by its paper id, any other as a `link:` filter. */
const URL_WORD = /^(?:https?:\/\/|www\.)\S+$/i;
const ARXIV_URL =
  /^(?:https?:\/\/)?(?:www\.)?(?:export\.)?arxiv\.org\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5})(?:v\d+)?/i;

/**
 * Parses the query language: words (all must match), "exact phrases", -exclusions, OR between
 * alternatives, and inline filters (`topic:policy`, `year:2023`, `year:2019..2021`, `issue:226`,
 * `kind:tech-tales`, `link:arxiv.org`). Never throws: whatever cannot be understood is ignored with
 * a warning. Natural phrasings are understood too: "since 2018" filters years, and a question's
 * framing ("what has Import AI said about") is dropped.
 */
export function parseQuery(input: string): ParsedQuery {
  const warnings: string[] = [];
  const filters = emptyFilters();
  let text = input
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
  if (text.length > MAX_QUERY_LENGTH) text = text.slice(0, MAX_QUERY_LENGTH);

  const isQuestion = QUESTION.test(text.trim());
  // Year phrases ("since 2018") are read outside quotes only: "progress since 2018" is a phrase.
  // They are blanked out rather than removed, so offsets into the query stay true.
  const read = text
    .split(/("[^"]*"?)/)
    .map((part) => (part.startsWith('"') ? part : extractYearPhrases(part, filters, isQuestion)))
    .join('');

  const pieces: Piece[] = [];
  // Whatever was typed besides filters: when none of it is a word, nothing is searched.
  let typed = false;
  for (const match of read.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    const negated = match[1] === '-' || (match[3]?.startsWith('-') === true && match[3].length > 1);
    if (match[2] !== undefined) {
      typed = true;
      const start = match.index + match[1]!.length + 1;
      if (match[2].trim()) pieces.push({ kind: 'phrase', text: match[2], start, negated });
      continue;
    }
    const word = match[3]!;
    if (word === 'OR' || word === '|') {
      typed = true;
      pieces.push({ kind: 'or' });
      continue;
    }
    const filter = FILTER.exec(word);
    if (filter) {
      applyFilter(filter[1]!.toLowerCase(), filter[2]!, filters, warnings);
      continue;
    }
    if (/^-(topic|year|issue|kind|link):/i.test(word)) {
      warnings.push(`${word.slice(0, 40)}: filters cannot be negated; remove the filter instead`);
      continue;
    }
    if (!negated && URL_WORD.test(word)) {
      const arxiv = ARXIV_URL.exec(word);
      if (arxiv) pieces.push({ kind: 'word', text: arxiv[1]!, start: -1, negated: false });
      else applyFilter('link', word, filters, warnings);
      continue;
    }
    typed = true;
    const start = match.index + (negated ? 1 : 0);
    pieces.push({ kind: 'word', text: negated ? word.slice(1) : word, start, negated });
  }

  const must: Clause[] = [];
  const exclude: Matcher[] = [];
  let joinNext = false;
  let termCount = 0;
  for (const piece of pieces) {
    if (piece.kind === 'or') {
      joinNext = must.length > 0;
      continue;
    }
    const matchers = toMatchers(piece, isQuestion);
    if (matchers.length === 0) continue;
    termCount += matchers.length;
    if (termCount > MAX_QUERY_TERMS) {
      warnings.push(`only the first ${MAX_QUERY_TERMS} terms are used`);
      break;
    }
    if (piece.negated) {
      exclude.push(...matchers);
      joinNext = false;
      continue;
    }
    if (joinNext) {
      // "a OR b c" → (a | b) & c; a multi-word alternative joins the OR with its first word.
      const [first, ...rest] = matchers;
      must[must.length - 1]!.anyOf.push(first!);
      for (const matcher of rest) must.push({ anyOf: [matcher] });
    } else {
      for (const matcher of matchers) must.push({ anyOf: [matcher] });
    }
    joinNext = false;
  }
  const nothingToSearch = typed && must.length === 0 && exclude.length === 0;
  if (nothingToSearch)
    warnings.push(`${quoteForWarning(text)} has no word to search for, so nothing matches`);
  return { text, must: dropStopClauses(must), exclude, filters, warnings, nothingToSearch };
}

/** The query as a warning names it: trimmed, and cut short when long. */
function quoteForWarning(text: string): string {
  const trimmed = text.trim();
  return JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed);
}

function toMatchers(piece: Exclude<Piece, { kind: 'or' }>, isQuestion: boolean): Matcher[] {
  const tokens = queryTokens(piece.text);
  const at = (offset: number) => (piece.start === -1 ? -1 : piece.start + offset);
  if (piece.kind === 'phrase') {
    const terms = tokens.map((t) => t.term);
    if (terms.length === 0) return [];
    const lead = piece.text.length - piece.text.trimStart().length;
    const raw = piece.text.trim();
    if (terms.length === 1)
      return [{ type: 'term', term: terms[0]!, words: [wordOf(raw)], raw, start: at(lead) }];
    return [{ type: 'phrase', terms, raw, start: at(lead) }];
  }
  return tokens
    .filter((t) => !(isQuestion && QUESTION_NOISE.has(t.term)))
    .map((t) => {
      const raw = piece.text.slice(t.start, t.end);
      return { type: 'term' as const, term: t.term, words: [wordOf(raw)], raw, start: at(t.start) };
    });
}

/** Stop words are dropped unless the query is nothing but stop words. */
function dropStopClauses(must: Clause[]): Clause[] {
  const meaningful = must.filter(
    (c) => !(c.anyOf.length === 1 && c.anyOf[0]!.type === 'term' && isStopTerm(c.anyOf[0]!.term)),
  );
  // "Import AI" names the newsletter; every paragraph is from it.
  const withoutName = dropNewsletterName(meaningful);
  return withoutName.length > 0 ? withoutName : meaningful.length > 0 ? meaningful : must;
}

function dropNewsletterName(must: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (let i = 0; i < must.length; i++) {
    const a = single(must[i]);
    const b = single(must[i + 1]);
    if (a === 'import' && b === 'ai') {
      i++;
      continue;
    }
    out.push(must[i]!);
  }
  return out;
}

function single(clause: Clause | undefined): string | undefined {
  const only = clause?.anyOf.length === 1 ? clause.anyOf[0] : undefined;
  return only?.type === 'term' ? only.term : undefined;
}

/** "since 2018", "after 2020", "before 2021", "between 2019 and 2021", and in questions "in 2023". */
function extractYearPhrases(text: string, filters: QueryFilters, isQuestion: boolean): string {
  const blank = (phrase: string) => ' '.repeat(phrase.length);
  let out = text.replace(
    /\b(?:between|from)\s+((?:19|20)\d{2})\s+(?:and|to|-)\s+((?:19|20)\d{2})\b/gi,
    (phrase, a: string, b: string) => {
      filters.year.push(orderRange(Number(a), Number(b)));
      return blank(phrase);
    },
  );
  out = out.replace(
    /\b(since|after|from|before|until)\s+((?:19|20)\d{2})\b/gi,
    (phrase, word: string, y: string) => {
      const year = Number(y);
      const lower = word.toLowerCase();
      if (lower === 'before') filters.year.push({ from: 0, to: year - 1 });
      else if (lower === 'until') filters.year.push({ from: 0, to: year });
      else if (lower === 'after') filters.year.push({ from: year + 1, to: 9999 });
      else filters.year.push({ from: year, to: 9999 });
      return blank(phrase);
    },
  );
  if (isQuestion) {
    out = out.replace(/\b(?:in|during)\s+((?:19|20)\d{2})\b/gi, (phrase, y: string) => {
      filters.year.push({ from: Number(y), to: Number(y) });
      return blank(phrase);
    });
  }
  return out;
}

function orderRange(a: number, b: number): YearRange {
  return a <= b ? { from: a, to: b } : { from: b, to: a };
}

function applyFilter(name: string, rawValue: string, filters: QueryFilters, warnings: string[]): void {
  const value = rawValue.trim().replace(/^"|"$/g, '');
  if (!value) {
    warnings.push(`${name}: needs a value`);
    return;
  }
  switch (name) {
    case 'topic':
    case 'kind':
      for (const v of value.split(',')) if (v.trim()) filters[name].push(fold(v.trim()));
      return;
    case 'issue':
      for (const v of value.split(',')) {
        const n = /^#?(\d{1,5})$/.exec(v.trim());
        if (n) filters.issue.push(Number(n[1]));
        else warnings.push(`issue:${v} is not an issue number`);
      }
      return;
    case 'year': {
      for (const v of value.split(',')) {
        const range = parseYearRange(v.trim());
        if (range) filters.year.push(range);
        else warnings.push(`year:${v} is not a year or a range like 2019..2021`);
      }
      return;
    }
    case 'link':
      filters.link.push(
        fold(value)
          .replace(/^https?:\/\//, '')
          .replace(/^www\./, '')
          .replace(/#.*$/, '')
          .replace(/\/+$/, ''),
      );
      return;
  }
}

/** `2023`, `2019..2021`, `2019-2021`, `2019..` or `..2021`. */
export function parseYearRange(value: string): YearRange | null {
  const single = /^(\d{4})$/.exec(value);
  if (single) return { from: Number(single[1]), to: Number(single[1]) };
  const range = /^(\d{4})?(?:\.\.|-|–)(\d{4})?$/.exec(value);
  if (!range || (!range[1] && !range[2])) return null;
  return orderRange(range[1] ? Number(range[1]) : 0, range[2] ? Number(range[2]) : 9999);
}
