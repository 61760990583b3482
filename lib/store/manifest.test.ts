import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCurrentBuild } from './artefacts';
import { buildArtefacts } from './build';
import { ARTEFACT_VERSION } from './manifest';
import { readStore } from './store';

describe('readStore', () => {
  let root: string;
  let indexDir: string;
  let manifestFile: string;
  let manifest: Record<string, unknown>;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'manifest-'));
    indexDir = path.join(root, 'index');
    await buildArtefacts({
      catalogueDir: path.resolve(import.meta.dirname, '../../data/issues'),
      indexDir,
      incremental: false,
    });
    manifestFile = path.join(await resolveCurrentBuild(indexDir), 'manifest.json');
    manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('loads a build of the current format', async () => {
    const store = await readStore(indexDir);
    expect(store.manifest.version).toBe(ARTEFACT_VERSION);
    expect(store.engine.docs.length).toBe(store.manifest.paragraphs);
  });

  it('refuses a stale build with a message to rebuild', async () => {
    await writeFile(manifestFile, JSON.stringify({ ...manifest, version: ARTEFACT_VERSION - 1 }));
    await expect(readStore(indexDir)).rejects.toThrow(
      `index: ${path.dirname(manifestFile)} was built with index format ${ARTEFACT_VERSION - 1}, but this server reads format ${ARTEFACT_VERSION}; rebuild it with \`npm run index\``,
    );
  });

  it('refuses a foreign folder with a message to rebuild', async () => {
    await writeFile(manifestFile, JSON.stringify({ format: 'something-else', version: 1 }));
    await expect(readStore(indexDir)).rejects.toThrow(
      `index: ${path.dirname(manifestFile)} is not an Import AI Search index; rebuild it with \`npm run index\``,
    );
  });
});
