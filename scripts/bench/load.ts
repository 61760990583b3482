import autocannon from 'autocannon';
import { summariseLatencies } from '../../lib/bench/stats';
import type { LoadResult } from './types';

/**
 * One autocannon run: `connections` connections for `seconds`, each request taking the next path
 * of `paths` in turn (so consecutive requests ask different queries). Latencies are recorded per
 * response at full precision (autocannon's histogram rounds to whole milliseconds).
 */
export async function runLoad(options: {
  name: string;
  origin: string;
  paths: readonly string[];
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const { paths } = options;
  if (paths.length === 0) throw new Error(`bench: ${options.name}: no paths to request`);
  let next = 0;
  const latencies: number[] = [];
  let responseBytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.origin,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
          },
        ],
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, bytes, responseTime) => {
      latencies.push(responseTime);
      responseBytes += bytes;
    });
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = stats.count ?? 0;
  return {
    name: options.name,
    connections: options.connections,
    seconds: result.duration,
    requests: latencies.length,
    requestsPerSecond: latencies.length / result.duration,
    bytesPerResponse: responseBytes / Math.max(1, latencies.length),
    latency: summariseLatencies(latencies),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusClasses: {
      '1xx': result['1xx'],
      '2xx': result['2xx'],
      '3xx': result['3xx'],
      '4xx': result['4xx'],
      '5xx': result['5xx'],
    },
    statusCodes,
  };
}

/**
 * Requests every path once (a few at a time) and waits for the answers: the server's result cache
 * then holds every query of a mix, as it would for a popular query after its first request.
 */
export async function primePaths(origin: string, paths: readonly string[], concurrency = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const response = await fetch(`${origin}${paths[next++]!}`, { signal: AbortSignal.timeout(60_000) });
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
