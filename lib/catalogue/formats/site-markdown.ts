import { frontMatterString, type FrontMatter } from '../front-matter';
import { markdownToBlocks } from './markdown';
import { toIsoDay, type ParsedSource } from './types';

/**
 * Markdown pages from a static-site export: rich front matter whose `date` is when a feed was read
 * (so only an upper bound on publication), escaped `\*\*\*` separators, and labels, links and
 * punctuation split over several paragraphs.
 */
export function parseSiteMarkdown(doc: FrontMatter): ParsedSource {
  const title =
    frontMatterString(doc.data, 'title') || frontMatterString(doc.data, 'structured_data.headline');
  return {
    format: 'site-markdown',
    title,
    url:
      frontMatterString(doc.data, 'source_url') ||
      frontMatterString(doc.data, 'structured_data.original_source') ||
      frontMatterString(doc.data, 'url'),
    dateUpperBound: toIsoDay(frontMatterString(doc.data, 'date')),
    listedDates: [],
    blocks: markdownToBlocks(doc.body, { splitSoftBreaks: true }),
    fragmented: true,
  };
}
