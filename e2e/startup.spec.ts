import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_HEAP_MB } from '../lib/store/heap-budget';
import { serverNodeFlags } from '../lib/store/server-heap';

/**
 * `npm start` (node .next/serve.mjs) over a damaged, mixed or oversized index: it must stop at
 * once, name the file or the reason, and say how to fix it, instead of crashing later or serving
 * wrong answers.
 */

const SERVED_INDEX = path.resolve(process.env.INDEX_DIR ?? '.index');
const START_TIMEOUT_MS = 60_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts the production server; resolves with its exit code and output, or `listening` if it came up. */
async function startServer(
  indexDir: string,
  heapMb = DEFAULT_HEAP_MB,
): Promise<{ code: number | 'listening'; out: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...serverNodeFlags(heapMb), path.join('.next', 'serve.mjs')], {
    env: { ...process.env, INDEX_DIR: indexDir, PORT: String(port), HOSTNAME: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
    const watch = setInterval(() => {
      if (!out.includes('serve: listening')) return;
      child.kill('SIGTERM');
      resolve({ code: 'listening', out });
    }, 100);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      resolve({ code: code ?? (signal === 'SIGTERM' ? 'listening' : -1), out });
    });
  });
}

let root: string;

/** A copy of the served build in a fresh INDEX_DIR; returns the INDEX_DIR and the copied build folder. */
async function copyOfServedIndex(name: string): Promise<{ indexDir: string; buildDir: string }> {
  const source = path.resolve(SERVED_INDEX, await readlink(path.join(SERVED_INDEX, 'current')));
  const indexDir = path.join(root, name);
  const buildDir = path.join(indexDir, 'builds', 'copy');
  await mkdir(path.dirname(buildDir), { recursive: true });
  await cp(source, buildDir, { recursive: true });
  await symlink(path.join('builds', 'copy'), path.join(indexDir, 'current'));
  return { indexDir, buildDir };
}

test.describe('npm start over a bad index', () => {
  test.describe.configure({ timeout: 120_000 });

  test.beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'e2e-startup-'));
  });

  test.afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('the served index itself starts (the cases below fail for their own reason)', async () => {
    const { indexDir } = await copyOfServedIndex('intact');
    const { code, out } = await startServer(indexDir);
    expect(code, out).toBe('listening');
  });

  test('a truncated catalogue.json stops the start, naming the file and saying to rebuild', async () => {
    const { indexDir, buildDir } = await copyOfServedIndex('truncated');
    const file = path.join(buildDir, 'catalogue.json');
    const content = await readFile(file);
    await writeFile(file, content.subarray(0, Math.floor(content.length / 2)));
    const { code, out } = await startServer(indexDir);
    expect(code).toBe(1);
    expect(out).toContain(`index: ${file} does not match the build's manifest`);
    expect(out).toContain('run `npm run index`');
  });

  test("another build's catalogue.json stops the start, naming the file", async () => {
    const { indexDir, buildDir } = await copyOfServedIndex('mixed');
    // Another build, by the real CLI: the bundled sample and a renumbered copy of it, so it differs
    // from the served index whether that holds the whole archive or the sample alone.
    const otherCatalogue = path.join(root, 'other-catalogue');
    await mkdir(otherCatalogue, { recursive: true });
    const sample = await readFile(path.join('data', 'issues', 'import-ai-226.mailchimp.txt'), 'utf8');
    await writeFile(path.join(otherCatalogue, 'import-ai-226.mailchimp.txt'), sample);
    await writeFile(
      path.join(otherCatalogue, 'import-ai-999.mailchimp.txt'),
      sample.replaceAll('Import AI 226', 'Import AI 999'),
    );
    const otherIndex = path.join(root, 'other');
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/index.ts', '--full'], {
      env: { ...process.env, CATALOGUE_DIR: otherCatalogue, INDEX_DIR: otherIndex },
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
    const otherBuild = path.resolve(otherIndex, await readlink(path.join(otherIndex, 'current')));
    const file = path.join(buildDir, 'catalogue.json');
    await cp(path.join(otherBuild, 'catalogue.json'), file);
    const { code, out } = await startServer(indexDir);
    expect(code).toBe(1);
    expect(out).toContain(`index: ${file} does not match the build's manifest`);
    expect(out).toContain('from another build; run `npm run index`');
  });

  test('a truncated manifest stops the start, naming it', async () => {
    const { indexDir, buildDir } = await copyOfServedIndex('manifest');
    const file = path.join(buildDir, 'manifest.json');
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 40));
    const { code, out } = await startServer(indexDir);
    expect(code).toBe(1);
    expect(out).toContain(`index: ${file} is not valid JSON`);
    expect(out).toContain('run `npm run index`');
  });

  test('a heap cap too small for the index stops the start with the reason, not an abort', async () => {
    const { indexDir } = await copyOfServedIndex('small-heap');
    const { code, out } = await startServer(indexDir, 64);
    expect(code).toBe(1);
    expect(out).toMatch(/needs about \d+ MB of heap to load and serve .* raise HEAP_MB/);
    expect(out).not.toContain('heap out of memory');
  });
});
