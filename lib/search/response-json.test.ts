import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIssueFile } from '../catalogue/parse-issue';
import { SearchEngine } from './engine';
import { buildIssue } from './fixtures/build-issue';
import { DEFAULT_SEARCH_REQUEST, type SearchRequest } from './types';

// The API's JSON is written from bytes cached per paragraph (lib/search/response-json.ts); it must be
// exactly what serialising the page's response object gives, for every shape of response.
const { dateEvidence: _evidence, ...parsed } = parseIssueFile(
  'import-ai-226.mailchimp.txt',
  readFileSync(path.resolve(import.meta.dirname, '../../data/issues/import-ai-226.mailchimp.txt'), 'utf8'),
);
const sample = { ...parsed, date: '2020-12-07', dateBasis: 'estimated' as const };
const awkward = buildIssue({
  number: 480,
  date: '2026-11-20',
  stories: [
    {
      title: 'Quotes “curly” and "straight", a back\\slash and </script>',
      dek: 'Emoji 😀 and a line\u2028separator',
      topics: ['policy'],
      paragraphs: [
        'The robot’s “policy” — said to be 😀 safe — escaped \\ every <b>tag</b> & test.',
        'A second robot paragraph, with a tab\tand a control \u0001 character.',
        'A third robot paragraph: Ünïcödé, 中文, and a lone surrogate \ud800 in the text.',
        // Long enough to take a response past the writer's first 64 KB.
        `A long robot paragraph: ${'the robot’s “word” '.repeat(4000)}`,
      ],
    },
  ],
});
const ISSUES = [sample, awkward];

const REQUESTS: Partial<SearchRequest>[] = [
  { q: '' },
  { q: '', per: 100 },
  { q: 'robot' },
  { q: 'robot', group: 'paragraph', per: 100 },
  { q: 'robot', sort: 'oldest', page: 2, per: 1 },
  { q: 'the', per: 100 },
  { q: '"language models" -gpt' },
  { q: 'robto' },
  { q: 'robot', topic: ['fiction'], year: ['2019'] },
  { q: '😀' },
  { q: '"the the" "the the"' },
  { q: 'robot policy', topic: ['policy'] },
];

/**
 * Every request twice over, the second time with a trailing space (a different cache key, the same
 * answer): the second time every paragraph's bytes come from the writer's cache.
 */
function twice(): SearchRequest[] {
  return [1, 2].flatMap((round) =>
    REQUESTS.map((extra) => ({
      ...DEFAULT_SEARCH_REQUEST,
      ...extra,
      q: `${extra.q ?? ''}${' '.repeat(round - 1)}`,
    })),
  );
}

describe('the API’s JSON', () => {
  it('is byte for byte the serialised response, across shapes, awkward text and repeated paragraphs', () => {
    const api = SearchEngine.fromIssues(ISSUES);
    const pages = SearchEngine.fromIssues(ISSUES);
    let shown = 0;
    for (const request of twice()) {
      const response = pages.search(request);
      const json = api.searchJson(request);
      expect(json.toString('utf8'), JSON.stringify(request)).toBe(JSON.stringify(response));
      expect(json.equals(Buffer.from(JSON.stringify(response)))).toBe(true);
      shown += response.results.length;
    }
    // The requests cover results with `more`, paragraphs without it, and a response past 64 KB.
    expect(shown).toBeGreaterThan(100);
    const large = api.searchJson({ ...DEFAULT_SEARCH_REQUEST, q: 'robot', group: 'paragraph', per: 100 });
    expect(large.length).toBeGreaterThan(64 * 1024);
    const stories = JSON.parse(api.searchJson({ ...DEFAULT_SEARCH_REQUEST, q: 'robot' }).toString('utf8'));
    expect(stories.results.some((r: { more?: unknown[] }) => (r.more?.length ?? 0) > 0)).toBe(true);
  });
});

describe('the API’s JSON of a search a page has already cached', () => {
  it('is the same bytes as the writer gives', () => {
    const engine = SearchEngine.fromIssues(ISSUES);
    const written = SearchEngine.fromIssues(ISSUES);
    const request = { ...DEFAULT_SEARCH_REQUEST, q: 'robot' };
    // A response is cached from the second time its request is seen.
    engine.search(request);
    const cached = engine.search(request);
    expect(engine.search(request)).toBe(cached);
    expect(engine.searchJson(request).equals(written.searchJson(request))).toBe(true);
  });
});

describe('the API’s JSON writer with a small cache', () => {
  it('writes the same bytes when it must drop paragraphs it had encoded', () => {
    const pages = SearchEngine.fromIssues(ISSUES);
    // Room for a few paragraphs: most are encoded again after being dropped.
    const api = SearchEngine.fromIssues(ISSUES, { jsonCacheBytes: 4 * 1024 });
    for (const request of twice()) {
      expect(api.searchJson(request).toString('utf8'), JSON.stringify(request)).toBe(
        JSON.stringify(pages.search(request)),
      );
    }
  });
});
