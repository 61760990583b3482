/**
 * The inline tree every format is converted into. HTML is only ever produced from this tree by
 * `toSafeHtml`, so the catalogue's markup is safe by construction: text is escaped, only a handful
 * of elements exist, and a link survives only with an http(s) URL.
 */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'code'; value: string }
  | { type: 'strong' | 'emphasis' | 'delete'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Returns the URL if it is an absolute http(s) URL (trimmed), otherwise null. */
export function toSafeHref(href: string): string | null {
  const trimmed = href.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href;
  } catch {
    return null;
  }
}

export function text(value: string): Inline {
  return { type: 'text', value };
}

/** Plain text of the nodes, with whitespace collapsed. */
export function toPlainText(nodes: readonly Inline[]): string {
  return collapseSpace(rawText(nodes));
}

function rawText(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') out += node.value;
    else out += rawText(node.children);
  }
  return out;
}

export function collapseSpace(value: string): string {
  return value.replace(/[\s\u00a0\u200b\u200c\u200d\ufeff]+/g, ' ').trim();
}

/** Safe inline HTML for the nodes (see the module comment). */
export function toSafeHtml(nodes: readonly Inline[]): string {
  return collapseSpace(renderHtml(nodes));
}

function renderHtml(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += escapeHtml(node.value);
        break;
      case 'code':
        out += `<code>${escapeHtml(node.value)}</code>`;
        break;
      case 'strong':
        out += wrap('strong', renderHtml(node.children));
        break;
      case 'emphasis':
        out += wrap('em', renderHtml(node.children));
        break;
      case 'delete':
        out += wrap('del', renderHtml(node.children));
        break;
      case 'link': {
        const inner = renderHtml(node.children);
        const href = toSafeHref(node.href);
        out += href && inner.trim() ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
        break;
      }
    }
  }
  return out;
}

function wrap(tag: string, inner: string): string {
  if (!inner.trim()) return inner;
  // Keep the surrounding spaces outside the element so "<strong>Label: </strong>" renders cleanly.
  const lead = /^\s*/.exec(inner)?.[0] ?? '';
  const trail = /\s*$/.exec(inner)?.[0] ?? '';
  return `${lead}<${tag}>${inner.trim()}</${tag}>${trail}`;
}

/** Every http(s) link in the nodes, with its plain text. */
export function collectLinks(nodes: readonly Inline[]): { text: string; href: string }[] {
  const links: { text: string; href: string }[] = [];
  const visit = (list: readonly Inline[]) => {
    for (const node of list) {
      if (node.type === 'link') {
        const href = toSafeHref(node.href);
        const label = toPlainText(node.children);
        if (href) links.push({ text: label || href, href });
      } else if (node.type !== 'text' && node.type !== 'code') {
        visit(node.children);
      }
    }
  };
  visit(nodes);
  return links;
}

/** Flattens adjacent text nodes and drops empty ones, recursively. */
export function compact(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (!node.value) continue;
      const prev = out[out.length - 1];
      if (prev?.type === 'text') out[out.length - 1] = { type: 'text', value: prev.value + node.value };
      else out.push(node);
    } else if (node.type === 'code') {
      if (node.value) out.push(node);
    } else {
      const children = compact(node.children);
      if (children.length === 0) continue;
      if (node.type === 'link') out.push({ type: 'link', href: node.href, children });
      else out.push({ type: node.type, children });
    }
  }
  return out;
}

/** Removes `pattern` from the start of the first text in the nodes, however deep it sits. */
export function stripLeading(nodes: readonly Inline[], pattern: RegExp): Inline[] {
  const [first, ...rest] = nodes;
  if (!first || first.type === 'code') return [...nodes];
  if (first.type === 'text') return [{ type: 'text', value: first.value.replace(pattern, '') }, ...rest];
  return [{ ...first, children: stripLeading(first.children, pattern) }, ...rest];
}
