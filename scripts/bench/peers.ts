import { create, insertMultiple, search as searchOrama } from '@orama/orama';
import { Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { SearchDoc } from '../../lib/search/documents';
import type { EngineId } from './types';

/** Results per query, as our engine's first page. */
export const PEER_LIMIT = 20;

/** A peer engine set up the way a user of it would, on the same paragraphs: top hits as document indexes. */
export interface Peer {
  id: Exclude<EngineId, 'ours'>;
  name: string;
  /** Index construction, in milliseconds. */
  buildMs: number;
  search: (q: string) => number[] | Promise<number[]>;
}

// A type alias, not an interface: FlexSearch's DocumentData needs an index signature.
type PeerDoc = {
  id: number;
  text: string;
  head: string;
};

function toPeerDocs(docs: readonly SearchDoc[]): PeerDoc[] {
  return docs.map((d) => ({ id: d.index, text: d.text, head: `${d.story} ${d.dek}` }));
}

/** Bare FlexSearch: a `Document` over text and head with its default tokenizer; hits of both fields merged. */
export function createFlexPeer(docs: readonly SearchDoc[]): Peer {
  const started = performance.now();
  const index = new Document<PeerDoc>({ document: { id: 'id', index: ['text', 'head'] } });
  for (const doc of toPeerDocs(docs)) index.add(doc);
  const buildMs = performance.now() - started;
  return {
    id: 'flexsearch',
    name: 'flexsearch (bare)',
    buildMs,
    search: (q) => {
      const fields = index.search(q, { limit: PEER_LIMIT }) as unknown as { result: number[] }[];
      if (fields.length === 1) return fields[0]!.result;
      const seen = new Set<number>();
      for (const field of fields) for (const id of field.result) seen.add(id);
      return [...seen].slice(0, PEER_LIMIT);
    },
  };
}

/** MiniSearch: BM25 over text and head, prefix and fuzzy matching. */
export function createMiniPeer(docs: readonly SearchDoc[]): Peer {
  const started = performance.now();
  const mini = new MiniSearch<PeerDoc>({ fields: ['text', 'head'] });
  mini.addAll(toPeerDocs(docs));
  const buildMs = performance.now() - started;
  return {
    id: 'minisearch',
    name: 'minisearch (bm25, prefix, fuzzy 0.2)',
    buildMs,
    search: (q) =>
      mini
        .search(q, { prefix: true, fuzzy: 0.2 })
        .slice(0, PEER_LIMIT)
        .map((hit) => hit.id as number),
  };
}

/** Orama: `create`, `insertMultiple`, `search` with `term`. */
export async function createOramaPeer(docs: readonly SearchDoc[]): Promise<Peer> {
  const started = performance.now();
  const db = create({ schema: { text: 'string', head: 'string' } as const });
  await insertMultiple(
    db,
    toPeerDocs(docs).map((d) => ({ id: String(d.id), text: d.text, head: d.head })),
  );
  const buildMs = performance.now() - started;
  const toIndexes = (hits: readonly { id: string }[]) => hits.map((h) => Number(h.id));
  return {
    id: 'orama',
    name: 'orama',
    buildMs,
    search: (q) => {
      const result = searchOrama(db, { term: q, limit: PEER_LIMIT });
      return result instanceof Promise ? result.then((r) => toIndexes(r.hits)) : toIndexes(result.hits);
    },
  };
}
