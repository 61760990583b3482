import suite from '../search/relevance-suite.json';

/** What a benchmark query exercises. */
export type QueryKind =
  'suite' | 'word' | 'long' | 'phrase' | 'filter' | 'or' | 'exclusion' | 'misspelling' | 'no-hits';

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

/** `/api/search?q=…` paths for a list of queries. */
export function searchPaths(queries: readonly BenchQuery[], route = '/api/search'): string[] {
  return queries.map(({ q }) => `${route}?q=${encodeURIComponent(q)}`);
}
