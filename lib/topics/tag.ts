import type { StoryKind } from '../catalogue/model';
import { DEFAULT_THRESHOLD, TOPICS, type TopicDefinition } from './taxonomy';

/** What the tagger reads of a story. */
export interface TaggableStory {
  title: string;
  dek: string;
  kind: StoryKind;
  paragraphs: readonly string[];
}

const WEIGHT = { title: 3, dek: 2, body: 1 } as const;
/** A term repeated through a long story should not outweigh several different terms. */
const MAX_BODY_HITS_PER_TERM = 3;

interface CompiledTopic {
  slug: string;
  threshold: number;
  patterns: RegExp[];
}

function compileTerm(term: string): RegExp {
  const words = term
    .trim()
    .split(/\s+/)
    .map((word) => {
      const wildcard = word.endsWith('*');
      const escaped = (wildcard ? word.slice(0, -1) : word)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/'/g, "['’]");
      return wildcard ? `${escaped}[\\p{L}\\p{N}'’-]*` : escaped;
    });
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

function compile(topic: TopicDefinition): CompiledTopic {
  return {
    slug: topic.slug,
    threshold: topic.threshold ?? DEFAULT_THRESHOLD,
    patterns: topic.terms.map(compileTerm),
  };
}

const COMPILED: readonly CompiledTopic[] = TOPICS.map(compile);

/** The score of each topic for a story (exported for diagnostics and tests). */
export function scoreTopics(story: TaggableStory): Map<string, number> {
  const scores = new Map<string, number>();
  for (const topic of COMPILED) {
    let score = 0;
    for (const pattern of topic.patterns) {
      if (pattern.test(story.title)) score += WEIGHT.title;
      if (story.dek && pattern.test(story.dek)) score += WEIGHT.dek;
      let hits = 0;
      for (const paragraph of story.paragraphs) {
        if (hits >= MAX_BODY_HITS_PER_TERM) break;
        if (pattern.test(paragraph)) hits++;
      }
      score += hits * WEIGHT.body;
    }
    scores.set(topic.slug, score);
  }
  return scores;
}

/**
 * Topics for one story, in taxonomy order. Tech Tales are exactly `fiction`; the policy column
 * is always `policy`; everything else is scored against the taxonomy's terms.
 */
export function tagStory(story: TaggableStory): string[] {
  if (story.kind === 'tech-tales') return ['fiction'];
  const scores = scoreTopics(story);
  const topics = new Set<string>();
  if (story.kind === 'policy-column') topics.add('policy');
  for (const topic of COMPILED) {
    if (topic.slug === 'fiction' || topic.patterns.length === 0) continue;
    if ((scores.get(topic.slug) ?? 0) >= topic.threshold) topics.add(topic.slug);
  }
  return TOPICS.map((t) => t.slug).filter((slug) => topics.has(slug));
}
