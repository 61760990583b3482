import path from 'node:path';
import type { Issue } from '../catalogue/model';
import { indexDir } from '../config';
import { SearchEngine } from '../search/engine';
import { readArtefact, resolveCurrentBuild } from './artefacts';
import { checkManifest, type Manifest } from './manifest';

/** Everything the server reads from a build: the catalogue and the search engine over it. */
export interface Store {
  manifest: Manifest;
  /** Issues by ascending number (as the build writes them). */
  issues: Issue[];
  /** Issues by number. */
  byNumber: Map<number, Issue>;
  engine: SearchEngine;
  /** The build folder this store was read from. */
  buildDir: string;
}

/** Reads a build folder (what `current` pointed at) into memory. */
export async function readStore(dir: string): Promise<Store> {
  const buildDir = await resolveCurrentBuild(dir);
  const manifest = checkManifest(JSON.parse(await readArtefact(buildDir, 'manifest.json')), buildDir);
  const { issues } = JSON.parse(await readArtefact(buildDir, 'catalogue.json')) as { issues: Issue[] };
  issues.sort((a, b) => a.number - b.number);
  const chunks = new Map<string, string>();
  for (const key of manifest.searchChunks)
    chunks.set(key, await readArtefact(buildDir, path.join('search', `${key}.json`)));
  return {
    manifest,
    issues,
    byNumber: new Map(issues.map((i) => [i.number, i])),
    engine: SearchEngine.fromArtefacts(issues, chunks),
    buildDir,
  };
}

// One store per server process, kept on globalThis so every route bundle shares it.
const KEY = Symbol.for('import-ai-search.store');
type Holder = { [KEY]?: Promise<Store> };

/**
 * The process's store, loaded on first use and then kept: a rebuild while the server runs does
 * not disturb it (the old build folder stays on disk); restart the server to serve the new one.
 */
export function getStore(): Promise<Store> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    holder[KEY] = readStore(indexDir()).catch((error: unknown) => {
      delete holder[KEY];
      throw error;
    });
  }
  return holder[KEY];
}
