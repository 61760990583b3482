import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIssueFile } from '../catalogue/parse-issue';
import type { Issue } from '../catalogue/model';
import { SearchEngine } from './engine';
import { parseSearchParams, SearchParamError } from './params';
import { parseQuery } from './query';
import { DEFAULT_SEARCH_REQUEST, type SearchRequest, type SearchResponse } from './types';

/** Strings people (and attackers) type into a public search box. */
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '"unbalanced',
    '""',
    '-',
    '--',
    'OR',
    'OR OR',
    ':',
    'topic:',
    'year:',
    'year:..',
    'year:99999',
    'issue:-1',
    'link:',
    '-"',
    '\u202e\u202dreversed',
    '\u0000\u0001\u0007\u001b[31m',
    '🤖🧠 robots',
    'a'.repeat(10_000),
    '" '.repeat(300),
    'alphafold '.repeat(100),
  ),
  fc
    .array(
      fc.constantFrom(
        'ai',
        'protein',
        'OR',
        '-',
        '"',
        'topic:policy',
        'year:2020..2021',
        'alphafodl',
        'é',
        '\u200f',
      ),
      {
        maxLength: 40,
      },
    )
    .map((words) => words.join(' ')),
);

function checkResponse(response: SearchResponse, request: SearchRequest): void {
  expect(response.total).toBeGreaterThanOrEqual(response.stories);
  expect(response.stories).toBeGreaterThanOrEqual(0);
  expect(response.results.length).toBeLessThanOrEqual(request.per);
  expect(response.page).toBe(request.page);
  for (const facet of [response.facets.topic, response.facets.year, response.facets.kind]) {
    for (const value of facet) expect(value.count).toBeGreaterThanOrEqual(0);
  }
  for (const result of response.results) {
    // Only <mark> survives as markup in snippets.
    expect(result.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(result.url).toMatch(/^\/issues\/\d+#p-[0-9a-f]+(?:-\d+)?$/);
    for (const more of result.more ?? []) expect(more.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  }
}

describe('parseQuery under hostile input', () => {
  it('never throws and always returns a well-formed query', () => {
    fc.assert(
      fc.property(hostile, (q) => {
        const parsed = parseQuery(q);
        expect(Array.isArray(parsed.must)).toBe(true);
        expect(parsed.must.length).toBeLessThanOrEqual(32);
        for (const clause of parsed.must) expect(clause.anyOf.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});

describe('parseSearchParams under odd parameters', () => {
  it('either accepts a request or refuses it with a SearchParamError', () => {
    const key = fc.constantFrom(
      'q',
      'topic',
      'year',
      'issue',
      'kind',
      'sort',
      'group',
      'page',
      'per',
      'format',
      'x',
    );
    const value = fc.oneof(
      hostile,
      fc.integer({ min: -1e9, max: 1e9 }).map(String),
      fc.constantFrom(
        '0',
        '-1',
        '1e3',
        '999999999',
        'NaN',
        'Infinity',
        '',
        ' ',
        'relevance',
        'newest',
        '2019..2021',
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 12 }), (pairs) => {
        const params = new URLSearchParams(pairs);
        try {
          const request = parseSearchParams(params);
          expect(request.page).toBeGreaterThanOrEqual(1);
          expect(request.per).toBeGreaterThanOrEqual(1);
          expect(request.per).toBeLessThanOrEqual(100);
          expect(request.q.length).toBeLessThanOrEqual(512);
        } catch (error) {
          expect(error).toBeInstanceOf(SearchParamError);
          expect((error as Error).message).toMatch(/^(q|topic|year|issue|kind|sort|group|page|per): /);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('SearchEngine.search under hostile input', () => {
  let engine: SearchEngine;

  beforeAll(() => {
    const sample = readFileSync(
      path.resolve(import.meta.dirname, '../../data/issues/import-ai-226.mailchimp.txt'),
      'utf8',
    );
    const { dateEvidence: _evidence, ...parsed } = parseIssueFile('import-ai-226.mailchimp.txt', sample);
    const issue: Issue = { ...parsed, date: '2020-12-07', dateBasis: 'estimated' };
    engine = SearchEngine.fromIssues([issue]);
  });

  it('never throws and always returns a well-formed response', () => {
    const request = fc.record({
      q: hostile.map((q) => q.slice(0, 512)),
      topic: fc.array(fc.constantFrom('policy', 'fiction', 'nope', '<b>', ''), { maxLength: 3 }),
      year: fc.array(fc.constantFrom('2020', '2019..2021', '..2020', '1999'), { maxLength: 2 }),
      issue: fc.array(fc.integer({ min: 0, max: 99_999 }), { maxLength: 2 }),
      kind: fc.array(fc.constantFrom('news', 'tech-tales', 'bogus'), { maxLength: 2 }),
      sort: fc.constantFrom('relevance', 'newest', 'oldest') as fc.Arbitrary<SearchRequest['sort']>,
      group: fc.constantFrom('story', 'paragraph') as fc.Arbitrary<SearchRequest['group']>,
      page: fc.integer({ min: 1, max: 1000 }),
      per: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(request, (r) => {
        checkResponse(engine.search(r), r);
      }),
      { numRuns: 300 },
    );
  });

  it('renders a query that is markup as text in every snippet', () => {
    const q = '<script>alert(1)</script> alphafold';
    const response = engine.search({ ...DEFAULT_SEARCH_REQUEST, q });
    expect(response.total).toBeGreaterThan(0);
    checkResponse(response, { ...DEFAULT_SEARCH_REQUEST, q });
  });
});
