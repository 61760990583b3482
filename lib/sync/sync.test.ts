import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inventedSubstackPosts, inventedWordPressPosts } from './fixtures/invented-posts';
import {
  makeSite,
  NothingReadError,
  syncCatalogue,
  USER_AGENT,
  type SiteKind,
  type SyncOptions,
  type SyncResult,
} from './index';
import {
  closedPort,
  startSubstackStandIn,
  startWordPressStandIn,
  type InFlightTracker,
  type StandIn,
  type StandInOptions,
} from './stand-in';

const FAST = { retryBaseMs: 1, wordpressPageSize: 2, substackPageSize: 2 };

let wordpress: StandIn;
let substack: StandIn;
let tracker: InFlightTracker;
let root: string;
let dir: string;

async function startSites(wpOptions: StandInOptions = {}, ssOptions: StandInOptions = {}): Promise<void> {
  tracker = { current: 0, max: 0 };
  wordpress = await startWordPressStandIn(inventedWordPressPosts(), { tracker, ...wpOptions });
  substack = await startSubstackStandIn(inventedSubstackPosts(), { tracker, ...ssOptions });
}

beforeEach(async () => {
  await startSites();
  root = await mkdtemp(path.join(os.tmpdir(), 'import-ai-sync-'));
  dir = path.join(root, 'issues');
});

afterEach(async () => {
  await Promise.all([wordpress.close(), substack.close()]);
  await rm(root, { recursive: true, force: true });
});

function sites(...kinds: SiteKind[]) {
  const chosen = kinds.length > 0 ? kinds : (['wordpress', 'substack'] as const);
  return chosen.map((kind) =>
    kind === 'rss'
      ? makeSite('rss', `${wordpress.baseUrl}/feed/`, 'test')
      : makeSite(kind, kind === 'wordpress' ? wordpress.baseUrl : substack.baseUrl, 'test'),
  );
}

async function runSync(
  overrides: Partial<SyncOptions> = {},
): Promise<{ result: SyncResult; lines: string[] }> {
  const lines: string[] = [];
  const result = await syncCatalogue({
    sites: sites(),
    catalogueDir: dir,
    tuning: FAST,
    log: (line) => lines.push(line),
    ...overrides,
  });
  return { result, lines };
}

async function files(): Promise<string[]> {
  return (await readdir(dir)).sort();
}

