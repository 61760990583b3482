/**
 * The artefact's identity. Bump `ARTEFACT_VERSION` whenever the catalogue's JSON shape, the
 * FlexSearch configuration or the tokenizer changes: FlexSearch's export does not carry its
 * config, so an index built one way and loaded another would silently return wrong results.
 */
export const ARTEFACT_FORMAT = 'import-ai-search';
export const ARTEFACT_VERSION = 1;

export interface Manifest {
  format: typeof ARTEFACT_FORMAT;
  version: number;
  builtAt: string;
  catalogueDir: string;
  issues: number;
  stories: number;
  paragraphs: number;
  /** Names of the search index's exported chunks, in the order they were written. */
  searchChunks: string[];
}

export function checkManifest(raw: unknown, where: string): Manifest {
  const manifest = raw as Partial<Manifest> | null;
  if (!manifest || typeof manifest !== 'object' || manifest.format !== ARTEFACT_FORMAT) {
    throw new Error(`index: ${where} is not an Import AI Search index; rebuild it with \`npm run index\``);
  }
  if (manifest.version !== ARTEFACT_VERSION) {
    throw new Error(
      `index: ${where} was built with index format ${String(manifest.version)}, but this server reads format ${ARTEFACT_VERSION}; rebuild it with \`npm run index\``,
    );
  }
  return manifest as Manifest;
}
