import { request } from 'node:http';
import { hostileRequests, type HostileRequest } from '../../lib/bench/hostile';
import { summariseLatencies } from '../../lib/bench/stats';
import type { HostileSection } from './types';

const PROBE_PATH = '/api/search?q=tpu';
const TIMEOUT_MS = 60_000;

/** Sends one request (any method, any Host) and resolves with its status and wall time. */
function timeRequest(origin: string, hostile: Pick<HostileRequest, 'method' | 'path' | 'headers'>) {
  const url = new URL(origin);
  const started = performance.now();
  return new Promise<{ status: number; ms: number }>((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: hostile.method,
        path: hostile.path,
        headers: hostile.headers,
        agent: false,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end();
  });
}

/**
 * The hostile mix, one request at a time against an otherwise idle server, while a probe asks a
 * cheap cached search (`q=tpu`) over and over: each hostile request's time, the slowest, and the
 * longest the probe had to wait (how long one request can hold up everyone else).
 */
export async function benchHostile(options: {
  origin: string;
  log: (line: string) => void;
}): Promise<HostileSection> {
  const { origin } = options;
  await timeRequest(origin, { method: 'GET', path: PROBE_PATH });
  const probe: number[] = [];
  let running = true;
  const probing = (async () => {
    while (running) probe.push((await timeRequest(origin, { method: 'GET', path: PROBE_PATH })).ms);
  })();
  const rows: HostileSection['requests'] = [];
  try {
    for (const hostile of hostileRequests()) {
      const { status, ms } = await timeRequest(origin, hostile);
      rows.push({ label: hostile.label, method: hostile.method, path: hostile.path, status, ms });
    }
  } finally {
    running = false;
    await probing;
  }
  const slowest = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
  options.log(`hostile: slowest ${slowest.ms.toFixed(0)} ms (${slowest.label})`);
  return { requests: rows, slowest, probe: summariseLatencies(probe) };
}
