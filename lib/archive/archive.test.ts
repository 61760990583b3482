import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_REQUEST } from '../search/types';
import { buildArtefacts } from '../store/build';
import { readStore, type Store } from '../store/store';
import { BUNDLED_SAMPLE_FILES, describeCoverage, FETCH_ARCHIVE_COMMAND } from './coverage';
import { chooseExampleSearches, EXAMPLE_COUNT } from './examples';

const SAMPLE_DIR = path.resolve(import.meta.dirname, '..', '..', 'data', 'issues');

/** An invented issue, in the shape of a Substack Markdown export. */
function inventedIssue(number: number, headline: string): string {
  return `---
title: "Import AI ${number}: ${headline}"
date: "2021-01-${String(number - 220).padStart(2, '0')}"
---

**${headline}:**  
_…An invented story for a test…_  
Researchers taught a kettle to predict breakfast, and the kettle learned to predict lunch as well.  
`;
}

let root: string;

async function buildFrom(name: string, files: Record<string, string>, sample = false): Promise<Store> {
  const catalogueDir = path.join(root, name, 'issues');
  await mkdir(catalogueDir, { recursive: true });
  if (sample) {
    for (const file of BUNDLED_SAMPLE_FILES)
      await copyFile(path.join(SAMPLE_DIR, file), path.join(catalogueDir, file));
  }
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(catalogueDir, file), text);
  const indexDir = path.join(root, name, 'index');
  await buildArtefacts({ catalogueDir, indexDir });
  return readStore(indexDir);
}

function searcher(store: Store) {
  return (q: string) => Promise.resolve(store.engine.search({ ...DEFAULT_SEARCH_REQUEST, q, per: 1 }));
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'archive-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('describeCoverage', () => {
  it('calls a build of the bundled sample the sample, naming its issue and the command that fetches the rest', async () => {
    const store = await buildFrom('sample', {}, true);

    const coverage = describeCoverage(store.issues);

    expect(coverage).toMatchObject({
      issues: 1,
      missing: 0,
      sample: true,
      fetchCommand: FETCH_ARCHIVE_COMMAND,
    });
    expect(coverage.first).toEqual(coverage.last);
    expect(coverage.first?.number).toBe(store.issues[0]?.number);
    expect(FETCH_ARCHIVE_COMMAND).toBe('npm run setup');
  });

  it('gives any other build its count, range and missing numbers, and does not call it the sample', async () => {
    const store = await buildFrom(
      'more',
      { 'import-ai-230.md': inventedIssue(230, 'Kettles that learn') },
      true,
    );

    const coverage = describeCoverage(store.issues);

    expect(coverage).toMatchObject({ issues: 2, missing: 3, sample: false });
    expect(coverage.first?.number).toBe(226);
    const last = store.issues.find((issue) => issue.number === 230)!;
    expect(coverage.last).toEqual({
      number: 230,
      date: last.date,
      dateEstimated: last.dateBasis === 'estimated',
    });
  });
});

describe('chooseExampleSearches', () => {
  it('offers searches that each find paragraphs holding all their words in the sample build', async () => {
    const store = await buildFrom('sample-examples', {}, true);
    const search = searcher(store);

    const examples = await chooseExampleSearches(store.issues, search);

    expect(examples).toHaveLength(EXAMPLE_COUNT);
    for (const q of examples) {
      const response = await search(q);
      expect({ q, found: response.total > 0 && !response.relaxed }).toEqual({ q, found: true });
    }
  });

  it('falls back to the newest stories’ headlines when too few of its candidates find anything', async () => {
    const store = await buildFrom('tiny', {
      'import-ai-231.md': inventedIssue(231, 'Kettles that learn'),
      'import-ai-232.md': inventedIssue(232, 'Teapots with opinions'),
    });

    const examples = await chooseExampleSearches(store.issues, searcher(store));

    expect(examples.slice(-2)).toEqual(['Teapots with opinions', 'Kettles that learn']);
  });
});
