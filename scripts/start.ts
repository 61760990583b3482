import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { indexDir } from '../lib/config';
import { readArtefact, resolveCurrentBuild } from '../lib/store/artefacts';
import { DEFAULT_HEAP_MB, heapCapFor } from '../lib/store/heap-budget';
import { checkManifest } from '../lib/store/manifest';

/**
 * `npm start`: runs the production server (`serve.mjs`, bundled beside this file) under a heap cap
 * sized to the index it will serve, so the sample and the whole archive both start with no
 * setting; `HEAP_MB` overrides it. The cap keeps the server's memory flat under load, and the server
 * refuses an index it cannot hold (see lib/store/heap-budget.ts). A missing or broken index gets the
 * default cap: the server itself then says what is wrong.
 */
async function heapCap(): Promise<number> {
  const explicit = Number(process.env.HEAP_MB);
  if (process.env.HEAP_MB && Number.isFinite(explicit) && explicit > 0) return explicit;
  try {
    const buildDir = await resolveCurrentBuild(indexDir());
    return heapCapFor(checkManifest(JSON.parse(await readArtefact(buildDir, 'manifest.json')), buildDir));
  } catch {
    return DEFAULT_HEAP_MB;
  }
}

async function main(): Promise<void> {
  const cap = await heapCap();
  const server = fileURLToPath(new URL('serve.mjs', import.meta.url));
  const child = spawn(process.execPath, [`--max-old-space-size=${cap}`, '--max-semi-space-size=4', server], {
    stdio: 'inherit',
    env: { ...process.env, HEAP_MB: String(cap) },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

void main();
