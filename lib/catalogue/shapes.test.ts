import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, parseIssueFile } from './index';
import { asIssueFile, CORPUS_DIR, hasRealArchive, readFeedItems } from './testing/real-archive';

/**
 * One issue, one structure, whatever the shape: an issue the archive holds as Markdown (or as the
 * other publisher's HTML) and a feed holds as publisher HTML must give the same stories and keep
 * the Markdown copy's permanent paragraph ids.
 */
const MIN_SHARED_IDS = 0.95;

type Parsed = ReturnType<typeof parseIssueFile>;

interface Pair {
  name: string;
  archived: Parsed;
  fed: Parsed;
}

function pairs(feed: string, publisher: 'substack' | 'wordpress'): Pair[] {
  return readFeedItems(feed).flatMap((item) => {
    const { number } = item;
    const copies = [`import-ai-${number}.md`, `import-ai-${number}.wordpress.html`].filter(
      (name) => name.endsWith('.md') || publisher !== 'wordpress',
    );
    const archivedFile = copies.find((name) => existsSync(path.join(CORPUS_DIR, name)));
    if (!archivedFile) return [];
    return [
      {
        name: `${archivedFile} and ${feed} #${number}`,
        archived: parseIssueFile(archivedFile, readFileSync(path.join(CORPUS_DIR, archivedFile), 'utf8')),
        fed: parseIssueFile(`import-ai-${number}.${publisher}.html`, asIssueFile(item, publisher)),
      },
    ];
  });
}

const outline = (issue: Parsed) => issue.stories.map((s) => ({ title: s.title, kind: s.kind, dek: s.dek }));
const paragraphIds = (issue: Parsed) => issue.stories.flatMap((s) => s.paragraphs.map((p) => p.id));

describe.skipIf(!hasRealArchive)('an issue read from two shapes', () => {
  const all = hasRealArchive
    ? [
        ...pairs('importai.substack.com.feed.xml', 'substack'),
        ...pairs('jack-clark.net.feed.xml', 'wordpress'),
      ]
    : [];

  it('accepts every item of both feeds, as the files sync writes for them', () => {
    const files = (['importai.substack.com.feed.xml', 'jack-clark.net.feed.xml'] as const).flatMap((feed) =>
      readFeedItems(feed).map((item) => {
        const publisher = feed.startsWith('jack-clark') ? 'wordpress' : 'substack';
        return {
          name: `import-ai-${item.number}.${publisher}.html`,
          content: Buffer.from(asIssueFile(item, publisher)),
        };
      }),
    );
    const { report } = buildCatalogue(files);
    expect(report.rejected).toEqual([]);
    // 465–467 are in both feeds: one copy of each is kept, the other set aside as a duplicate.
    expect(report.accepted.length + report.duplicates.length).toBe(files.length);
    expect(report.duplicates.map((d) => d.number).sort()).toEqual([465, 466, 467]);
  });

  it('covers every Substack feed item whose issue the archive holds as Markdown (449–462)', () => {
    const markdown = all.filter((p) => p.archived.source.format !== 'html').map((p) => p.archived.number);
    expect(markdown).toEqual([462, 459, 458, 457, 455, 453, 452, 451, 450, 449]);
  });

  it.each(all.map((pair) => [pair.name, pair] as const))('%s give the same stories', (_, pair) => {
    expect(outline(pair.fed)).toEqual(outline(pair.archived));
  });

  it.each(all.map((pair) => [pair.name, pair] as const))(
    '%s give at least 95% of the archived copy’s paragraphs the same permanent id',
    (_, pair) => {
      const fed = new Set(paragraphIds(pair.fed));
      const archived = paragraphIds(pair.archived);
      const shared = archived.filter((id) => fed.has(id)).length;
      expect(shared / archived.length).toBeGreaterThanOrEqual(MIN_SHARED_IDS);
    },
  );
});
