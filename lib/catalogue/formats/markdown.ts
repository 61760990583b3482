import type { List, ListItem, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { BREAK, blockText, isSeparatorLine, markSameItem, textBlock, type Block } from '../blocks';
import { text, toPlainText, type Inline } from '../inline';
import { splitLines, type Piece } from '../lines';

const parser = unified().use(remarkParse).use(remarkGfm);

export interface MarkdownOptions {
  /** Split paragraphs at soft line breaks too (for exports that put one element per line). */
  splitSoftBreaks: boolean;
  /**
   * Put back the space an export dropped where markup meets a word ("the video[here](…)",
   * "**Read more:**[…]", "_**really**_**good**"): the publisher's HTML of the same issues has it.
   */
  restoreSpaces?: boolean;
  /**
   * Mark lines split at a soft break (`afterSoftBreak`): the static-site export breaks a line softly
   * only inside a paragraph, unlike a page capture, which breaks every line that way.
   */
  markSoftBreaks?: boolean;
}

/** Parses Markdown with remark and flattens it into the block stream. */
export function markdownToBlocks(markdown: string, options: MarkdownOptions): Block[] {
  const root = parser.parse(markdown) as Root;
  const blocks: Block[] = [];
  for (const node of root.children) visitBlock(node, blocks, options, 'text');
  return blocks;
}

function visitBlock(node: RootContent, out: Block[], options: MarkdownOptions, kind: Block['kind']): void {
  switch (node.type) {
    case 'thematicBreak':
      out.push(BREAK);
      return;
    case 'heading':
      pushLines(node.children, out, options, 'heading');
      return;
    case 'paragraph':
      pushLines(node.children, out, options, kind);
      return;
    case 'list':
      if (options.splitSoftBreaks && isDashContinuation(node)) {
        // "- for causing damage…": a dash that goes on with the sentence above, not a bullet.
        const own: Block[] = [];
        for (const child of node.children[0]!.children) visitBlock(child, own, options, kind);
        out.push(...own.map((b, i) => (i === 0 ? textBlock([text('- '), ...b.inline], kind) : b)));
        return;
      }
      node.children.forEach((item, i) =>
        visitListItem(item, out, options, node.ordered ? `${(node.start ?? 1) + i}. ` : ''),
      );
      return;
    case 'blockquote':
      for (const child of node.children) visitBlock(child, out, options, kind);
      return;
    case 'code':
      if (node.value.trim()) out.push(textBlock([{ type: 'code', value: node.value }], kind));
      return;
    case 'table':
      for (const row of node.children) {
        const cells = row.children.flatMap((cell, i) => [
          ...(i > 0 ? [text(' | ')] : []),
          ...toInline(cell.children, options),
        ]);
        out.push(textBlock(cells, kind));
      }
      return;
    default:
      // html, definitions, footnotes and the like carry no prose we index.
      return;
  }
}

/**
 * A list item's lines are blocks marked as one item, so that a one-element-per-line export's
 * pieces of it ("**Attention:**", then "Focus cognitive resources…") can be joined back, and two
 * items never are. A nested list is a list of its own.
 */
function visitListItem(item: ListItem, out: Block[], options: MarkdownOptions, marker: string): void {
  const own: Block[] = [];
  for (const child of item.children) {
    if (child.type === 'list') {
      out.push(...markSameItem(numbered(own, marker)));
      own.length = 0;
      visitBlock(child, out, options, 'item');
      marker = '';
    } else visitBlock(child, own, options, 'item');
  }
  out.push(...markSameItem(numbered(own, marker)));
}

function isDashContinuation(list: List): boolean {
  if (list.ordered || list.children.length !== 1) return false;
  const first = list.children[0]!.children[0];
  return first?.type === 'paragraph' && /^\p{Ll}/u.test(toPlainText(toInline(first.children, NO_SPLIT)));
}

const NO_SPLIT: MarkdownOptions = { splitSoftBreaks: false };

/** An ordered list's numbers are text the prose refers to ("as in step 2)"), not decoration. */
function numbered(blocks: Block[], marker: string): Block[] {
  const [first, ...rest] = blocks;
  if (!marker || !first || first.kind === 'break') return blocks;
  return [textBlock([text(marker), ...first.inline], first.kind), ...rest];
}

/** A paragraph becomes one block per hard break (and per soft break when asked), wherever it sits. */
function pushLines(
  children: PhrasingContent[],
  out: Block[],
  options: MarkdownOptions,
  kind: Block['kind'],
): void {
  for (const line of splitLines(toPieces(children, options))) {
    const block: Block = {
      ...textBlock(line.inline, kind),
      ...(line.afterSoftBreak && options.markSoftBreaks ? { afterSoftBreak: true } : {}),
    };
    const plain = blockText(block);
    if (!plain) continue;
    // Separators that CommonMark reads as text: "#####…" (more than six #) and an escaped "\*\*\*".
    if (isSeparatorLine(plain)) out.push(BREAK);
    else out.push(block);
  }
}

function toInline(nodes: readonly Nodes[], options: MarkdownOptions): Inline[] {
  return splitLines(toPieces(nodes, { ...options, splitSoftBreaks: false })).flatMap((line, i) =>
    i === 0 ? line.inline : [text(' '), ...line.inline],
  );
}

function toPieces(nodes: readonly Nodes[], options: MarkdownOptions): Piece[] {
  const pieces = collectPieces(nodes, options);
  return options.restoreSpaces ? restoreSpaces(pieces) : pieces;
}

/** Between two siblings, one of them markup, where a word runs straight into another. */
function restoreSpaces(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const prev = out[out.length - 1];
    const isMarkup = (p: Piece) => p.type !== 'text' && p.type !== 'br';
    if (prev && (isMarkup(prev) || isMarkup(piece))) {
      const before = edgeText(prev, 'end');
      const after = edgeText(piece, 'start');
      if (/[\p{L}\p{N}:;,!?)”]$/u.test(before) && /^[\p{L}\p{N}(“]/u.test(after)) out.push(text(' '));
    }
    out.push(piece);
  }
  return out;
}

