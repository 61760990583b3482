import MiniSearch from 'minisearch';
import type { Issue } from '../catalogue/model';
import { toSearchDocs, type SearchDoc } from '../search/documents';
import type { SearchEngine } from '../search/engine';
import { parseQuery } from '../search/query';
import { DEFAULT_SEARCH_REQUEST } from '../search/types';

/** A paragraph a query should find: its issue and a verbatim substring unique in that issue. */
export interface RelevanceTarget {
  issue: number;
  expect: string;
}

/**
 * A judged query: one target (known items, misspellings…: `issue` + `expect`) or, for a topical
 * query, `targets`, several stories across issues, each named by one of its paragraphs.
 */
export interface RelevanceQuery {
  query: string;
  kind: string;
  issue?: number;
  expect?: string;
  targets?: RelevanceTarget[];
  note?: string;
}

/** One result entry as the evaluation sees it: the paragraph shown first and the story it stands for. */
export interface Entry {
  /** `issue/paragraph-id` of the lead paragraph. */
  lead: string;
  /** `issue/story-id`. */
  story: string;
}

/** Any engine under evaluation: its first entries for a query. */
export type Ranker = (query: string) => Entry[];

export interface QueryOutcome {
  query: RelevanceQuery;
  /** 1-based rank of the first entry led by a target paragraph, or null (not in the top 10). */
  leadRank: number | null;
  /** 1-based rank of the first entry for a target's story, or null. */
  entryRank: number | null;
  /** Share of the targets (at most 10 count) leading an entry / whose story has an entry, in the top 10. */
  leadRecall: number;
  entryRecall: number;
}

export interface Metrics {
  queries: number;
  leadMrr: number;
  leadRecall: number;
  entryMrr: number;
  entryRecall: number;
}

export interface EngineScore {
  name: string;
  all: Metrics;
  byKind: Map<string, Metrics>;
  outcomes: QueryOutcome[];
}

export const CUTOFF = 10;

export function targetsOf(query: RelevanceQuery): RelevanceTarget[] {
  if (query.targets?.length) return query.targets;
  if (query.issue !== undefined && query.expect !== undefined)
    return [{ issue: query.issue, expect: query.expect }];
  throw new Error(`eval: "${query.query}": give "issue" and "expect", or "targets"`);
}

export function evaluate(
  name: string,
  ranker: Ranker,
  queries: readonly RelevanceQuery[],
  docs: readonly SearchDoc[],
): EngineScore {
  const outcomes = queries.map((query): QueryOutcome => {
    const targets = targetsOf(query).map((t) => findTarget(query, t, docs));
    const leads = new Set(targets.map((d) => d.id));
    const stories = new Set(targets.map(storyKey));
    const top = ranker(query.query).slice(0, CUTOFF);
    // Ten entries can hold at most ten targets.
    const reachable = Math.min(targets.length, CUTOFF);
    const leadAt = top.findIndex((e) => leads.has(e.lead));
    const entryAt = top.findIndex((e) => stories.has(e.story));
    const shownLeads = new Set(top.map((e) => e.lead));
    const shownStories = new Set(top.map((e) => e.story));
    return {
      query,
      leadRank: leadAt === -1 ? null : leadAt + 1,
      entryRank: entryAt === -1 ? null : entryAt + 1,
      leadRecall: targets.filter((d) => shownLeads.has(d.id)).length / reachable,
      entryRecall: targets.filter((d) => shownStories.has(storyKey(d))).length / reachable,
    };
  });
  const kinds = [...new Set(queries.map((q) => q.kind))];
  return {
    name,
    all: metricsOf(outcomes),
    byKind: new Map(kinds.map((kind) => [kind, metricsOf(outcomes.filter((o) => o.query.kind === kind))])),
    outcomes,
  };
}

function metricsOf(outcomes: readonly QueryOutcome[]): Metrics {
  const mean = (f: (o: QueryOutcome) => number) =>
    outcomes.reduce((sum, o) => sum + f(o), 0) / Math.max(1, outcomes.length);
  return {
    queries: outcomes.length,
    leadMrr: mean((o) => (o.leadRank ? 1 / o.leadRank : 0)),
    leadRecall: mean((o) => o.leadRecall),
    entryMrr: mean((o) => (o.entryRank ? 1 / o.entryRank : 0)),
    entryRecall: mean((o) => o.entryRecall),
  };
}

/** The paragraph a target names; throws when the suite no longer matches the archive. */
export function findTarget(
  query: RelevanceQuery,
  target: RelevanceTarget,
  docs: readonly SearchDoc[],
): SearchDoc {
  const matches = docs.filter((d) => d.issue === target.issue && d.text.includes(target.expect));
  if (matches.length !== 1) {
    throw new Error(
      `eval: "${query.query}": expected exactly one paragraph of issue ${target.issue} containing "${target.expect}", found ${matches.length}`,
    );
  }
  return matches[0]!;
}

function storyKey(doc: SearchDoc): string {
  return `${doc.issue}/${doc.storyId}`;
}

/** Our engine as it serves results: one entry per story, led by the paragraph it picks. */
export function storyRanker(engine: SearchEngine): Ranker {
  return (q) =>
    engine
      .search({ ...DEFAULT_SEARCH_REQUEST, q, per: CUTOFF })
      .results.map((r) => ({ lead: `${r.issue}/${r.id}`, story: `${r.issue}/${r.storyId}` }));
}

/** How results were shown before stories were the unit: a ranked paragraph list, grouped by story afterwards. */
export function groupedAfterwards(rank: (q: string) => SearchDoc[]): Ranker {
  return (q) => {
    const entries = new Map<string, Entry>();
    for (const doc of rank(q)) {
      const story = storyKey(doc);
      if (!entries.has(story)) entries.set(story, { lead: doc.id, story });
      if (entries.size === CUTOFF) break;
    }
    return [...entries.values()];
  };
}

/** Our engine's flat paragraph list (`group=paragraph`), first 200 paragraphs. */
export function paragraphList(engine: SearchEngine, docs: readonly SearchDoc[]): (q: string) => SearchDoc[] {
  const byKey = new Map(docs.map((d) => [d.id, d]));
  return (q) =>
    engine
      .search({ ...DEFAULT_SEARCH_REQUEST, q, group: 'paragraph', per: 200 })
      .results.map((r) => byKey.get(`${r.issue}/${r.id}`)!);
}

/**
 * MiniSearch as a user would set it up on the same paragraphs: BM25 over text plus the story's
 * headline and dek (boosted), prefix and fuzzy matching, inline filters applied as filters.
 */
export function miniSearchList(docs: readonly SearchDoc[]): (q: string) => SearchDoc[] {
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
      .map((hit) => byKey.get(hit.id as string)!);
  };
}

/** Documents keyed `issue/paragraph-id` (paragraph ids are unique only within an issue), as rankers return them. */
export function docsWithKeys(issues: readonly Issue[]): SearchDoc[] {
  return toSearchDocs(issues).map((d) => ({ ...d, id: `${d.issue}/${d.id}` }));
}
