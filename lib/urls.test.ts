import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_REQUEST } from './search/types';
import { issueUrlWithQuery, parseIssueNumber, searchParamsOf, searchUrl } from './urls';

describe('searchUrl', () => {
  it.each([
    [{}, '/'],
    [{ q: 'protein folding' }, '/?q=protein+folding'],
    [{ q: 'ai', topic: ['policy', 'hardware'], page: 2 }, '/?q=ai&topic=policy&topic=hardware&page=2'],
    [{ q: 'ai', group: 'paragraph' as const }, '/?q=ai&group=paragraph'],
    [{ q: 'ai', group: 'story' as const, per: DEFAULT_SEARCH_REQUEST.per }, '/?q=ai'],
    [{ q: 'ai', sort: 'oldest' as const, per: 50 }, '/?q=ai&sort=oldest&per=50'],
  ])('builds %j as %s, leaving defaults out', (request, url) => {
    expect(searchUrl(request)).toBe(url);
  });

  it('builds the JSON API link with extra parameters', () => {
    expect(searchUrl({ q: 'ai' }, '/api/search', { format: 'csv' })).toBe('/api/search?q=ai&format=csv');
  });

  it('gives the parameters a new query keeps as form fields', () => {
    expect([...searchParamsOf({ topic: ['policy'], group: 'paragraph', page: 1, q: '' })]).toEqual([
      ['topic', 'policy'],
      ['group', 'paragraph'],
    ]);
  });
});

describe('issueUrlWithQuery', () => {
  it.each([
    [{ q: '' }, undefined, '/issues/226'],
    [{ q: 'protien' }, 'p-abc123', '/issues/226?q=protien#p-abc123'],
    [{ q: 'protien', terms: ['protein'] }, 'p-abc123', '/issues/226?q=protien&terms=protein#p-abc123'],
    [
      { q: 'interpretab', terms: ['interpretability', 'interpretable'] },
      's-0a0b0c',
      '/issues/226?q=interpretab&terms=interpretability+interpretable#s-0a0b0c',
    ],
  ])('links %j at %j as %s', (search, anchor, url) => {
    expect(issueUrlWithQuery(226, search, anchor)).toBe(url);
  });
});

describe('parseIssueNumber', () => {
  it.each([
    ['226', 226],
    ['0', 0],
    ['226.html', undefined],
    ['-1', undefined],
    ['123456', undefined],
  ])('reads %j as %j', (segment, number) => {
    expect(parseIssueNumber(segment)).toBe(number);
  });
});
