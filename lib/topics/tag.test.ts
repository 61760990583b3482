import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue';
import type { Issue } from '../catalogue/model';
import { scoreTopicTagging, type LabelledStory, type TopicScore } from './evaluate';
import { tagStory } from './tag';
import { TOPICS } from './taxonomy';

describe('tagStory', () => {
  it('gives a Tech Tales story exactly the fiction topic, whatever it is about', () => {
    expect(
      tagStory({
        title: 'The Chip War',
        dek: '',
        kind: 'tech-tales',
        paragraphs: ['GPUs, TPUs and export controls on chips.'],
      }),
    ).toEqual(['fiction']);
  });

  it('never gives fiction to a story that is not a Tech Tale', () => {
    expect(
      tagStory({
        title: 'A story about fiction and novels',
        dek: 'Tech Tales',
        kind: 'news',
        paragraphs: [],
      }),
    ).not.toContain('fiction');
  });

  it('always puts policy-column items in policy', () => {
    expect(
      tagStory({ title: 'A quiet week', dek: '', kind: 'policy-column', paragraphs: ['Nothing much.'] }),
    ).toContain('policy');
  });

  it('tags chips and export controls as hardware', () => {
    const topics = tagStory({
      title: 'Amazon enters the custom AI training race with AWS Trainium chips',
      dek: 'TPU, meet Trainium',
      kind: 'news',
      paragraphs: ['Amazon will offer Trainium chips for training, competing with GPUs from NVIDIA.'],
    });
    expect(topics).toContain('hardware');
  });

  it('matches whole words only', () => {
    // "chipper" is not "chip", "paint" is not "ai".
    expect(
      tagStory({
        title: 'A chipper painter',
        dek: '',
        kind: 'news',
        paragraphs: ['chipper chipper chipper'],
      }),
    ).toEqual([]);
  });
});

const corpus = path.resolve(__dirname, '../../../shared/corpus');

describe.skipIf(!existsSync(corpus))('topic tagging against 60 stories labelled by hand', () => {
  let scores: TopicScore[];

  beforeAll(async () => {
    const { issues }: { issues: Issue[] } = await loadCatalogue(corpus);
    const { stories } = JSON.parse(readFileSync(path.join(__dirname, 'labelled-stories.json'), 'utf8')) as {
      stories: LabelledStory[];
    };
    scores = scoreTopicTagging(issues, stories);
    const table = scores.map(
      (s) => `${s.topic.padEnd(16)} precision ${s.precision.toFixed(2)}  recall ${s.recall.toFixed(2)}`,
    );
    console.info(`topic tagging vs hand labels:\n${table.join('\n')}`);
  });

  it('scores every topic in the taxonomy', () => {
    expect(scores.map((s) => s.topic)).toEqual(TOPICS.map((t) => t.slug));
  });

  it('keeps micro-averaged precision and recall at or above 0.8', () => {
    const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') =>
      scores.reduce((n, s) => n + s[key], 0);
    const tp = sum('truePositives');
    expect(tp / (tp + sum('falsePositives'))).toBeGreaterThanOrEqual(0.8);
    expect(tp / (tp + sum('falseNegatives'))).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps every topic at or above 0.55 precision and 0.55 recall', () => {
    const weak = scores.filter((s) => s.precision < 0.55 || s.recall < 0.55).map((s) => s.topic);
    expect(weak).toEqual([]);
  });

  it('tags fiction, policy and hardware with at least 0.7 precision and 0.85 recall', () => {
    for (const slug of ['fiction', 'policy', 'hardware']) {
      const score = scores.find((s) => s.topic === slug)!;
      expect(score.precision, slug).toBeGreaterThanOrEqual(0.7);
      expect(score.recall, slug).toBeGreaterThanOrEqual(0.85);
    }
  });
});
