import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArtefact, resolveCurrentBuild, writeArtefacts } from './artefacts';

describe('writeArtefacts', () => {
  let indexDir: string;

  beforeEach(async () => {
    indexDir = await mkdtemp(path.join(os.tmpdir(), 'artefacts-'));
  });

  afterEach(async () => {
    await rm(indexDir, { recursive: true, force: true });
  });

  it('points `current` at the new build only once every file is written', async () => {
    const first = await writeArtefacts(
      indexDir,
      new Map([
        ['a.json', '1'],
        ['nested/b.json', '2'],
      ]),
    );
    expect(await resolveCurrentBuild(indexDir)).toBe(first);
    expect(await readArtefact(first, 'nested/b.json')).toBe('2');
  });

  it('keeps a reader that resolved the old build reading the old build after a rebuild', async () => {
    const first = await writeArtefacts(indexDir, new Map([['catalogue.json', 'old']]));
    const reader = await resolveCurrentBuild(indexDir);
    const second = await writeArtefacts(indexDir, new Map([['catalogue.json', 'new']]));
    expect(second).not.toBe(first);
    expect(await readArtefact(reader, 'catalogue.json')).toBe('old');
    expect(await readArtefact(await resolveCurrentBuild(indexDir), 'catalogue.json')).toBe('new');
  });

  it('never exposes a half-written build: an interrupted one is a hidden staging folder', async () => {
    const good = await writeArtefacts(indexDir, new Map([['catalogue.json', 'good']]));
    // What a build killed halfway leaves behind.
    const staging = path.join(indexDir, 'builds', '.interrupted.partial');
    await mkdir(staging, { recursive: true });
    await writeFile(path.join(staging, 'catalogue.json'), '{"trunc');
    expect(await resolveCurrentBuild(indexDir)).toBe(good);
    expect(await readFile(path.join(await resolveCurrentBuild(indexDir), 'catalogue.json'), 'utf8')).toBe(
      'good',
    );
  });

  it('keeps the last few builds and prunes older ones', async () => {
    for (let i = 0; i < 5; i++) await writeArtefacts(indexDir, new Map([['n.json', String(i)]]));
    const builds = (await readdir(path.join(indexDir, 'builds'))).filter((name) => !name.startsWith('.'));
    expect(builds.length).toBe(3);
    expect(await readArtefact(await resolveCurrentBuild(indexDir), 'n.json')).toBe('4');
  });
});

describe('resolveCurrentBuild', () => {
  it('says to run the build when there is none', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'artefacts-empty-'));
    await expect(resolveCurrentBuild(empty)).rejects.toThrow(
      `index: no build found in ${empty}; run \`npm run index\` (or \`npm run build\`) first`,
    );
    await rm(empty, { recursive: true, force: true });
  });
});
