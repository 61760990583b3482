import { describe, expect, it } from 'vitest';
import { SearchEngine } from './engine';
import { buildIssue } from './fixtures/build-issue';
import { exportFlexIndex } from './flex';
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
/** The results as "issue: opening words of the paragraph". */
const found = (response: SearchResponse) =>
  response.results.map((r) => `${r.issue}: ${r.text.split(' ').slice(0, 3).join(' ')}`);

describe('SearchEngine', () => {
  describe('sorting', () => {
    it('ranks by relevance by default', () => {
      expect(found(search('robot'))).toEqual([
        '200: Researchers trained a',
        '200: The walking policy',
        '250: The robot tended',
      ]);
    });

    it('puts the newest issue first with sort=newest', () => {
      expect(found(search('robot', { sort: 'newest' }))).toEqual([
        '250: The robot tended',
        '200: Researchers trained a',
        '200: The walking policy',
      ]);
    });

    it('puts the oldest issue first with sort=oldest', () => {
      expect(search('robot', { sort: 'oldest' }).results.map((r) => r.issue)).toEqual([200, 200, 250]);
    });

    // BUG (minor): sort=oldest reverses the whole newest-first document list, so the paragraphs of
    // one issue come out in reverse reading order ("The walking policy…" before "Researchers trained…").
    it('keeps the paragraphs of one issue in reading order with sort=oldest', () => {
      expect(found(search('robot', { sort: 'oldest' }))).toEqual([
        '200: Researchers trained a',
        '200: The walking policy',
        '250: The robot tended',
      ]);
    });

    it('lists everything newest first when there is no query', () => {
      const response = search('');
      expect(response.total).toBe(11);
      expect(response.results.map((r) => r.issue)).toEqual([
        300, 300, 300, 300, 300, 300, 250, 250, 250, 200, 200,
      ]);
    });
  });

  describe('pagination', () => {
    it('splits the results into pages that add up to the whole list', () => {
      const all = search('robot').results.map((r) => r.id);
      const pages = [1, 2, 3].flatMap((page) => search('robot', { per: 1, page }).results.map((r) => r.id));
      expect(pages).toEqual(all);
      expect(search('robot', { per: 2, page: 2 })).toMatchObject({ total: 3, page: 2, per: 2 });
    });

    it('gives an empty page with the right total past the end', () => {
      const response = search('robot', { page: 9 });
      expect(response.results).toEqual([]);
      expect(response.total).toBe(3);
    });
  });

  describe('query language', () => {
    it('drops paragraphs holding an excluded word', () => {
      expect(found(search('robot -walk'))).toEqual(['250: The robot tended']);
    });

    it('drops paragraphs holding an excluded phrase, but not those with its words apart', () => {
      expect(found(search('robot -"real robot"'))).toEqual([
        '200: Researchers trained a',
        '250: The robot tended',
      ]);
    });

    it('needs the words of a phrase to be adjacent and in order', () => {
      expect(found(search('"language models"'))).toEqual(['300: Google announced a']);
      expect(found(search('language models'))).toEqual(['300: Google announced a', '300: Critics note that']);
    });

    it('finds either word with OR, the paragraphs holding them first', () => {
      const response = search('TPU OR AlphaFold');
      expect(new Set(response.results.map((r) => r.story))).toEqual(
        new Set(['A faster TPU', 'DeepMind cracks protein folding']),
      );
      expect(found(response).slice(0, 2).sort()).toEqual([
        '300: AlphaFold, a system',
        '300: Google announced a',
      ]);
    });

    it('applies inline filters', () => {
      expect(found(search('robot year:2019'))).toEqual([
        '200: Researchers trained a',
        '200: The walking policy',
      ]);
      expect(found(search('kind:tech-tales'))).toEqual(['250: The robot tended']);
    });

    it('reports ignored parts of the query as warnings', () => {
      const response = search('robot year:20x');
      expect(response.warnings).toEqual(['year:20x is not a year or a range like 2019..2021']);
      expect(response.total).toBe(3);
    });

    it('finds compound words written apart and together', () => {
      expect(found(search('datacenters'))).toEqual(['300: The chip needs']);
      expect(found(search('data centers'))[0]).toBe('300: The chip needs');
    });
  });

  describe('when no paragraph has all the words', () => {
    it('relaxes to paragraphs with some of them, and says so', () => {
      const response = search('alphafold export');
      expect(response.relaxed).toBe(true);
      expect(response.total).toBeGreaterThan(0);
      for (const r of response.results) expect(`${r.story} ${r.dek} ${r.text}`).toMatch(/alphafold|export/i);
      expect(found(response).slice(0, 2).sort()).toEqual([
        '250: Export controls on',
        '300: AlphaFold, a system',
      ]);
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

    it('offers no suggestion when every word is known', () => {
      expect(search('protein').suggestion).toBeUndefined();
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

    it('does not complete a word followed by a space', () => {
      expect(search('alphaf ').total).toBe(0);
    });
  });

  describe('links', () => {
    it.each(['link:arxiv.org', 'link:https://www.arxiv.org', 'link:arxiv.org/abs/2405.06624'])(
      'filters by the cited link with %j',
      (q) => {
        expect(found(search(q))).toEqual(['300: Read more: Highly']);
      },
    );

    it('finds the paragraph citing an arXiv id', () => {
      expect(found(search('2405.06624'))).toEqual(['300: Read more: Highly']);
    });

    // BUG: the link filter is a plain substring test over the folded URLs, so `link:x.com` matches a
    // paragraph citing https://www.netflix.com/… ("netfli[x.com]"); likewise `link:ai.com` would match openai.com.
    it('matches the link filter against whole host names', () => {
      expect(search('link:x.com').total).toBe(0);
    });
  });

  describe('the response', () => {
    const response = search('', { per: 100 });

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

    // BUG: inside quotes a hyphenated word is searched only as its parts, and a joined word only at its
    // own position, so `"GPT-4 benchmark"` misses "GPT4 benchmark" (found without quotes) and
    // `"selfdriving cars"` misses "self-driving cars" (the joined token shares the first part's position,
    // so "cars" is two positions after it).
    it('finds the same paragraphs for a quoted phrase as for its joined or hyphenated spelling', () => {
      expect(texts('"GPT-4 benchmark"')).toEqual(['GPT4 benchmark results are out.']);
      expect(texts('"selfdriving cars"')).toEqual(['New self-driving cars arrive.']);
    });

    // DOUBTFUL: "U.S." is indexed and searched as its joined form `us`, the stop word, so a search for
    // "U.S." also returns "Tell us what you think."
    it('does not confuse "U.S." with the word "us"', () => {
      expect(texts('U.S.')).toEqual(['The U.S. government acts.']);
    });
  });

  describe('after export and import of the index', () => {
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
    ];

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
