import { CatalogueError } from './errors';
import { parseSource } from './formats/detect';
import type { ParsedSource } from './formats/types';
import { assignIds } from './ids';
import { collectLinks, toPlainText, toSafeHtml } from './inline';
import type { Issue, Paragraph, SourceFormat, Story } from './model';
import { segmentStories } from './segment';
import { tagStory } from '../topics/tag';

/** A dated link to an issue's permalink, e.g. jack-clark.net/2023/02/20/import-ai-318-…. */
export interface Permalink {
  number: number;
  date: string;
  url: string;
}

/** An issue as parsed from one file, before the catalogue-wide date pass. */
export interface ParsedIssue extends Omit<Issue, 'date' | 'dateBasis'> {
  dateEvidence: {
    statedDate?: string;
    upperBound?: string;
    /** Other issues' dates this file lists (email archive listings). */
    listedDates: { number: number; date: string }[];
    /** Dated permalinks this file links to. */
    permalinks: Permalink[];
  };
}

/** "Import AI 226: …", "ImportAI 449: …", and the 2016–17 forms "Import AI: Issue 39: …", "Import AI: #75". */
const ISSUE_NUMBER = /\bImport\s*AI\s*:?\s*(?:(?:issue|no\.?)\s*)?#?\s*(\d{1,5})\b/i;
const PERMALINK = /^https?:\/\/(?:www\.)?jack-clark\.net\/(\d{4})\/(\d{2})\/(\d{2})\/import-ai-(\d{1,5})\b/i;

/** Parses one raw issue file. Throws `CatalogueError` with a specific reason when it cannot. */
export function parseIssueFile(file: string, content: string): ParsedIssue {
  const source = parseSource(content);
  const title = source.title.replace(/\s+/g, ' ').trim();
  if (!title) throw new CatalogueError(`no title found (read as ${describeFormat(source.format)})`);
  const number = ISSUE_NUMBER.exec(title)?.[1];
  if (!number) throw new CatalogueError(`no issue number in title "${truncate(title, 80)}"`);

  const segmented = segmentStories(source.blocks, { fragmented: source.fragmented });
  if (segmented.length === 0)
    throw new CatalogueError(`no stories found (read as ${describeFormat(source.format)})`);

  const storyIds = assignIds(
    's',
    segmented.map((s) => s.title),
  );
  const paragraphTexts = segmented.flatMap((s) => s.paragraphs.map((p) => toPlainText(p.inline)));
  const paragraphIds = assignIds('p', paragraphTexts);
  let next = 0;
  const stories: Story[] = segmented.map((story, i) => {
    const paragraphs: Paragraph[] = story.paragraphs.map((p) => ({
      id: paragraphIds[next++]!,
      text: toPlainText(p.inline),
      html: toSafeHtml(p.inline),
      links: collectLinks(p.inline),
      role: p.role,
    }));
    return {
      id: storyIds[i]!,
      title: story.title,
      dek: story.dek,
      kind: story.kind,
      topics: tagStory({ ...story, paragraphs: paragraphs.map((p) => p.text) }),
      paragraphs,
    };
  });

  return {
    number: Number(number),
    title,
    url: source.url && /^https?:\/\//i.test(source.url) ? source.url : '',
    source: { file, format: source.format },
    stories,
    dateEvidence: {
      statedDate: source.statedDate,
      upperBound: source.dateUpperBound,
      listedDates: source.listedDates,
      permalinks: findPermalinks(stories),
    },
  };
}

function findPermalinks(stories: Story[]): Permalink[] {
  const found: Permalink[] = [];
  for (const story of stories) {
    for (const paragraph of story.paragraphs) {
      for (const link of paragraph.links) {
        const match = PERMALINK.exec(link.href);
        if (!match) continue;
        found.push({ number: Number(match[4]), date: `${match[1]}-${match[2]}-${match[3]}`, url: link.href });
      }
    }
  }
  return found;
}

export function describeFormat(format: SourceFormat | ParsedSource['format']): string {
  const names: Record<SourceFormat, string> = {
    'mailchimp-text': 'a Mailchimp plain-text email',
    'substack-markdown': 'Substack Markdown',
    'site-markdown': 'static-site Markdown',
    'page-capture': 'a plain page capture',
    html: 'post HTML',
  };
  return names[format];
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
