import { Document } from 'flexsearch';
import { termsOf } from './text';
import type { SearchDoc } from './documents';

/**
 * The FlexSearch side of the engine, which carries candidate retrieval: every paragraph is a
 * document with three fields — its story's headline and dek (`head`), its text, and the links it
 * cites — and FlexSearch answers which paragraphs hold a term in which field. Our tokenizer runs
 * before FlexSearch (fields hold space-separated stems and `encode` just splits them), so the
 * index, queries and highlighting agree on what a word is. This configuration is not carried by
 * FlexSearch's export: changing it means bumping `ARTEFACT_VERSION`.
 */
export const FIELDS = ['head', 'text', 'links'] as const;
export type Field = (typeof FIELDS)[number];

type FlexDoc = { id: number; head: string; text: string; links: string };

const encode = (value: string): string[] => (value ? value.split(' ') : []);

export function createFlexIndex(): Document<FlexDoc> {
  return new Document<FlexDoc>({
    document: {
      id: 'id',
      index: FIELDS.map((field) => ({ field, tokenize: 'strict' as const, encode })),
    },
  });
}

/** Terms of a link: its host and the words and ids of its path ("arxiv.org", "2405.06624", …). */
export function linkTerms(href: string): string[] {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return [];
  }
  const host = url.hostname.replace(/^www\./, '').toLowerCase();
  return [host, ...termsOf(`${url.pathname} ${url.search}`)];
}

export function toFlexDoc(doc: SearchDoc): FlexDoc {
  return {
    id: doc.index,
    head: termsOf(`${doc.story} ${doc.dek}`).join(' '),
    text: termsOf(doc.text).join(' '),
    links: doc.links.flatMap(linkTerms).join(' '),
  };
}

export async function exportFlexIndex(index: Document<FlexDoc>): Promise<Map<string, string>> {
  const chunks = new Map<string, string>();
  await index.export((key: string, data: string) => {
    chunks.set(key, data);
  });
  return chunks;
}

export function importFlexIndex(chunks: ReadonlyMap<string, string>): Document<FlexDoc> {
  const index = createFlexIndex();
  for (const [key, data] of chunks) index.import(key, data);
  return index;
}

/** The paragraph ids holding the term, per field (FlexSearch orders them by position; we re-rank). */
export type FieldHits = Record<Field, readonly number[]>;

const NONE: readonly number[] = [];

export function lookupTerm(index: Document<FlexDoc>, term: string): FieldHits {
  const results = index.search(term, { index: [...FIELDS], limit: 1_000_000 }) as unknown as {
    field: Field;
    result: number[];
  }[];
  const hits: FieldHits = { head: NONE, text: NONE, links: NONE };
  for (const { field, result } of results) hits[field] = result;
  return hits;
}
