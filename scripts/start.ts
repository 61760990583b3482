import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { indexDir } from '../lib/config';
import { serverHeapMb, serverNodeFlags } from '../lib/store/server-heap';

/**
 * `npm start`: runs the production server (`serve.mjs`, bundled beside this file) under a heap cap
 * sized to the index it will serve, so the sample and the whole archive both start with no
 * setting; `HEAP_MB` overrides it. The cap keeps the server's memory flat under load, and the server
 * refuses an index it cannot hold (see lib/store/heap-budget.ts).
 */
async function main(): Promise<void> {
  const cap = await serverHeapMb(indexDir());
  const server = fileURLToPath(new URL('serve.mjs', import.meta.url));
  const child = spawn(process.execPath, [...serverNodeFlags(cap), server], {
    stdio: 'inherit',
    env: { ...process.env, HEAP_MB: String(cap) },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

void main();
