import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIssueFile } from '../catalogue/parse-issue';
import { SearchEngine } from './engine';
import { buildIssue } from './fixtures/build-issue';
import { exportFlexIndex } from './flex';
import { MAX_PHRASE_WORK } from './limits';
import { DEFAULT_SEARCH_REQUEST, type SearchRequest, type SearchResponse } from './types';

const ISSUES = [
  buildIssue({
    number: 200,
    date: '2019-03-01',
    stories: [
      {
        title: 'Robots learn to walk on ice',
        dek: 'Simulation pays off',
        topics: ['robotics'],
        paragraphs: [
          'Researchers trained a robot dog to walk on ice using reinforcement learning in simulation.',
          'The walking policy transferred to the real robot without any fine-tuning.',
        ],
      },
    ],
  }),
  buildIssue({
    number: 250,
    date: '2021-06-10',
    stories: [
      {
        title: 'Export controls bite',
        dek: 'Chips become a lever of statecraft',
        kind: 'policy-column',
        topics: ['policy', 'china'],
        paragraphs: [
          'Export controls on advanced chips are reshaping the semiconductor supply chain between America and China.',
          'Some analysts argue the controls will slow progress; others think they will spur domestic chip design.',
        ],
      },
      {
        title: 'The Gardener',
        kind: 'tech-tales',
        topics: ['fiction'],
        paragraphs: ['The robot tended the garden every morning, folding its arms when the rain came.'],
      },
    ],
  }),
  buildIssue({
    number: 300,
    date: '2024-05-01',
    stories: [
      {
        title: 'DeepMind cracks protein folding',
        dek: 'AlphaFold predicts structures',
        topics: ['biology', 'science'],
        paragraphs: [
          'AlphaFold, a system from DeepMind, predicts how a protein folds into a three-dimensional structure.',
          'The system was trained on thousands of known structures and checked by independent judges.',
          {
            text: 'Read more: Highly accurate structure prediction (arXiv).',
            role: 'read-more',
            links: ['https://arxiv.org/abs/2405.06624'],
          },
        ],
      },
      {
        title: 'A faster TPU',
        dek: 'Google doubles training throughput',
        topics: ['hardware'],
        paragraphs: [
          'Google announced a new TPU that doubles training throughput for large language models.',
          {
            text: 'The chip needs liquid cooling, so data centers must be rebuilt to host it.',
            links: ['https://www.netflix.com/tudum/articles/data-centers'],
          },
          'Critics note that models of language are only as good as their data.',
        ],
      },
    ],
  }),
];

const engine = SearchEngine.fromIssues(ISSUES);
const search = (q: string, extra: Partial<SearchRequest> = {}) =>
  engine.search({ ...DEFAULT_SEARCH_REQUEST, q, ...extra });
/** The flat paragraph list (`group=paragraph`). */
const paragraphs = (q: string, extra: Partial<SearchRequest> = {}) =>
  search(q, { group: 'paragraph', ...extra });
/** The results as "issue: opening words of the paragraph" (a story result: of its lead). */
const found = (response: SearchResponse) =>
  response.results.map((r) => `${r.issue}: ${r.text.split(' ').slice(0, 3).join(' ')}`);

