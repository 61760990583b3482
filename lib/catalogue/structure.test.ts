import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIssueFile, STORY_KINDS, type StoryKind } from './index';
import suite from './structure-suite.json';
import { asIssueFile, CORPUS_DIR, feedItem, hasRealArchive } from './testing/real-archive';

/**
 * The story-structure suite: for each listed issue, the stories a reader sees in the raw file,
 * written by reading the file by hand (never by running the parser). The parser must give exactly
 * those stories: titles in order, kinds, and whether each has a dek.
 */
interface KeyedStory {
  /** The headline as printed; null for an untitled note, which may be titled anything but a label. */
  title: string | null;
  kind: StoryKind;
  dek: boolean;
}

interface KeyedIssue {
  source: string;
  number: number;
  stories: KeyedStory[];
  /** Why the parser is known to get this issue wrong; the test checks that it still does. */
  knownMiss?: string;
}

const issues = suite.issues as KeyedIssue[];

function readSource(source: string): { file: string; content: string } {
  const feed = /^feeds\/(.+)#(\d+)$/.exec(source);
  if (feed) {
    const [, file = '', number = ''] = feed;
    const publisher = file.startsWith('jack-clark.net') ? 'wordpress' : 'substack';
    return {
      file: `import-ai-${number}.${publisher}.html`,
      content: asIssueFile(feedItem(file, Number(number)), publisher),
    };
  }
  const name = source.replace(/^corpus\//, '');
  return { file: name, content: readFileSync(path.join(CORPUS_DIR, name), 'utf8') };
}

/** Titles compare as a reader reads them: not by case, quote style, dash style or spacing. */
function normalise(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s*:\s*$/, '')
    .trim()
    .toLowerCase();
}

/** Labels that are never a story's title. */
const NOT_A_TITLE = /^(tech tales|import a-?idea|an occasional (longer form )?essay series)\b|…$/i;

function outline(stories: readonly { title: string | null; kind: string; dek: boolean | string }[]) {
  return stories.map(
    (s) =>
      `${s.kind} | ${s.title === null ? '(untitled)' : normalise(s.title)} | ${s.dek ? 'dek' : 'no dek'}`,
  );
}

describe.skipIf(!hasRealArchive)('the story-structure suite', () => {
  it('keys at least 30 issues across every shape, in the suite format', () => {
    expect(issues.length).toBeGreaterThanOrEqual(30);
    for (const issue of issues) {
      for (const story of issue.stories) expect(STORY_KINDS, issue.source).toContain(story.kind);
    }
  });

  const exact = issues.filter((issue) => !issue.knownMiss);
  const missed = issues.filter((issue) => issue.knownMiss);

  it.each(exact.map((issue) => [issue.source, issue] as const))('%s is structured as the raw', (_, keyed) => {
    expect(outline(parsedOutline(keyed))).toEqual(outline(keyed.stories));
  });

  it.each(missed.map((issue) => [issue.source, issue] as const))(
    '%s is still a known miss (update the key when the parser gets it right)',
    (_, keyed) => {
      expect(outline(parsedOutline(keyed))).not.toEqual(outline(keyed.stories));
    },
  );
});

function parsedOutline(keyed: KeyedIssue) {
  const { file, content } = readSource(keyed.source);
  const parsed = parseIssueFile(file, content);
  expect(parsed.number).toBe(keyed.number);
  return parsed.stories.map((s, i) => ({
    title: keyed.stories[i]?.title === null && !NOT_A_TITLE.test(s.title) ? null : s.title,
    kind: s.kind,
    dek: s.dek !== '',
  }));
}
