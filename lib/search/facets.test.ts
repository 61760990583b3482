import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STORY_KINDS, type Issue, type StoryKind } from '../catalogue/model';
import { TOPICS } from '../topics/taxonomy';
import { SearchEngine } from './engine';
import { buildIssue } from './fixtures/build-issue';
import { parseYearRange } from './query';
import { RANKING } from './ranking';
import { DEFAULT_SEARCH_REQUEST, GROUPS, type SearchRequest, type SearchResponse } from './types';

/** Four words no stemmer changes, no two within one edit of each other (so nothing is "corrected"). */
const VOCABULARY = ['alpha', 'beta', 'gamma', 'delta'] as const;
const SLUGS = TOPICS.map((t) => t.slug);

// ---- a naive reference -------------------------------------------------------------------------

interface RefDoc {
  /** Which story the paragraph belongs to (issue/position). */
  story: string;
  year: number;
  kind: StoryKind;
  topics: string[];
  /** Words of the paragraph itself; for a story's opening paragraph, its headline and dek too. */
  own: Set<string>;
  /** Words anywhere in the paragraph's story (every paragraph, headline and dek). */
  storyWords: Set<string>;
}

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

function referenceDocs(issues: readonly Issue[]): RefDoc[] {
  const docs: RefDoc[] = [];
  for (const issue of issues) {
    issue.stories.forEach((story, s) => {
      const head = [...wordsOf(story.title), ...wordsOf(story.dek)];
      const storyWords = new Set([...head, ...story.paragraphs.flatMap((p) => wordsOf(p.text))]);
      story.paragraphs.forEach((paragraph, order) => {
        docs.push({
          story: `${issue.number}/${s}`,
          year: Number(issue.date.slice(0, 4)),
          kind: story.kind,
          topics: story.topics,
          own: new Set([...(order === 0 ? head : []), ...wordsOf(paragraph.text)]),
          storyWords,
        });
      });
    });
  }
  return docs;
}

/**
 * What the engine promises, with plain loops: a story matches when it holds every word (or, when
 * fewer than `RANKING.fill` stories do, all but one, and so on; when none holds them all, any);
 * its matching paragraphs are those holding a word themselves, the opening paragraph reading its
 * headline and dek as its own.
 */
function referenceMatches(docs: readonly RefDoc[], words: readonly string[]): RefDoc[] {
  if (words.length === 0) return [...docs];
  const held = (d: RefDoc) => words.filter((w) => d.storyWords.has(w)).length;
  const storiesHolding = (need: number) => new Set(docs.filter((d) => held(d) >= need).map((d) => d.story));
  let need = words.length;
  let stories = storiesHolding(need);
  if (stories.size === 0) stories = storiesHolding(1);
  else while (stories.size < RANKING.fill && need > 1) stories = storiesHolding(--need);
  return docs.filter((d) => stories.has(d.story) && words.some((w) => d.own.has(w)));
}

type Facets = {
  [K in keyof SearchResponse['facets']]: { value: string; count: number; selected: boolean }[];
};

function reference(
  docs: readonly RefDoc[],
  request: SearchRequest,
): { total: number; stories: number; facets: Facets } {
  const matched = referenceMatches(docs, wordsOf(request.q));
  const ranges = request.year.map((y) => parseYearRange(y)!);
  const okTopic = (d: RefDoc) =>
    request.topic.length === 0 || d.topics.some((t) => request.topic.includes(t));
  const okYear = (d: RefDoc) => ranges.length === 0 || ranges.some((r) => d.year >= r.from && d.year <= r.to);
  const okKind = (d: RefDoc) => request.kind.length === 0 || request.kind.includes(d.kind);

  // Counted in the unit of the results: stories, or paragraphs with group=paragraph.
  const countWhere = (pass: (d: RefDoc) => boolean) => {
    const passing = matched.filter(pass);
    return request.group === 'story' ? new Set(passing.map((d) => d.story)).size : passing.length;
  };
  const topic = SLUGS.map((slug) => ({
    value: slug,
    count: countWhere((d) => okYear(d) && okKind(d) && d.topics.includes(slug)),
    selected: request.topic.includes(slug),
  }));
  for (const slug of request.topic)
    if (!SLUGS.includes(slug)) topic.push({ value: slug, count: 0, selected: true });

  const years = [...new Set(docs.map((d) => d.year))].sort((a, b) => b - a);
  const year = years.map((y) => ({
    value: String(y),
    count: countWhere((d) => okTopic(d) && okKind(d) && d.year === y),
    selected: request.year.includes(String(y)),
  }));
  for (const value of request.year) {
    if (year.some((f) => f.value === value)) continue;
    const range = parseYearRange(value)!;
    year.push({
      value,
      count: countWhere((d) => okTopic(d) && okKind(d) && d.year >= range.from && d.year <= range.to),
      selected: true,
    });
  }

  const kind = STORY_KINDS.map((k) => ({
    value: k as string,
    count: countWhere((d) => okTopic(d) && okYear(d) && d.kind === k),
    selected: request.kind.includes(k),
  }));
  for (const k of request.kind)
    if (!(STORY_KINDS as readonly string[]).includes(k)) kind.push({ value: k, count: 0, selected: true });

  const passing = matched.filter((d) => okTopic(d) && okYear(d) && okKind(d));
  return {
    total: passing.length,
    stories: new Set(passing.map((d) => d.story)).size,
    facets: { topic, year, kind },
  };
}

