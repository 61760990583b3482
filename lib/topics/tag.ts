import type { StoryKind } from '../catalogue/model';
import { DEFAULT_THRESHOLD, TOPICS } from './taxonomy';

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

/**
 * Terms are matched on words, not by running every pattern over every paragraph: each text is split
 * into folded words once, and a term matches when its words appear consecutively (a trailing `*`
 * on a word matches any ending). Hyphens and spaces are interchangeable ("self-driving").
 */
interface CompiledTerm {
  topic: number;
  words: { text: string; prefix: boolean }[];
}

const COMPILED: CompiledTerm[] = TOPICS.flatMap((topic, index) =>
  topic.terms.map((term) => ({
    topic: index,
    words: fold(term)
      .split(/[\s-]+/)
      .filter(Boolean)
      .map((word) => ({ text: word.replace(/\*$/, ''), prefix: word.endsWith('*') })),
  })),
);

/** First word (exact) → terms starting with it; first-word prefixes are checked separately. */
const BY_FIRST_WORD = new Map<string, number[]>();
const PREFIX_TERMS: number[] = [];
COMPILED.forEach((term, i) => {
  const first = term.words[0]!;
  if (first.prefix) PREFIX_TERMS.push(i);
  else BY_FIRST_WORD.set(first.text, [...(BY_FIRST_WORD.get(first.text) ?? []), i]);
});

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’]/g, "'");
}

function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}][\p{L}\p{N}'.]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
}

function wordMatches(pattern: { text: string; prefix: boolean }, word: string): boolean {
  return pattern.prefix
    ? word.startsWith(pattern.text)
    : word === pattern.text || word === `${pattern.text}'s`;
}

/** Indexes of the compiled terms occurring in the text. */
function termsIn(text: string): Set<number> {
  const found = new Set<number>();
  const list = words(text);
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    const candidates = [
      ...(BY_FIRST_WORD.get(word) ?? []),
      ...(BY_FIRST_WORD.get(word.replace(/'s$/, '')) ?? []),
    ];
    for (const t of PREFIX_TERMS) if (word.startsWith(COMPILED[t]!.words[0]!.text)) candidates.push(t);
    for (const t of candidates) {
      const term = COMPILED[t]!;
      if (
        term.words.every(
          (pattern, k) => k === 0 || (list[i + k] !== undefined && wordMatches(pattern, list[i + k]!)),
        )
      ) {
        found.add(t);
      }
    }
  }
  return found;
}

/** The score of each topic for a story (exported for diagnostics and tests). */
export function scoreTopics(story: TaggableStory): Map<string, number> {
  const scores = new Array<number>(TOPICS.length).fill(0);
  for (const t of termsIn(story.title)) scores[COMPILED[t]!.topic]! += WEIGHT.title;
  if (story.dek) for (const t of termsIn(story.dek)) scores[COMPILED[t]!.topic]! += WEIGHT.dek;
  const bodyHits = new Map<number, number>();
  for (const paragraph of story.paragraphs) {
    for (const t of termsIn(paragraph)) {
      const hits = bodyHits.get(t) ?? 0;
      if (hits >= MAX_BODY_HITS_PER_TERM) continue;
      bodyHits.set(t, hits + 1);
      scores[COMPILED[t]!.topic]! += WEIGHT.body;
    }
  }
  return new Map(TOPICS.map((topic, i) => [topic.slug, scores[i]!]));
}

/** An essay ranges over many subjects; it is filed under its strongest few. */
const MAX_ESSAY_TOPICS = 3;
/**
 * A news story that reaches no topic's threshold still goes under its strongest topic when that
 * topic has at least this share of its threshold; below it, nothing fits and it stays untagged.
 */
const FALLBACK_MIN_STRENGTH = 0.5;

/**
 * Topics for one story, in taxonomy order. Tech Tales are exactly `fiction`; the policy column
 * is always `policy`; everything else is scored against the taxonomy's terms.
 */
export function tagStory(story: TaggableStory): string[] {
  if (story.kind === 'tech-tales') return ['fiction'];
  const scores = scoreTopics(story);
  // Strength: a topic's score as a share of its threshold, so topics with different thresholds compare.
  const strengths = TOPICS.filter((t) => t.slug !== 'fiction' && t.terms.length > 0)
    .map((t) => ({ slug: t.slug, strength: (scores.get(t.slug) ?? 0) / (t.threshold ?? DEFAULT_THRESHOLD) }))
    .sort((a, b) => b.strength - a.strength);
  let chosen = strengths.filter((t) => t.strength >= 1).map((t) => t.slug);
  if (story.kind === 'editorial') chosen = chosen.slice(0, MAX_ESSAY_TOPICS);
  const strongest = strengths[0];
  if (
    chosen.length === 0 &&
    story.kind === 'news' &&
    strongest &&
    strongest.strength >= FALLBACK_MIN_STRENGTH
  ) {
    chosen = [strongest.slug];
  }
  const topics = new Set(chosen);
  if (story.kind === 'policy-column') topics.add('policy');
  return TOPICS.map((t) => t.slug).filter((slug) => topics.has(slug));
}
