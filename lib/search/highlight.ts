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
  const marked = markedIndices(tokens, terms);
  return render(text, markedTokenRanges(toWordTokens(tokens), marked, marked.length), 0, text.length);
}

/**
 * About `words` words of the text centred on the densest cluster of matches, highlighted, with "…"
 * where it was cut. Without matches, the opening words.
 */
export function snippet(text: string, terms: MarkTerms, words = SNIPPET_WORDS): string {
  const tokens = tokenize(text);
  const marked = markedIndices(tokens, terms);
  return snippetOfTokens(text, toWordTokens(tokens), marked, marked.length, words);
}

function markedIndices(tokens: readonly Token[], terms: MarkTerms): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    if (terms.has(t.term)) out.push(i);
  });
  return out;
}

/**
 * Tokens as parallel arrays: each token's word position, positions spanned, and character offsets;
 * the text's tokens are `[from, to)` of them.
 */
export interface WordTokens {
  pos: ArrayLike<number>;
  span: ArrayLike<number>;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  from: number;
  to: number;
}

function toWordTokens(tokens: readonly Token[]): WordTokens {
  return {
    pos: tokens.map((t) => t.pos),
    span: tokens.map((t) => t.span),
    start: tokens.map((t) => t.start),
    end: tokens.map((t) => t.end),
    from: 0,
    to: tokens.length,
  };
}

/**
 * `snippet` over tokens already read (the engine keeps every paragraph's): a word is a token
 * position, and `marked[0..markedCount)` are the indices of the marked tokens, ascending.
 */
export function snippetOfTokens(
  text: string,
  tokens: WordTokens,
  marked: ArrayLike<number>,
  markedCount: number,
  words = SNIPPET_WORDS,
  plain = false,
): string {
  const ranges = markedTokenRanges(tokens, marked, markedCount);
  const last = tokens.to - 1;
  const positions = last < tokens.from ? 0 : tokens.pos[last]! + tokens.span[last]!;
  if (positions <= words) return render(text, ranges, 0, text.length, '', '', plain);

  // The window of `words` positions holding the most marked positions (the first such): it starts
  // at 0 or where a marked position enters it, so only those starts are tried.
  const at = markedPositions(tokens, marked, markedCount);
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0, k = 0; i < at.count; i++) {
    const start = Math.max(0, at.positions[i]! - words + 1);
    while (at.positions[j]! < start) j++;
    if (k < i) k = i;
    while (k + 1 < at.count && at.positions[k + 1]! < start + words) k++;
    if (k - j + 1 > bestCount) {
      bestCount = k - j + 1;
      best = start;
    }
  }
  if (bestCount > 0) {
    // Centre the matches inside the window rather than pressing them against an edge.
    let first = -1;
    let last = -1;
    for (let i = 0; i < at.count; i++) {
      const p = at.positions[i]!;
      if (p < best || p >= best + words) continue;
      if (first === -1) first = p;
      last = p;
    }
    best = Math.max(0, Math.min(positions - words, Math.round((first + last) / 2) - Math.floor(words / 2)));
  }
  // Tokens are in text order, except that a joined form follows its parts (starting where the
  // first starts, ending where the last ends): so the window's first token in order starts it and
  // its last token in order ends it, and neither search need read the whole paragraph.
  const limit = best + words;
  let from = 0;
  let to = text.length;
  if (best > 0) {
    for (let i = tokens.from; i < tokens.to; i++) {
      const pos = tokens.pos[i]!;
      if (pos >= best && pos < limit) {
        from = tokens.start[i]!;
        break;
      }
    }
  }
  if (limit < positions) {
    for (let i = tokens.to - 1; i >= tokens.from; i--) {
      const pos = tokens.pos[i]!;
      if (pos >= best && pos < limit) {
        to = tokens.end[i]!;
        break;
      }
    }
  }
  return render(text, ranges, from, to, from > 0 ? '… ' : '', to < text.length ? ' …' : '', plain);
}

/**
 * The distinct word positions of the marked tokens, ascending (a joined form shares its first
 * part's position), in a buffer reused from snippet to snippet: they are built one at a time.
 */
function markedPositions(
  tokens: WordTokens,
  marked: ArrayLike<number>,
  markedCount: number,
): { positions: Int32Array; count: number } {
  if (positionList.length < markedCount) positionList = new Int32Array(markedCount * 2);
  let count = 0;
  for (let m = 0; m < markedCount; m++) {
    const p = tokens.pos[marked[m]!]!;
    // Tokens come in position order, except a joined form, which repeats an earlier position.
    let i = count;
    while (i > 0 && positionList[i - 1]! > p) i--;
    if (i > 0 && positionList[i - 1] === p) continue;
    positionList.copyWithin(i + 1, i, count);
    positionList[i] = p;
    count++;
  }
  return { positions: positionList, count };
}

let positionList = new Int32Array(64);

/**
 * The marked tokens' character ranges, merged, in text order. Tokens come in text order except a
 * joined form ("self-driving"), which follows its parts and spans them: it can reach back over the
 * ranges of its parts, which it then absorbs.
 */
function markedTokenRanges(tokens: WordTokens, marked: ArrayLike<number>, markedCount: number): Range[] {
  const ranges: Range[] = [];
  for (let m = 0; m < markedCount; m++) {
    const i = marked[m]!;
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
  /** The text holds nothing to escape. */
  plain = false,
): string {
  // Joined rather than concatenated: a cached response keeps one flat string per snippet, not a
  // tree of pieces for the garbage collector to walk.
  const parts = [lead];
  let at = from;
  for (const range of ranges) {
    if (range.end <= from || range.start >= to) continue;
    const start = Math.max(range.start, from);
    const end = Math.min(range.end, to);
    const before = text.slice(at, start);
    const marked = text.slice(start, end);
    parts.push(plain ? before : escapeText(before), '<mark>', plain ? marked : escapeText(marked), '</mark>');
    at = end;
  }
  const after = text.slice(at, to);
  parts.push(plain ? after : escapeText(after), tail);
  return parts.join('');
}

const NEEDS_ESCAPING = /[&<>"']/;

/** Whether `escapeHtml` would change anything in the text. */
export function needsHtmlEscape(text: string): boolean {
  return NEEDS_ESCAPING.test(text);
}

/** `escapeHtml`, skipped for the many pieces of text with nothing to escape. */
function escapeText(text: string): string {
  return needsHtmlEscape(text) ? escapeHtml(text) : text;
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
