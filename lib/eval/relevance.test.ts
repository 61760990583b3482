import { describe, expect, it } from 'vitest';
import { buildIssue } from '../search/fixtures/build-issue';
import { docsWithKeys, evaluate, type Entry, type RelevanceQuery } from './relevance';

const issues = [
  buildIssue({
    number: 1,
    date: '2030-01-01',
    stories: [
      { title: 'Owls learn to count', paragraphs: ['Owls can count to three.', 'Then they stop.'] },
      { title: 'Robots bake bread', paragraphs: ['A robot baked bread.'] },
    ],
  }),
  buildIssue({
    number: 2,
    date: '2030-01-08',
    stories: [{ title: 'Owls again', paragraphs: ['More owls, more counting.'] }],
  }),
];
const docs = docsWithKeys(issues);
const entryOf = (text: string): Entry => {
  const doc = docs.find((d) => d.text === text)!;
  return { lead: doc.id, story: `${doc.issue}/${doc.storyId}` };
};

describe('evaluate', () => {
  const known: RelevanceQuery = {
    query: 'owls stop',
    kind: 'known-item',
    issue: 1,
    expect: 'Then they stop',
  };

  it('scores the lead and the entry apart: the right story led by another paragraph', () => {
    const score = evaluate(
      'x',
      () => [entryOf('A robot baked bread.'), entryOf('Owls can count to three.')],
      [known],
      docs,
    );
    expect(score.outcomes[0]).toMatchObject({ leadRank: null, entryRank: 2, leadRecall: 0, entryRecall: 1 });
    expect(score.all).toMatchObject({ leadMrr: 0, entryMrr: 0.5 });
  });

  it('counts a topical query’s recall over its targets', () => {
    const topical: RelevanceQuery = {
      query: 'owls',
      kind: 'topical',
      targets: [
        { issue: 1, expect: 'Owls can count' },
        { issue: 2, expect: 'More owls' },
      ],
    };
    const score = evaluate(
      'x',
      () => [entryOf('Then they stop.'), entryOf('A robot baked bread.')],
      [topical],
      docs,
    );
    expect(score.outcomes[0]).toMatchObject({
      leadRank: null,
      entryRank: 1,
      leadRecall: 0,
      entryRecall: 0.5,
    });
    expect(score.byKind.get('topical')).toMatchObject({ queries: 1, entryMrr: 1, entryRecall: 0.5 });
  });

  it('refuses a target that no longer names exactly one paragraph', () => {
    const stale: RelevanceQuery = { query: 'owls', kind: 'known-item', issue: 1, expect: '.' };
    expect(() => evaluate('x', () => [], [stale], docs)).toThrow(
      'eval: "owls": expected exactly one paragraph of issue 1 containing ".", found 3',
    );
  });
});
