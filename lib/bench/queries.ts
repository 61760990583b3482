import type { Issue } from '../catalogue/model';
import suite from '../search/relevance-suite.json';
import { seededRandom, type Random } from './random';

/** What a benchmark query exercises. */
export type QueryKind =
  | 'suite'
  | 'word'
  | 'long'
  | 'phrase'
  | 'filter'
  | 'or'
  | 'exclusion'
  | 'misspelling'
  | 'no-hits'
  | 'archive';

export interface BenchQuery {
  q: string;
  kind: QueryKind;
}

const WORDS = [
  'alphafold',
  'tpu',
  'robotics',
  'china',
  'compute',
  'benchmark',
  'diffusion',
  'agents',
  'safety',
  'chips',
  'deepseek',
  'anthropic',
  'drones',
  'translation',
  'evaluation',
  'nvidia',
];

const LONG = [
  'how are large language models being used to automate scientific research experiments',
  'what happens to the economy when ai systems can do most remote knowledge work',
  'researchers train a robot to fold laundry using reinforcement learning in simulation',
  'governments worry about open weight models being misused to build biological weapons',
  'new benchmark tests whether language models can solve hard competition math problems today',
  'chinese companies train large models despite export controls on advanced nvidia chips',
  'a startup builds a giant datacenter powered by nuclear energy for training frontier models',
  'can ai agents cooperate with each other to complete long tasks on the internet',
];

const PHRASES = [
  '"protein folding"',
  '"language model"',
  '"export controls"',
  '"reinforcement learning from human feedback"',
  '"tech tales"',
  'robots "in the wild"',
];

const FILTERS = [
  'topic:policy year:2024',
  'chips topic:hardware',
  'agents year:2023..2024',
  'kind:tech-tales robots',
  'link:arxiv.org reinforcement learning',
  'safety topic:policy year:2025',
];

const OR = ['tpu OR gpu', 'china OR chinese chips', 'drones OR robots military', 'claude OR gemini OR gpt-4'];

const EXCLUSIONS = ['robots -drones', 'language models -openai', 'benchmark -math', 'safety -policy'];

const MISSPELLINGS = [
  'reinforcment learning',
  'alphafolt',
  'transfomer',
  'benchmrak',
  'anthropik',
  'robtics',
];

const NO_HITS = ['xyzzyplugh', 'qwertyuiopasdf', 'zzzzqx frobnicate', 'blorptastic wibblewobble'];

/**
 * The query mix every engine is timed on: the relevance suite's queries plus single words, long
 * questions, phrases, filters, OR, exclusions, misspellings and queries that match nothing.
 */
export function queryMix(): BenchQuery[] {
  const of = (kind: QueryKind, list: readonly string[]) => list.map((q) => ({ q, kind }));
  return [
    ...of(
      'suite',
      suite.queries.map((s) => s.query),
    ),
    ...of('word', WORDS),
    ...of('long', LONG),
    ...of('phrase', PHRASES),
    ...of('filter', FILTERS),
    ...of('or', OR),
    ...of('exclusion', EXCLUSIONS),
    ...of('misspelling', MISSPELLINGS),
    ...of('no-hits', NO_HITS),
  ];
}

/**
 * Many more distinct queries than the engine's result cache holds (each mix query with one extra
 * word), so that over HTTP most requests are cache misses. Every server gets the same list.
 */
export function uncachedQueryMix(): BenchQuery[] {
  const out: BenchQuery[] = [];
  for (const word of WORDS) for (const { q, kind } of queryMix()) out.push({ q: `${q} ${word}`, kind });
  return out;
}

/** Distinct queries drawn from the archive, more than any result cache holds. */
export const ARCHIVE_QUERIES = 4_000;
const ARCHIVE_WORD = /[a-z][a-z'’-]{2,}/g;

/**
 * `count` distinct queries drawn from the archive's own paragraphs (a seeded draw, so every run and
 * every server gets the same list): one to three consecutive words of a random paragraph, a tenth
 * of them as a quoted phrase. Cycled through in order, no cache of fewer entries can answer any.
 */
export function archiveQueries(issues: readonly Issue[], count = ARCHIVE_QUERIES, seed = 11): BenchQuery[] {
  const paragraphs = issues.flatMap((issue) => issue.stories.flatMap((s) => s.paragraphs.map((p) => p.text)));
  if (paragraphs.length === 0) throw new Error('bench: no paragraphs to draw queries from');
  const random = seededRandom(seed);
  const seen = new Set<string>();
  for (let tries = 0; seen.size < count && tries < count * 50; tries++) {
    const words = paragraphs[Math.floor(random() * paragraphs.length)]!.toLowerCase().match(ARCHIVE_WORD);
    if (!words) continue;
    const length = drawLength(random);
    const start = Math.floor(random() * Math.max(1, words.length - length + 1));
    const picked = words.slice(start, start + length).join(' ');
    seen.add(length > 1 && random() < 0.1 ? `"${picked}"` : picked);
  }
  if (seen.size < count)
    throw new Error(`bench: drew only ${seen.size} distinct queries from the archive (wanted ${count})`);
  return [...seen].map((q) => ({ q, kind: 'archive' }));
}

/** One word half the time, two words a third, three the rest: what people type. */
function drawLength(random: Random): number {
  const roll = random();
  return roll < 0.5 ? 1 : roll < 0.85 ? 2 : 3;
}

/** `/api/search?q=…` paths for a list of queries. */
export function searchPaths(queries: readonly BenchQuery[], route = '/api/search'): string[] {
  return queries.map(({ q }) => `${route}?q=${encodeURIComponent(q)}`);
}
