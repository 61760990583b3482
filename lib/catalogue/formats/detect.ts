import { splitFrontMatter } from '../front-matter';
import type { SourceFormat } from '../model';
import { parseHtml } from './html';
import { parseMailchimpText } from './mailchimp-text';
import { parsePageCapture } from './page-capture';
import { parseSiteMarkdown } from './site-markdown';
import { parseSubstackMarkdown } from './substack-markdown';
import type { ParsedSource } from './types';

/** WordPress's feed and REST bodies open with the post's Jetpack thumbnail `<img>`, not a block. */
const HTML_START =
  /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|ul|ol|blockquote|figure|picture|img|hr|table|pre|span|strong|em|b|i|a)\b/i;

/**
 * Recognises a raw issue's format from its content (never its file name) and parses it.
 * Each test looks for what only that shape has; Substack Markdown is the fallback for Markdown.
 */
export function detectFormat(source: string): SourceFormat {
  const doc = splitFrontMatter(source);
  if (HTML_START.test(doc.body)) return 'html';
  if (!doc.present && isPlainTextEmail(source)) return 'mailchimp-text';
  const body = doc.body;
  const prose = body.replace(/^\s*(\\?\*){3,}\s*$/gm, '');
  const emphasis = (prose.match(/\*\*|(?<![\p{L}\p{N}])_\S/gu) ?? []).length;
  if (emphasis < 3) return 'page-capture';
  const escapedSeparators = (body.match(/^\s*\\\*\\\*\\\*\s*$/gm) ?? []).length;
  const splitParagraphs = (body.match(/\n\n\n/g) ?? []).length;
  const hardBreaks = (body.match(/ {2}\n/g) ?? []).length;
  if (escapedSeparators > 0 || (splitParagraphs > 20 && hardBreaks < splitParagraphs / 4))
    return 'site-markdown';
  return 'substack-markdown';
}

export function parseSource(source: string): ParsedSource {
  const format = detectFormat(source);
  if (format === 'mailchimp-text') return parseMailchimpText(source);
  const doc = splitFrontMatter(source);
  switch (format) {
    case 'html':
      return parseHtml(doc);
    case 'page-capture':
      return parsePageCapture(doc);
    case 'site-markdown':
      return parseSiteMarkdown(doc);
    default:
      return parseSubstackMarkdown(doc);
  }
}

/** A plain-text email: an "Import AI NNN" title line plus an email's marks (separators, Mailchimp furniture). */
function isPlainTextEmail(source: string): boolean {
  if (!/^\s*Import AI\s*#?\s*\d+\b/im.test(source)) return false;
  return (
    /^\s*#{5,}\s*$/m.test(source) || /view this email in your browser|mailchimp|unsubscribe/i.test(source)
  );
}
