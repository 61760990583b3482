import { measureEngineMemory } from '../../lib/bench/engine-memory';
import { seededRandom, type Random } from '../../lib/bench/random';
import type { BenchQuery } from '../../lib/bench/queries';
import { ratio, summariseLatencies } from '../../lib/bench/stats';
import type { Issue } from '../../lib/catalogue/model';
import { toSearchDocs } from '../../lib/search/documents';
import { SearchEngine } from '../../lib/search/engine';
import { DEFAULT_SEARCH_REQUEST } from '../../lib/search/types';
import { createFlexPeer, createMiniPeer, createOramaPeer, type Peer } from './peers';
import type { EngineRow, EngineSection } from './types';

/** Uncached searches run on a throw-away engine before timing, so the JIT has compiled the hot paths. */
const WARMUP_QUERIES = 400;

interface Sample {
  kind: string;
  ms: number;
}

/**
 * p50/p99 of our engine, cold (the first run of each query on a fresh engine: its result cache
 * is empty, repeated over several engines) and warm (the same queries again: cache hits), against
 * bare FlexSearch, MiniSearch and Orama on the same paragraphs.
 */
export async function benchEngines(options: {
  issues: readonly Issue[];
  mix: readonly BenchQuery[];
  /** Distinct queries beyond the mix, for warming the JIT without hitting the cache. */
  warmupMix: readonly BenchQuery[];
  coldRounds: number;
  warmRounds: number;
  log: (line: string) => void;
}): Promise<EngineSection> {
  const { issues, mix, coldRounds, warmRounds, log } = options;
  const random = seededRandom(42);
  const docs = toSearchDocs(issues);
  const run = (engine: SearchEngine, q: string) => engine.search({ ...DEFAULT_SEARCH_REQUEST, q });

  log(`engine: warming up on ${WARMUP_QUERIES} distinct queries`);
  const warmup = SearchEngine.fromIssues(issues);
  for (const { q } of options.warmupMix.slice(0, WARMUP_QUERIES)) run(warmup, q);

  const cold: Sample[] = [];
  const warm: Sample[] = [];
  const buildTimes: number[] = [];
  for (let round = 0; round < coldRounds; round++) {
    log(`engine: fresh engine ${round + 1}/${coldRounds}`);
    const started = performance.now();
    const engine = SearchEngine.fromIssues(issues);
    buildTimes.push(performance.now() - started);
    for (const { q, kind } of shuffled(mix, random)) cold.push({ kind, ms: time(() => run(engine, q)) });
    // The engine caches a response from the second time it is asked: ask once more, then time hits.
    for (const { q } of mix) run(engine, q);
    for (let pass = 0; pass < Math.max(1, Math.floor(warmRounds / coldRounds)); pass++)
      for (const { q, kind } of shuffled(mix, random)) warm.push({ kind, ms: time(() => run(engine, q)) });
  }

  log('engine: memory of FlexSearch and of the engine’s own tables');
  const memory = measureEngineMemory(docs);

  log('engine: peers');
  const peers = [createFlexPeer(docs), createMiniPeer(docs), await createOramaPeer(docs)];
  const peerSamples = new Map<Peer, Sample[]>();
  for (const peer of peers) {
    for (let pass = 0; pass < 3; pass++) for (const { q } of mix) await peer.search(q);
    const samples: Sample[] = [];
    for (let pass = 0; pass < warmRounds; pass++) {
      for (const { q, kind } of shuffled(mix, random)) {
        const started = performance.now();
        const result = peer.search(q);
        if (result instanceof Promise) await result;
        samples.push({ kind, ms: performance.now() - started });
      }
    }
    peerSamples.set(peer, samples);
  }

  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
  const samplesOf = (id: Peer['id']) => [...peerSamples].find(([peer]) => peer.id === id)?.[1] ?? [];
  const flex = samplesOf('flexsearch');
  const mini = samplesOf('minisearch');
  const oursCold = summarise(cold);
  const oursWarm = summarise(warm);
  const rows: EngineRow[] = [
    { id: 'ours', name: 'import-ai-search', mode: 'cold', latency: oursCold, buildMs: median(buildTimes) },
    { id: 'ours', name: 'import-ai-search', mode: 'warm', latency: oursWarm, buildMs: median(buildTimes) },
    ...peers.map((peer) => ({
      id: peer.id,
      name: peer.name,
      mode: 'n/a' as const,
      latency: summarise(peerSamples.get(peer)!),
      buildMs: peer.buildMs,
    })),
  ];
  const kinds = [...new Set(mix.map((m) => m.kind))];
  const p50Of = (samples: Sample[], kind: string) => summarise(samples.filter((s) => s.kind === kind)).p50;
  return {
    paragraphs: docs.length,
    queries: mix.length,
    coldRounds,
    rows,
    memory,
    byKind: kinds.map((kind) => ({
      kind,
      queries: mix.filter((m) => m.kind === kind).length,
      oursColdP50: p50Of(cold, kind),
      flexP50: p50Of(flex, kind),
      miniP50: p50Of(mini, kind),
    })),
    ratios: {
      oursColdVsFlexP50: ratio(oursCold.p50, summarise(flex).p50),
      oursColdVsMiniP50: ratio(oursCold.p50, summarise(mini).p50),
      oursWarmVsFlexP50: ratio(oursWarm.p50, summarise(flex).p50),
    },
  };
}

function time(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function summarise(samples: readonly Sample[]) {
  return summariseLatencies(samples.map((s) => s.ms));
}

/** The list in a random (seeded) order, so no query always runs right after a heavy one. */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
