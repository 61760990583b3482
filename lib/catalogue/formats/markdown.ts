import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { BREAK, blockText, isSeparatorLine, textBlock, type Block } from '../blocks';
import { text, type Inline } from '../inline';

const parser = unified().use(remarkParse).use(remarkGfm);

export interface MarkdownOptions {
  /** Split paragraphs at soft line breaks too (for exports that put one element per line). */
  splitSoftBreaks: boolean;
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
      for (const item of node.children) {
        for (const child of item.children) visitBlock(child, out, options, 'item');
      }
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

/** A paragraph becomes one block per hard break (and per soft break when asked). */
function pushLines(
  children: PhrasingContent[],
  out: Block[],
  options: MarkdownOptions,
  kind: Block['kind'],
): void {
  const lines: Inline[][] = [[]];
  const walk = (nodes: PhrasingContent[], wrapInto: (inline: Inline) => void) => {
    for (const node of nodes) {
      if (node.type === 'break') {
        lines.push([]);
        continue;
      }
      if (node.type === 'text' && options.splitSoftBreaks && node.value.includes('\n')) {
        const parts = node.value.split('\n');
        parts.forEach((part, i) => {
          if (i > 0) lines.push([]);
          wrapInto(plainText(part));
        });
        continue;
      }
      for (const inline of toInline([node], options)) wrapInto(inline);
    }
  };
  walk(children, (inline) => lines[lines.length - 1]!.push(inline));
  for (const line of lines) {
    const block = textBlock(line, kind);
    const plain = blockText(block);
    if (!plain) continue;
    // Separators that CommonMark reads as text: "#####…" (more than six #) and an escaped "\*\*\*".
    if (isSeparatorLine(plain)) out.push(BREAK);
    else out.push(block);
  }
}

function toInline(nodes: readonly Nodes[], options: MarkdownOptions): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(plainText(node.value));
        break;
      case 'inlineCode':
        out.push({ type: 'code', value: node.value });
        break;
      case 'strong':
        out.push({ type: 'strong', children: toInline(node.children, options) });
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: toInline(node.children, options) });
        break;
      case 'delete':
        out.push({ type: 'delete', children: toInline(node.children, options) });
        break;
      case 'link':
        out.push({ type: 'link', href: node.url, children: toInline(node.children, options) });
        break;
      case 'linkReference':
        out.push(...toInline(node.children, options));
        break;
      case 'break':
        out.push(text(' '));
        break;
      default:
        // images, inline html and footnote references are dropped
        break;
    }
  }
  return out;
}

/** Stray emphasis markers that no parser could pair up are noise, not text. */
function plainText(value: string): Inline {
  return text(value.replace(/\*{2,}/g, ''));
}
