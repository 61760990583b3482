import { describe, expect, it } from 'vitest';
import { SearchEngine } from './engine';
import { RANKING_SET } from './fixtures/ranking-set';
import { DEFAULT_SEARCH_REQUEST, type SearchRequest } from './types';

const engine = SearchEngine.fromIssues(RANKING_SET);
const search = (q: string, extra: Partial<SearchRequest> = {}) =>
  engine.search({ ...DEFAULT_SEARCH_REQUEST, q, ...extra });
/** Headlines in the order the engine ranks the stories. */
const stories = (q: string) => search(q).results.map((r) => r.story);
/** Each story's lead paragraph, by its opening words. */
const leads = (q: string) => search(q).results.map((r) => r.text.split(' ').slice(0, 4).join(' '));

describe('SearchEngine ranking (an invented archive)', () => {
  describe('stories', () => {
    it('ranks the story about the subject above stories mentioning it in passing', () => {
      expect(stories('interpretability')[0]).toBe('Glassworks lab reads the circuits of a language model');
    });

    it('ranks stories holding the exact word above those matching only its stem', () => {
      const order = stories('interpretability');
      // "Interpreting the failure" matches only the stem `interpret`.
      expect(order.at(-1)).toBe('Kettle robots learn to pour tea');
      expect(order.indexOf('Chipmakers race to build lighter accelerators')).toBeLessThan(
        order.indexOf('Kettle robots learn to pour tea'),
      );
    });
  });

  describe('the lead paragraph', () => {
    it('is the paragraph holding most of the query’s words, not the opening one', () => {
      expect(leads('tea plant pot')[0]).toBe('The arm was tested');
    });

    it('is the opening paragraph when the words are in the headline alone', () => {
      expect(leads('lighter satellites')[0]).toBe('Three companies have announced');
    });

    it('is not a "Read more" line that repeats the headline', () => {
      const [result] = search('interpretability glassworks').results;
      expect(result!.role).not.toBe('read-more');
    });

    it('prefers the paragraph with the query’s words together to one with them far apart', () => {
      expect(leads('kettle spilling')[0]).toBe('In later trials the');
    });

    it('holds a quoted phrase when the story’s text does', () => {
      const results = search('"recursive self-improvement"').results;
      const editorial = results.find((r) => r.story === 'Notes on self-improvement')!;
      expect(editorial.text).toMatch(/recursive self-improvement/);
      expect(editorial.more).toEqual([]);
    });

    it('is the opening paragraph when only the headline holds a quoted phrase', () => {
      const results = search('"recursive self-improvement"').results;
      const benchmark = results.find((r) => r.story === 'A benchmark for recursive self-improvement')!;
      expect(benchmark.text).toMatch(/^A new benchmark asks/);
    });
  });

  describe('with group=paragraph', () => {
    it('lists only the paragraphs holding a quoted phrase, or the opening one when the headline does', () => {
      const texts = search('"recursive self-improvement"', { group: 'paragraph' }).results.map((r) => r.text);
      expect(texts.sort()).toEqual([
        'A new benchmark asks AI agents to improve the training code of a smaller copy of themselves and measures how much better the copy gets.',
        'People keep asking me about recursive self-improvement, so here is where I think things stand.',
      ]);
    });
  });
});
