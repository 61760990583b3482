import MiniSearch from 'minisearch';
import type { Issue } from '../catalogue/model';
import { toSearchDocs, type SearchDoc } from '../search/documents';
import { SearchEngine } from '../search/engine';
import { parseQuery } from '../search/query';
import { DEFAULT_SEARCH_REQUEST } from '../search/types';

export interface RelevanceQuery {
  query: string;
  kind: string;
  issue: number;
  /** A verbatim substring of the one paragraph the query must find. */
  expect: string;
  note?: string;
}

export interface QueryOutcome {
  query: RelevanceQuery;
  /** 1-based rank of the expected paragraph in the top 10, or null. */
  rank: number | null;
}

export interface EngineScore {
  name: string;
  mrr: number;
  recall: number;
  outcomes: QueryOutcome[];
}

export const CUTOFF = 10;

/** Any engine under evaluation: the ids of its top paragraphs for a query. */
export type Ranker = (query: string) => string[];

export function evaluate(
  name: string,
  ranker: Ranker,
  queries: readonly RelevanceQuery[],
  docs: readonly SearchDoc[],
): EngineScore {
  const outcomes = queries.map((query) => {
    const target = findTarget(query, docs);
    const top = ranker(query.query).slice(0, CUTOFF);
    const at = top.indexOf(target.id);
    return { query, rank: at === -1 ? null : at + 1 };
  });
  const mrr = outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / outcomes.length;
  const recall = outcomes.filter((o) => o.rank !== null).length / outcomes.length;
  return { name, mrr, recall, outcomes };
}

/** The paragraph a query expects; throws when the suite no longer matches the archive. */
export function findTarget(query: RelevanceQuery, docs: readonly SearchDoc[]): SearchDoc {
  const matches = docs.filter((d) => d.issue === query.issue && d.text.includes(query.expect));
  if (matches.length !== 1) {
    throw new Error(
      `eval: "${query.query}": expected exactly one paragraph of issue ${query.issue} containing "${query.expect}", found ${matches.length}`,
    );
  }
  return matches[0]!;
}

export function ourRanker(engine: SearchEngine): Ranker {
  return (q) =>
    engine.search({ ...DEFAULT_SEARCH_REQUEST, q, per: CUTOFF }).results.map((r) => `${r.issue}/${r.id}`);
}

/**
 * MiniSearch as a user would set it up on the same paragraphs: BM25 over text plus the story's
 * headline and dek (boosted), prefix and fuzzy matching, inline filters applied as filters.
 */
export function miniSearchRanker(docs: readonly SearchDoc[]): Ranker {
  const mini = new MiniSearch<SearchDoc & { head: string }>({
    idField: 'id',
    fields: ['text', 'head'],
  });
  mini.addAll(docs.map((d) => ({ ...d, head: `${d.story} ${d.dek}` })));
  const byKey = new Map(docs.map((d) => [d.id, d]));
  return (q) => {
    const { filters } = parseQuery(q);
    const words = q.replace(/\b(topic|year|issue|kind|link):\S*/gi, ' ').replace(/"/g, ' ');
    return mini
      .search(words, {
        boost: { head: 2 },
        prefix: true,
        fuzzy: 0.2,
        filter: (hit) => {
          const doc = byKey.get(hit.id as string);
          if (!doc) return false;
          if (filters.topic.length && !filters.topic.some((t) => doc.topics.includes(t))) return false;
          if (filters.year.length && !filters.year.some((r) => doc.year >= r.from && doc.year <= r.to))
            return false;
          if (
            filters.link.length &&
            !filters.link.every((l) => doc.links.some((href) => href.toLowerCase().includes(l)))
          )
            return false;
          return true;
        },
      })
      .map((hit) => hit.id as string);
  };
}

/** Documents keyed `issue/paragraph-id` (paragraph ids are unique only within an issue), as rankers return them. */
export function docsWithKeys(issues: readonly Issue[]): SearchDoc[] {
  return toSearchDocs(issues).map((d) => ({ ...d, id: `${d.issue}/${d.id}` }));
}
