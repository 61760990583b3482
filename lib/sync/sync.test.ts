import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { syncCatalogue, USER_AGENT, type SyncOptions, type SyncResult } from './index';

const SEED_498 = 'Import AI 498: An issue the catalogue already holds\n\nA hand-made plain-text copy.\n';

let server: FixtureServer;
let dir: string;

beforeEach(async () => {
  server = await startFixtureServer();
  dir = await mkdtemp(path.join(os.tmpdir(), 'import-ai-sync-'));
  // Every catalogue starts with an older issue in a file sync did not write.
  await writeFile(path.join(dir, 'import-ai-498.mailchimp.txt'), SEED_498);
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function runSync(
  overrides: Partial<SyncOptions> = {},
): Promise<{ result: SyncResult; lines: string[] }> {
  const lines: string[] = [];
  const result = await syncCatalogue({
    source: 'substack',
    baseUrl: server.baseUrl,
    catalogueDir: dir,
    retryBaseMs: 1,
    pageSize: 3,
    log: (line) => lines.push(line),
    ...overrides,
  });
  return { result, lines };
}

async function readIssue(
  name: string,
): Promise<{ text: string; meta: Record<string, unknown>; body: string }> {
  const text = await readFile(path.join(dir, name), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${name} has no front matter`);
  return { text, meta: YAML.parse(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' };
}

async function snapshotDir(): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  const entries = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      return [name, `${(await stat(file)).mtimeMs}:${await readFile(file, 'utf8')}`] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function postFetches(): string[] {
  return server.requests.filter((r) => r.route.startsWith('substack:post:')).map((r) => r.route);
}

describe('syncCatalogue (substack)', () => {
  it('writes one file per new issue with the contract front matter', async () => {
    const { result } = await runSync();

    expect((await readdir(dir)).sort()).toEqual([
      'import-ai-498.mailchimp.txt',
      'import-ai-499.substack.html',
      'import-ai-501.substack.html',
      'import-ai-502.substack.html',
    ]);
    expect(result.added.map((file) => path.basename(file)).sort()).toEqual([
      'import-ai-499.substack.html',
      'import-ai-501.substack.html',
      'import-ai-502.substack.html',
    ]);
    const body = (server.substackPosts['import-ai-502-kettles'] as { body_html: string }).body_html;
    const issue = await readIssue('import-ai-502.substack.html');
    expect(issue.text).toBe(
      [
        '---',
        'number: 502',
        'title: "Import AI 502: Kettle-boiling benchmarks; a robot that folds paper cranes"',
        'date: 2031-03-10',
        'url: https://importai.example/p/import-ai-502-kettles',
        'source: substack',
        `content_sha256: ${sha256(body)}`,
        '---',
        `${body}\n`,
      ].join('\n'),
    );
    expect((await readIssue('import-ai-501.substack.html')).meta).toMatchObject({
      number: 501,
      title: 'Import AI #501: Lighthouse keepers and language models',
      date: '2031-03-03',
      source: 'substack',
    });
  });

  it('skips and counts posts that are not Import AI issues', async () => {
    const { result, lines } = await runSync();

    expect(result.skipped).toBe(1);
    expect(postFetches()).not.toContain('substack:post:office-hours-note');
    expect(lines.at(-1)).toBe('sync: 3 new, 0 updated, 1 skipped (not Import AI), 1 failed');
  });

  it('reports a malformed post in one line and carries on with the rest', async () => {
    const { result, lines } = await runSync();

    const url = 'https://importai.example/p/import-ai-500-anniversary';
    expect(result.failures).toEqual([
      {
        url,
        reason: `GET ${server.baseUrl}/api/v1/posts/import-ai-500-anniversary returned unparsable JSON`,
      },
    ]);
    expect(lines).toContain(
      `sync: failed ${url}: GET ${server.baseUrl}/api/v1/posts/import-ai-500-anniversary returned unparsable JSON`,
    );
    // Issue 499 comes after the malformed one in the archive and is still written.
    expect((await readIssue('import-ai-499.substack.html')).meta.number).toBe(499);
  });

  it('retries a 429 (honouring Retry-After) and a 500 before succeeding', async () => {
    await runSync();

    expect(postFetches().filter((route) => route === 'substack:post:import-ai-502-kettles')).toHaveLength(2);
    expect(postFetches().filter((route) => route === 'substack:post:import-ai-501-lighthouses')).toHaveLength(
      2,
    );
    expect((await readIssue('import-ai-502.substack.html')).meta.number).toBe(502);
    expect((await readIssue('import-ai-501.substack.html')).meta.number).toBe(501);
  });

  it('logs one line per archive page', async () => {
    const { lines } = await runSync();

    expect(lines.filter((line) => line.startsWith('sync: substack page'))).toEqual([
      'sync: substack page 1 (offset 0): 3 posts, 2 new',
      'sync: substack page 2 (offset 3): 3 posts, 1 new',
    ]);
  });

  it('neither fetches nor touches an issue the catalogue already holds in another file', async () => {
    await writeFile(path.join(dir, 'import-ai-499.substack.html'), '<p>my own notes, no title here</p>\n');
    const before = await snapshotDir();

    const { result } = await runSync();

    expect(postFetches()).not.toContain('substack:post:import-ai-498-already-here');
    expect(postFetches()).not.toContain('substack:post:import-ai-499-moss');
    expect(result.unchanged).toBe(2);
    const after = await snapshotDir();
    expect(after['import-ai-498.mailchimp.txt']).toBe(before['import-ai-498.mailchimp.txt']);
    expect(after['import-ai-499.substack.html']).toBe(before['import-ai-499.substack.html']);
  });

  it('writes nothing on a second run and says so', async () => {
    await runSync();
    const before = await snapshotDir();
    server.requests.length = 0;

    const { result, lines } = await runSync();

    expect(result.added).toEqual([]);
    expect(result.updated).toEqual([]);
    expect(await snapshotDir()).toEqual(before);
    expect(lines).toContain(`sync: nothing new to write in ${dir}`);
    expect(lines.at(-1)).toBe('sync: 0 new, 0 updated, 1 skipped (not Import AI), 1 failed');
    // Only the still-malformed post is fetched again.
    expect(postFetches()).toEqual(['substack:post:import-ai-500-anniversary']);
  });

  it('rewrites a post it wrote earlier in place when its content changed (within --since)', async () => {
    await runSync();
    const changed = '<p><strong>Moss-growing rovers:</strong> Corrected: the rovers grow lichen too.</p>';
    (server.substackPosts['import-ai-499-moss'] as { body_html: string }).body_html = changed;

    const { result, lines } = await runSync({ since: '2031-02-01' });

    expect(result.updated).toEqual([path.join(dir, 'import-ai-499.substack.html')]);
    expect(result.added).toEqual([]);
    const issue = await readIssue('import-ai-499.substack.html');
    expect(issue.body).toBe(`${changed}\n`);
    expect(issue.meta.content_sha256).toBe(sha256(changed));
    expect(lines.at(-1)).toBe('sync: 0 new, 1 updated, 1 skipped (not Import AI), 1 failed');
  });

  it('stops paging once posts are older than --since', async () => {
    const { result } = await runSync({ since: '2031-03-05' });

    expect(result.added.map((file) => path.basename(file))).toEqual(['import-ai-502.substack.html']);
    expect(
      server.requests.map((r) => r.route).filter((route) => route.startsWith('substack:archive:')),
    ).toEqual(['substack:archive:0']);
    expect(postFetches()).not.toContain('substack:post:import-ai-501-lighthouses');
  });

  it('keeps at most two requests in flight and identifies itself with its User-Agent', async () => {
    await runSync();

    expect(server.maxInFlight).toBeGreaterThan(0);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
    expect(new Set(server.requests.map((r) => r.userAgent))).toEqual(new Set([USER_AGENT]));
    expect(USER_AGENT).toBe('import-ai-search-sync/0.1 (+https://github.com/import-ai-search)');
  });

  it('resumes after an interrupted run without leaving partial files', async () => {
    const refused = (): never => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
      });
    };
    const dropsOnPage2: typeof fetch = (input, init) =>
      String(input).includes('offset=3') ? Promise.resolve().then(refused) : fetch(input, init);

    await expect(runSync({ fetch: dropsOnPage2 })).rejects.toThrow(
      `sync: cannot reach ${server.baseUrl} (ECONNREFUSED) — are you offline?`,
    );
    expect((await readdir(dir)).sort()).toEqual([
      'import-ai-498.mailchimp.txt',
      'import-ai-501.substack.html',
      'import-ai-502.substack.html',
    ]);

    const { result } = await runSync();
    expect(result.added.map((file) => path.basename(file))).toEqual(['import-ai-499.substack.html']);
  });

  it('fails with a one-line offline error when the archive cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    await expect(runSync({ baseUrl: `http://127.0.0.1:${port}` })).rejects.toThrow(
      new RegExp(
        `^sync: cannot reach http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\) — are you offline\\?$`,
      ),
    );

    const noDns: typeof fetch = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }),
        }),
      );
    await expect(runSync({ baseUrl: undefined, fetch: noDns })).rejects.toThrow(
      'sync: cannot reach https://importai.substack.com (ENOTFOUND) — are you offline?',
    );
  });

  it('rejects a bad --since date with a specific message', async () => {
    await expect(runSync({ since: '2031-02-30' })).rejects.toThrow(
      'sync: invalid since date "2031-02-30" (expected YYYY-MM-DD)',
    );
  });
});

