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
  return render(text, markedRanges(tokenize(text), terms), 0, text.length);
}

/**
 * About `words` words of the text centred on the densest cluster of matches, highlighted, with "…"
 * where it was cut. Without matches, the opening words.
 */
export function snippet(
  text: string,
  terms: MarkTerms,
  words = SNIPPET_WORDS,
  tokens = tokenize(text),
): string {
  const ranges = markedRanges(tokens, terms);
  const wordSpans = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (wordSpans.length <= words) return render(text, ranges, 0, text.length);

  // Slide a window of `words` words and keep the one holding the most marked words.
  // Both lists are in text order, so one pass pairs them up.
  const markedWord = new Array<boolean>(wordSpans.length).fill(false);
  for (let w = 0, r = 0; w < wordSpans.length && r < ranges.length;) {
    const word = wordSpans[w]!;
    const range = ranges[r]!;
    if (range.end <= word.start) r++;
    else if (range.start >= word.end) w++;
    else {
      markedWord[w] = true;
      w++;
    }
  }
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < wordSpans.length; i++) {
    if (markedWord[i]) count++;
    if (i >= words && markedWord[i - words]) count--;
    const start = i - words + 1;
    if (start >= 0 && count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  if (bestCount > 0) {
    // Centre the matches inside the window rather than pressing them against an edge.
    const marked = wordSpans.map((_, i) => i).filter((i) => markedWord[i] && i >= best && i < best + words);
    const middle = Math.round((marked[0]! + marked[marked.length - 1]!) / 2);
    best = Math.max(0, Math.min(wordSpans.length - words, middle - Math.floor(words / 2)));
  } else {
    best = 0;
  }
  const from = wordSpans[best]!.start;
  const to = wordSpans[Math.min(best + words, wordSpans.length) - 1]!.end;
  const lead = from > 0 ? '… ' : '';
  const tail = to < text.length ? ' …' : '';
  return lead + render(text, ranges, from, to) + tail;
}

interface Range {
  start: number;
  end: number;
}

function markedRanges(tokens: readonly Token[], terms: MarkTerms): Range[] {
  const ranges: Range[] = [];
  // A joined form ("self-driving") follows its parts, so order by start before merging.
  const marked = tokens.filter((t) => terms.has(t.term)).sort((a, b) => a.start - b.start || b.end - a.end);
  for (const token of marked) {
    const last = ranges[ranges.length - 1];
    if (last && token.start <= last.end) last.end = Math.max(last.end, token.end);
    else ranges.push({ start: token.start, end: token.end });
  }
  return ranges;
}

function render(text: string, ranges: readonly Range[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const range of ranges) {
    if (range.end <= from || range.start >= to) continue;
    const start = Math.max(range.start, from);
    const end = Math.min(range.end, to);
    out += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return out + escapeHtml(text.slice(at, to));
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
