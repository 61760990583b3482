import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, type Catalogue, type Issue } from './index';

const dir = path.resolve(__dirname, '../../../shared/corpus');

interface SourceRow {
  file: string;
  number: number;
  /** ISO date, or '' when the archive does not know it. */
  date: string;
}

/** SOURCES.tsv: tab-separated with a header row; fields may be wrapped in double quotes. */
function readSources(file: string): SourceRow[] {
  const [header, ...rows] = readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
  const columns = header!.split('\t');
  const column = (name: string) => {
    const index = columns.indexOf(name);
    if (index === -1) throw new Error(`SOURCES.tsv has no ${name} column`);
    return index;
  };
  const [fileAt, numberAt, dateAt] = [column('file'), column('issue_number'), column('date')];
  const unquote = (field = '') => field.replace(/^"([\s\S]*)"$/, '$1').replace(/""/g, '"');
  return rows.map((row) => {
    const fields = row.split('\t').map(unquote);
    return { file: fields[fileAt]!, number: Number(fields[numberAt]), date: fields[dateAt] ?? '' };
  });
}

function paragraphsOf(issues: readonly Issue[]) {
  return issues.flatMap((issue) =>
    issue.stories.flatMap((story) => story.paragraphs.map((p) => ({ issue: issue.number, ...p }))),
  );
}

const DAY_MS = 86_400_000;

/** Newsletter furniture that must never be indexed as a paragraph. */
const BOILERPLATE = [
  /^welcome to import ai/i,
  /^subscribe( now)?\b/i,
  /^thanks for reading/i,
  /unsubscribe/i,
  /mailchimp/i,
  /view this email in your browser/i,
  /^(like|loading\.*|related|share)$/i,
  /our mailing address/i,
  /copyright ©/i,
];

