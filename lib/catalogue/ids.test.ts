import { describe, expect, it } from 'vitest';
import { buildCatalogue, type Issue, type SourceFile } from './index';

const BASE = [
  'Researchers have built a benchmark of kettles. It measures how long household robots take to boil water.',
  'The fastest robot\'s time was "four minutes", the lab says.',
  'The slowest robot never found the kettle at all.',
  '**Why this matters:** Tea is a benchmark everyone understands.',
];

/** A one-story Substack Markdown issue whose paragraphs are the given Markdown paragraphs. */
function issueFile(number: number, paragraphs: readonly string[]): SourceFile {
  const markdown = [
    '---',
    `title: "Import AI ${number}: Kettle benchmarks"`,
    '---',
    '',
    '**Robots race to boil a kettle:**  ',
    '_…A household benchmark…_',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
  return { name: `import-ai-${number}.md`, content: Buffer.from(markdown) };
}

function issueOf(files: SourceFile[], number: number): Issue {
  const issue = buildCatalogue(files).issues.find((i) => i.number === number);
  if (!issue) throw new Error(`issue ${number} was not built`);
  return issue;
}

/** Paragraph id by paragraph text. */
function idsByText(issue: Issue): Map<string, string> {
  return new Map(issue.stories.flatMap((s) => s.paragraphs.map((p) => [p.text, p.id] as [string, string])));
}

function paragraphIds(issue: Issue): string[] {
  return issue.stories.flatMap((s) => s.paragraphs.map((p) => p.id));
}

describe('paragraph ids', () => {
  const base = issueOf([issueFile(901, BASE)], 901);
  const baseIds = paragraphIds(base);

  it('are "p-" and six hex digits', () => {
    expect(baseIds).toHaveLength(4);
    for (const id of baseIds) expect(id).toMatch(/^p-[0-9a-f]{6}$/);
  });

  describe('when other issues are added to or removed from the catalogue', () => {
    it.each([
      ['an earlier issue is added', [issueFile(900, BASE.slice(0, 1)), issueFile(901, BASE)]],
      [
        'later issues are added',
        [issueFile(901, BASE), issueFile(902, ['Other words.']), issueFile(903, ['More.'])],
      ],
      [
        'an issue repeating one of its paragraphs is added',
        [issueFile(901, BASE), issueFile(904, [BASE[2]!])],
      ],
      ['the others are removed again', [issueFile(901, BASE)]],
    ])('keep their ids when %s', (_when, files) => {
      expect(paragraphIds(issueOf(files, 901))).toEqual(baseIds);
    });
  });

  describe('when a better parser splits or merges some other paragraph', () => {
    const [first, second, third, fourth] = BASE as [string, string, string, string];
    it.each([
      [
        'the first paragraph is split in two',
        [
          'Researchers have built a benchmark of kettles.',
          'It measures how long household robots take to boil water.',
          second,
          third,
          fourth,
        ],
        [second, third, fourth],
      ],
      ['the second and third are merged', [first, `${second}\n${third}`, fourth], [first, fourth]],
      ['the last two are merged', [first, second, `${third}\n${fourth}`], [first, second]],
    ])('keeps the untouched paragraphs’ ids when %s', (_when, edited, untouched) => {
      const before = idsByText(base);
      const after = idsByText(issueOf([issueFile(901, edited)], 901));
      // The edit really changed the paragraphs…
      expect(after.size).not.toBe(before.size);
      // …and every paragraph it did not touch kept its id.
      const plain = untouched.map((markdown) => markdown.replace(/\*\*/g, ''));
      expect(plain.map((text) => after.get(text))).toEqual(plain.map((text) => before.get(text)));
      expect(plain.every((text) => before.has(text))).toBe(true);
    });
  });

  describe('when two paragraphs of one issue have the same text', () => {
    const repeated = 'Read more: The Kettle Benchmark (arXiv).';
    const issue = issueOf([issueFile(901, [BASE[0]!, repeated, BASE[1]!, repeated, repeated])], 901);
    const ids = paragraphIds(issue);

    it('keeps every id unique within the issue', () => {
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
    });

    it('numbers the repeats in document order', () => {
      const first = ids[1]!;
      expect(first).toMatch(/^p-[0-9a-f]{6}$/);
      expect([ids[3], ids[4]]).toEqual([`${first}-2`, `${first}-3`]);
    });

    it('leaves the other paragraphs’ ids alone', () => {
      expect([ids[0], ids[2]]).toEqual([baseIds[0], baseIds[1]]);
    });
  });

  describe('when a paragraph differs only in spacing, quote style, case or emphasis', () => {
    it.each([
      ['extra spaces', 'The  fastest   robot\'s time was "four minutes",  the lab says.'],
      ['a line break', 'The fastest robot\'s time\nwas "four minutes", the lab says.'],
      ['curly quotes', 'The fastest robot’s time was “four minutes”, the lab says.'],
      ['single quotes', "The fastest robot’s time was 'four minutes', the lab says."],
      ['capitals', 'THE FASTEST ROBOT\'S TIME WAS "FOUR MINUTES", THE LAB SAYS.'],
      ['emphasis', 'The _fastest_ robot\'s time was **"four minutes"**, the lab says.'],
    ])('keeps its id with %s', (_difference, variant) => {
      const issue = issueOf([issueFile(901, [BASE[0]!, variant, BASE[2]!, BASE[3]!])], 901);
      expect(paragraphIds(issue)).toEqual(baseIds);
    });

    it('changes its id when its words change', () => {
      const reworded = 'The fastest robot\'s time was "five minutes", the lab says.';
      const issue = issueOf([issueFile(901, [BASE[0]!, reworded, BASE[2]!, BASE[3]!])], 901);
      expect(paragraphIds(issue)[1]).not.toBe(baseIds[1]);
    });
  });
});
