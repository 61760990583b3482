import path from 'node:path';
import { searchPaths, type BenchQuery } from '../../lib/bench/queries';
import { ratio } from '../../lib/bench/stats';
import { primePaths, runLoad } from './load';
import { freePort } from './next-app';
import { startProcess, stopProcess, waitForHttp } from './processes';
import type { HttpSection, LoadResult } from './types';

export const CONNECTIONS = [16, 64] as const;

export interface Workloads {
  /** The query mix (every query cached by our server after its first request). */
  mix: readonly BenchQuery[];
  /** Distinct queries drawn from the archive, many more than our result cache holds. */
  uncached: readonly BenchQuery[];
}

interface LoadPlan {
  origin: string;
  server: string;
  seconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
}

interface Route {
  label: string;
  paths: string[];
  /** Request every path once before measuring, so a cached mix is measured cached. */
  prime: boolean;
}

/** Loads one server's routes at each connection count, after a short warm-up. */
async function loadRoutes(plan: LoadPlan, routes: Route[]): Promise<LoadResult[]> {
  await runLoad({
    name: 'warm-up',
    origin: plan.origin,
    paths: routes.flatMap((r) => r.paths),
    connections: 16,
    seconds: plan.warmupSeconds,
  });
  const out: LoadResult[] = [];
  for (const connections of CONNECTIONS) {
    for (const route of routes) {
      const name = `${plan.server} ${route.label}`;
      // The uncached run pushes the mix out of the result cache: put it back first.
      if (route.prime) await primePaths(plan.origin, route.paths);
      plan.log(`http: ${name}, ${connections} connections, ${plan.seconds} s`);
      out.push(
        await runLoad({ name, origin: plan.origin, paths: route.paths, connections, seconds: plan.seconds }),
      );
    }
  }
  return out;
}

/** Our Next server: `/api/search` over the mix and over uncached queries, and the search page. */
export function loadOurs(plan: LoadPlan, work: Workloads): Promise<LoadResult[]> {
  return loadRoutes(plan, [
    { label: 'GET /api/search', paths: searchPaths(work.mix), prime: true },
    { label: 'GET /api/search (uncached)', paths: searchPaths(work.uncached), prime: false },
    { label: 'GET /?q= (page)', paths: searchPaths(work.mix, '/'), prime: true },
  ]);
}

/** A bare Node server over FlexSearch or MiniSearch, in a child process, stopped afterwards. */
export async function loadBare(
  engine: 'flex' | 'mini',
  plan: Omit<LoadPlan, 'origin' | 'server'>,
  work: Workloads,
  indexDir: string,
): Promise<LoadResult[]> {
  const port = await freePort();
  const server = startProcess(
    process.execPath,
    ['--import', 'tsx', path.join('scripts', 'bench', 'bare-server.ts'), engine, String(port)],
    { env: { ...process.env, INDEX_DIR: indexDir, NODE_ENV: 'production' } },
  );
  try {
    const origin = `http://127.0.0.1:${port}`;
    await waitForHttp(`${origin}/api/search?q=alphafold`, server, 120_000);
    const name = engine === 'flex' ? 'bare-flexsearch' : 'bare-minisearch';
    return await loadRoutes({ ...plan, origin, server: name }, [
      { label: 'GET /api/search', paths: searchPaths(work.mix), prime: true },
      { label: 'GET /api/search (uncached)', paths: searchPaths(work.uncached), prime: false },
    ]);
  } finally {
    await stopProcess(server);
  }
}

/** The target ratios, per connection count, on the mix. */
export function httpRatios(runs: readonly LoadResult[]): HttpSection['ratios'] {
  const find = (name: string, connections: number) =>
    runs.find((r) => r.name === name && r.connections === connections);
  return CONNECTIONS.map((connections) => {
    const ours = find('ours GET /api/search', connections);
    const flex = find('bare-flexsearch GET /api/search', connections);
    const mini = find('bare-minisearch GET /api/search', connections);
    return {
      connections,
      oursVsFlexRps: ratio(ours?.requestsPerSecond, flex?.requestsPerSecond),
      oursVsFlexP99: ratio(ours?.latency.p99, flex?.latency.p99),
      oursVsMiniRps: ratio(ours?.requestsPerSecond, mini?.requestsPerSecond),
    };
  });
}

/** Ours against bare FlexSearch on the archive-drawn queries (every request a cache miss). */
export function uncachedRatios(runs: readonly LoadResult[], queries: number): HttpSection['uncached'] {
  const find = (name: string, connections: number) =>
    runs.find((r) => r.name === name && r.connections === connections);
  return CONNECTIONS.map((connections) => {
    const ours = find('ours GET /api/search (uncached)', connections);
    const flex = find('bare-flexsearch GET /api/search (uncached)', connections);
    return {
      connections,
      queries,
      oursRps: ours?.requestsPerSecond ?? Number.NaN,
      flexRps: flex?.requestsPerSecond ?? Number.NaN,
      oursVsFlexRps: ratio(ours?.requestsPerSecond, flex?.requestsPerSecond),
      oursP99: ours?.latency.p99 ?? Number.NaN,
      flexP99: flex?.latency.p99 ?? Number.NaN,
      oursVsFlexP99: ratio(ours?.latency.p99, flex?.latency.p99),
    };
  });
}