function facetsOf(response: SearchResponse): Facets {
  const strip = (values: SearchResponse['facets']['topic']) =>
    values.map(({ value, count, selected }) => ({ value, count, selected }));
  return {
    topic: strip(response.facets.topic),
    year: strip(response.facets.year),
    kind: strip(response.facets.kind),
  };
}

// ---- generators --------------------------------------------------------------------------------

const phrase = (min: number, max: number) =>
  fc.array(fc.constantFrom(...VOCABULARY), { minLength: min, maxLength: max }).map((w) => w.join(' '));

const storySpec = fc.record({
  title: phrase(1, 2),
  dek: phrase(0, 2),
  kind: fc.constantFrom(...STORY_KINDS),
  topics: fc.subarray(SLUGS, { maxLength: 3 }),
  paragraphs: fc.array(phrase(1, 5), { minLength: 1, maxLength: 3 }),
});

const catalogue = fc
  .uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 2, maxLength: 6 })
  .chain((numbers) =>
    fc.tuple(
      ...numbers.map((number) =>
        fc
          .record({
            year: fc.integer({ min: 2019, max: 2026 }),
            month: fc.integer({ min: 1, max: 12 }),
            stories: fc.array(storySpec, { minLength: 1, maxLength: 3 }),
          })
          .map(({ year, month, stories }) =>
            buildIssue({ number, date: `${year}-${String(month).padStart(2, '0')}-15`, stories }),
          ),
      ),
    ),
  );

const yearValue = fc.oneof(
  fc.integer({ min: 2018, max: 2027 }).map(String),
  fc
    .tuple(fc.integer({ min: 2018, max: 2027 }), fc.integer({ min: 2018, max: 2027 }))
    .map(([a, b]) => `${Math.min(a, b)}..${Math.max(a, b)}`),
);

const request = fc.record({
  q: fc.oneof(
    fc.constant(''),
    fc.constantFrom(...VOCABULARY),
    fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...VOCABULARY)).map(([a, b]) => `${a} ${b}`),
  ),
  topic: fc.uniqueArray(fc.constantFrom(...SLUGS, 'no-such-topic'), { maxLength: 3 }),
  year: fc.uniqueArray(yearValue, { maxLength: 2 }),
  kind: fc.uniqueArray(fc.constantFrom(...STORY_KINDS), { maxLength: 2 }),
  group: fc.constantFrom(...GROUPS),
});

// ---- tests -------------------------------------------------------------------------------------

