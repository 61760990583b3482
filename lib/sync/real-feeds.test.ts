import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_REQUEST } from '../search/types';
import { buildArtefacts } from '../store/build';
import { readStore } from '../store/store';
import { NOT_AN_ISSUE } from './fixtures/invented-posts';
import { loadRealFeeds, REAL_FEEDS_DIR } from './fixtures/real-feeds';
import { makeSite, syncCatalogue, type Site, type SyncResult } from './index';
import { startSubstackStandIn, startWordPressStandIn, type StandIn, type StandInPost } from './stand-in';

const feeds = loadRealFeeds();
const PAGE = { retryBaseMs: 1, wordpressPageSize: 4, substackPageSize: 5 };

/** Issue numbers as a reader would take them from the titles. */
function numbers(posts: StandInPost[]): number[] {
  return posts.flatMap((post) => {
    const match = /^Import\s*AI\s+(\d+):/i.exec(post.title);
    return match ? [Number(match[1])] : [];
  });
}

/** The not-an-issue post goes in the middle of the real ones. */
function withNote(posts: StandInPost[]): StandInPost[] {
  const middle = Math.floor(posts.length / 2);
  return [...posts.slice(0, middle), NOT_AN_ISSUE, ...posts.slice(middle)];
}

describe.skipIf(feeds === undefined)(`syncCatalogue over the real feed items in ${REAL_FEEDS_DIR}`, () => {
  const real = feeds!;
  let wordpress: StandIn;
  let substack: StandIn;
  let root: string;

  beforeAll(async () => {
    // Three WordPress pages of 4 (REST and feed alike) from 10 real posts and 1 that is not an issue.
    wordpress = await startWordPressStandIn(withNote(real.wordpress), {
      feedPageSize: 4,
      responseDelayMs: 0,
    });
    substack = await startSubstackStandIn(withNote(real.substack), { responseDelayMs: 0 });
    root = await mkdtemp(path.join(os.tmpdir(), 'import-ai-real-feeds-'));
  });

  afterAll(async () => {
    await Promise.all([wordpress.close(), substack.close()]);
    await rm(root, { recursive: true, force: true });
  });

  async function run(sites: Site[], catalogueDir: string): Promise<SyncResult> {
    return syncCatalogue({ sites, catalogueDir, tuning: PAGE });
  }

  describe('from both sites', () => {
    let dir: string;
    let first: SyncResult;

    beforeAll(async () => {
      dir = path.join(root, 'both');
      const both = [
        makeSite('wordpress', wordpress.baseUrl, 'test'),
        makeSite('substack', substack.baseUrl, 'test'),
      ];
      first = await run(both, dir);
    });

    it('writes exactly one file per issue the two sites hold between them', async () => {
      const expected = [...new Set([...numbers(real.wordpress), ...numbers(real.substack)])].sort(
        (a, b) => a - b,
      );
      const written = (await readdir(dir)).map((name) => Number(/^import-ai-(\d+)\./.exec(name)?.[1]));

      expect(written.sort((a, b) => a - b)).toEqual(expected);
      expect(first.failures).toEqual([]);
      expect(first.sites.map((s) => s.skipped)).toEqual([1, 1]);
      expect(first.sites[0]?.pages).toBe(3);
    });

    it('writes nothing on a second run', async () => {
      const before = await Promise.all((await readdir(dir)).map((name) => stat(path.join(dir, name))));

      const second = await run(
        [makeSite('wordpress', wordpress.baseUrl, 'test'), makeSite('substack', substack.baseUrl, 'test')],
        dir,
      );

      expect(second.added).toEqual([]);
      expect(second.updated).toEqual([]);
      const after = await Promise.all((await readdir(dir)).map((name) => stat(path.join(dir, name))));
      expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
    });

    it('writes files the index accepts in full, each dated as its site dated it', async () => {
      const build = await buildArtefacts({ catalogueDir: dir, indexDir: path.join(root, 'index') });

      expect(build.catalogue.report.rejected).toEqual([]);
      expect(build.catalogue.report.accepted).toHaveLength(first.added.length);
      expect(build.catalogue.issues.every((issue) => issue.dateBasis === 'stated')).toBe(true);
      const { engine } = await readStore(path.join(root, 'index'));
      const latest = build.catalogue.issues.at(-1)!;
      const words = latest.stories[0]!.title.split(/\s+/).slice(0, 3).join(' ');
      expect(engine.search({ ...DEFAULT_SEARCH_REQUEST, q: words }).results.map((r) => r.issue)).toContain(
        latest.number,
      );
    });
  });

  it.each(['cdata', 'escaped'] as const)(
    'follows the WordPress feed page by page with --source rss (content:encoded as %s)',
    async (style) => {
      const site = await startWordPressStandIn(withNote(real.wordpress), {
        feedPageSize: 4,
        feedStyle: style,
      });
      const dir = path.join(root, `rss-${style}`);
      try {
        const result = await run([makeSite('rss', `${site.baseUrl}/feed/`, 'test')], dir);

        expect(site.requests.map((r) => r.url)).toEqual([
          '/feed/',
          '/feed/?paged=2',
          '/feed/?paged=3',
          '/feed/?paged=4',
        ]);
        expect((await readdir(dir)).length).toBe(numbers(real.wordpress).length);
        expect(result.sites[0]?.skipped).toBe(1);
        const sample = real.wordpress[0]!;
        const text = await readFile(path.join(dir, `import-ai-${numbers([sample])[0]}.rss.html`), 'utf8');
        expect(text.endsWith(`${sample.html}\n`) || text.endsWith(sample.html)).toBe(true);
      } finally {
        await site.close();
      }
    },
  );

  it('stops after one page of a feed that ignores ?paged, as Substack’s does', async () => {
    const dir = path.join(root, 'rss-substack');
    substack.requests.length = 0;

    await run([makeSite('rss', `${substack.baseUrl}/feed`, 'test')], dir);

    expect(substack.requests.map((r) => r.url)).toEqual(['/feed', '/feed?paged=2']);
    expect((await readdir(dir)).length).toBe(numbers(real.substack).length);
  });
});
