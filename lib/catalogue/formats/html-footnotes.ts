import { defaultTreeAdapter as tree } from 'parse5';
import type { DefaultTreeAdapterTypes as T } from 'parse5';

type Element = T.Element;
type ParentNode = T.ParentNode;

/** Elements a footnote's text can follow: the paragraph or list item that cites it. */
const CITING_BLOCKS = new Set(['p', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Substack footnotes: an anchor in the text (`<a class="footnote-anchor" href="#footnote-1">1</a>`)
 * and the note at the end of the post (`<div class="footnote"><a class="footnote-number"
 * id="footnote-1">1</a><div class="footnote-content">…</div></div>`). Left as they are, the number
 * glues onto the word it follows ("models1") and every note lands in the last story,
 * usually the Tech Tale. Each note becomes a paragraph "[1] …" right after the one citing it, and
 * the anchor's number goes.
 */
export function moveFootnotes(root: ParentNode): void {
  const notes = new Map<string, Element>();
  for (const note of elements(root, (el) => hasClass(el, 'footnote'))) {
    const number = elements(note, (el) => hasClass(el, 'footnote-number'))[0];
    const id = number ? attr(number, 'id') : '';
    if (id) notes.set(id, note);
  }
  for (const anchor of elements(root, (el) => el.tagName === 'a' && hasClass(el, 'footnote-anchor'))) {
    const note = notes.get(attr(anchor, 'href').replace(/^#/, ''));
    const citing = closest(anchor, (el) => CITING_BLOCKS.has(el.tagName));
    tree.detachNode(anchor);
    if (!note || !citing?.parentNode) continue;
    notes.delete(attr(anchor, 'href').replace(/^#/, ''));
    const content = elements(note, (el) => hasClass(el, 'footnote-content'))[0];
    const label = textOf(anchor).trim();
    const paragraph = tree.createElement('p', citing.namespaceURI, []);
    tree.insertText(paragraph, `[${label}] `);
    for (const child of content ? [...content.childNodes] : []) {
      // The note's own paragraphs run together into one; a note is rarely longer.
      if ('tagName' in child && child.tagName === 'p') {
        for (const inner of [...child.childNodes]) tree.appendChild(paragraph, inner);
        tree.insertText(paragraph, ' ');
      } else tree.appendChild(paragraph, child);
    }
    tree.insertBefore(citing.parentNode, paragraph, nextSibling(citing) as T.ChildNode);
    tree.detachNode(note);
  }
}

function elements(node: ParentNode, match: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    if (match(child)) found.push(child);
    found.push(...elements(child, match));
  }
  return found;
}

function closest(node: Element, match: (el: Element) => boolean): Element | undefined {
  for (let at = node.parentNode; at && 'tagName' in at; at = at.parentNode) if (match(at)) return at;
  return undefined;
}

function nextSibling(node: Element): T.ChildNode | null {
  const siblings = node.parentNode?.childNodes ?? [];
  return siblings[siblings.indexOf(node) + 1] ?? null;
}

function hasClass(element: Element, name: string): boolean {
  return attr(element, 'class').split(/\s+/).includes(name);
}

function attr(element: Element, name: string): string {
  return element.attrs.find((a) => a.name === name)?.value ?? '';
}

function textOf(node: T.Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return 'childNodes' in node ? (node as ParentNode).childNodes.map(textOf).join('') : '';
}
