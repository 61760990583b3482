import type { Manifest } from './manifest';

const MB = 1024 * 1024;

/**
 * What loading a build costs the server's heap, measured with `readStore` over the archive and
 * over the archive plus invented issues of 5,000–95,000 distinct words (node 20, 2026-11): the heap
 * grows with the artefact's bytes and, separately, with its distinct words (the spelling index and
 * FlexSearch's maps hold one entry per term).
 */
export const HEAP_BUDGET = {
  /** Heap per byte of artefact on disk (catalogue and index chunks): 4.4 measured. */
  perArtefactByte: 5,
  /** Heap per distinct word (an index term, a spelling entry): 1.1 KB measured. */
  perWord: 1.25 * 1024,
  /**
   * Free heap left after loading, for rendering pages, searches and exports under load: the heap
   * peaked 55 MB above its loaded size at 64 connections of issue pages, search pages and exports.
   */
  headroomBytes: 64 * MB,
} as const;

/** The heap a build needs once loaded, by the table above. */
export function estimateStoreHeap(manifest: Manifest): number {
  const artefactBytes = Object.values(manifest.files).reduce((sum, file) => sum + file.bytes, 0);
  return artefactBytes * HEAP_BUDGET.perArtefactByte + manifest.words * HEAP_BUDGET.perWord;
}

/**
 * Refuses to load a build the process's heap cap cannot hold with room to serve, rather than
 * letting V8 abort with "heap out of memory" partway through.
 */
export function checkHeapBudget(
  manifest: Manifest,
  where: string,
  heap: { limitBytes: number; usedBytes: number },
): void {
  const need = estimateStoreHeap(manifest) + HEAP_BUDGET.headroomBytes;
  const free = heap.limitBytes - heap.usedBytes;
  if (need <= free) return;
  throw new Error(
    `index: ${where} needs about ${Math.ceil(need / MB)} MB of heap to load and serve (${manifest.issues} issues, ${manifest.words} distinct words), but this process has ${Math.floor(free / MB)} MB free under its cap of ${Math.round(heap.limitBytes / MB)} MB; raise HEAP_MB (npm start) or serve a smaller catalogue`,
  );
}

/** The heap cap `npm start` uses when `HEAP_MB` is not set and the index is small (the sample). */
export const DEFAULT_HEAP_MB = 176;
/** What the server's heap holds before it loads an index (Next and the modules), measured: about 28 MB. */
const STARTUP_HEAP_BYTES = 48 * MB;

/**
 * The heap cap (MB) `npm start` gives the server for this build: enough to load and serve it with
 * the headroom above, and never less than the default (which today's whole archive fits; four times it needs about 290 MB).
 */
export function heapCapFor(manifest: Manifest): number {
  const need = STARTUP_HEAP_BYTES + estimateStoreHeap(manifest) + HEAP_BUDGET.headroomBytes;
  return Math.max(DEFAULT_HEAP_MB, Math.ceil(need / MB));
}