async function readIssue(name: string): Promise<{ meta: Record<string, unknown>; body: string }> {
  const text = await readFile(path.join(dir, name), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${name} has no front matter`);
  return { meta: YAML.parse(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' };
}

async function snapshot(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    (await files()).map(async (name) => {
      const file = path.join(dir, name);
      return [name, `${(await stat(file)).mtimeMs}:${await readFile(file, 'utf8')}`] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function bodyFetches(): string[] {
  return substack.requests.filter((r) => r.route.startsWith('post:')).map((r) => r.route);
}

describe('syncCatalogue', () => {
  it('writes one file per issue across both sites, with the front matter the catalogue reads', async () => {
    const { result } = await runSync();

    expect(await files()).toEqual([
      'import-ai-479.wordpress.html',
      'import-ai-480.substack.html',
      'import-ai-481.substack.html',
      'import-ai-482.wordpress.html',
      'import-ai-483.substack.html',
    ]);
    expect(result.added).toHaveLength(5);
    const post = wordpress.posts.find((p) => p.slug === 'import-ai-482-kettles')!;
    const issue = await readIssue('import-ai-482.wordpress.html');
    expect(issue.meta).toEqual({
      number: 482,
      title: 'Import AI 482: Kettle-boiling benchmarks – and the ‘lid problem’',
      date: '2031-03-17',
      url: post.link,
      source: 'wordpress',
      content_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(issue.body).toBe(post.html);
    expect((await readIssue('import-ai-479.wordpress.html')).meta.number).toBe(479);
  });

  it('keeps the richer copy of an issue both sites hold, and the first site’s on a tie', async () => {
    const { result, lines } = await runSync();

    // 481: Substack's copy has one more story. 482: the same text on both, so jack-clark.net's.
    expect((await readIssue('import-ai-481.substack.html')).body).toBe(
      substack.posts.find((p) => p.slug === 'import-ai-481-lighthouses')!.html,
    );
    expect(await files()).not.toContain('import-ai-481.wordpress.html');
    expect(await files()).not.toContain('import-ai-482.substack.html');
    expect(result.sites.map((s) => s.duplicates)).toEqual([1, 1]);
    const chosen = lines.find((line) => line.startsWith('sync: wrote import-ai-481.substack.html'));
    const [wpScore, ssScore] = [...(chosen ?? '').matchAll(/127\.0\.0\.1:\d+ (\d+)/g)].map((m) =>
      Number(m[1]),
    );
    expect(ssScore).toBeGreaterThan(wpScore!);
  });

  it('takes Substack bodies from the archive listing when it carries them, with no request per post', async () => {
    await substack.close();
    substack = await startSubstackStandIn(inventedSubstackPosts(), { archiveBodies: true });

    await runSync();

    expect(bodyFetches()).toEqual([]);
    expect(await files()).toContain('import-ai-483.substack.html');
  });

  it('skips and counts posts that are not issues, without fetching their bodies', async () => {
    const { result } = await runSync();

    expect(result.sites.map((s) => s.skipped)).toEqual([1, 1]);
    expect(bodyFetches()).not.toContain('post:office-hours');
  });

  it('logs one line per listing page and a summary per site', async () => {
    const { lines } = await runSync();

    const wp = new URL(wordpress.baseUrl).host;
    const ss = new URL(substack.baseUrl).host;
    expect(lines.filter((line) => line.startsWith(`sync: ${wp} page`))).toEqual([
      `sync: ${wp} page 1/2: 2 posts, 1 new`,
      `sync: ${wp} page 2/2: 2 posts, 2 new`,
    ]);
    expect(lines.filter((line) => line.startsWith(`sync: ${ss} page`))).toEqual([
      `sync: ${ss} page 1: 2 posts, 2 new`,
      `sync: ${ss} page 2: 2 posts, 1 new`,
      `sync: ${ss} page 3: 1 post, 1 new`,
    ]);
    expect(lines).toContain(
      `sync: ${wp}: 2 pages, 4 posts: 2 written, 0 updated, 0 already held, 1 duplicates (the other copy was kept), 1 skipped (not issues), 0 failed`,
    );
    expect(lines.at(-1)).toBe(`sync: 5 written, 0 updated, 0 failed, in ${dir}`);
  });

  it('writes nothing on a second run and fetches no Substack body again', async () => {
    await runSync();
    const before = await snapshot();
    substack.requests.length = 0;

    const { result, lines } = await runSync();

    expect(result.added).toEqual([]);
    expect(result.updated).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(bodyFetches()).toEqual([]);
    expect(lines.at(-1)).toBe(`sync: nothing new to write in ${dir} (0 failed)`);
  });

  it('rewrites a file it wrote when the WordPress post changed, and leaves the rest alone', async () => {
    await runSync();
    const untouched = await readFile(path.join(dir, 'import-ai-482.wordpress.html'), 'utf8');
    const pigeons = wordpress.posts.find((p) => p.slug === 'import-ai-479-pigeons')!;
    pigeons.html = pigeons.html.replace('disagrees with the pigeons', 'now includes doves');

    const { result, lines } = await runSync();

    expect(result.updated).toEqual([path.join(dir, 'import-ai-479.wordpress.html')]);
    expect((await readIssue('import-ai-479.wordpress.html')).body).toContain('now includes doves');
    expect(await readFile(path.join(dir, 'import-ai-482.wordpress.html'), 'utf8')).toBe(untouched);
    expect(lines).toContain(
      'sync: updated import-ai-479.wordpress.html (Import AI #479: Counting pigeons with transformers)',
    );
  });

  it('neither fetches nor touches an issue the catalogue holds in a file it did not write', async () => {
    await mkdir(dir, { recursive: true });
    const mine = 'Import AI 480: my own copy\n\nA hand-made plain-text copy.\n';
    await writeFile(path.join(dir, 'import-ai-480.mailchimp.txt'), mine);

    const { result } = await runSync();

    expect(bodyFetches()).not.toContain('post:import-ai-480-moss');
    expect(await readFile(path.join(dir, 'import-ai-480.mailchimp.txt'), 'utf8')).toBe(mine);
    expect(await files()).not.toContain('import-ai-480.substack.html');
    expect(result.sites[1]?.held).toBe(1);
  });

  it('reports a malformed post in one line and carries on with the rest', async () => {
    await substack.close();
    substack = await startSubstackStandIn(inventedSubstackPosts(), { brokenPosts: ['import-ai-480-moss'] });

    const { result, lines } = await runSync();

    const reason = `GET ${substack.baseUrl}/api/v1/posts/import-ai-480-moss returned unparsable JSON`;
    expect(result.failures).toEqual([{ url: 'https://importai.example/p/import-ai-480-moss', reason }]);
    expect(lines).toContain(`sync: failed https://importai.example/p/import-ai-480-moss: ${reason}`);
    expect(await files()).toContain('import-ai-483.substack.html');
    expect(await files()).not.toContain('import-ai-480.substack.html');
  });

  it('retries a 429 (honouring Retry-After) and a 500 before succeeding', async () => {
    await Promise.all([wordpress.close(), substack.close()]);
    await startSites({ faults: { 'rest:2': [429] } }, { faults: { 'post:import-ai-483-socks': [500] } });

    await runSync();

    expect(wordpress.requests.filter((r) => r.route === 'rest:2')).toHaveLength(2);
    expect(bodyFetches().filter((route) => route === 'post:import-ai-483-socks')).toHaveLength(2);
    expect(await files()).toHaveLength(5);
  });

  it('keeps at most two requests in flight across both sites and sends its User-Agent', async () => {
    await Promise.all([wordpress.close(), substack.close()]);
    await startSites({ responseDelayMs: 20 }, { responseDelayMs: 20 });

    await runSync();

    expect(tracker.max).toBe(2);
    const agents = [...wordpress.requests, ...substack.requests].map((r) => r.userAgent);
    expect(new Set(agents)).toEqual(new Set([USER_AGENT]));
  });

  it('stops listing a site once its posts are older than --since', async () => {
    const { result } = await runSync({ since: '2031-03-15' });

    expect(await files()).toEqual(['import-ai-482.wordpress.html', 'import-ai-483.substack.html']);
    expect(result.added).toHaveLength(2);
    expect(wordpress.requests.map((r) => r.route)).toEqual(['rest:1']);
  });

  it('resumes after a run that stopped half-way, leaving no partial file', async () => {
    await wordpress.close();
    wordpress = await startWordPressStandIn(inventedWordPressPosts(), { faults: { 'rest:2': [500, 500] } });
    const first = await runSync({ sites: sites('wordpress'), tuning: { ...FAST, retries: 1 } });
    expect(first.result.sites[0]?.error).toBe(
      `GET ${wordpress.baseUrl}/wp-json/wp/v2/posts?per_page=2&page=2 answered HTTP 500 (gave up after 2 attempts)`,
    );
    expect(await files()).toEqual(['import-ai-482.wordpress.html']);

    const second = await runSync({ sites: sites('wordpress') });

    expect(second.result.added.map((file) => path.basename(file)).sort()).toEqual([
      'import-ai-479.wordpress.html',
      'import-ai-481.wordpress.html',
    ]);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('goes on with one site when the other cannot be reached', async () => {
    const port = await closedPort();
    const lost = makeSite('substack', `http://127.0.0.1:${port}`, 'test');

    const { result, lines } = await runSync({ sites: [...sites('wordpress'), lost] });

    expect(await files()).toEqual([
      'import-ai-479.wordpress.html',
      'import-ai-481.wordpress.html',
      'import-ai-482.wordpress.html',
    ]);
    expect(result.sites[1]?.error).toBe(`cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`);
    expect(lines).toContain(
      `sync: 127.0.0.1:${port}: stopped listing: cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`,
    );
  });

  it('falls back to the paged feed when the WordPress REST API is switched off', async () => {
    await wordpress.close();
    wordpress = await startWordPressStandIn(inventedWordPressPosts(), { rest: false, feedPageSize: 2 });

    const { lines } = await runSync({ sites: sites('wordpress') });

    expect(wordpress.requests.map((r) => r.route)).toEqual(['rest:1', 'feed:1', 'feed:2', 'feed:3']);
    expect(await files()).toEqual([
      'import-ai-479.wordpress.html',
      'import-ai-481.wordpress.html',
      'import-ai-482.wordpress.html',
    ]);
    expect(lines.some((line) => line.includes('answered HTTP 401; reading'))).toBe(true);
  });

  describe('when no site can be reached', () => {
    it('rejects with one line naming both sites, and creates nothing', async () => {
      const [a, b] = [await closedPort(), await closedPort()];
      const offline = [
        makeSite('wordpress', `http://127.0.0.1:${a}`, 'test'),
        makeSite('substack', `http://127.0.0.1:${b}`, 'test'),
      ];

      const error = await runSync({ sites: offline }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(NothingReadError);
      expect((error as NothingReadError).offline).toBe(true);
      expect((error as Error).message).toBe(
        `sync: cannot reach 127.0.0.1:${a} (ECONNREFUSED) or 127.0.0.1:${b} (ECONNREFUSED): offline? Nothing was written`,
      );
      await expect(stat(root).then(() => readdir(root))).resolves.toEqual([]);
    });

    it('counts a site that never answers as unreachable after the first-contact timeout, without retrying', async () => {
      let requests = 0;
      const silent: Server = createServer(() => {
        requests++;
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as AddressInfo;
      try {
        const error = await runSync({
          sites: [makeSite('wordpress', `http://127.0.0.1:${port}`, 'test')],
          tuning: { ...FAST, firstContactTimeoutMs: 100 },
        }).catch((e: unknown) => e);

        expect((error as Error).message).toBe(
          `sync: cannot reach 127.0.0.1:${port} (no answer within 0.1 s): offline? Nothing was written`,
        );
        expect(requests).toBe(1);
      } finally {
        silent.closeAllConnections();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });
  });

  it('rejects a bad --since date with a specific message', async () => {
    await expect(runSync({ since: '2031-02-30' })).rejects.toThrow(
      'sync: invalid since date "2031-02-30" (expected YYYY-MM-DD)',
    );
  });
});
