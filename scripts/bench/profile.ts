import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  declaredName,
  shortenUrl,
  topSelfTime,
  type CallFrame,
  type CpuProfile,
  type FrameResolver,
} from '../../lib/bench/cpu-profile';
import { searchPaths, type BenchQuery } from '../../lib/bench/queries';
import { primePaths, runLoad } from './load';
import { freePort, startNextServer } from './next-app';
import { stopProcess } from './processes';
import type { ProfileSection } from './types';

/** A workload profiled in its own time window. */
interface ProfiledWorkload {
  label: string;
  paths: string[];
  /** Request every path once first (a cached mix). */
  prime: boolean;
}

/**
 * Runs a second Next server under `node --cpu-prof`, loads it with each workload in turn (16
 * connections, `seconds` each), stops it so V8 writes the profile, and lists the functions with the
 * most self time during each workload's window (start-up left out).
 */
export async function profileServer(options: {
  indexDir: string;
  profileDir: string;
  mix: readonly BenchQuery[];
  uncached: readonly BenchQuery[];
  seconds: number;
  log: (line: string) => void;
}): Promise<ProfileSection> {
  const workloads: ProfiledWorkload[] = [
    { label: 'GET /api/search over the mix (cached)', paths: searchPaths(options.mix), prime: true },
    { label: 'GET /api/search, uncached queries', paths: searchPaths(options.uncached), prime: false },
    { label: 'GET /?q= (page) over the mix', paths: searchPaths(options.mix, '/'), prime: true },
  ];
  const port = await freePort();
  const server = await startNextServer({
    indexDir: options.indexDir,
    port,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`],
  });
  const windows: { label: string; fromUs: number; toUs: number }[] = [];
  try {
    for (const workload of workloads) {
      if (workload.prime) await primePaths(server.origin, workload.paths);
      options.log(`profile: ${workload.label} for ${options.seconds} s under --cpu-prof`);
      const fromUs = monotonicUs();
      await runLoad({
        name: 'profile',
        origin: server.origin,
        paths: workload.paths,
        connections: 16,
        seconds: options.seconds,
      });
      windows.push({ label: workload.label, fromUs, toUs: monotonicUs() });
    }
  } finally {
    // SIGINT: Next exits cleanly, and V8 writes the profile on exit.
    await stopProcess(server.process, 'SIGINT', 15_000);
  }
  const file = await largestProfile(options.profileDir);
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const resolve = sourceMapResolver(process.cwd());
  return {
    seconds: options.seconds,
    file,
    windows: windows.map(({ label, fromUs, toUs }) => {
      const { total, idle, top, owners } = topSelfTime(profile, {
        limit: 15,
        root: process.cwd(),
        window: { fromUs, toUs },
        resolve,
      });
      return { label, busyMs: total, idleMs: idle, top, owners };
    }),
  };
}

/** The server's profile: the largest one written (helper processes write small ones too). */
async function largestProfile(dir: string): Promise<string> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  if (files.length === 0) throw new Error(`bench: no .cpuprofile written to ${dir}`);
  const sizes = await Promise.all(files.map(async (f) => ({ f, size: (await stat(f)).size })));
  return sizes.sort((a, b) => b.size - a.size)[0]!.f;
}

/** V8 profiles and `process.hrtime` share the monotonic clock. */
function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Resolves frames of Next's minified server chunks through the `.map` files next to them. */
export function sourceMapResolver(root: string): FrameResolver {
  const maps = new Map<string, { map: SourceMap; dir: string } | undefined>();
  const mapFor = (file: string) => {
    if (!maps.has(file)) {
      let entry: { map: SourceMap; dir: string } | undefined;
      try {
        if (existsSync(`${file}.map`)) {
          const payload = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapPayload;
          entry = { map: new SourceMap(payload), dir: path.dirname(file) };
        }
      } catch {
        entry = undefined;
      }
      maps.set(file, entry);
    }
    return maps.get(file);
  };
  return (frame: CallFrame) => {
    const file = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
    if (!path.isAbsolute(file)) return undefined;
    const entry = mapFor(file);
    const origin = entry?.map.findEntry(frame.lineNumber, frame.columnNumber);
    if (!entry || !origin || !('originalSource' in origin) || !origin.originalSource) return undefined;
    const source = path.resolve(
      entry.dir,
      origin.originalSource.replace(/^turbopack:\/\/\/\[project\]\//, `${root}/`),
    );
    const index = entry.map.payload.sources.indexOf(origin.originalSource);
    const line = entry.map.payload.sourcesContent?.[index]?.split('\n')[origin.originalLine];
    return {
      name: line === undefined ? undefined : declaredName(line),
      location: `${shortenUrl(source, root)}:${origin.originalLine + 1}`,
    };
  };
}
