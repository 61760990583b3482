import { hostileQueryStrings } from '../../lib/bench/hostile';
import { type BenchQuery } from '../../lib/bench/queries';
import { runLoad } from './load';
import { readRss } from './processes';
import type { SoakSection } from './types';

const HOSTILE = 300;
const RSS_SAMPLE_MS = 1_000;

/** Valid and hostile requests, interleaved, against both `/api/search` and the search page. */
export function soakPaths(mix: readonly BenchQuery[]): string[] {
  const valid = mix.map(({ q }) => `q=${encodeURIComponent(q)}`);
  const hostile = hostileQueryStrings(HOSTILE);
  const out: string[] = [];
  for (let i = 0; i < Math.max(valid.length, hostile.length); i++) {
    for (const query of [valid[i % valid.length]!, hostile[i]]) {
      if (query === undefined) continue;
      out.push(`/api/search?${query}`, `/?${query}`);
    }
  }
  return out;
}

/**
 * The hardening soak: `seconds` at `connections` connections of mixed valid and hostile requests.
 * Passes when no response is a 5xx, the server still answers a plain search afterwards, and its
 * memory stays flat.
 */
export async function soak(options: {
  origin: string;
  serverPid: number;
  mix: readonly BenchQuery[];
  seconds: number;
  connections: number;
}): Promise<SoakSection> {
  const paths = soakPaths(options.mix);
  const rssStartBytes = readRss(options.serverPid);
  const rssSamples: number[] = [rssStartBytes];
  const timer = setInterval(() => rssSamples.push(readRss(options.serverPid)), RSS_SAMPLE_MS);
  let load;
  try {
    load = await runLoad({
      name: 'soak (valid + hostile, /api/search and /)',
      origin: options.origin,
      paths,
      connections: options.connections,
      seconds: options.seconds,
    });
  } finally {
    clearInterval(timer);
  }
  const rssEndBytes = readRss(options.serverPid);
  rssSamples.push(rssEndBytes);
  let aliveAfter = false;
  try {
    const response = await fetch(`${options.origin}/api/search?q=alphafold`, {
      signal: AbortSignal.timeout(10_000),
    });
    aliveAfter =
      response.status === 200 && ((await response.json()) as { total?: number }).total !== undefined;
  } catch {
    aliveAfter = false;
  }
  return {
    seconds: options.seconds,
    connections: options.connections,
    paths: paths.length,
    load,
    rssStartBytes,
    rssEndBytes,
    rssSamples,
    rssSteadyGrowth: steadyGrowth(rssSamples),
    aliveAfter,
  };
}

/**
 * Memory growth once the server has settled under load: the mean of the last quarter of the
 * samples over the mean of the second quarter. (The first quarter is the climb from idle: a server
 * that sat idle has returned memory, so RSS at the start of the soak says little about a leak.)
 */
export function steadyGrowth(samples: readonly number[]): number {
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return mean(samples.slice(-quarter)) / Math.max(1, mean(samples.slice(quarter, 2 * quarter)));
}