describe('SearchEngine', () => {
  describe('results as stories', () => {
    it('gives one result per story, led by its best paragraph, with the others in `more`', () => {
      const response = search('robot');
      expect(response).toMatchObject({ total: 3, stories: 2, group: 'story' });
      expect(found(response)).toEqual(['200: Researchers trained a', '250: The robot tended']);
      expect(response.results[0]!.more!.map((m) => m.text)).toEqual([
        'The walking policy transferred to the real robot without any fine-tuning.',
      ]);
      expect(response.results[0]!.moreCount).toBe(0);
      expect(response.results[1]).toMatchObject({ more: [], moreCount: 0 });
    });

    it('gives each further paragraph its permanent link, snippet and text', () => {
      const [result] = search('structures').results;
      expect(result!.more).toHaveLength(2);
      for (const more of result!.more!) {
        expect(more.url).toBe(`/issues/300#${more.id}`);
        expect(more.snippet).toMatch(/<mark>structures?<\/mark>/);
        expect(more.text).toMatch(/structure/);
      }
    });

    it('counts the matching paragraphs beyond the two it shows', () => {
      const busy = SearchEngine.fromIssues([
        buildIssue({
          number: 5,
          date: '2022-01-01',
          stories: [
            {
              title: 'Gliders everywhere',
              paragraphs: ['A glider.', 'Two gliders.', 'Three gliders.', 'Four gliders.', 'Five gliders.'],
            },
          ],
        }),
      ]);
      const [result] = busy.search({ ...DEFAULT_SEARCH_REQUEST, q: 'glider' }).results;
      expect(result!.more).toHaveLength(2);
      expect(result!.moreCount).toBe(2);
    });

    it('pages by stories, never repeating one across pages', () => {
      const all = search('chip OR robot OR structures', { per: 100 }).results.map((r) => r.storyId + r.issue);
      expect(all.length).toBeGreaterThan(3);
      const pages = [1, 2, 3, 4, 5].flatMap((page) =>
        search('chip OR robot OR structures', { per: 1, page }).results.map((r) => r.storyId + r.issue),
      );
      expect(pages).toEqual(all.slice(0, 5));
      expect(new Set(pages).size).toBe(pages.length);
    });

    it('states the words it matched, after correction and completion', () => {
      expect(search('protien structures').terms).toEqual(['protein', 'structures']);
      expect(search('alphaf').terms).toEqual(['alphafold']);
      expect(search('"language models" -critics').terms).toEqual(['language', 'models']);
    });
  });

  describe('ranking stories', () => {
    it('leads with the paragraph holding the query’s words, not the opening one', () => {
      const [result] = search('liquid cooling').results;
      expect(result!.text).toBe('The chip needs liquid cooling, so data centers must be rebuilt to host it.');
    });

    it('leads with the opening paragraph when only the headline holds the words', () => {
      const [result] = search('faster').results;
      expect(result!.story).toBe('A faster TPU');
      expect(result!.text).toMatch(/^Google announced a new TPU/);
    });
  });

  describe('group=paragraph', () => {
    it('lists every matching paragraph, the best first', () => {
      const response = paragraphs('robot');
      expect(response).toMatchObject({ total: 3, stories: 2, group: 'paragraph' });
      expect(found(response)[0]).toBe('200: Researchers trained a');
      expect(found(response).sort()).toEqual([
        '200: Researchers trained a',
        '200: The walking policy',
        '250: The robot tended',
      ]);
    });

    it('puts the newest issue first with sort=newest', () => {
      expect(found(paragraphs('robot', { sort: 'newest' }))).toEqual([
        '250: The robot tended',
        '200: Researchers trained a',
        '200: The walking policy',
      ]);
    });

    it('keeps the paragraphs of one issue in reading order with sort=oldest', () => {
      expect(found(paragraphs('robot', { sort: 'oldest' }))).toEqual([
        '200: Researchers trained a',
        '200: The walking policy',
        '250: The robot tended',
      ]);
    });

    it('lists everything newest first when there is no query', () => {
      const response = paragraphs('');
      expect(response.total).toBe(11);
      expect(response.results.map((r) => r.issue)).toEqual([
        300, 300, 300, 300, 300, 300, 250, 250, 250, 200, 200,
      ]);
      expect(response.results[0]).not.toHaveProperty('more');
    });

    it('splits the results into pages that add up to the whole list', () => {
      const all = paragraphs('robot').results.map((r) => r.id);
      const pages = [1, 2, 3].flatMap((page) =>
        paragraphs('robot', { per: 1, page }).results.map((r) => r.id),
      );
      expect(pages).toEqual(all);
      expect(paragraphs('robot', { per: 2, page: 2 })).toMatchObject({ total: 3, page: 2, per: 2 });
    });
  });

  describe('sorting stories', () => {
    it('puts the newest issue first with sort=newest, and the oldest with sort=oldest', () => {
      expect(search('robot', { sort: 'newest' }).results.map((r) => r.issue)).toEqual([250, 200]);
      expect(search('robot', { sort: 'oldest' }).results.map((r) => r.issue)).toEqual([200, 250]);
    });

    it('lists every story newest first, in reading order, when there is no query', () => {
      const response = search('');
      expect(response).toMatchObject({ total: 11, stories: 5 });
      expect(response.results.map((r) => r.story)).toEqual([
        'DeepMind cracks protein folding',
        'A faster TPU',
        'Export controls bite',
        'The Gardener',
        'Robots learn to walk on ice',
      ]);
      expect(response.results[0]).toMatchObject({ moreCount: 0 });
      expect(response.results[0]!.text).toMatch(/^AlphaFold/);
    });
  });

  describe('pagination', () => {
    it('gives an empty page with the right totals past the end', () => {
      const response = search('robot', { page: 9 });
      expect(response.results).toEqual([]);
      expect(response).toMatchObject({ total: 3, stories: 2 });
    });
  });

  describe('query language', () => {
    it('drops paragraphs holding an excluded word', () => {
      expect(found(paragraphs('robot -walk'))).toEqual(['250: The robot tended']);
    });

    it('drops paragraphs holding an excluded phrase, but not those with its words apart', () => {
      expect(found(paragraphs('robot -"real robot"'))).toEqual([
        '200: Researchers trained a',
        '250: The robot tended',
      ]);
    });

    it('needs the words of a phrase to be adjacent and in order', () => {
      expect(found(paragraphs('"language models"'))).toEqual(['300: Google announced a']);
      expect(found(paragraphs('language models'))).toEqual([
        '300: Google announced a',
        '300: Critics note that',
      ]);
    });

    it('finds either word with OR, the paragraphs holding them first', () => {
      const response = paragraphs('TPU OR AlphaFold');
      expect(new Set(response.results.map((r) => r.story))).toEqual(
        new Set(['A faster TPU', 'DeepMind cracks protein folding']),
      );
      expect(found(response).slice(0, 2).sort()).toEqual([
        '300: AlphaFold, a system',
        '300: Google announced a',
      ]);
    });

    it('applies inline filters', () => {
      expect(found(paragraphs('robot year:2019'))).toEqual([
        '200: Researchers trained a',
        '200: The walking policy',
      ]);
      expect(found(paragraphs('kind:tech-tales'))).toEqual(['250: The robot tended']);
    });

    it('reports ignored parts of the query as warnings', () => {
      const response = search('robot year:20x');
      expect(response.warnings).toEqual(['year:20x is not a year or a range like 2019..2021']);
      expect(response.total).toBe(3);
    });

    it.each(['😀', '"""', '- - -', 'OR OR', '?! …'])(
      'matches nothing for %j, which has no word, and says so',
      (q) => {
        const response = search(q);
        expect(response.total).toBe(0);
        expect(response.results).toEqual([]);
        expect(response.warnings).toEqual([
          `${JSON.stringify(q)} has no word to search for, so nothing matches`,
        ]);
      },
    );

    it('still lists everything a query of filters alone selects', () => {
      expect(search('kind:tech-tales').total).toBe(1);
      expect(search('').total).toBe(engine.docs.length);
    });

    it('finds the same for a phrase repeated across clauses as for the phrase once', () => {
      const once = search('"language models"');
      const repeated = search('"language models" "language models" "language models"');
      expect(found(repeated)).toEqual(found(once));
      expect(repeated.total).toBe(once.total);
    });

    it('finds compound words written apart and together', () => {
      expect(found(paragraphs('datacenters'))).toEqual(['300: The chip needs']);
      expect(found(paragraphs('data centers'))[0]).toBe('300: The chip needs');
    });
  });

  describe('when no story has all the words', () => {
    it('relaxes to stories with some of them, and says so', () => {
      const response = search('alphafold export');
      expect(response.relaxed).toBe(true);
      expect(response.results.map((r) => r.story).sort()).toEqual([
        'DeepMind cracks protein folding',
        'Export controls bite',
      ]);
      for (const r of response.results) expect(`${r.story} ${r.dek} ${r.text}`).toMatch(/alphafold|export/i);
    });

    it('does not relax when every word is found', () => {
      expect(search('walk ice').relaxed).toBeUndefined();
    });
  });

  describe('spelling', () => {
    it('corrects a misspelt word, offers the corrected query and finds results', () => {
      const response = search('protien');
      expect(response.suggestion).toBe('protein');
      expect(found(response)[0]).toBe('300: AlphaFold, a system');
    });

    it('keeps the rest of the query in the suggestion', () => {
      expect(search('protien structure').suggestion).toBe('protein structure');
    });

    it('rewrites the occurrence it corrected, not an earlier one in a filter', () => {
      expect(search('link:protien protien').suggestion).toBe('link:protien protein');
    });

    it('offers no suggestion when every word is known', () => {
      expect(search('protein').suggestion).toBeUndefined();
    });

    it('never corrects a word naming a story kind or topic the build holds', () => {
      const sample = readFileSync(
        path.resolve(import.meta.dirname, '../../data/issues/import-ai-226.mailchimp.txt'),
        'utf8',
      );
      const { dateEvidence: _evidence, ...parsed } = parseIssueFile('import-ai-226.mailchimp.txt', sample);
      const oneIssue = SearchEngine.fromIssues([{ ...parsed, date: '2020-12-07', dateBasis: 'estimated' }]);
      const response = oneIssue.search({ ...DEFAULT_SEARCH_REQUEST, q: 'tech tales' });
      expect(response.suggestion).toBeUndefined();
      expect(response.terms).toEqual(['tech', 'tales']);
    });
  });

  describe('while typing', () => {
    it('completes the last word', () => {
      const response = search('reinforcement lear');
      expect(found(response)[0]).toBe('200: Researchers trained a');
      expect(response.results[0]!.snippet).toContain('<mark>learning</mark>');
      expect(response.suggestion).toBeUndefined();
    });

    it('completes a word typed alone', () => {
      expect(found(search('alphaf'))[0]).toBe('300: AlphaFold, a system');
    });

    it('completes a prefix of a word the archive holds rather than correcting it', () => {
      const response = search('structu ');
      expect(response.suggestion).toBeUndefined();
      expect([...response.terms].sort()).toEqual(['structure', 'structures']);
    });
  });

  describe('links', () => {
    it.each(['link:arxiv.org', 'link:https://www.arxiv.org', 'link:arxiv.org/abs/2405.06624'])(
      'filters by the cited link with %j',
      (q) => {
        expect(found(search(q))).toEqual(['300: Read more: Highly']);
      },
    );

    it('finds the paragraph citing an arXiv id, or a pasted arXiv URL', () => {
      expect(found(search('2405.06624'))).toEqual(['300: Read more: Highly']);
      expect(found(search('https://arxiv.org/abs/2405.06624v2'))).toEqual(['300: Read more: Highly']);
    });

    it('searches any other pasted URL as its link: filter', () => {
      const pasted = search('https://www.netflix.com/tudum/articles/data-centers');
      expect(found(pasted)).toEqual(['300: The chip needs']);
      expect(pasted.total).toBe(search('link:netflix.com/tudum/articles/data-centers').total);
    });

    it('matches the link filter against whole host names', () => {
      expect(search('link:x.com').total).toBe(0);
    });
  });

  describe('the response', () => {
    const response = paragraphs('', { per: 100 });

    it('echoes the request', () => {
      expect(response).toMatchObject({ query: '', total: 11, page: 1, per: 100, sort: 'relevance' });
    });

    it('gives every result its permanent link, snippet, text, topics and date', () => {
      const byId = new Map(
        ISSUES.flatMap((issue) =>
          issue.stories.flatMap((story) =>
            story.paragraphs.map((p) => [p.id + issue.number, { issue, story, paragraph: p }] as const),
          ),
        ),
      );
      expect(response.results).toHaveLength(11);
      for (const result of response.results) {
        const source = byId.get(result.id + result.issue)!;
        expect(result.url).toBe(`/issues/${source.issue.number}#${source.paragraph.id}`);
        expect(result).toMatchObject({
          issueTitle: source.issue.title,
          date: source.issue.date,
          story: source.story.title,
          storyId: source.story.id,
          dek: source.story.dek,
          kind: source.story.kind,
          topics: source.story.topics,
          role: source.paragraph.role,
          text: source.paragraph.text,
        });
        expect(typeof result.snippet).toBe('string');
        expect(result.snippet.length).toBeGreaterThan(0);
      }
    });

    it('marks the query’s words in the snippet', () => {
      const [first] = search('walk ice').results;
      expect(first!.snippet).toBe(
        'Researchers trained a robot dog to <mark>walk</mark> on <mark>ice</mark> using reinforcement learning in simulation.',
      );
    });
  });

  describe('with hyphenated words and abbreviations', () => {
    const small = SearchEngine.fromIssues([
      buildIssue({
        number: 1,
        date: '2020-01-01',
        stories: [
          {
            title: 'Four short notes',
            paragraphs: [
              'New self-driving cars arrive.',
              'GPT4 benchmark results are out.',
              'The U.S. government acts.',
              'Tell us what you think.',
            ],
          },
        ],
      }),
    ]);
    const texts = (q: string) => small.search({ ...DEFAULT_SEARCH_REQUEST, q }).results.map((r) => r.text);

    it('finds a hyphenated word by its joined form, its parts, and as a phrase of its parts', () => {
      expect(texts('selfdriving')).toEqual(['New self-driving cars arrive.']);
      expect(texts('"self driving cars"')).toEqual(['New self-driving cars arrive.']);
      expect(texts('"self-driving cars"')).toEqual(['New self-driving cars arrive.']);
      expect(texts('GPT-4 benchmark')).toEqual(['GPT4 benchmark results are out.']);
    });

    it('finds the same paragraphs for a quoted phrase as for its joined or hyphenated spelling', () => {
      expect(texts('"GPT-4 benchmark"')).toEqual(['GPT4 benchmark results are out.']);
      expect(texts('"selfdriving cars"')).toEqual(['New self-driving cars arrive.']);
    });

    it('does not confuse "U.S." with the word "us"', () => {
      expect(texts('U.S.')).toEqual(['The U.S. government acts.']);
    });
  });

  const QUERIES: [string, Partial<SearchRequest>][] = [
    ['', {}],
    ['robot', {}],
    ['robot', { sort: 'oldest' }],
    ['robot', { per: 1, page: 2 }],
    ['robot -walk', {}],
    ['"language models"', {}],
    ['language models', {}],
    ['TPU OR AlphaFold', {}],
    ['alphafold export', {}],
    ['protien', {}],
    ['reinforcement lear', {}],
    ['link:arxiv.org', {}],
    ['2405.06624', {}],
    ['datacenters', {}],
    ['data centers', {}],
    ['chip', { topic: ['policy', 'hardware'] }],
    ['chip', { year: ['2021..2024'], kind: ['news'] }],
    ['what has Import AI said about TPUs since 2018', {}],
    ['structure judges', {}],
    ['GPT-4', {}],
    ['the', {}],
    ['robot', { group: 'paragraph' }],
  ];

  describe('the work budget', () => {
    // Paragraphs of four invented words repeated, every paragraph holding all of them: each phrase
    // of two of them reads every paragraph, and 16 phrases read twice the budget.
    const WORDS = ['zorbit', 'quellan', 'mistrel', 'pandorf'];
    const paragraphWords = 200;
    const paragraphCount = Math.ceil(MAX_PHRASE_WORK / 8 / paragraphWords);
    const text = Array.from({ length: paragraphWords }, (_, i) => WORDS[i % WORDS.length]).join(' ');
    const stories = Array.from({ length: Math.ceil(paragraphCount / 50) }, (_, s) => ({
      title: `Dispatch ${s}`,
      paragraphs: Array.from({ length: 50 }, () => text),
    }));
    const heavy = SearchEngine.fromIssues([buildIssue({ number: 1, date: '2020-01-01', stories })]);
    const pairs = WORDS.flatMap((a) => WORDS.filter((b) => b !== a).map((b) => `"${a} ${b}"`));
    const ask = (q: string) => heavy.search({ ...DEFAULT_SEARCH_REQUEST, q });

    it('answers a few phrases in full', () => {
      const response = ask(`${pairs[0]} ${pairs[1]}`);
      expect(response.truncated).toBeUndefined();
      expect(response.warnings).toBeUndefined();
    });

    it('stops a query of many phrases at the budget, with a warning, and answers with what it found', () => {
      const response = ask(pairs.join(' '));
      expect(response.truncated).toBe(true);
      expect(response.warnings).toEqual([expect.stringMatching(/^the search stopped early: /)]);
      // The phrases read before the budget ran out ("zorbit quellan" is one) still match.
      expect(response.total).toBeGreaterThan(0);
      expect(response.results.length).toBeGreaterThan(0);
    });

    it('costs the same for a phrase repeated up to the term limit as for the phrase once', () => {
      const response = ask(Array.from({ length: 32 }, () => pairs[0]).join(' '));
      expect(response.truncated).toBeUndefined();
      expect(response.total).toBe(ask(pairs[0]!).total);
    });
  });

  describe('the cache', () => {
    it('answers a repeated request, as an object or as JSON, exactly as the first time', () => {
      const cached = SearchEngine.fromIssues(ISSUES);
      const request = { ...DEFAULT_SEARCH_REQUEST, q: 'robot' };
      const first = cached.searchJson(request);
      for (let i = 0; i < 3; i++) {
        expect(cached.searchJson(request).equals(first)).toBe(true);
        expect(cached.search(request)).toEqual(JSON.parse(first.toString('utf8')));
      }
      expect(Object.isFrozen(cached.search(request))).toBe(true);
    });
  });

  describe('one search after another', () => {
    it('answers each as an engine that has answered nothing else', () => {
      const busy = SearchEngine.fromIssues(ISSUES);
      // Forwards then backwards, with another page size, so no answer comes from the cache.
      const sequence = [
        ...QUERIES.map((x) => [...x, 7] as const),
        ...QUERIES.map((x) => [...x, 6] as const).reverse(),
      ];
      for (const [q, extra, per] of sequence) {
        const request = { ...DEFAULT_SEARCH_REQUEST, q, ...extra, per };
        expect(busy.search(request), q).toEqual(SearchEngine.fromIssues(ISSUES).search(request));
      }
    });
  });

  describe('after export and import of the index', () => {
    it('answers every query exactly as the original engine', async () => {
      const imported = SearchEngine.fromArtefacts(ISSUES, await exportFlexIndex(engine.flexIndex));
      for (const [q, extra] of QUERIES) {
        const request = { ...DEFAULT_SEARCH_REQUEST, q, ...extra };
        expect(imported.search(request), q).toEqual(engine.search(request));
      }
      expect(imported.search({ ...DEFAULT_SEARCH_REQUEST, q: 'robot' }).total).toBe(3);
    });
  });
});