/** Markdown the parser should have turned into markup or dropped. */
const LEFTOVER_MARKUP = [/\*\*/, /\\\*/, /####/, /^_ /, /\]\(http/];

describe.skipIf(!existsSync(dir))('the Import AI archive', () => {
  let catalogue: Catalogue;
  let sources: SourceRow[];

  beforeAll(async () => {
    catalogue = await loadCatalogue(dir);
    sources = readSources(path.join(dir, 'SOURCES.tsv'));
  });

  it('accepts every file but the second copy of issue 386', () => {
    const { report } = catalogue;
    expect(report.rejected).toEqual([]);
    expect(report.duplicates).toEqual([
      { file: 'import-ai-386.auto.md', number: 386, kept: 'import-ai-386.md', reason: 'richer' },
    ]);
    expect(report.ignored).toEqual(['SOURCES.tsv']);
    expect(report.accepted.map((a) => a.file).sort()).toEqual(
      sources
        .map((s) => s.file)
        .filter((file) => file !== 'import-ai-386.auto.md')
        .sort(),
    );
  });

  it('holds exactly the issues SOURCES.tsv lists', () => {
    const listed = [...new Set(sources.map((s) => s.number))].sort((a, b) => a - b);
    expect(listed).toHaveLength(128);
    expect(catalogue.issues.map((i) => i.number)).toEqual(listed);
  });

  it('gives every issue a title naming its number and a real ISO date', () => {
    const bad = catalogue.issues.filter(
      (i) =>
        !new RegExp(`^Import ?AI ${i.number}\\b`).test(i.title) ||
        !/^\d{4}-\d{2}-\d{2}$/.test(i.date) ||
        new Date(`${i.date}T00:00:00Z`).toISOString().slice(0, 10) !== i.date,
    );
    expect(bad.map((i) => [i.number, i.title, i.date])).toEqual([]);
  });

  it('dates issues within a week of the dates SOURCES.tsv knows', () => {
    const known = sources.filter((s) => s.date);
    expect(known.length).toBeGreaterThan(40);
    const far = known.flatMap((s) => {
      const issue = catalogue.issues.find((i) => i.number === s.number);
      const days = issue ? Math.abs(Date.parse(issue.date) - Date.parse(s.date)) / DAY_MS : Infinity;
      return days <= 7 ? [] : [{ number: s.number, expected: s.date, got: issue?.date }];
    });
    expect(far).toEqual([]);
  });

  describe('issue 226, the Mailchimp email', () => {
    const STORIES: [RegExp, string][] = [
      [/protein folding/i, 'AlphaFold'],
      [/schmidhuber/i, 'the Russian general-AI institute'],
      [/trainium/i, 'AWS Trainium'],
      [/balloons/i, 'Loon balloons steered by RL'],
      [/chinese.*language model/i, 'the Chinese CPM model'],
      [/putin/i, 'Putin’s four ideas'],
      [/ai accidents/i, 'the AI Incident Database'],
      [/LAPD/, 'LAPD and face recognition'],
      [/ethical AI researcher forced out of Google/i, 'Timnit Gebru’s exit from Google'],
      [/player piano after the goldrush/i, 'the Tech Tale'],
    ];
    let stories: Issue['stories'];

    beforeAll(() => {
      stories = catalogue.issues.find((i) => i.number === 226)!.stories;
    });

    it('yields its ten stories in order', () => {
      expect(stories.map((s) => s.title)).toHaveLength(10);
      STORIES.forEach(([pattern, story], i) => expect(stories[i]?.title, story).toMatch(pattern));
    });

    it('puts the last three news items in the policy column and ends with the Tech Tale', () => {
      expect(stories.map((s) => s.kind)).toEqual([
        ...Array<string>(6).fill('news'),
        'policy-column',
        'policy-column',
        'policy-column',
        'tech-tales',
      ]);
    });

    it('tags the policy stories policy, the chip story hardware and the tale only fiction', () => {
      for (const i of [5, 6, 7, 8]) expect(stories[i]!.topics, stories[i]!.title).toContain('policy');
      expect(stories[2]!.topics).toContain('hardware');
      expect(stories[9]!.topics).toEqual(['fiction']);
    });
  });

  it('tags every Tech Tale fiction and nothing else, and only Tech Tales', () => {
    const stories = catalogue.issues.flatMap((i) => i.stories.map((s) => ({ issue: i.number, ...s })));
    const tales = stories.filter((s) => s.kind === 'tech-tales');
    expect(tales.length).toBeGreaterThan(100);
    expect(tales.filter((s) => s.topics.join() !== 'fiction').map((s) => [s.issue, s.title])).toEqual([]);
    expect(
      stories
        .filter((s) => s.topics.includes('fiction') && s.kind !== 'tech-tales')
        .map((s) => [s.issue, s.title]),
    ).toEqual([]);
  });

  it('titles no story "Tech Tales", an essay series label or a headline cut short with "…"', () => {
    const bad = catalogue.issues.flatMap((i) =>
      i.stories
        .filter((s) =>
          /^(tech tales|import a-?idea|an occasional( longer form)? essay series)$|…$/i.test(s.title),
        )
        .map((s) => [i.number, s.title]),
    );
    expect(bad).toEqual([]);
  });

  it('indexes no greeting, subscribe prompt, sign-off or footer', () => {
    const texts = [
      ...paragraphsOf(catalogue.issues).map((p) => ({ issue: p.issue, text: p.text })),
      ...catalogue.issues.flatMap((i) => i.stories.map((s) => ({ issue: i.number, text: s.title }))),
    ];
    const found = texts.filter(({ text }) => BOILERPLATE.some((pattern) => pattern.test(text)));
    expect(found).toEqual([]);
  });

  it('leaves no Markdown markup in any paragraph, headline or dek', () => {
    const texts = catalogue.issues.flatMap((i) =>
      i.stories.flatMap((s) =>
        [s.title, s.dek, ...s.paragraphs.map((p) => p.text)].map((text) => ({ issue: i.number, text })),
      ),
    );
    const found = texts.filter(({ text }) => LEFTOVER_MARKUP.some((pattern) => pattern.test(text)));
    expect(found).toEqual([]);
  });

  it('gives every paragraph an id unique within its issue and only safe inline markup', () => {
    for (const issue of catalogue.issues) {
      const ids = paragraphsOf([issue]).map((p) => p.id);
      expect(new Set(ids).size, `issue ${issue.number}`).toBe(ids.length);
    }
    const safeTag = /<\/?(?:strong|em|del|code)>|<a href="https?:\/\/[^"<>\s]+">|<\/a>/g;
    const unsafe = paragraphsOf(catalogue.issues).filter((p) => /[<>]/.test(p.html.replace(safeTag, '')));
    expect(unsafe.map((p) => [p.issue, p.html])).toEqual([]);
  });
});
