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

  it('files speech, voice and music under audio, never vision', () => {
    const topics = tagStory({
      title: 'A lab clones voices from three seconds of speech',
      dek: 'Text-to-speech gets uncanny',
      kind: 'news',
      paragraphs: ['The speech model copies a voice and can sing a song in it.', 'Audio samples are online.'],
    });
    expect(topics).toContain('audio');
    expect(topics).not.toContain('vision');
  });

  it('files an essay under at most its three strongest topics', () => {
    const paragraphs = [
      'Chips, GPUs and datacenters; compute for training runs on GPUs and TPUs.',
      'Language models and LLMs, chatbots and tokens; LLMs everywhere.',
      'Alignment and safety; misalignment and interpretability of models; AI safety.',
      'Robots and robotics, humanoid robots and drones.',
      'The economy, jobs and labor markets; productivity and GDP.',
      'Government policy and regulation; legislation and national security.',
    ];
    const asNews = tagStory({ title: 'An essay', dek: '', kind: 'news', paragraphs });
    const asEssay = tagStory({ title: 'An essay', dek: '', kind: 'editorial', paragraphs });
    expect(asNews.length).toBeGreaterThan(3);
    expect(asEssay).toHaveLength(3);
    expect(asNews).toEqual(expect.arrayContaining(asEssay));
  });

  it('gives a news story that reaches no threshold its strongest topic, if anything fits', () => {
    expect(tagStory({ title: 'A small chip', dek: '', kind: 'news', paragraphs: ['It is a GPU.'] })).toEqual([
      'hardware',
    ]);
    expect(tagStory({ title: 'A quiet week', dek: '', kind: 'news', paragraphs: ['Nothing much.'] })).toEqual(
      [],
    );
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

describe.skipIf(!existsSync(corpus))('topic tagging against the stories labelled by hand', () => {
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

  it('keeps micro-averaged precision and recall at or above 0.78', () => {
    const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') =>
      scores.reduce((n, s) => n + s[key], 0);
    const tp = sum('truePositives');
    expect(tp / (tp + sum('falsePositives'))).toBeGreaterThanOrEqual(0.78);
    expect(tp / (tp + sum('falseNegatives'))).toBeGreaterThanOrEqual(0.78);
  });

  it('keeps every topic at or above 0.55 precision and 0.55 recall', () => {
    const weak = scores.filter((s) => s.precision < 0.55 || s.recall < 0.55).map((s) => s.topic);
    expect(weak).toEqual([]);
  });

  it('tags fiction, policy and hardware with at least 0.7 precision and 0.8 recall', () => {
    for (const slug of ['fiction', 'policy', 'hardware']) {
      const score = scores.find((s) => s.topic === slug)!;
      expect(score.precision, slug).toBeGreaterThanOrEqual(0.7);
      expect(score.recall, slug).toBeGreaterThanOrEqual(0.8);
    }
  });
});
