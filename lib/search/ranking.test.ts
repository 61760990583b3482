import { describe, expect, it } from 'vitest';
import { issueSchema } from '../catalogue/model';
import { SearchEngine } from './engine';
import { RANKING_SET } from './fixtures/ranking-set';
import { DEFAULT_SEARCH_REQUEST } from './types';

const engine = SearchEngine.fromIssues(RANKING_SET);
/** Paragraph ids in the order the engine ranks them. */
const ranked = (q: string) => engine.search({ ...DEFAULT_SEARCH_REQUEST, q }).results.map((r) => r.id);

// The paragraphs, by what they are (see fixtures/ranking-set.ts).
const ALPHAFOLD_INTRO = 'p-52ae70'; // 226, "DeepMind cracks the protein folding problem", opening paragraph
const ALPHAFOLD_READ_MORE = 'p-8513c9'; // 226, same story, "Read more: AlphaFold: a solution to…"
const FOLDING_AT_HOME = 'p-f7e03f'; // 439, decentralized training; "protein folding" once in passing
const STRUCTURE_STARTUPS = 'p-be6f93'; // 385, why-this-matters mentioning AlphaFold and "protein structure prediction"
const TRAINIUM_BODY = 'p-d79406'; // 226, "Amazon enters the custom AI training race with AWS 'Trainium' chips"
const TRAINIUM_READ_MORE = 'p-feaa0d'; // 226, same story, "Read more: AWS Trainium (AWS product page)."
const TRAINIUM_IN_PASSING = 'p-4f6c51'; // 319, Hugging Face partnership naming "AWS Trainium" once
const LOON_BODY = 'p-72623f'; // 226, "Google's balloons learn to fly with RL", opening paragraph
const LOON_READ_MORE = 'p-834180'; // 226, same story, "Read more: Autonomous navigation of stratospheric balloons…"
const RLHF_PHRASE = 'p-8e9959'; // 329, "reinforcement learning from human feedback (RLHF)"
const HUMAN_AND_FEEDBACK_APART = 'p-a27369'; // 369, "shared human preference … from AI feedback"

describe('SearchEngine ranking (a set of real paragraphs)', () => {
  it('uses a schema-valid fixture of twelve paragraphs', () => {
    for (const issue of RANKING_SET) expect(() => issueSchema.parse(issue)).not.toThrow();
    const paragraphs = RANKING_SET.flatMap((i) => i.stories.flatMap((s) => s.paragraphs));
    expect(paragraphs).toHaveLength(12);
    for (const p of paragraphs) expect(p.text.split(/\s+/).length).toBeLessThanOrEqual(60);
  });

  it('ranks the paragraph introducing AlphaFold first, and its "Read more" below it', () => {
    const order = ranked('alphafold');
    expect(order[0]).toBe(ALPHAFOLD_INTRO);
    expect(order.indexOf(ALPHAFOLD_READ_MORE)).toBeGreaterThan(order.indexOf(ALPHAFOLD_INTRO));
    expect(ranked('deepmind alphafold')[0]).toBe(ALPHAFOLD_INTRO);
  });

  it('ranks the story about Trainium above a paragraph naming it in passing and above its "Read more"', () => {
    for (const q of ['trainium', 'AWS Trainium']) {
      const order = ranked(q);
      expect(order[0], q).toBe(TRAINIUM_BODY);
      expect(order.slice(1).sort(), q).toEqual([TRAINIUM_IN_PASSING, TRAINIUM_READ_MORE].sort());
    }
    expect(ranked('amazon trainium chips')).toEqual([TRAINIUM_BODY, TRAINIUM_READ_MORE]);
  });

  it('ranks the words as an exact phrase above the same words scattered', () => {
    expect(ranked('human feedback')).toEqual([RLHF_PHRASE, HUMAN_AND_FEEDBACK_APART]);
  });

  it('ranks the body paragraph above the "Read more" that repeats its words', () => {
    expect(ranked('balloons reinforcement learning')).toEqual([LOON_BODY, LOON_READ_MORE]);
    expect(ranked('reinforcement learning')[0]).toBe(LOON_BODY);
  });

  it('ranks the paragraphs about protein structure prediction above the "Read more" of their story', () => {
    expect(ranked('protein structure prediction')).toEqual([
      ALPHAFOLD_INTRO,
      STRUCTURE_STARTUPS,
      ALPHAFOLD_READ_MORE,
    ]);
  });

  // BUG (ranking): for "protein folding" the engine puts the decentralized-training paragraph that
  // mentions "folding@home … protein folding" in passing (score 5.261) above the opening paragraph of
  // "DeepMind cracks the protein folding problem" (5.106): the in-text phrase bonus and the extra
  // "folding" from "folding@home" outweigh both words being in the headline.
  it('ranks the story whose headline is "protein folding" above a passing mention', () => {
    const order = ranked('protein folding');
    expect(order[0]).toBe(ALPHAFOLD_INTRO);
    expect(order).toContain(FOLDING_AT_HOME);
  });
});
