import v8 from 'node:v8';
import vm from 'node:vm';
import type { SearchDoc } from '../search/documents';
import { createFlexIndex, toFlexDoc } from '../search/flex';
import { SearchIndex } from '../search/search-index';

/** Heap the engine's two indexes hold for a set of paragraphs, in bytes, after garbage collection. */
export interface EngineMemory {
  /** FlexSearch's document index (candidate retrieval: which paragraphs hold a term in which field). */
  flexBytes: number;
  /** The engine's own tables: term and word-form counts, token sequences, per-story attributes. */
  tablesBytes: number;
}

/**
 * Builds FlexSearch's index, then the engine's own tables over it, and measures what each adds to
 * the heap. Needs a collectable heap: the flag is set at run time, as `node --expose-gc` would.
 */
export function measureEngineMemory(docs: readonly SearchDoc[]): EngineMemory {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  // The tokenizer's caches fill on a first build and may be cleared and refilled mid-way through a
  // later one: of two builds, the smaller figure is the index's own size.
  const trials = [0, 1].map(() => {
    const before = heap();
    const flex = createFlexIndex();
    for (const doc of docs) flex.add(toFlexDoc(doc));
    const withFlex = heap();
    const tables = new SearchIndex(docs, flex);
    const withTables = heap();
    // Both stay reachable until measured.
    if (tables.docs.length !== docs.length) throw new Error('bench: the engine lost paragraphs');
    return { flexBytes: withFlex - before, tablesBytes: withTables - withFlex };
  });
  return {
    flexBytes: Math.min(...trials.map((t) => t.flexBytes)),
    tablesBytes: Math.min(...trials.map((t) => t.tablesBytes)),
  };
}
