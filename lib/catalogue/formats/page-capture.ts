import { blockText } from '../blocks';
import { frontMatterString, type FrontMatter } from '../front-matter';
import { markdownToBlocks } from './markdown';
import { toIsoDay, type ParsedSource } from './types';

/**
 * Plain text captured from a rendered page: one element per line, no emphasis, a "# title"
 * heading and a "Source:" line at the top, the blog's footer after the end.
 */
export function parsePageCapture(doc: FrontMatter): ParsedSource {
  const blocks = markdownToBlocks(doc.body, { splitSoftBreaks: true });
  const headingTitle = blocks.find((b) => b.kind === 'heading');
  const sourceLine = blocks.map(blockText).find((t) => /^source:\s*https?:\/\//i.test(t));
  return {
    format: 'page-capture',
    title: frontMatterString(doc.data, 'title') || (headingTitle ? blockText(headingTitle) : ''),
    url: usableUrl(frontMatterString(doc.data, 'url') || sourceLine?.replace(/^source:\s*/i, '') || ''),
    dateUpperBound:
      toIsoDay(frontMatterString(doc.data, 'source_date')) ??
      toIsoDay(frontMatterString(doc.data, 'fetched_at')),
    listedDates: [],
    blocks: blocks.filter((b) => b.kind !== 'heading' && !/^source:\s*https?:\/\//i.test(blockText(b))),
    fragmented: true,
  };
}

/** An email client's click-tracking redirect is not the post's address. */
function usableUrl(url: string): string {
  return /^https?:\/\/[^/]*substack\.com\/redirect\//i.test(url) ? '' : url;
}
