import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { serverHeapMb, serverNodeFlags } from '../../lib/store/server-heap';
import { findServerPid, runProcess, startProcess, waitForHttp, type StartedProcess } from './processes';

/** What `next build` reads: if any is newer than `.next/BUILD_ID`, the build is stale. */
const APP_SOURCES = [
  'app',
  'components',
  'lib',
  'proxy.ts',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];

/** Paths under the sources that the app never imports. */
const NOT_APP_SOURCE = [/\.test\.tsx?$/, /(^|\/)lib\/bench\//, /(^|\/)fixtures\//];

async function newestMtime(entry: string): Promise<number> {
  if (NOT_APP_SOURCE.some((pattern) => pattern.test(entry))) return 0;
  const info = await stat(entry).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const name of await readdir(entry))
    newest = Math.max(newest, await newestMtime(path.join(entry, name)));
  return newest;
}

/** Why `.next` must be (re)built, or undefined when it is current. */
export async function staleReason(): Promise<string | undefined> {
  const buildId = path.join('.next', 'BUILD_ID');
  if (!existsSync(buildId)) return '.next is missing';
  if (!existsSync(SERVER_BUNDLE)) return `${SERVER_BUNDLE} is missing`;
  const built = (await stat(buildId)).mtimeMs;
  for (const source of [...APP_SOURCES, path.join('scripts', 'serve.ts')]) {
    if ((await newestMtime(source)) > built) return `${source} changed since the last build`;
  }
  return undefined;
}

/** The production server bundle `npm start` runs (built by `npm run build:server`). */
const SERVER_BUNDLE = path.join('.next', 'serve.mjs');

/** Runs `next build` and the server bundle (with INDEX_DIR at the bench index) when missing or stale. */
export async function ensureNextBuild(indexDir: string, log: (line: string) => void): Promise<void> {
  const reason = await staleReason();
  if (!reason) {
    log('http: .next is current; not rebuilding');
    return;
  }
  log(`http: ${reason}; running next build`);
  const started = performance.now();
  await runProcess(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    env: { ...process.env, INDEX_DIR: indexDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  await runProcess('npm', ['run', 'build:server'], { env: process.env });
  log(`http: next build took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export interface NextServer {
  process: StartedProcess;
  /** The pid actually serving (Next may run the server in a child of the one started). */
  serverPid: number;
  origin: string;
}

/**
 * Starts the production server as `npm start` does (`node .next/serve.mjs`), directly with node so
 * the pid is the server's, and waits for a search to answer.
 */
export async function startNextServer(options: {
  indexDir: string;
  port: number;
  /** Extra node flags (e.g. `--cpu-prof`; `next start` serves from the process it is started in). */
  nodeArgs?: readonly string[];
}): Promise<NextServer> {
  // The flags and heap cap `npm start` gives the server (scripts/start.ts).
  const heapMb = await serverHeapMb(options.indexDir);
  const args = [...(options.nodeArgs ?? []), ...serverNodeFlags(heapMb), SERVER_BUNDLE];
  const started = startProcess(process.execPath, args, {
    env: {
      ...process.env,
      PORT: String(options.port),
      HOSTNAME: '127.0.0.1',
      INDEX_DIR: options.indexDir,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  const origin = `http://127.0.0.1:${options.port}`;
  // The first search loads the index into memory.
  await waitForHttp(`${origin}/api/search?q=alphafold`, started, 120_000);
  return { process: started, serverPid: findServerPid(started.pid), origin };
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
