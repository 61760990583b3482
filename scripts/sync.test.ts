import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventedSubstackPosts, inventedWordPressPosts } from '../lib/sync/fixtures/invented-posts';
import { closedPort, startSubstackStandIn, startWordPressStandIn, type StandIn } from '../lib/sync/stand-in';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Runs a script the way npm does, without blocking this process (the stand-ins answer from it). */
function run(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run sync', () => {
  let wordpress: StandIn;
  let substack: StandIn;
  let root: string;

  beforeAll(async () => {
    wordpress = await startWordPressStandIn(inventedWordPressPosts());
    substack = await startSubstackStandIn(inventedSubstackPosts());
    root = await mkdtemp(path.join(os.tmpdir(), 'sync-cli-'));
  });

  afterAll(async () => {
    await Promise.all([wordpress.close(), substack.close()]);
    await rm(root, { recursive: true, force: true });
  });

  describe('with WORDPRESS_URL and SUBSTACK_URL pointing at stand-ins', () => {
    const env = () => ({
      WORDPRESS_URL: wordpress.baseUrl,
      SUBSTACK_URL: substack.baseUrl,
      CATALOGUE_DIR: path.join(root, 'issues'),
      INDEX_DIR: path.join(root, 'index'),
    });

    it('writes every issue of both sites, and npm run index accepts every file', async () => {
      const sync = await run('scripts/sync.ts', [], env());

      expect(sync.stderr).toBe('');
      expect(sync.code).toBe(0);
      expect(sync.stdout).toContain(`sync: 5 written, 0 updated, 0 failed, in ${path.join(root, 'issues')}`);
      const written = await readdir(path.join(root, 'issues'));
      expect(written).toHaveLength(5);

      const index = await run('scripts/index.ts', [], env());
      expect(index.code).toBe(0);
      expect(index.stdout).toMatch(/\b5 issues\b/);
    });

    it('writes nothing on a second run', async () => {
      const again = await run('scripts/sync.ts', [], env());

      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`sync: nothing new to write in ${path.join(root, 'issues')} (0 failed)`);
    });
  });

  describe('when neither site can be reached', () => {
    let env: Record<string, string>;
    const catalogueDir = () => path.join(root, 'offline-issues');

    beforeAll(async () => {
      env = {
        WORDPRESS_URL: `http://127.0.0.1:${await closedPort()}`,
        SUBSTACK_URL: `http://127.0.0.1:${await closedPort()}`,
        CATALOGUE_DIR: catalogueDir(),
      };
    });

    it('says so in one line, exits 1 and leaves no file or folder behind', async () => {
      const result = await run('scripts/sync.ts', [], env);

      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^sync: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\) or 127\.0\.0\.1:\d+ \(ECONNREFUSED\): offline\? Nothing was written\.$/,
        ),
      ]);
      await expect(readdir(catalogueDir())).rejects.toThrow(/ENOENT/);
    });

    it('with --best-effort (what npm run setup runs), says so in one line and exits 0 so the build goes on', async () => {
      const result = await run('scripts/sync.ts', ['--best-effort'], env);

      expect(result.code).toBe(0);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /offline\? Nothing was written; going on with the issues already in .*offline-issues$/,
        ),
      ]);
    });
  });

  it.each([
    [['--feed', 'https://blog.example/feed/'], 'sync: --feed goes with --source rss'],
    [['--source', 'rss'], 'sync: --source rss needs --feed URL (an RSS 2.0 feed)'],
    [['--source', 'medium'], 'sync: unknown --source "medium" (expected substack, wordpress, rss)'],
    [['--since', '2026-02-30'], 'sync: --since "2026-02-30" is not a valid date (expected YYYY-MM-DD)'],
  ])('rejects %j with a usage message and exit code 2', async (args, message) => {
    const result = await run('scripts/sync.ts', args, { CATALOGUE_DIR: path.join(root, 'unused') });

    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
  });
});
