import { escapeHtml } from '../catalogue/inline';
import { tokenize, type Token } from './text';

/** The words to mark: stemmed terms, so "protein" marks "proteins" but "ai" never marks "again". */
export type MarkTerms = ReadonlySet<string>;

export const SNIPPET_WORDS = 30;

/**
 * Escapes the text and wraps every whole word whose stem is in `terms` in `<mark>`. Matching works
 * on the tokenizer's words, never on substrings, and the text is escaped before any markup is added.
 */
export function highlight(text: string, terms: MarkTerms): string {
  const tokens = tokenize(text);
  const marked = Uint8Array.from(tokens, (t) => (terms.has(t.term) ? 1 : 0));
  return render(text, markedTokenRanges(toWordTokens(tokens), marked), 0, text.length);
}

/**
 * About `words` words of the text centred on the densest cluster of matches, highlighted, with "…"
 * where it was cut. Without matches, the opening words.
 */
export function snippet(text: string, terms: MarkTerms, words = SNIPPET_WORDS): string {
  const tokens = tokenize(text);
  const marked = Uint8Array.from(tokens, (t) => (terms.has(t.term) ? 1 : 0));
  return snippetOfTokens(text, toWordTokens(tokens), marked, words);
}

/** Tokens as parallel arrays: each token's word position, positions spanned, and character offsets. */
export interface WordTokens {
  pos: ArrayLike<number>;
  span: ArrayLike<number>;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
}

function toWordTokens(tokens: readonly Token[]): WordTokens {
  return {
    pos: tokens.map((t) => t.pos),
    span: tokens.map((t) => t.span),
    start: tokens.map((t) => t.start),
    end: tokens.map((t) => t.end),
  };
}

/**
 * `snippet` over tokens already read (the engine keeps every paragraph's): a word is a token
 * position, and `marked[i]` says whether token `i` is marked.
 */
export function snippetOfTokens(
  text: string,
  tokens: WordTokens,
  marked: ArrayLike<number>,
  words = SNIPPET_WORDS,
): string {
  const count = tokens.pos.length;
  const ranges = markedTokenRanges(tokens, marked);
  const positions = count === 0 ? 0 : tokens.pos[count - 1]! + tokens.span[count - 1]!;
  if (positions <= words) return render(text, ranges, 0, text.length);

  // Slide a window of `words` positions and keep the one holding the most marked ones.
  const markedPos = new Uint8Array(positions);
  for (let i = 0; i < count; i++) if (marked[i]) markedPos[tokens.pos[i]!] = 1;
  let best = 0;
  let bestCount = 0;
  let marks = 0;
  for (let p = 0; p < positions; p++) {
    marks += markedPos[p]!;
    if (p >= words) marks -= markedPos[p - words]!;
    if (p >= words - 1 && marks > bestCount) {
      bestCount = marks;
      best = p - words + 1;
    }
  }
  if (bestCount > 0) {
    // Centre the matches inside the window rather than pressing them against an edge.
    let first = -1;
    let last = -1;
    for (let p = best; p < best + words; p++) {
      if (!markedPos[p]) continue;
      if (first === -1) first = p;
      last = p;
    }
    best = Math.max(0, Math.min(positions - words, Math.round((first + last) / 2) - Math.floor(words / 2)));
  }
  let from = best === 0 ? 0 : text.length;
  let to = best + words >= positions ? text.length : 0;
  for (let i = 0; i < count; i++) {
    const pos = tokens.pos[i]!;
    if (pos >= best && pos < best + words) {
      from = Math.min(from, tokens.start[i]!);
      to = Math.max(to, tokens.end[i]!);
    }
  }
  return render(text, ranges, from, to, from > 0 ? '… ' : '', to < text.length ? ' …' : '');
}

/**
 * The marked tokens' character ranges, merged, in text order. Tokens come in text order except a
 * joined form ("self-driving"), which follows its parts and spans them: it can reach back over the
 * ranges of its parts, which it then absorbs.
 */
function markedTokenRanges(tokens: WordTokens, marked: ArrayLike<number>): Range[] {
  const ranges: Range[] = [];
  for (let i = 0; i < tokens.start.length; i++) {
    if (!marked[i]) continue;
    let start = tokens.start[i]!;
    let end = tokens.end[i]!;
    while (ranges.length > 0 && start <= ranges[ranges.length - 1]!.end) {
      const last = ranges.pop()!;
      start = Math.min(start, last.start);
      end = Math.max(end, last.end);
    }
    ranges.push({ start, end });
  }
  return ranges;
}

/** Characters `text.slice(start, end)` to mark. */
interface Range {
  start: number;
  end: number;
}

function render(
  text: string,
  ranges: readonly Range[],
  from: number,
  to: number,
  lead = '',
  tail = '',
): string {
  // Joined rather than concatenated: a cached response keeps one flat string per snippet, not a
  // tree of pieces for the garbage collector to walk.
  const parts = [lead];
  let at = from;
  for (const range of ranges) {
    if (range.end <= from || range.start >= to) continue;
    const start = Math.max(range.start, from);
    const end = Math.min(range.end, to);
    parts.push(escapeHtml(text.slice(at, start)), '<mark>', escapeHtml(text.slice(start, end)), '</mark>');
    at = end;
  }
  parts.push(escapeHtml(text.slice(at, to)), tail);
  return parts.join('');
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * Marks the words in a paragraph's safe inline HTML (as the catalogue stores it: escaped text and
 * a few simple tags). Only the text between tags is touched; it is unescaped, marked and escaped again.
 */
export function highlightHtml(html: string, terms: MarkTerms): string {
  if (terms.size === 0) return html;
  return html
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith('<')
        ? part
        : highlight(
            part.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e),
            terms,
          ),
    )
    .join('');
}
