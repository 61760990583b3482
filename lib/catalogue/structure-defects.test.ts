import { describe, expect, it } from 'vitest';
import { parseIssueFile } from './index';

/**
 * One invented fixture per class of structural defect found by reading the archive against its
 * raw files. Each names the shape it is written in; none of it is archive text.
 */
type Parsed = ReturnType<typeof parseIssueFile>;

const outline = (issue: Parsed) => issue.stories.map((s) => ({ title: s.title, kind: s.kind, dek: s.dek }));
const texts = (issue: Parsed, story: number) => issue.stories[story]!.paragraphs.map((p) => p.text);

/** Static-site Markdown: one inline element per line, `\*\*\*` separators, three blank lines between paragraphs. */
function siteMarkdown(number: number, body: string): Parsed {
  const frontMatter = [
    '---',
    `title: 'Import AI ${number}: Invented kettles'`,
    'date: 2031-05-01T00:00:00+00:00',
    'feed: https://importai.substack.com/feed',
    '---',
  ].join('\n');
  // The shape's own marks, by which its format is recognised: bold runs and an escaped separator.
  const greeting = '**Welcome to Import AI**, a newsletter about AI research.';
  const end = ['\\*\\*\\*', '**Thanks for reading!**'].join(GAP);
  return parseIssueFile(`import-ai-${number}.md`, [frontMatter, greeting, body, end].join(GAP));
}

/** Substack's Markdown export: hard breaks, emphasis markers broken across lines. */
function substackMarkdown(number: number, body: string): Parsed {
  return parseIssueFile(
    `import-ai-${number}.md`,
    [
      '---',
      `title: "Import AI ${number}: Invented kettles"`,
      'url: "https://importai.substack.com/p/invented"',
      '---',
      '',
      'Welcome to Import AI, a newsletter about AI research.  ',
      '',
      body,
    ].join('\n'),
  );
}

const GAP = '\n\n\n\n';

