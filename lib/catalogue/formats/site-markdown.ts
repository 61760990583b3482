import { frontMatterString, type FrontMatter } from '../front-matter';
import { markdownToBlocks } from './markdown';
import { repairSplitBold } from './repair-emphasis';
import { toIsoDay, type ParsedSource } from './types';

/**
 * The export writes one inline element per line, a blank line or two between them; three or more
 * blank lines stand only where the post had a new paragraph (`<br><br>` or a new `<p>`), never
 * inside one, so they tell a fragment that goes on from one that does not.
 */
const PARAGRAPH_GAP = /\n(?:[ \t]*\n){3,}/;

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
    blocks: repairSplitBold(doc.body)
      .split(PARAGRAPH_GAP)
      .flatMap((chunk) =>
        markdownToBlocks(chunk, { splitSoftBreaks: true, markSoftBreaks: true }).map((block, i) =>
          i === 0 ? { ...block, opensParagraph: true } : block,
        ),
      ),
    fragmented: true,
  };
}