function edgeText(piece: Piece, edge: 'start' | 'end'): string {
  if (piece.type === 'br') return ' ';
  if (piece.type === 'text' || piece.type === 'code') return piece.value;
  const child = edge === 'start' ? piece.children[0] : piece.children[piece.children.length - 1];
  return child ? edgeText(child, edge) : '';
}

function collectPieces(nodes: readonly Nodes[], options: MarkdownOptions): Piece[] {
  const out: Piece[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (options.splitSoftBreaks && node.value.includes('\n')) {
          node.value.split('\n').forEach((part, i) => {
            if (i > 0) out.push({ type: 'br', soft: true });
            out.push(plainText(part));
          });
        } else out.push(plainText(node.value));
        break;
      case 'inlineCode':
        out.push({ type: 'code', value: node.value });
        break;
      case 'strong':
        out.push({ type: 'strong', children: toPieces(node.children, options) });
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: toPieces(node.children, options) });
        break;
      case 'delete':
        out.push({ type: 'delete', children: toPieces(node.children, options) });
        break;
      case 'link':
        out.push({ type: 'link', href: node.url, children: toPieces(node.children, options) });
        break;
      case 'linkReference':
        out.push(...toPieces(node.children, options));
        break;
      case 'break':
        out.push({ type: 'br' });
        break;
      default:
        // images, inline html and footnote references are dropped
        break;
    }
  }
  return out;
}

/**
 * Stray emphasis markers that no parser could pair up are noise, not text; but a line that is only
 * asterisks is an escaped `\*\*\*` separator, which the block stream must still see.
 */
function plainText(value: string): Inline {
  return text(isSeparatorLine(value.trim()) ? value : value.replace(/\*{2,}/g, ''));
}
