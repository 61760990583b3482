import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCurrentBuild } from './artefacts';
import { buildArtefacts } from './build';

const FIXTURES = path.resolve(import.meta.dirname, '../catalogue/fixtures');
const SAMPLE = path.resolve(import.meta.dirname, '../../data/issues/import-ai-226.mailchimp.txt');

async function catalogueJson(indexDir: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(await resolveCurrentBuild(indexDir), 'catalogue.json'), 'utf8'));
}

const NEW_ISSUE = `---
title: "Import AI 905: Teapots that think"
date: ""
---

**Researchers teach a teapot to predict when guests arrive:**  
_…Domestic forecasting reaches the kitchen…_  
A made-up lab trained a small model on doorbell logs so a teapot can start boiling before guests knock.  
**Read more:** [Teapot forecasting (arXiv)](https://arxiv.org/abs/9999.00001).
`;

describe('buildArtefacts', () => {
  let root: string;
  let catalogueDir: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'build-test-'));
    catalogueDir = path.join(root, 'issues');
    await cp(FIXTURES, catalogueDir, { recursive: true });
    await cp(SAMPLE, path.join(catalogueDir, 'import-ai-226.mailchimp.txt'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  describe('when built incrementally', () => {
    it('re-parses only new and changed files and says which', async () => {
      const indexDir = path.join(root, 'index');
      const first = await buildArtefacts({ catalogueDir, indexDir });
      expect(first.catalogue.report.changed?.length).toBe(first.catalogue.report.files);

      await writeFile(path.join(catalogueDir, 'import-ai-905.md'), NEW_ISSUE);
      const second = await buildArtefacts({ catalogueDir, indexDir });
      expect(second.catalogue.report.changed).toEqual(['import-ai-905.md']);
      expect(second.summary).toContain(
        'catalogue: parsed 1 new or changed file: import-ai-905.md; reused 4 unchanged',
      );

      const third = await buildArtefacts({ catalogueDir, indexDir });
      expect(third.summary).toContain('catalogue: nothing changed since the last build (5 files reused)');
    });

    it('writes exactly what a full rebuild writes', async () => {
      const incremental = path.join(root, 'incremental');
      await buildArtefacts({ catalogueDir, indexDir: incremental });
      await writeFile(path.join(catalogueDir, 'import-ai-905.md'), NEW_ISSUE);
      const sample = path.join(catalogueDir, 'import-ai-226.mailchimp.txt');
      await writeFile(
        sample,
        (await readFile(sample, 'utf8')).replace('astonishingly well', 'remarkably well'),
      );
      await buildArtefacts({ catalogueDir, indexDir: incremental });

      const full = path.join(root, 'full');
      await buildArtefacts({ catalogueDir, indexDir: full, incremental: false });

      const fromCache = await catalogueJson(incremental);
      expect(fromCache).toEqual(await catalogueJson(full));
      expect(JSON.stringify(fromCache)).toContain('remarkably well');
    });
  });
});
