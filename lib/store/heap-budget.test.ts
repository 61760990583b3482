import { describe, expect, it } from 'vitest';
import { checkHeapBudget, DEFAULT_HEAP_MB, estimateStoreHeap, heapCapFor } from './heap-budget';
import { ARTEFACT_FORMAT, ARTEFACT_VERSION, type Manifest } from './manifest';

const MB = 1024 * 1024;

/** A build's manifest with `megabytes` of artefacts and `words` distinct words. */
function manifest(megabytes: number, words: number): Manifest {
  return {
    format: ARTEFACT_FORMAT,
    version: ARTEFACT_VERSION,
    builtAt: '2031-01-01T00:00:00.000Z',
    catalogueDir: '/invented',
    issues: 1,
    stories: 1,
    paragraphs: 1,
    words,
    searchChunks: [],
    files: { 'catalogue.json': { bytes: megabytes * MB, sha256: '0'.repeat(64) } },
  };
}

describe('heapCapFor', () => {
  it('gives a small index (the bundled sample) the default cap', () => {
    expect(heapCapFor(manifest(0.2, 2_000))).toBe(DEFAULT_HEAP_MB);
  });

  it('gives an index the size of the whole archive a cap it can load and serve under', () => {
    const archive = manifest(32, 40_000);
    const cap = heapCapFor(archive);
    expect(cap).toBeGreaterThan(DEFAULT_HEAP_MB);
    // A server started under that cap, with the heap it holds before loading, passes its own check.
    expect(() =>
      checkHeapBudget(archive, 'the archive', { limitBytes: cap * MB, usedBytes: 40 * MB }),
    ).not.toThrow();
  });

  it('grows with the index', () => {
    expect(heapCapFor(manifest(64, 40_000))).toBeGreaterThan(heapCapFor(manifest(32, 40_000)));
    expect(estimateStoreHeap(manifest(64, 40_000))).toBeGreaterThan(estimateStoreHeap(manifest(32, 40_000)));
  });
});
