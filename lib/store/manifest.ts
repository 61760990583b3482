import { createHash } from 'node:crypto';

/**
 * The artefact's identity. Bump `ARTEFACT_VERSION` whenever the catalogue's JSON shape, the
 * FlexSearch configuration, the tokenizer or this manifest changes: FlexSearch's export does not
 * carry its config, so an index built one way and loaded another would silently return wrong results.
 */
export const ARTEFACT_FORMAT = 'import-ai-search';
export const ARTEFACT_VERSION = 2;

/** One file of a build as the build wrote it. */
export interface ArtefactFile {
  bytes: number;
  /** Hex SHA-256 of the file's content. */
  sha256: string;
}

export interface Manifest {
  format: typeof ARTEFACT_FORMAT;
  version: number;
  builtAt: string;
  catalogueDir: string;
  issues: number;
  stories: number;
  paragraphs: number;
  /** Distinct words over the whole catalogue: with the bytes, what the server's heap grows with. */
  words: number;
  /** Names of the search index's exported chunks, in the order they were written. */
  searchChunks: string[];
  /**
   * Every other file of the build (path relative to the build folder) with its size and hash: a
   * server refuses a file that does not match, such as a damaged one or one copied from another build.
   */
  files: Record<string, ArtefactFile>;
}

export function describeArtefact(content: string | Buffer): ArtefactFile {
  return {
    bytes: Buffer.byteLength(content),
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

const COUNTS = ['issues', 'stories', 'paragraphs', 'words'] as const;

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
  const files = manifest.files;
  if (
    COUNTS.some((key) => !Number.isInteger(manifest[key])) ||
    !Array.isArray(manifest.searchChunks) ||
    !files ||
    typeof files !== 'object' ||
    Object.values(files).some((f) => !Number.isInteger(f?.bytes) || !/^[0-9a-f]{64}$/.test(f?.sha256 ?? ''))
  ) {
    throw new Error(`index: ${where}'s manifest is damaged; run \`npm run index\` to rebuild it`);
  }
  return manifest as Manifest;
}

/** Throws, naming the file, unless `content` is exactly what the build wrote as `name`. */
export function verifyArtefact(manifest: Manifest, name: string, content: Buffer, file: string): void {
  const expected = manifest.files[name];
  if (!expected)
    throw new Error(
      `index: ${file} is not listed in the build's manifest; run \`npm run index\` to rebuild it`,
    );
  const actual = describeArtefact(content);
  if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
    throw new Error(
      `index: ${file} does not match the build's manifest (${actual.bytes} bytes, SHA-256 ${actual.sha256.slice(0, 12)}…; the build wrote ${expected.bytes} bytes, ${expected.sha256.slice(0, 12)}…): it is damaged or from another build; run \`npm run index\` to rebuild it`,
    );
  }
}
