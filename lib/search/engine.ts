import type { Document } from 'flexsearch';
import type { Issue } from '../catalogue/model';
import { toSearchDocs, type SearchDoc } from './documents';
import { facetFilters, filterAndCount } from './facets';
import { createFlexIndex, importFlexIndex, toFlexDoc } from './flex';
import { WorkBudget } from './budget';
import { CACHE_SEEN, CACHE_SIZE, MAX_PHRASE_WORK } from './limits';
import { MatchMemo, matchQuery } from './match';
import { parseQuery } from './query';
import { rankParagraphs, rankStories, Scorer } from './rank';
import { planResult, planStoryResult, toSearchResponse, type PlannedResponse } from './results';
import { ResponseJson } from './response-json';
import { rewriteQuery } from './rewrite';
import { Scratch } from './scratch';
import { SearchIndex } from './search-index';
import type { SearchRequest, SearchResponse } from './types';

export interface EngineOptions {
  /** Bytes of encoded paragraphs the API's JSON writer keeps (`JSON_CACHE_BYTES` by default). */
  jsonCacheBytes?: number;
}

/** A cached answer: the response (for pages), its UTF-8 JSON (for the API), or both. */
interface CachedResponse {
  response?: SearchResponse;
  json?: Buffer<ArrayBuffer>;
}

/**
 * The search engine, one step per module: parse the query (query.ts), resolve its words against
 * the archive (rewrite.ts), find the matching paragraphs with FlexSearch (match.ts), filter and
 * count facets (facets.ts), rank stories and pick each one's lead (rank.ts), and build the results
 * with snippets (results.ts). Built once per process; every method is read-only, so responses are
 * cached (and frozen).
 */
export class SearchEngine {
  private readonly index: SearchIndex;
  private readonly cache = new Map<string, CachedResponse>();
  /** Keys of requests seen once since they were last cached (see `keep`). */
  private readonly seen = new Set<string>();
  private readonly scratch = new Scratch();
  private readonly json: ResponseJson;

  private constructor(
    docs: readonly SearchDoc[],
    flex: Document<ReturnType<typeof toFlexDoc>>,
    options: EngineOptions = {},
  ) {
    this.index = new SearchIndex(docs, flex);
    this.json = new ResponseJson(this.index, options.jsonCacheBytes);
  }

  /** Builds the index in memory (tests, and the build step before export). */
  static fromIssues(issues: readonly Issue[], options?: EngineOptions): SearchEngine {
    const docs = toSearchDocs(issues);
    const flex = createFlexIndex();
    for (const doc of docs) flex.add(toFlexDoc(doc));
    return new SearchEngine(docs, flex, options);
  }

  /** Loads an exported FlexSearch index built from the same issues. */
  static fromArtefacts(issues: readonly Issue[], chunks: ReadonlyMap<string, string>): SearchEngine {
    return new SearchEngine(toSearchDocs(issues), importFlexIndex(chunks));
  }

  /** The searchable paragraphs, newest issue first. */
  get docs(): readonly SearchDoc[] {
    return this.index.docs;
  }

  /** The FlexSearch index (for export and for benchmarks against it). */
  get flexIndex(): Document<ReturnType<typeof toFlexDoc>> {
    return this.index.flex;
  }

  /** Searches; a cached response is frozen, since it is shared with later identical requests. */
  search(request: SearchRequest): SearchResponse {
    const key = JSON.stringify(request);
    const hit = this.cached(key);
    if (hit?.response) return hit.response;
    const response = deepFreeze(
      hit?.json
        ? (JSON.parse(hit.json.toString('utf8')) as SearchResponse)
        : toSearchResponse(this.index, this.compute(request)),
    );
    this.keep(key, { ...hit, response });
    return response;
  }

  /** The same response as UTF-8 JSON, cached as such (the API sends it as is). */
  searchJson(request: SearchRequest): Buffer<ArrayBuffer> {
    const key = JSON.stringify(request);
    const hit = this.cached(key);
    if (hit?.json) return hit.json;
    const json = hit?.response
      ? Buffer.from(JSON.stringify(hit.response))
      : this.json.encode(this.compute(request));
    this.keep(key, { ...hit, json });
    return json;
  }

  private cached(key: string): CachedResponse | undefined {
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
    }
    return hit;
  }

  /**
   * Caches an answer from the second time its request is seen. Most queries are asked once; caching
   * each would keep hundreds of large responses alive just long enough for the garbage collector to
   * copy them into the old generation and collect them there, which cost uncached searches a fifth
   * of their time. A repeated request (paging back, a shared link) is cached as before.
   */
  private keep(key: string, entry: CachedResponse): void {
    if (!this.cache.has(key)) {
      if (!this.seen.delete(key)) {
        this.seen.add(key);
        if (this.seen.size > CACHE_SEEN) this.seen.delete(this.seen.values().next().value!);
        return;
      }
    }
    this.cache.set(key, entry);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }

  private compute(request: SearchRequest): PlannedResponse {
    try {
      return this.run(request);
    } finally {
      this.scratch.reclaim();
    }
  }

  private run(request: SearchRequest): PlannedResponse {
    const { index } = this;
    const parsed = parseQuery(request.q);
    const memo = new MatchMemo(new WorkBudget(MAX_PHRASE_WORK));
    const { query, suggestion, terms, markTerms } = rewriteQuery(index, parsed, memo);
    const matches = matchQuery(index, query, this.scratch, memo);
    const marks = this.scratch.bytes(index.terms.length);
    for (const term of markTerms) {
      const id = index.termIdOf(term);
      if (id !== undefined) marks[id] = 1;
    }
    const filtered = filterAndCount(
      index,
      matches.paragraphs,
      facetFilters(query, request),
      request.group,
      this.scratch,
    );
    const scorer = new Scorer(index, matches, this.scratch);
    const start = (request.page - 1) * request.per;
    const results =
      request.group === 'story'
        ? rankStories(index, scorer, filtered, request.sort, start, request.per).map((story) =>
            planStoryResult(index, story, marks),
          )
        : rankParagraphs(index, scorer, filtered, request.sort, start, request.per).map(
            ({ index: d, score }) => planResult(index, d, score, marks),
          );
    const response: PlannedResponse = {
      query: request.q,
      total: filtered.paragraphs.length,
      stories: filtered.stories.length,
      page: request.page,
      per: request.per,
      sort: request.sort,
      group: request.group,
      facets: filtered.facets,
      results,
      terms,
    };
    if (filtered.withoutFilter) response.withoutFilter = filtered.withoutFilter;
    if (suggestion) response.suggestion = suggestion;
    if (matches.relaxed && filtered.paragraphs.length > 0) response.relaxed = true;
    const warnings = [...parsed.warnings];
    if (memo.budget.exhausted) {
      response.truncated = true;
      warnings.push(TRUNCATED_WARNING);
    }
    if (warnings.length) response.warnings = warnings;
    return response;
  }
}

const TRUNCATED_WARNING =
  'the search stopped early: checking this many phrases of common words would take too long, so some matching paragraphs may be missing; quote fewer or rarer phrases';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
