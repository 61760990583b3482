import { describe, expect, it } from 'vitest';
import { SearchEngine } from './engine';
import { buildIssue } from './fixtures/build-issue';
import { DEFAULT_SEARCH_REQUEST, type SearchRequest } from './types';
import { activeFilterChips, facetLinks, filterRemovals, resultCount } from './view';

const engine = SearchEngine.fromIssues([
  buildIssue({
    number: 41,
    date: '2022-04-04',
    stories: [
      { title: 'Kelp farms', topics: ['science'], paragraphs: ['Drones survey the kelp farms at dawn.'] },
      { title: 'Orchard robots', topics: ['robotics'], paragraphs: ['Drones count apples in the orchard.'] },
    ],
  }),
  buildIssue({
    number: 42,
    date: '2023-05-05',
    stories: [
      {
        title: 'The drone that sang',
        kind: 'tech-tales',
        topics: ['fiction'],
        paragraphs: ['The drones sang to the kelp.', 'Nobody answered the drones.'],
      },
    ],
  }),
]);
const ask = (r: Partial<SearchRequest>) => {
  const request = { ...DEFAULT_SEARCH_REQUEST, ...r };
  return { request, response: engine.search(request) };
};

describe('filterRemovals', () => {
  it('offers each filter whose removal gives results, with what the search without it gives', () => {
    for (const group of ['story', 'paragraph'] as const) {
      const { request, response } = ask({ q: 'drones', topic: ['fiction'], year: ['2022'], group });
      expect(response.total).toBe(0);
      const offers = filterRemovals(request, response);
      expect(offers.map((o) => o.facet).sort()).toEqual(['topic', 'year']);
      for (const offer of offers) {
        expect(offer.request[offer.facet]).toEqual([]);
        expect(offer.count).toBe(resultCount(engine.search(offer.request)));
      }
      expect(offers.map((o) => o.count)).toEqual([...offers.map((o) => o.count)].sort((a, b) => b - a));
    }
  });

  it('leaves out a filter whose removal still gives nothing', () => {
    const { request, response } = ask({ q: 'apples', topic: ['fiction'], issue: [42] });
    expect(filterRemovals(request, response)).toEqual([]);
  });

  it('leaves out a facet with several values, since dropping one of them only narrows it', () => {
    const { request, response } = ask({ q: 'kelp', topic: ['robotics', 'fiction'], year: ['2022'] });
    expect(response.total).toBe(0);
    expect(filterRemovals(request, response).map((o) => [o.facet, o.value])).toEqual([['year', '2022']]);
  });
});

describe('facetLinks', () => {
  it('lists the archive’s topics and kinds, selected or not, and leaves values it lacks to their chips', () => {
    const { request, response } = ask({
      q: 'drones',
      topic: ['fiction', 'no-such-topic'],
      kind: ['tech-tales', 'no-such-kind'],
      year: ['2019'],
    });
    // The API still lists every selected value.
    expect(response.facets.topic.map((v) => v.value)).toContain('no-such-topic');
    expect(response.facets.kind.map((v) => v.value)).toContain('no-such-kind');
    const links = facetLinks(request, response);
    expect(links.topic.map((v) => v.value)).not.toContain('no-such-topic');
    expect(links.kind.map((v) => v.value)).not.toContain('no-such-kind');
    expect(links.topic.find((v) => v.value === 'fiction')).toMatchObject({ selected: true });
    expect(links.kind.find((v) => v.value === 'tech-tales')).toMatchObject({ selected: true });
    // A selected year stays listed even where nothing matches it.
    expect(links.year.find((v) => v.value === '2019')).toMatchObject({ selected: true, count: 0 });
    // Every selected value, known or not, has a chip that removes it.
    const chips = activeFilterChips(request);
    for (const label of ['Topic: no-such-topic', 'Kind: no-such-kind', 'Year: 2019'])
      expect(chips.map((c) => c.label)).toContain(label);
  });
});
