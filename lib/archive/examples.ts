import type { Issue } from '../catalogue/model';
import type { SearchResponse } from '../search/types';

/** How many example searches the home page offers. */
export const EXAMPLE_COUNT = 6;

/**
 * Searches that show what the engine does (a question, a phrase, a Tech Tales plot, a link filter,
 * plain topics), in order of preference. The home page offers the first ones that find something
 * in the build it serves; the rest stand by for smaller builds.
 */
export const EXAMPLE_CANDIDATES: readonly string[] = [
  'TPUs since 2018',
  '"capability overhang"',
  'protein folding',
  'chip export controls china',
  'robot plays piano after the war',
  'link:arxiv.org scaling laws',
  'face recognition police',
  'balloons reinforcement learning',
  'custom AI training chips',
  'AI accidents',
  'topic:china language model',
  'Tech Tales',
];

/**
 * The example searches for a build: candidates that find paragraphs holding all their words (not
 * only partial or respelled matches), then, if too few do, the headlines of the newest stories,
 * which always find their own story.
 */
export async function chooseExampleSearches(
  issues: readonly Issue[],
  searchFor: (q: string) => Promise<SearchResponse>,
): Promise<string[]> {
  const headlines = [...issues]
    .sort((a, b) => b.number - a.number)
    .flatMap((issue) => issue.stories.map((story) => story.title))
    .filter((title) => title.split(/\s+/).length <= 6 && !/["():]/.test(title));
  const chosen: string[] = [];
  for (const q of [...EXAMPLE_CANDIDATES, ...headlines]) {
    if (chosen.length === EXAMPLE_COUNT) break;
    if (chosen.includes(q)) continue;
    const response = await searchFor(q);
    if (response.total > 0 && !response.relaxed && response.suggestion === undefined) chosen.push(q);
  }
  return chosen;
}
