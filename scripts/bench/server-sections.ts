import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchQuery } from '../../lib/bench/queries';
import { benchHostile } from './hostile-bench';
import { httpRatios, loadBare, loadOurs, uncachedRatios } from './http-bench';
import { ensureNextBuild, freePort, startNextServer } from './next-app';
import type { BenchOptions, Durations } from './options';
import { readRss, stopProcess } from './processes';
import type { SectionRunner } from './sections';
import { soak } from './soak';
import type { BenchResults } from './types';
import { benchTyping } from './typing';
import { measurePage } from './weight';

const SOAK_CONNECTIONS = 64;

/**
 * Everything measured against the Next server (built if stale, started once on the bench index):
 * HTTP load against the bare peers, page weight and RSS, then the soak.
 */
export async function benchServer(options: {
  indexDir: string;
  bench: BenchOptions;
  durations: Durations;
  mix: readonly BenchQuery[];
  uncached: readonly BenchQuery[];
  sections: SectionRunner;
}): Promise<Pick<BenchResults, 'http' | 'weight' | 'soak' | 'hostile' | 'typing'>> {
  const { indexDir, bench, durations, mix, uncached, sections } = options;
  const { log } = sections;
  const out: Pick<BenchResults, 'http' | 'weight' | 'soak' | 'hostile' | 'typing'> = {};
  const built = await sections.run('next build', () => ensureNextBuild(indexDir, log).then(() => true));
  if (!built) return out;
  const server = await sections.run('next start', async () =>
    startNextServer({ indexDir, port: await freePort() }),
  );
  if (!server) return out;
  // A server that dies mid-run fails every later request as "no answer": say so, with its last words.
  let stopping = false;
  void server.process.exited.then((code) => {
    if (stopping) return;
    const stderr = server.process.output().stderr.trim().split('\n').slice(-3).join(' | ');
    sections.notes.push(
      `the server exited (code ${code ?? 'none'}) during the run: ${stderr || 'nothing on stderr'}`,
    );
  });
  try {
    const { origin, serverPid } = server;
    const buildIdAtStart = nextBuildId();
    // After its first search: the index is in memory and nothing else has happened yet.
    const idleRssBytes = readRss(serverPid);
    const plan = { seconds: durations.loadSeconds, warmupSeconds: durations.warmupSeconds, log };
    const work = { mix, uncached };
    if (!bench.skipHttp) {
      const ours =
        (await sections.run('http (ours)', () => loadOurs({ ...plan, origin, server: 'ours' }, work))) ?? [];
      out.weight = await sections.run('weight', async () => ({
        serverRssBytes: readRss(serverPid),
        idleRssBytes,
        serverPid,
        pages: [await measurePage(origin, '/?q=alphafold'), await measurePage(origin, '/issues/226')],
      }));
      const flex =
        (await sections.run('http (bare flexsearch)', () => loadBare('flex', plan, work, indexDir))) ?? [];
      const mini =
        (await sections.run('http (bare minisearch)', () => loadBare('mini', plan, work, indexDir))) ?? [];
      const runs = [...ours, ...flex, ...mini];
      out.http = { runs, ratios: httpRatios(runs), uncached: uncachedRatios(runs, uncached.length) };
      out.hostile = await sections.run('hostile', () => benchHostile({ origin, log }));
      out.typing = await sections.run('typing', () => benchTyping(origin));
    }
    if (bench.soak) {
      log(`soak: ${durations.soakSeconds} s at ${SOAK_CONNECTIONS} connections`);
      out.soak = await sections.run('soak', () =>
        soak({ origin, serverPid, mix, seconds: durations.soakSeconds, connections: SOAK_CONNECTIONS }),
      );
    }
    if (nextBuildId() !== buildIdAtStart)
      sections.notes.push(
        '.next was rebuilt by another process while the server ran: HTTP, weight and soak figures may mix two builds',
      );
  } finally {
    stopping = true;
    await stopProcess(server.process);
  }
  return out;
}

function nextBuildId(): string {
  try {
    return readFileSync(path.join('.next', 'BUILD_ID'), 'utf8');
  } catch {
    return '';
  }
}
