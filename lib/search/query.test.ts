import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS } from './limits';
import { parseQuery, parseYearRange, type Clause, type Matcher } from './query';

/** A matcher as a short string: its stemmed term, or a quoted phrase of stemmed terms. */
function show(matcher: Matcher): string {
  return matcher.type === 'term' ? matcher.term : `"${matcher.terms.join(' ')}"`;
}

/** The AND-of-ORs shape of the query's clauses. */
function shape(clauses: readonly Clause[]): string[][] {
  return clauses.map((clause) => clause.anyOf.map(show));
}

describe('parseQuery', () => {
  describe('words', () => {
    it.each([
      ['protein folding', [['protein'], ['fold']]],
      ['folded proteins', [['fold'], ['protein']]],
      ['TPUs', [['tpu']]],
      ['the robots of the future', [['robot'], ['futur']]],
      ['Import AI robots', [['robot']]],
      ['robots import ai', [['robot']]],
      ['import tariffs', [['import'], ['tariff']]],
      ["Google's robots", [['googl'], ['robot']]],
    ])('turns %j into stemmed term clauses', (q, expected) => {
      const parsed = parseQuery(q);
      expect(shape(parsed.must)).toEqual(expected);
      expect(parsed.exclude).toEqual([]);
      expect(parsed.warnings).toEqual([]);
    });

    it.each([
      ['the of and', [['the'], ['of'], ['and']]],
      ['what is the', [['what'], ['is'], ['the']]],
    ])('keeps the stop words of %j, a query of nothing but stop words', (q, expected) => {
      expect(shape(parseQuery(q).must)).toEqual(expected);
    });

    it('keeps "Import AI" when the query is nothing but the newsletter name', () => {
      expect(shape(parseQuery('Import AI').must)).toEqual([['import'], ['ai']]);
    });

    it.each([
      ['GPT-4', 'gpt4'],
      ['self-driving', 'selfdriv'],
      ['Schmidhüber', 'schmidhub'],
      ['schmidhuber', 'schmidhub'],
      ['SCHMIDHUBER', 'schmidhub'],
      ['Schmidhu\u0308ber', 'schmidhub'],
    ])('searches %j as the single term %j', (q, term) => {
      expect(shape(parseQuery(q).must)).toEqual([[term]]);
    });

    it('gives accented and unaccented spellings the same terms', () => {
      expect(shape(parseQuery('Schmidhüber Café').must)).toEqual([['schmidhub'], ['cafe']]);
      expect(shape(parseQuery('schmidhuber cafe').must)).toEqual([['schmidhub'], ['cafe']]);
    });
  });

  describe('phrases', () => {
    it('turns "exact phrase" into a phrase matcher of stemmed words', () => {
      const parsed = parseQuery('"protein folding" DeepMind');
      expect(parsed.must[0]!.anyOf).toEqual([
        { type: 'phrase', terms: ['protein', 'fold'], raw: 'protein folding', start: 1 },
      ]);
      expect(shape(parsed.must)).toEqual([['"protein fold"'], ['deepmind']]);
    });

    it('keeps the stop words inside a phrase', () => {
      expect(shape(parseQuery('"models of language"').must)).toEqual([['"model of languag"']]);
    });

    it('treats a one-word phrase as a term', () => {
      expect(shape(parseQuery('"robots"').must)).toEqual([['robot']]);
    });

    it('searches a hyphenated word inside a phrase by its joined form, as outside one', () => {
      expect(shape(parseQuery('"GPT-4 model"').must)).toEqual([['"gpt4 model"']]);
    });

    it('reads an unbalanced quote as a phrase running to the end of the query', () => {
      const parsed = parseQuery('robots "exact phrase');
      expect(shape(parsed.must)).toEqual([['robot'], ['"exact phrase"']]);
      expect(parsed.warnings).toEqual([]);
    });

    it('ignores an empty phrase', () => {
      expect(shape(parseQuery('"" robots " "').must)).toEqual([['robot']]);
    });

    it('leaves a year phrase inside quotes as part of the phrase', () => {
      const parsed = parseQuery('"progress since 2018"');
      expect(shape(parsed.must)).toEqual([['"progress sinc 2018"']]);
      expect(parsed.filters.year).toEqual([]);
    });
  });

  describe('exclusions', () => {
    it.each([
      ['robots -drones', [['robot']], ['drone']],
      ['robots -"self driving"', [['robot']], ['"self drive"']],
      ['-"a phrase" -word hi', [['hi']], ['"a phrase"', 'word']],
      ['robots -GPT-4', [['robot']], ['gpt4']],
    ])('turns %j into must %j and exclude %j', (q, must, exclude) => {
      const parsed = parseQuery(q);
      expect(shape(parsed.must)).toEqual(must);
      expect(parsed.exclude.map(show)).toEqual(exclude);
    });
  });

  describe('OR', () => {
    it.each([
      ['a OR b c', [['a', 'b'], ['c']]],
      ['robots OR drones lidar', [['robot', 'drone'], ['lidar']]],
      ['robots | drones', [['robot', 'drone']]],
      ['robots OR drones OR rovers', [['robot', 'drone', 'rover']]],
      ['lidar robots OR "self driving"', [['lidar'], ['robot', '"self drive"']]],
      ['GPT-4 OR Claude', [['gpt4', 'claud']]],
    ])('reads %j as %j', (q, expected) => {
      expect(shape(parseQuery(q).must)).toEqual(expected);
    });

    it('treats lower-case "or" as a stop word, not an operator', () => {
      expect(shape(parseQuery('robots or drones').must)).toEqual([['robot'], ['drone']]);
    });
  });

  describe('inline filters', () => {
    it.each([
      ['topic:policy', { topic: ['policy'] }],
      ['topic:Policy', { topic: ['policy'] }],
      ['TOPIC:policy', { topic: ['policy'] }],
      ['topic:policy,hardware', { topic: ['policy', 'hardware'] }],
      ['year:2023', { year: [{ from: 2023, to: 2023 }] }],
      ['year:2019..2021', { year: [{ from: 2019, to: 2021 }] }],
      ['year:2019-2021', { year: [{ from: 2019, to: 2021 }] }],
      ['year:2021..2019', { year: [{ from: 2019, to: 2021 }] }],
      ['year:2019..', { year: [{ from: 2019, to: 9999 }] }],
      [
        'year:2019,2021',
        {
          year: [
            { from: 2019, to: 2019 },
            { from: 2021, to: 2021 },
          ],
        },
      ],
      ['issue:226', { issue: [226] }],
      ['issue:#226', { issue: [226] }],
      ['kind:tech-tales', { kind: ['tech-tales'] }],
      ['kind:Tech-Tales', { kind: ['tech-tales'] }],
      ['link:arxiv.org', { link: ['arxiv.org'] }],
      ['link:https://www.arxiv.org', { link: ['arxiv.org'] }],
      ['link:http://arxiv.org/abs/2405.06624', { link: ['arxiv.org/abs/2405.06624'] }],
    ])('reads %j as a filter, not a word', (q, filters) => {
      const parsed = parseQuery(`robots ${q}`);
      expect(parsed.filters).toEqual({ topic: [], year: [], issue: [], kind: [], link: [], ...filters });
      expect(shape(parsed.must)).toEqual([['robot']]);
      expect(parsed.warnings).toEqual([]);
    });

    it.each([
      ['year:20x', 'year:20x is not a year or a range like 2019..2021'],
      ['year:2019..20', 'year:2019..20 is not a year or a range like 2019..2021'],
      ['issue:abc', 'issue:abc is not an issue number'],
      ['topic:', 'topic: needs a value'],
      ['year:', 'year: needs a value'],
    ])('ignores the invalid filter %j with a warning instead of throwing', (q, warning) => {
      const parsed = parseQuery(`robots ${q}`);
      expect(parsed.warnings).toEqual([warning]);
      expect(shape(parsed.must)).toEqual([['robot']]);
      expect(parsed.filters.year).toEqual([]);
      expect(parsed.filters.issue).toEqual([]);
    });
  });

  describe('natural phrasing', () => {
    it('reduces "what has Import AI said about TPUs since 2018" to tpu from 2018', () => {
      const parsed = parseQuery('what has Import AI said about TPUs since 2018');
      expect(shape(parsed.must)).toEqual([['tpu']]);
      expect(parsed.filters.year).toEqual([{ from: 2018, to: 9999 }]);
      expect(parsed.warnings).toEqual([]);
    });

    it.each([
      ['robots between 2019 and 2021', { from: 2019, to: 2021 }],
      ['robots between 2021 and 2019', { from: 2019, to: 2021 }],
      ['robots from 2019 to 2021', { from: 2019, to: 2021 }],
      ['robots since 2018', { from: 2018, to: 9999 }],
      ['robots after 2020', { from: 2021, to: 9999 }],
      ['robots before 2020', { from: 0, to: 2019 }],
      ['robots until 2020', { from: 0, to: 2020 }],
      ['what did Import AI say about robots in 2023', { from: 2023, to: 2023 }],
    ])('reads %j as robots with the year range %j', (q, range) => {
      const parsed = parseQuery(q);
      expect(shape(parsed.must)).toEqual([['robot']]);
      expect(parsed.filters.year).toEqual([range]);
    });

    it('keeps "in 2023" as words when the query is not a question', () => {
      const parsed = parseQuery('robots in 2023');
      expect(shape(parsed.must)).toEqual([['robot'], ['2023']]);
      expect(parsed.filters.year).toEqual([]);
    });

    it('drops the framing of a question but keeps its subject', () => {
      expect(shape(parseQuery('who wrote about protein folding').must)).toEqual([['protein'], ['fold']]);
    });
  });

  describe('pasted URLs', () => {
    it.each([
      'https://arxiv.org/abs/2304.05332',
      'https://arxiv.org/pdf/2304.05332v2',
      'http://www.arxiv.org/abs/2304.05332v1',
    ])('searches the arXiv URL %j by its paper id', (q) => {
      const parsed = parseQuery(q);
      expect(shape(parsed.must)).toEqual([['2304.05332']]);
      expect(parsed.filters.link).toEqual([]);
    });

    it.each([
      ['https://openai.com/index/gpt-4-research/', 'openai.com/index/gpt-4-research'],
      ['www.example.org/post#comments', 'example.org/post'],
      ['robots https://x.com/someone/status/1', 'x.com/someone/status/1'],
    ])('reads any other URL %j as a link: filter', (q, link) => {
      const parsed = parseQuery(q);
      expect(parsed.filters.link).toEqual([link]);
      expect(parsed.must.flatMap((c) => c.anyOf.map((m) => m.raw))).not.toContain(q.split(' ').pop());
    });
  });

  describe('offsets', () => {
    it('gives every typed word its offset in the query as read', () => {
      const q = 'link:traning traning "data centre" -robots';
      const parsed = parseQuery(q);
      const typed = [...parsed.must.flatMap((c) => c.anyOf), ...parsed.exclude];
      for (const m of typed) expect(parsed.text.slice(m.start, m.start + m.raw.length)).toBe(m.raw);
      expect(typed.map((m) => m.start)).toEqual([13, 22, 36]);
    });

    it('keeps offsets true after a year phrase is taken out of the query', () => {
      const parsed = parseQuery('robots since 2019 protien');
      const last = parsed.must.at(-1)!.anyOf[0]!;
      expect(last.raw).toBe('protien');
      expect(parsed.text.slice(last.start, last.start + last.raw.length)).toBe('protien');
    });
  });

  describe('when the query is only operators or punctuation', () => {
    it.each(['-', 'OR', ':', '|', '"', '- OR :', '😀', '"""', '- - -', 'OR OR'])(
      'gives no clauses and says %j has nothing to search for',
      (q) => {
        expect(parseQuery(q)).toEqual({
          text: q,
          must: [],
          exclude: [],
          filters: { topic: [], year: [], issue: [], kind: [], link: [] },
          warnings: [`${JSON.stringify(q)} has no word to search for, so nothing matches`],
          nothingToSearch: true,
        });
      },
    );

    it.each(['', '   ', 'topic:policy', 'year:2023 kind:tech-tales', 'https://arxiv.org'])(
      'leaves %j (no text besides filters) to browse the archive',
      (q) => {
        const parsed = parseQuery(q);
        expect(parsed.must).toEqual([]);
        expect(parsed.nothingToSearch).toBe(false);
        expect(parsed.warnings).toEqual([]);
      },
    );

    it.each(['OR robots', 'robots OR', 'robots -', 'robots : OR'])('ignores stray operators in %j', (q) => {
      expect(shape(parseQuery(q).must)).toEqual([['robot']]);
      expect(parseQuery(q).exclude).toEqual([]);
    });
  });

  describe('the term cap', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}x`).join(' ');

    it(`keeps ${MAX_QUERY_TERMS} terms silently`, () => {
      const parsed = parseQuery(words(MAX_QUERY_TERMS));
      expect(parsed.must).toHaveLength(MAX_QUERY_TERMS);
      expect(parsed.warnings).toEqual([]);
    });

    it(`uses only the first ${MAX_QUERY_TERMS} terms of a longer query, with a warning`, () => {
      const parsed = parseQuery(words(40));
      expect(parsed.must).toHaveLength(MAX_QUERY_TERMS);
      expect(shape(parsed.must).at(-1)).toEqual([`word${MAX_QUERY_TERMS - 1}x`]);
      expect(parsed.warnings).toEqual([`only the first ${MAX_QUERY_TERMS} terms are used`]);
    });
  });

  it('never throws on control characters and bidi marks', () => {
    const parsed = parseQuery('robots\u0000\u202e drones\u200f');
    expect(shape(parsed.must)).toEqual([['robot'], ['drone']]);
  });
});

describe('parseYearRange', () => {
  it.each([
    ['2023', { from: 2023, to: 2023 }],
    ['2019..2021', { from: 2019, to: 2021 }],
    ['2019-2021', { from: 2019, to: 2021 }],
    ['2019–2021', { from: 2019, to: 2021 }],
    ['2021..2019', { from: 2019, to: 2021 }],
    ['2019..', { from: 2019, to: 9999 }],
    ['..2021', { from: 0, to: 2021 }],
  ])('reads %j as %j', (value, range) => {
    expect(parseYearRange(value)).toEqual(range);
  });

  it.each(['20x', '2019..20', '..', '-', '19', '', '2023 ', 'twenty', '20190'])('refuses %j', (value) => {
    expect(parseYearRange(value)).toBeNull();
  });
});
