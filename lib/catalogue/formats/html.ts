import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import { BREAK, blockText, isSeparatorLine, markSameItem, textBlock, type Block } from '../blocks';
import { frontMatterString, type FrontMatter } from '../front-matter';
import { stripLeading, text, type Inline } from '../inline';
import { splitLines, type Piece } from '../lines';
import { moveFootnotes } from './html-footnotes';
import { toIsoDay, type ParsedSource } from './types';

type Node = T.ChildNode | T.Document;
type Element = T.Element;

/** Elements whose content is never prose: dropped whole, so no script or style text leaks in. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'header',
  'footer',
  'aside',
  'figure',
  'img',
  'picture',
  'video',
  'audio',
  'head',
]);
/** Class names of sharing widgets, subscribe boxes and the like. */
const DROPPED_CLASS =
  /\b(subscription-widget|subscribe|share|button-wrapper|sharedaddy|jp-relatedposts|post-footer|comments?)\b/i;
const BLOCKS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'dt',
  'dd',
  'td',
  'th',
  'figcaption',
]);

/** Post HTML: a Substack `body_html`, a WordPress `<article>`, or a synced file (front matter + HTML). */
export function parseHtml(doc: FrontMatter): ParsedSource {
  const document = parse(doc.body);
  const root = findContentRoot(document);
  if ('childNodes' in root) moveFootnotes(root);
  const blocks: Block[] = [];
  visitBlock(root, blocks, 'text');
  const title =
    frontMatterString(doc.data, 'title') ||
    metaContent(document, 'og:title') ||
    textOf(findFirst(document, (el) => el.tagName === 'h1')) ||
    // A page <title> usually carries the site's name after a dash or bar.
    textOf(findFirst(document, (el) => el.tagName === 'title')).replace(/\s+[–—|-]\s+[^–—|-]+$/, '');
  const firstHeading = blocks.find((b) => b.kind === 'heading');
  return {
    format: 'html',
    title,
    url:
      frontMatterString(doc.data, 'url') ||
      metaContent(document, 'og:url') ||
      attr(
        findFirst(document, (el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical'),
        'href',
      ),
    statedDate:
      toIsoDay(frontMatterString(doc.data, 'date')) ??
      toIsoDay(metaContent(document, 'article:published_time')) ??
      toIsoDay(
        attr(
          findFirst(root, (el) => el.tagName === 'time'),
          'datetime',
        ),
      ),
    listedDates: [],
    // The page's own title heading is metadata, not a paragraph.
    blocks: blocks.filter((b) => !(b === firstHeading && blockText(b) === title)),
    fragmented: false,
  };
}

function findContentRoot(document: T.Document): Node {
  return (
    findFirst(document, (el) => el.tagName === 'article') ??
    findFirst(document, (el) =>
      /\b(entry-content|body markup|available-content)\b/.test(attr(el, 'class')),
    ) ??
    findFirst(document, (el) => el.tagName === 'body') ??
    document
  );
}

function visitBlock(node: Node, out: Block[], kind: Block['kind']): void {
  let pieces: Piece[] = [];
  const flush = () => {
    pushLines(out, pieces, kind);
    pieces = [];
  };
  for (const child of childrenOf(node)) {
    if (child.nodeName === '#text') {
      pieces.push(text((child as T.TextNode).value));
      continue;
    }
    if (!isElement(child) || isDropped(child)) continue;
    const tag = child.tagName;
    if (tag === 'hr') {
      flush();
      out.push(BREAK);
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      visitList(child, out);
    } else if (BLOCKS.has(tag)) {
      flush();
      visitLines(child, out, /^h[1-6]$/.test(tag) ? 'heading' : tag === 'li' ? 'item' : kind);
    } else if (isInline(tag) || tag === 'br') {
      pieces.push(...toPieces(child));
    } else {
      flush();
      visitBlock(child, out, kind);
    }
  }
  flush();
}

/** Each item of a list is a block; an ordered list keeps its numbers, which the prose refers to. */
function visitList(list: Element, out: Block[]): void {
  const start = Number.parseInt(attr(list, 'start'), 10);
  let number = Number.isFinite(start) ? start : 1;
  for (const child of childrenOf(list)) {
    if (!isElement(child) || isDropped(child)) continue;
    if (child.tagName !== 'li') {
      visitBlock(child, out, 'item');
      continue;
    }
    const own: Block[] = [];
    visitLines(child, own, 'item');
    const [first, ...rest] = own;
    const lines =
      list.tagName === 'ol' && first && first.kind !== 'break'
        ? [textBlock([text(`${number}. `), ...first.inline], first.kind), ...rest]
        : own;
    out.push(...markSameItem(lines));
    number++;
  }
}

/** A block element: one block per `<br>`-separated line; nested lists become their own items. */
function visitLines(element: Element, out: Block[], kind: Block['kind']): void {
  if (element.tagName === 'pre') {
    const code = textOf(element);
    if (code.trim()) out.push(textBlock([{ type: 'code', value: code }], kind));
    return;
  }
  let pieces: Piece[] = [];
  const flush = () => {
    pushLines(out, pieces, kind);
    pieces = [];
  };
  for (const child of childrenOf(element)) {
    if (isElement(child) && (child.tagName === 'ul' || child.tagName === 'ol')) {
      flush();
      visitList(child, out);
    } else if (isElement(child) && BLOCKS.has(child.tagName)) {
      flush();
      visitLines(child, out, kind);
    } else {
      pieces.push(...toPieces(child));
    }
  }
  flush();
}

function pushLines(out: Block[], pieces: Piece[], kind: Block['kind']): void {
  for (const line of splitLines(pieces)) pushLine(out, line.inline, kind);
}

/**
 * The whitespace between tags (`</p>\n<p>`) and spacer paragraphs (`<p>&nbsp;</p>`) are not lines:
 * a blank block would sit between a headline and its dek and hide one from the other. Substack's
 * HTML separates stories with a `<p>#####…</p>` paragraph rather than an `<hr>`.
 */
function pushLine(out: Block[], inline: Inline[], kind: Block['kind']): void {
  const block = textBlock(inline, kind);
  const plain = blockText(block);
  if (isSeparatorLine(plain)) out.push(BREAK);
  else if (kind !== 'heading' && DASH_BULLET.test(plain)) out.push(asListItem(block));
  else if (plain) out.push(block);
}

/**
 * A line typed as a bullet ("- Recreate completed research projects: …") is a list item, as the
 * Markdown copies of the same issues have it.
 */
const DASH_BULLET = /^\s*[-•]\s+[\p{Lu}\p{N}“"‘']/u;

function asListItem(block: Block): Block {
  return { ...textBlock(stripLeading(block.inline, /^\s*[-•]\s+/), 'item'), sameItem: false };
}

function toPieces(node: Node): Piece[] {
  if (node.nodeName === '#text') return [text((node as T.TextNode).value)];
  if (!isElement(node) || isDropped(node)) return [];
  if (node.tagName === 'br') return [{ type: 'br' }];
  const children = childrenOf(node).flatMap(toPieces);
  switch (node.tagName) {
    case 'strong':
    case 'b':
      return [{ type: 'strong', children }];
    case 'em':
    case 'i':
    case 'cite':
      return [{ type: 'emphasis', children }];
    case 's':
    case 'del':
    case 'strike':
      return [{ type: 'delete', children }];
    case 'code':
    case 'kbd':
      return [{ type: 'code', value: textOf(node) }];
    case 'a':
      return [{ type: 'link', href: attr(node, 'href'), children }];
    default:
      return children;
  }
}

const INLINE = new Set([
  'a',
  'strong',
  'b',
  'em',
  'i',
  'cite',
  's',
  'del',
  'strike',
  'code',
  'kbd',
  'span',
  'sup',
  'sub',
  'small',
  'mark',
  'u',
  'abbr',
  'time',
  'q',
]);

function isInline(tag: string): boolean {
  return INLINE.has(tag);
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function isDropped(element: Element): boolean {
  return DROPPED.has(element.tagName) || DROPPED_CLASS.test(attr(element, 'class'));
}

function childrenOf(node: Node): T.ChildNode[] {
  if (isElement(node) && node.tagName === 'template') return [];
  return 'childNodes' in node ? node.childNodes : [];
}

function attr(element: Element | undefined, name: string): string {
  return element?.attrs.find((a) => a.name === name)?.value ?? '';
}

function findFirst(node: Node, match: (el: Element) => boolean): Element | undefined {
  for (const child of childrenOf(node)) {
    if (!isElement(child)) continue;
    if (match(child)) return child;
    const found = findFirst(child, match);
    if (found) return found;
  }
  return undefined;
}

function metaContent(document: T.Document, property: string): string {
  const meta = findFirst(
    document,
    (el) => el.tagName === 'meta' && (attr(el, 'property') === property || attr(el, 'name') === property),
  );
  return attr(meta, 'content').trim();
}

function textOf(node: Node | undefined): string {
  if (!node) return '';
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return childrenOf(node).map(textOf).join('');
}