describe('syncCatalogue (wordpress)', () => {
  it('writes issues with entity-decoded titles and reports the malformed post', async () => {
    const { result, lines } = await runSync({ source: 'wordpress', pageSize: 2 });

    expect((await readdir(dir)).sort()).toEqual([
      'import-ai-477.wordpress.html',
      'import-ai-479.wordpress.html',
      'import-ai-480.wordpress.html',
      'import-ai-498.mailchimp.txt',
    ]);
    expect((await readIssue('import-ai-480.wordpress.html')).meta).toEqual({
      number: 480,
      title: 'Import AI 480: Robots that sort socks – and the ‘drawer problem’ & more',
      date: '2030-10-14',
      url: 'https://blog.example/2030/10/14/import-ai-480-socks/',
      source: 'wordpress',
      content_sha256: sha256(
        '<p><strong>Sock sorting:</strong> An invented robot pairs socks by colour and gives up on argyle.</p>\n',
      ),
    });
    expect((await readIssue('import-ai-479.wordpress.html')).meta.title).toBe(
      'Import AI #479: Weather models for ant colonies',
    );
    expect(result.skipped).toBe(1);
    expect(result.failures).toEqual([
      {
        url: 'https://blog.example/2030/09/30/import-ai-478-tea/',
        reason: 'invalid date "2030-13-40T09:00:00"',
      },
    ]);
    expect(lines.filter((line) => line.startsWith('sync: wordpress page'))).toEqual([
      'sync: wordpress page 1 of 3: 2 posts, 1 new',
      'sync: wordpress page 2 of 3: 2 posts, 1 new',
      'sync: wordpress page 3 of 3: 1 posts, 1 new',
    ]);
    expect(lines.at(-1)).toBe('sync: 3 new, 0 updated, 1 skipped (not Import AI), 1 failed');
  });

  it('rewrites a post it wrote earlier in place when its content changed', async () => {
    await runSync({ source: 'wordpress', pageSize: 2 });
    const untouched = await readFile(path.join(dir, 'import-ai-479.wordpress.html'), 'utf8');
    const changed = '<p><strong>Pigeon census:</strong> Updated: the count now includes doves.</p>\n';
    (server.wordpressPosts[4] as { content: { rendered: string } }).content.rendered = changed;

    const { result, lines } = await runSync({ source: 'wordpress', pageSize: 2 });

    expect(result.updated).toEqual([path.join(dir, 'import-ai-477.wordpress.html')]);
    expect((await readIssue('import-ai-477.wordpress.html')).body).toBe(changed);
    expect(await readFile(path.join(dir, 'import-ai-479.wordpress.html'), 'utf8')).toBe(untouched);
    expect(lines).toContain(
      'sync: updated import-ai-477.wordpress.html (Import AI 477: Counting pigeons with transformers)',
    );
    expect(lines.at(-1)).toBe('sync: 0 new, 1 updated, 1 skipped (not Import AI), 1 failed');
  });

  it('treats the 400 past the last page as the end of the archive', async () => {
    await server.close();
    server = await startFixtureServer({ sendTotalPages: false });

    const { result } = await runSync({ source: 'wordpress', pageSize: 2 });

    expect(result.added).toHaveLength(3);
    expect(server.requests.map((r) => r.route).filter((route) => route === 'wordpress:page:4')).toHaveLength(
      1,
    );
  });
});
