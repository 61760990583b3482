import { loadCatalogue, type Catalogue } from '../catalogue';
import { summariseCatalogue } from '../catalogue/summary';
import { buildSearchArtefacts } from '../search/build';
import { writeArtefacts } from './artefacts';
import { rejectOversizedIssues } from './issue-limits';
import { hashParserSource, openParseCache } from './parse-cache';
import { ARTEFACT_FORMAT, ARTEFACT_VERSION, describeArtefact, type Manifest } from './manifest';

export interface BuildResult {
  catalogue: Catalogue;
  /** The folder the build was written to (what `current` now points at). */
  buildDir: string;
  summary: string[];
  /** Whether any file was rejected (the CLI exits non-zero unless told to keep going). */
  hasRejections: boolean;
}

/** Reads the raw archive, builds the catalogue and the search index, and writes both atomically. */
export async function buildArtefacts(options: {
  catalogueDir: string;
  indexDir: string;
  /**
   * Re-parse only files whose content changed since the last build (default true). A full build
   * parses everything and writes the cache afresh.
   */
  incremental?: boolean;
}): Promise<BuildResult> {
  const cache = await openParseCache(options.indexDir, await hashParserSource(), {
    reuse: options.incremental !== false,
  });
  const { catalogue, words } = rejectOversizedIssues(await loadCatalogue(options.catalogueDir, { cache }));
  const search = await buildSearchArtefacts(catalogue.issues);
  const stories = catalogue.issues.flatMap((i) => i.stories);
  const files = new Map<string, string>([
    ['catalogue.json', JSON.stringify({ issues: catalogue.issues })],
    ...[...search].map(([key, value]) => [`search/${key}.json`, value] as [string, string]),
  ]);
  const manifest: Manifest = {
    format: ARTEFACT_FORMAT,
    version: ARTEFACT_VERSION,
    builtAt: new Date().toISOString(),
    catalogueDir: options.catalogueDir,
    issues: catalogue.issues.length,
    stories: stories.length,
    paragraphs: stories.reduce((n, s) => n + s.paragraphs.length, 0),
    words,
    searchChunks: [...search.keys()],
    files: Object.fromEntries([...files].map(([name, content]) => [name, describeArtefact(content)])),
  };
  // Written last: a reader that finds the manifest knows everything else is there.
  files.set('manifest.json', JSON.stringify(manifest, null, 2));
  const buildDir = await writeArtefacts(options.indexDir, files);
  await cache.save();
  return {
    catalogue,
    buildDir,
    summary: summariseCatalogue(catalogue, options.catalogueDir),
    hasRejections: catalogue.report.rejected.length > 0,
  };
}
