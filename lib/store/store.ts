import path from 'node:path';
import v8 from 'node:v8';
import type { Issue } from '../catalogue/model';
import { indexDir } from '../config';
import { SearchEngine } from '../search/engine';
import { readArtefactBytes, resolveCurrentBuild } from './artefacts';
import { checkHeapBudget } from './heap-budget';
import { checkManifest, verifyArtefact, type Manifest } from './manifest';

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

/**
 * Reads a build folder (what `current` pointed at) into memory, after checking that every file is
 * the one its manifest lists and that the heap can hold it; any failure names the file and says to
 * rebuild.
 */
export async function readStore(dir: string): Promise<Store> {
  const buildDir = await resolveCurrentBuild(dir);
  const manifestFile = path.join(buildDir, 'manifest.json');
  const manifest = checkManifest(
    parseJson((await readArtefactBytes(buildDir, 'manifest.json')).toString('utf8'), manifestFile),
    buildDir,
  );
  const heap = v8.getHeapStatistics();
  checkHeapBudget(manifest, buildDir, { limitBytes: heap.heap_size_limit, usedBytes: heap.used_heap_size });
  const read = async (name: string) => {
    const content = await readArtefactBytes(buildDir, name);
    verifyArtefact(manifest, name, content, path.join(buildDir, name));
    return content.toString('utf8');
  };
  const catalogueFile = path.join(buildDir, 'catalogue.json');
  const { issues } = parseJson(await read('catalogue.json'), catalogueFile) as { issues: Issue[] };
  checkCounts(issues, manifest, catalogueFile);
  issues.sort((a, b) => a.number - b.number);
  const chunks = new Map<string, string>();
  for (const key of manifest.searchChunks) chunks.set(key, await read(path.join('search', `${key}.json`)));
  return {
    manifest,
    issues,
    byNumber: new Map(issues.map((i) => [i.number, i])),
    engine: SearchEngine.fromArtefacts(issues, chunks),
    buildDir,
  };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`index: ${file} is not valid JSON (${reason}); run \`npm run index\` to rebuild it`);
  }
}

/** The catalogue holds what the manifest counted (a check on the build itself, once the hashes agree). */
function checkCounts(issues: unknown, manifest: Manifest, file: string): asserts issues is Issue[] {
  const list = Array.isArray(issues) ? (issues as Issue[]) : undefined;
  const stories = list?.flatMap((issue) => (Array.isArray(issue?.stories) ? issue.stories : []));
  const paragraphs = stories?.reduce(
    (n, s) => n + (Array.isArray(s?.paragraphs) ? s.paragraphs.length : 0),
    0,
  );
  if (
    list?.length !== manifest.issues ||
    stories?.length !== manifest.stories ||
    paragraphs !== manifest.paragraphs
  ) {
    throw new Error(
      `index: ${file} holds ${list?.length ?? 'no'} issues, ${stories?.length ?? 0} stories and ${paragraphs ?? 0} paragraphs, but its manifest counts ${manifest.issues}, ${manifest.stories} and ${manifest.paragraphs}; run \`npm run index\` to rebuild it`,
    );
  }
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