describe('story structure', () => {
  describe('when two stories sit back to back', () => {
    it('keeps static-site stories apart at their escaped separators', () => {
      const issue = siteMarkdown(
        911,
        [
          '**Kettles learn to whistle on time:**\n*…A punctual benchmark…*\n\nA made-up lab taught kettles to whistle.',
          '\\*\\*\\*',
          '**Teapots are harder:**\n\nA second lab failed with teapots, which have no whistle at all.',
        ].join(GAP),
      );
      expect(outline(issue).map((s) => s.title)).toEqual([
        'Kettles learn to whistle on time',
        'Teapots are harder',
      ]);
      expect(texts(issue, 0)).toEqual(['A made-up lab taught kettles to whistle.']);
    });

    it('starts a story at a headline whose dek lost its opening marker to a stray underscore', () => {
      const issue = substackMarkdown(
        912,
        [
          '**Kettles learn to whistle:**  ',
          '_…Punctual at last…_',
          'A made-up lab taught kettles to whistle.  ',
          '**Read more:** [Whistles (example)](https://example.com/w).  ',
          '',
          '**  ',
          '',
          '**Toasters fight back:  ',
          '**_**…** Browning as a service…  ',
          '_Toasters now brown bread to order.',
        ].join('\n'),
      );
      expect(outline(issue)).toEqual([
        { title: 'Kettles learn to whistle', kind: 'news', dek: 'Punctual at last' },
        { title: 'Toasters fight back', kind: 'news', dek: 'Browning as a service' },
      ]);
    });

    it('reads a one-word dek as a dek', () => {
      const issue = siteMarkdown(
        913,
        '**A boat counts ships:**\n*…SHIPDET…*\n\nResearchers sailed a boat past ships.',
      );
      expect(outline(issue)).toEqual([{ title: 'A boat counts ships', kind: 'news', dek: 'SHIPDET' }]);
    });

    it('opens a new story at a bold headline right after the last story’s Read more', () => {
      const issue = substackMarkdown(
        914,
        [
          '**Kettles learn to whistle:**  ',
          '_…Punctual at last…_',
          'A made-up lab taught kettles to whistle.  ',
          '**Read more:** [Whistles (example)](https://example.com/w).  ',
          '',
          '**Kettle makers worry about the whistling kettles:**  ',
          'In separate news, the makers of kettles say the whistling is getting out of hand and want it stopped.',
          '**Read more:** [Worries (example)](https://example.com/x).',
        ].join('\n'),
      );
      expect(outline(issue).map((s) => s.title)).toEqual([
        'Kettles learn to whistle',
        'Kettle makers worry about the whistling kettles',
      ]);
    });
  });

  describe('when an issue ends with a Tech Tale', () => {
    it('keeps a tale with no "Tech Tales" label apart from the story before it', () => {
      const issue = siteMarkdown(
        915,
        [
          '**Kettles learn to whistle:**\n*…Punctual at last…*\n\nA made-up lab taught kettles to whistle.',
          '\\*\\*\\*',
          '**The Last Kettle**\n*[A kitchen, 2040]*\n\nThe kettle whistled for nobody.',
          '**Things that inspired this story:**\n\nKettles; empty kitchens.',
        ].join(GAP),
      );
      expect(outline(issue)).toEqual([
        { title: 'Kettles learn to whistle', kind: 'news', dek: 'Punctual at last' },
        { title: 'The Last Kettle', kind: 'tech-tales', dek: 'A kitchen, 2040' },
      ]);
      expect(issue.stories[0]!.topics).not.toContain('fiction');
    });

    it('keeps a tale in one story across its scene breaks', () => {
      const issue = substackMarkdown(
        916,
        [
          '**Tech Tales:**  ',
          '',
          '**The Long Boil**  ',
          '_[A kitchen, 2040]_  ',
          'The kettle began to boil.  ',
          '',
          '***  ',
          '',
          'Hours later it was still boiling, and the kitchen had filled with steam.  ',
          '',
          '***  ',
          '',
          'By morning the water was gone.',
        ].join('\n'),
      );
      expect(outline(issue)).toEqual([
        { title: 'The Long Boil', kind: 'tech-tales', dek: 'A kitchen, 2040' },
      ]);
      expect(texts(issue, 0)).toHaveLength(3);
    });

    it.each([
      [
        'on a plain line under the label',
        '**Tech Tales:**\n\nThe Quiet Kettle\n\nThe kettle never whistled again.',
      ],
      [
        'inside the label’s bold run',
        '**Tech Tales:\n\n\nThe Quiet Kettle**\n\nThe kettle never whistled again.',
      ],
    ])('titles a tale by its own title when it sits %s', (_, body) => {
      const issue = siteMarkdown(917, body);
      expect(outline(issue)).toEqual([{ title: 'The Quiet Kettle', kind: 'tech-tales', dek: '' }]);
      expect(texts(issue, 0)).toEqual(['The kettle never whistled again.']);
    });

    it('takes a setting split over lines ("[" then the rest) as the tale’s dek', () => {
      const issue = siteMarkdown(
        918,
        '**Tech Tales:**\n\n**The Quiet Kettle**\n***[**\n\nA kitchen, 2040]*\n\nSilence.',
      );
      expect(outline(issue)).toEqual([
        { title: 'The Quiet Kettle', kind: 'tech-tales', dek: 'A kitchen, 2040' },
      ]);
    });
  });

  describe('when a dek or an essay’s title is unusual', () => {
    it('keeps a dek that holds a link', () => {
      const issue = substackMarkdown(
        919,
        [
          '**Robots play football:**  ',
          '_…Watch the [amazing videos](https://example.com/v)…_',
          'Small robots learned to kick a ball.',
        ].join('\n'),
      );
      expect(outline(issue)).toEqual([
        { title: 'Robots play football', kind: 'news', dek: 'Watch the amazing videos' },
      ]);
    });

    it('titles an essay of a series by its own title, not the series label, past its preamble', () => {
      const issue = siteMarkdown(
        920,
        [
          '**Import A-Idea**\n*An occasional essay series*\n**Preamble:**\n\nA few words before the talk.',
          '**On Kettles and Fear**\n*Remarks given at an invented conference.*\n**SECTION ONE**\n\nThe essay itself.',
        ].join(GAP),
      );
      expect(outline(issue)).toEqual([
        { title: 'On Kettles and Fear', kind: 'editorial', dek: 'Remarks given at an invented conference.' },
      ]);
      expect(texts(issue, 0)).toEqual([
        'Preamble: A few words before the talk.',
        'SECTION ONE',
        'The essay itself.',
      ]);
    });

    it('knows an essay with no title of its own by its dek', () => {
      const issue = substackMarkdown(
        921,
        ['**Import A-Idea  ', '** _…The quiet fear of kettles…  ', '_ A short essay about kettles.'].join(
          '\n',
        ),
      );
      expect(outline(issue)).toEqual([
        { title: 'The quiet fear of kettles', kind: 'editorial', dek: 'The quiet fear of kettles' },
      ]);
    });

    it('keeps a long headline whole', () => {
      const long =
        'Will kettles utterly change the kitchen, or will they be one more appliance among the toasters? That is the multi-trillion dollar question and here is my take';
      const issue = substackMarkdown(
        922,
        ['***  ', '', `**${long}:  `, '** I spent some time with kettles.'].join('\n'),
      );
      expect(outline(issue)).toEqual([{ title: long, kind: 'news', dek: '' }]);
    });

    it('keeps the lines of a plain headline’s story apart when a bold run spans them', () => {
      const issue = substackMarkdown(
        923,
        [
          '*****  ',
          '',
          'What does 10^3 versus 10^4 kettles mean?  ',
          '**In the United States, kettles are counted in thousands.  ',
          'I did some napkin math about the kettles.  ',
          '**Read more:**[Kettle math (example)](https://example.com/k)**.',
        ].join('\n'),
      );
      expect(outline(issue)).toEqual([
        { title: 'What does 10^3 versus 10^4 kettles mean?', kind: 'news', dek: '' },
      ]);
      expect(texts(issue, 0)).toEqual([
        'In the United States, kettles are counted in thousands.',
        'I did some napkin math about the kettles.',
        'Read more: Kettle math (example).',
      ]);
    });
  });

  describe('when the export splits a paragraph into pieces', () => {
    it('joins a link line to the label before it', () => {
      const issue = siteMarkdown(
        924,
        '**Kettles:**\n*…Punctual at last…*\n\nA made-up lab taught kettles to whistle.' +
          GAP +
          'Get the dataset\n[(KettleSet, GitHub)](https://example.com/k)\n\n.',
      );
      expect(texts(issue, 0)).toEqual([
        'A made-up lab taught kettles to whistle.',
        'Get the dataset (KettleSet, GitHub).',
      ]);
    });

    it('joins a line that goes on after a dash to the sentence before it', () => {
      const issue = siteMarkdown(
        925,
        '**Kettles:**\n*…Punctual at last…*\n\nPersonhood comes down to the ability to blame someone - or some\n*thing*\n\n- for causing damage.',
      );
      expect(texts(issue, 0)).toEqual([
        'Personhood comes down to the ability to blame someone - or some thing - for causing damage.',
      ]);
    });

    it('never joins across three blank lines, where the post had a new paragraph', () => {
      const issue = siteMarkdown(
        926,
        '**Kettles:**\n*…Punctual at last…*\n\nQ' + GAP + 'Why do kettles whistle?',
      );
      expect(texts(issue, 0)).toEqual(['Q', 'Why do kettles whistle?']);
    });

    it('keeps a lone trailing ellipsis with its sentence instead of reading it as a dek', () => {
      const issue = siteMarkdown(
        927,
        [
          '**Kettles:**\n*…Punctual at last…*\n\nIt is a graph that reckons with\n*hope and fear*\n\n…',
          '**Read more:**\n\n\n[Kettle graph (example)](https://example.com/g)\n\n.',
        ].join(GAP),
      );
      expect(texts(issue, 0)).toEqual([
        'It is a graph that reckons with hope and fear…',
        'Read more: Kettle graph (example).',
      ]);
    });
  });

  describe('when words meet markup', () => {
    it('puts back the space the Substack export dropped at a link or bold run', () => {
      const issue = substackMarkdown(
        928,
        [
          '**Kettles:**  ',
          '_…Punctual at last…_',
          'Watch the video[here](https://example.com/v). It is getting _**really**_**good**.',
        ].join('\n'),
      );
      expect(texts(issue, 0)).toEqual(['Watch the video here. It is getting really good.']);
    });

    it('keeps an ordered list’s numbers, which the prose refers to', () => {
      const issue = substackMarkdown(
        929,
        [
          '**Kettles:**  ',
          '_…Punctual at last…_',
          'The recipe:',
          '',
          '  1. Fill the kettle.',
          '',
          '  2. Boil the water from 1) until it whistles.',
        ].join('\n'),
      );
      expect(texts(issue, 0)).toEqual([
        'The recipe:',
        '1. Fill the kettle.',
        '2. Boil the water from 1) until it whistles.',
      ]);
    });
  });

  describe('when "Why this matters" stands on a line of its own', () => {
    it.each([
      [
        'static-site Markdown',
        (body: string) => siteMarkdown(930, body),
        '**Why this matters - kettles are loud:**\n\nThey whistle.',
      ],
      [
        'Substack Markdown',
        (body: string) => substackMarkdown(930, body),
        '**Why this matters - kettles are loud:**  \nThey whistle.',
      ],
    ])('makes one paragraph of the label and its text in %s', (_, parse, why) => {
      const lead = '**Kettles:**\n*…Punctual at last…*\n\nA made-up lab taught kettles to whistle.';
      const issue = parse(`${lead}${GAP}${why}`);
      expect(issue.stories[0]!.paragraphs.map((p) => [p.role, p.text])).toEqual([
        ['body', 'A made-up lab taught kettles to whistle.'],
        ['why-this-matters', 'Why this matters - kettles are loud: They whistle.'],
      ]);
    });
  });
});

describe('issue numbers in titles', () => {
  it.each([
    ['Import AI 226: AlphaFold', 226],
    ['ImportAI 449: LLMs training other LLMs', 449],
    ['Import AI: Issue 39: Kettles', 39],
    ['Import AI: #75: Teapots', 75],
    ['Import AI #12: Toast', 12],
  ])('reads the number from "%s"', (title, number) => {
    const html = `---\ntitle: ${JSON.stringify(title)}\n---\n<p><strong>Kettles whistle:</strong><br><em>…On time…</em><br>They do.</p>`;
    expect(parseIssueFile('post.html', html).number).toBe(number);
  });
});
