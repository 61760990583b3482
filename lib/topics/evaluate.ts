import type { Issue } from '../catalogue/model';
import { TOPICS } from './taxonomy';

export interface LabelledStory {
  issue: number;
  title: string;
  topics: string[];
}

export interface TopicScore {
  topic: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** Precision and recall of the catalogue's topics against stories labelled by hand. */
export function scoreTopicTagging(
  issues: readonly Issue[],
  labelled: readonly LabelledStory[],
): TopicScore[] {
  const pairs = labelled.map((label) => {
    const story = issues.find((i) => i.number === label.issue)?.stories.find((s) => s.title === label.title);
    if (!story) throw new Error(`topics: labelled story not found: issue ${label.issue} "${label.title}"`);
    return { expected: new Set(label.topics), actual: new Set(story.topics) };
  });
  return TOPICS.map(({ slug }) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { expected, actual } of pairs) {
      if (actual.has(slug) && expected.has(slug)) tp++;
      else if (actual.has(slug)) fp++;
      else if (expected.has(slug)) fn++;
    }
    return {
      topic: slug,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    };
  });
}
