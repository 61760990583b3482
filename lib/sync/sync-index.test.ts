import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_REQUEST } from '../search/types';
import { buildArtefacts } from '../store/build';
import { readStore } from '../store/store';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { syncCatalogue } from './sync';

describe('syncCatalogue then buildArtefacts', () => {
  let root: string;
  let server: FixtureServer;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'sync-index-'));
    server = await startFixtureServer({ responseDelayMs: 0 });
  });

  afterEach(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it.each([
    ['substack', 'lighthouse keepers', 501],
    ['wordpress', 'pigeon census', 477],
  ] as const)('indexes the issues a %s sync wrote, so search finds them', async (source, query, issue) => {
    const catalogueDir = path.join(root, 'issues');
    const indexDir = path.join(root, 'index');
    const result = await syncCatalogue({
      source,
      baseUrl: server.baseUrl,
      catalogueDir,
      retryBaseMs: 1,
      log: () => undefined,
    });
    expect(result.added.length).toBeGreaterThan(0);

    const build = await buildArtefacts({ catalogueDir, indexDir });
    expect(build.catalogue.report.rejected).toEqual([]);
    expect(build.catalogue.issues.map((i) => i.source.format)).toEqual(result.added.map(() => 'html'));
    // Synced files state their publication date.
    expect(build.catalogue.issues.every((i) => i.dateBasis === 'stated')).toBe(true);

    const { engine } = await readStore(indexDir);
    const hits = engine.search({ ...DEFAULT_SEARCH_REQUEST, q: query }).results;
    expect(hits.map((h) => h.issue)).toContain(issue);
  });
});
