import { describe, expect, it } from 'vitest';
import { parseSearchParams, SearchParamError, toUrlSearchParams } from './params';
import { DEFAULT_SEARCH_REQUEST } from './types';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

/** The error `parseSearchParams` throws for a query string. */
function errorOf(query: string): SearchParamError {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof SearchParamError) return error;
    throw error;
  }
  throw new Error(`expected ${query} to be refused`);
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('parseSearchParams', () => {
  it('gives the defaults for an empty query string', () => {
    expect(parse('')).toEqual(DEFAULT_SEARCH_REQUEST);
    expect(parse('')).toEqual({
      q: '',
      topic: [],
      year: [],
      issue: [],
      kind: [],
      sort: 'relevance',
      group: 'story',
      page: 1,
      per: 20,
    });
  });

  it('reads every parameter', () => {
    expect(
      parse(
        'q=protein+folding&topic=biology&year=2020&issue=226&kind=news&sort=newest&group=paragraph&page=3&per=50',
      ),
    ).toEqual({
      q: 'protein folding',
      topic: ['biology'],
      year: ['2020'],
      issue: [226],
      kind: ['news'],
      sort: 'newest',
      group: 'paragraph',
      page: 3,
      per: 50,
    });
  });

  it('keeps repeated topic, year, issue and kind values in order', () => {
    expect(
      parse(
        'topic=policy&topic=hardware&year=2023&year=2019..2021&year=2019..&year=..2021&issue=1&issue=2&kind=news&kind=tech-tales',
      ),
    ).toMatchObject({
      topic: ['policy', 'hardware'],
      year: ['2023', '2019..2021', '2019..', '..2021'],
      issue: [1, 2],
      kind: ['news', 'tech-tales'],
    });
  });

  it('lower-cases and trims topic and kind values, trims years and drops blank values', () => {
    expect(parse('topic=POLICY&topic=%20%20&kind=Tech-Tales&year=%202023%20')).toMatchObject({
      topic: ['policy'],
      kind: ['tech-tales'],
      year: ['2023'],
    });
  });

  it('treats an empty sort, page or per as the default', () => {
    expect(parse('sort=&page=&per=')).toEqual(DEFAULT_SEARCH_REQUEST);
  });

  it('ignores unknown parameters', () => {
    expect(parse('foo=bar&utm_source=newsletter&Q=robots&topics=policy')).toEqual(DEFAULT_SEARCH_REQUEST);
  });

  it('accepts a query of exactly 512 characters and 32 words', () => {
    expect(parse(`q=${'a'.repeat(512)}`).q).toHaveLength(512);
    expect(parse(new URLSearchParams({ q: words(32) }).toString()).q).toBe(words(32));
  });

  describe('when a parameter is invalid', () => {
    it.each([
      ['sort=best', 'sort: "best" is not one of relevance, newest, oldest'],
      ['sort=newest&sort=oldest', 'sort: give it once'],
      ['group=issue', 'group: "issue" is not one of story, paragraph'],
      ['group=story&group=paragraph', 'group: give it once'],
      ['q=a&q=b', 'q: give it once'],
      ['page=0', 'page: must be between 1 and 1000 (got 0)'],
      ['page=1001', 'page: must be between 1 and 1000 (got 1001)'],
      ['page=abc', 'page: "abc" is not a whole number'],
      ['page=-1', 'page: "-1" is not a whole number'],
      ['page=1.5', 'page: "1.5" is not a whole number'],
      ['per=101', 'per: must be between 1 and 100 (got 101)'],
      ['per=0', 'per: must be between 1 and 100 (got 0)'],
      [`per=${'x'.repeat(50)}`, `per: "${'x'.repeat(40)}…" is not a whole number`],
      ['year=20x', 'year: "20x" is not a year (2023) or a range (2019..2021)'],
      ['year=2019..20', 'year: "2019..20" is not a year (2023) or a range (2019..2021)'],
      ['year=2023&year=..', 'year: ".." is not a year (2023) or a range (2019..2021)'],
      ['issue=226&issue=abc', 'issue: "abc" is not an issue number'],
      [`q=${'a'.repeat(513)}`, 'q: the query is 513 characters; the limit is 512'],
      [new URLSearchParams({ q: words(33) }).toString(), 'q: the query has 33 terms; the limit is 32'],
      [Array.from({ length: 21 }, (_, i) => `topic=t${i}`).join('&'), 'topic: at most 20 values'],
    ])('refuses %j with a message naming the parameter', (query, message) => {
      const error = errorOf(query);
      expect(error.message).toBe(message);
      expect(error.name).toBe('SearchParamError');
      expect(error.status).toBe(400);
    });
  });
});

describe('toUrlSearchParams', () => {
  it('turns Next’s searchParams record into URLSearchParams, keeping repeated values', () => {
    const params = toUrlSearchParams({ q: 'robots', topic: ['policy', 'hardware'], page: undefined });
    expect([...params]).toEqual([
      ['q', 'robots'],
      ['topic', 'policy'],
      ['topic', 'hardware'],
    ]);
    expect(parseSearchParams(params)).toMatchObject({ q: 'robots', topic: ['policy', 'hardware'], page: 1 });
  });
});

describe('parseSearchParams and the query language agree', () => {
  it.each([
    ['2019-2021', '2019..2021'],
    ['2019–2021', '2019..2021'],
    ['2019..2021', '2019..2021'],
  ])('accepts the year range %s as %s', (given, expected) => {
    expect(parseSearchParams(new URLSearchParams({ year: given })).year).toEqual([expected]);
  });

  it('does not count OR and inline filters as terms', () => {
    const q = [...Array.from({ length: 32 }, (_, i) => `w${i}`), 'OR', 'topic:policy', 'year:2020'].join(' ');
    expect(parseSearchParams(new URLSearchParams({ q })).q).toBe(q);
  });
});
