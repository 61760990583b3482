import { frontMatterString, type FrontMatter } from '../front-matter';
import { markdownToBlocks } from './markdown';
import { repairSubstackEmphasis } from './repair-emphasis';
import type { ParsedSource } from './types';

/** Substack's Markdown export: bold headline, italic "…dek…", hard breaks, `####…` or `***` separators. */
export function parseSubstackMarkdown(doc: FrontMatter): ParsedSource {
  return {
    format: 'substack-markdown',
    title: frontMatterString(doc.data, 'title'),
    url: frontMatterString(doc.data, 'url') || frontMatterString(doc.data, 'canonical_url'),
    listedDates: [],
    blocks: markdownToBlocks(repairSubstackEmphasis(doc.body), {
      splitSoftBreaks: false,
      restoreSpaces: true,
    }),
    fragmented: false,
  };
}