describe('SearchEngine facets', () => {
  it('count what a naive scan of every paragraph counts, for random catalogues and requests', () => {
    fc.assert(
      fc.property(catalogue, fc.array(request, { minLength: 1, maxLength: 5 }), (issues, requests) => {
        const engine = SearchEngine.fromIssues(issues);
        const docs = referenceDocs(issues);
        for (const r of requests) {
          const full: SearchRequest = { ...DEFAULT_SEARCH_REQUEST, ...r, per: 100 };
          const response = engine.search(full);
          const expected = reference(docs, full);
          expect({ total: response.total, stories: response.stories, facets: facetsOf(response) }).toEqual(
            expected,
          );
          const shown = full.group === 'story' ? expected.stories : expected.total;
          expect(response.results).toHaveLength(Math.min(shown, 100));
          // What dropping each filtering parameter would give, counted in the same pass.
          const without = (['topic', 'year', 'kind'] as const).filter((facet) => full[facet].length > 0);
          expect(response.withoutFilter).toEqual(
            without.length === 0
              ? undefined
              : Object.fromEntries(
                  without.map((facet) => {
                    const dropped = reference(docs, { ...full, [facet]: [] });
                    return [facet, full.group === 'story' ? dropped.stories : dropped.total];
                  }),
                ),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  describe('on a small catalogue', () => {
    const issues = [
      buildIssue({
        number: 330,
        date: '2023-06-01',
        stories: [
          { title: 'Chip rules', topics: ['policy'], paragraphs: ['Chip export rules tighten.'] },
          { title: 'New accelerators', topics: ['hardware'], paragraphs: ['A new chip ships.'] },
        ],
      }),
      buildIssue({
        number: 360,
        date: '2024-02-01',
        stories: [
          { title: 'Chip diplomacy', topics: ['policy', 'china'], paragraphs: ['Chip talks resume.'] },
          {
            title: 'Robot hands',
            topics: ['robotics', 'hardware'],
            paragraphs: ['A robot hand grips a chip.'],
          },
          {
            title: 'The last fab',
            kind: 'tech-tales',
            topics: ['fiction'],
            paragraphs: ['The chip dreamed.'],
          },
        ],
      }),
    ];
    const engine = SearchEngine.fromIssues(issues);
    const search = (r: Partial<SearchRequest>) => engine.search({ ...DEFAULT_SEARCH_REQUEST, ...r });
    const count = (values: SearchResponse['facets']['topic'], value: string) =>
      values.find((v) => v.value === value)?.count;

    it('reads ?topic=policy&topic=hardware as policy OR hardware', () => {
      const response = search({ q: 'chip', topic: ['policy', 'hardware'] });
      expect(response.results.map((r) => r.story).sort()).toEqual([
        'Chip diplomacy',
        'Chip rules',
        'New accelerators',
        'Robot hands',
      ]);
      expect(response.total).toBe(4);
    });

    it('never returns a 2023 paragraph for topic=policy and year=2024', () => {
      const response = search({ q: 'chip', topic: ['policy'], year: ['2024'] });
      expect(response.results.map((r) => [r.story, r.date])).toEqual([['Chip diplomacy', '2024-02-01']]);
      expect(count(response.facets.year, '2023')).toBe(1);
      expect(count(response.facets.topic, 'hardware')).toBe(1);
      expect(count(response.facets.topic, 'fiction')).toBe(1);
    });

    it('returns total 0 with its counts, not an error, for a combination nothing matches', () => {
      const response = search({ q: 'chip', topic: ['fiction'], year: ['2023'] });
      expect(response.total).toBe(0);
      expect(response.results).toEqual([]);
      expect(count(response.facets.year, '2024')).toBe(1);
      expect(count(response.facets.topic, 'policy')).toBe(1);
      expect(response.facets.topic.find((v) => v.value === 'fiction')).toMatchObject({
        count: 0,
        selected: true,
      });
      expect(response.facets.year.find((v) => v.value === '2023')).toMatchObject({
        count: 0,
        selected: true,
      });
    });

    it('says what dropping each filter would give, keeping the filters written in the query', () => {
      const response = search({ q: 'chip year:2024', topic: ['hardware'], issue: [330] });
      expect(response.total).toBe(0);
      // Without issue=330: hardware in 2024. Without topic=hardware: issue 330 is from 2023, which
      // the query's own year:2024 still rules out (dropping it too would give two stories).
      expect(response.withoutFilter).toEqual({ topic: 0, issue: 1 });
      expect(search({ q: 'chip year:2024', topic: ['hardware'] }).results.map((r) => r.story)).toEqual([
        'Robot hands',
      ]);
    });

    it('counts paragraphs, not stories, for dropping a filter with group=paragraph', () => {
      const response = search({ q: 'chip', topic: ['fiction'], year: ['2023'], group: 'paragraph' });
      expect(response.withoutFilter).toEqual({ topic: 2, year: 1 });
    });

    it('keeps a selected topic that does not exist, with a count of 0, and matches nothing for it alone', () => {
      const response = search({ topic: ['no-such-topic'] });
      expect(response.total).toBe(0);
      expect(response.facets.topic.at(-1)).toEqual({
        value: 'no-such-topic',
        label: 'no-such-topic',
        count: 0,
        selected: true,
      });
    });
  });
});
