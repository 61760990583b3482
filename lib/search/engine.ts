import type { Document } from 'flexsearch';
import type { Issue } from '../catalogue/model';
import { STORY_KIND_LABELS, STORY_KINDS } from '../catalogue/model';
import { TOPICS } from '../topics/taxonomy';
import { paragraphUrl } from '../urls';
import { toSearchDocs, type SearchDoc } from './documents';
import {
  createFlexIndex,
  FIELDS,
  importFlexIndex,
  linkTerms,
  lookupTerm,
  toFlexDoc,
  type Field,
} from './flex';
import { snippet, SNIPPET_WORDS } from './highlight';
import {
  parseQuery,
  parseYearRange,
  type Clause,
  type Matcher,
  type ParsedQuery,
  type YearRange,
} from './query';
import { Speller, type KnownWord } from './spelling';
import { fold, isStopTerm, tokenize, type Token } from './text';
import type { FacetValue, SearchRequest, SearchResponse, SearchResult } from './types';

/** Ranking constants, tuned with `npm run eval` on the relevance suite. */
export const RANKING = {
  k1: 1.2,
  b: 0.6,
  /** A query word in the story's headline or dek counts as much as this many extra body occurrences. */
  head: 1.6,
  /** Share of the headline bonus given to the story's later paragraphs. */
  headRest: 0.4,
  /** A query word found only elsewhere in the paragraph's story. */
  story: 0.35,
  /** A query word found only in a cited link. */
  link: 0.6,
  /** Bonus when all the query's words appear together in order. */
  phrase: 1.5,
  /** Bonus scale for the query's words sitting close together. */
  proximity: 1.2,
  /** Multipliers by paragraph role and position. */
  readMore: 0.55,
  opening: 1.12,
  /** Candidates that get the (costlier) proximity pass. */
  rerankDepth: 200,
} as const;

/** Misspelt words corrected per query: correction is the costliest step, so a flood of nonsense is bounded. */
const MAX_CORRECTIONS = 4;
const CACHE_SIZE = 200;

/** A text as term ids with word positions; a joined token ("selfdriving") spans several positions. */
interface TermSeq {
  ids: Int32Array;
  pos: Int32Array;
  span: Uint8Array;
  /** Character offsets of each token, so snippets need not tokenize the text again. */
  start: Int32Array;
  end: Int32Array;
}

/** A set of documents: flags for membership, a list for iteration. */
interface DocSet {
  flags: Uint8Array;
  list: number[];
}

/**
 * What one query term contributes to each paragraph, computed once per query from the postings:
 * BM25 on the paragraph's text, or failing that a bonus for the headline, the rest of the story,
 * or a cited link.
 */
type TermScores = Float32Array;

/** A query clause resolved against the vocabulary once, before any document is scored. */
interface CompiledClause {
  matchers: { type: Matcher['type']; scores: TermScores[] }[];
  /** Term ids standing for the clause in proximity checks (its single-word alternatives). */
  proximityIds: number[];
}

interface CachedResponse {
  response: SearchResponse;
  json?: string;
}

/**
 * The search engine: FlexSearch finds candidates per word; this class turns the query language
 * into sets, applies filters and counts facets on its own id arrays (FlexSearch's tag filters OR
 * across fields), re-ranks with BM25 plus headline, phrase and proximity boosts, and highlights.
 * Built once per process; every method is read-only, so responses are cached (and frozen).
 */
export class SearchEngine {
  readonly docs: readonly SearchDoc[];
  private readonly flex: Document<ReturnType<typeof toFlexDoc>>;
  private readonly vocab = new Map<string, number>();
  private readonly vocabTerms: string[] = [];
  private readonly sortedVocab: string[];
  /** Every word form seen (folded, unstemmed) with its count: spelling correction works on words, not stems. */
  private readonly words = new Map<string, KnownWord>();
  private readonly speller: Speller;
  private readonly df: Int32Array;
  private readonly text: TermSeq[] = [];
  /** Per term id: the paragraphs using it in their text and how often (for BM25), built at load. */
  private readonly postings: { docs: Int32Array; tfs: Uint16Array }[] = [];
  /** Per term id: the stories whose headline or dek uses it, and the paragraphs citing it in a link. */
  private readonly headPostings: number[][] = [];
  /** Per term id: the stories using it anywhere (headline, dek or text). */
  private readonly storyPostings: number[][] = [];
  private readonly linkPostings: number[][] = [];
  /** BM25's length normalisation of each paragraph. */
  private readonly lengthNorm: Float32Array;
  private readonly heads: TermSeq[] = [];
  /** Story index of each paragraph (one head per story). */
  private readonly headOf: Int32Array;
  /** Paragraphs of each story, and every term used anywhere in it. */
  private readonly storyMembers: number[][] = [];
  private readonly storyTerms: Set<number>[] = [];
  /** Per paragraph: each cited link as "host/path", lower-cased, without scheme or www. */
  private readonly linkTargets: string[][];
  private readonly avgLength: number;
  private readonly topicMask: Uint32Array;
  /** Position of each paragraph when sorted oldest first (reading order within an issue), and its inverse. */
  private readonly oldestRank: Int32Array;
  private readonly byOldestRank: Int32Array;
  private readonly yearList: number[];
  private readonly cache = new Map<string, CachedResponse>();

  private constructor(issues: readonly Issue[], flex: Document<ReturnType<typeof toFlexDoc>>) {
    this.docs = toSearchDocs(issues);
    this.flex = flex;
    const headIndex = new Map<string, number>();
    this.headOf = new Int32Array(this.docs.length);
    let totalLength = 0;
    const dfCounts: number[] = [];
    const textPostings: { docs: number[]; tfs: number[] }[] = [];
    for (const doc of this.docs) {
      const seq = this.toSeq(doc.text);
      this.text.push(seq);
      const counts = new Map<number, number>();
      for (const id of seq.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      for (const [id, tf] of counts) {
        const list = (textPostings[id] ??= { docs: [], tfs: [] });
        list.docs.push(doc.index);
        list.tfs.push(Math.min(65535, tf));
      }
      totalLength += seq.ids.length;
      const key = `${doc.issue}/${doc.storyId}`;
      let head = headIndex.get(key);
      if (head === undefined) {
        head = this.heads.length;
        headIndex.set(key, head);
        const headSeq = this.toSeq(`${doc.story} ${doc.dek}`);
        this.heads.push(headSeq);
        this.storyMembers.push([]);
        this.storyTerms.push(new Set(headSeq.ids));
        for (const id of new Set(headSeq.ids)) (this.headPostings[id] ??= []).push(head);
      }
      this.headOf[doc.index] = head;
      this.storyMembers[head]!.push(doc.index);
      for (const id of seq.ids) this.storyTerms[head]!.add(id);
      const linkIds = new Set([...new Set(doc.links.flatMap(linkTerms))].map((t) => this.termId(t, t)));
      for (const id of linkIds) (this.linkPostings[id] ??= []).push(doc.index);
      const seen = new Set<number>([...seq.ids, ...this.heads[head]!.ids, ...linkIds]);
      for (const id of seen) dfCounts[id] = (dfCounts[id] ?? 0) + 1;
    }
    this.storyTerms.forEach((terms, story) => {
      for (const id of terms) (this.storyPostings[id] ??= []).push(story);
    });
    for (let id = 0; id < this.vocabTerms.length; id++) {
      const list = textPostings[id];
      this.postings.push({ docs: Int32Array.from(list?.docs ?? []), tfs: Uint16Array.from(list?.tfs ?? []) });
    }
    this.df = Int32Array.from(this.vocabTerms, (_, i) => dfCounts[i] ?? 0);
    this.sortedVocab = [...this.vocabTerms].sort();
    this.speller = new Speller(this.words);
    this.avgLength = totalLength / Math.max(1, this.docs.length);
    this.lengthNorm = Float32Array.from(
      this.text,
      (seq) => 1 - RANKING.b + (RANKING.b * seq.ids.length) / this.avgLength,
    );
    this.linkTargets = this.docs.map((d) => d.links.map(linkTarget));
    this.topicMask = Uint32Array.from(this.docs, (d) =>
      d.topics.reduce((mask, slug) => {
        const bit = TOPICS.findIndex((t) => t.slug === slug);
        return bit === -1 ? mask : mask | (1 << bit);
      }, 0),
    );
    const chronological = [...this.docs].sort(
      (a, b) => a.date.localeCompare(b.date) || a.issue - b.issue || a.index - b.index,
    );
    this.oldestRank = new Int32Array(this.docs.length);
    this.byOldestRank = Int32Array.from(chronological, (doc) => doc.index);
    chronological.forEach((doc, rank) => (this.oldestRank[doc.index] = rank));
    this.yearList = [...new Set(this.docs.map((d) => d.year))].sort((a, b) => b - a);
  }

  /** Builds the index in memory (tests, and the build step before export). */
  static fromIssues(issues: readonly Issue[]): SearchEngine {
    const flex = createFlexIndex();
    for (const doc of toSearchDocs(issues)) flex.add(toFlexDoc(doc));
    return new SearchEngine(issues, flex);
  }

  /** Loads an exported FlexSearch index built from the same issues. */
  static fromArtefacts(issues: readonly Issue[], chunks: ReadonlyMap<string, string>): SearchEngine {
    return new SearchEngine(issues, importFlexIndex(chunks));
  }

  /** The FlexSearch index (for export and for benchmarks against it). */
  get flexIndex(): Document<ReturnType<typeof toFlexDoc>> {
    return this.flex;
  }

  /** Searches; the response is frozen because it is shared with later identical requests. */
  search(request: SearchRequest): SearchResponse {
    return this.cached(request).response;
  }

  /** The same response serialised as JSON, also cached (the API sends it as is). */
  searchJson(request: SearchRequest): string {
    const entry = this.cached(request);
    entry.json ??= JSON.stringify(entry.response);
    return entry.json;
  }

  private cached(request: SearchRequest): CachedResponse {
    const key = JSON.stringify(request);
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const entry: CachedResponse = { response: deepFreeze(this.run(request)) };
    this.cache.set(key, entry);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }

  private run(request: SearchRequest): SearchResponse {
    const parsed = parseQuery(request.q);
    const { suggestion, query } = this.resolveWords(parsed, request.q);
    const filters = this.combineFilters(query, request);
    const lookups = new Map<string, number[]>();

    let relaxed = false;
    let matched = this.matchAll(query.must, lookups);
    if (matched !== null && matched.list.length === 0 && query.must.length > 1) {
      matched = this.union(query.must.map((c) => this.matchClause(c, 'paragraph', lookups)));
      relaxed = matched.list.length > 0;
    }
    const excluded = query.exclude.length
      ? this.matchClause({ anyOf: query.exclude }, 'exclude', lookups)
      : undefined;
    const base: number[] = [];
    const consider = (i: number) => {
      if (excluded?.flags[i]) return;
      if (
        filters.link.length &&
        !filters.link.every((l) => this.linkTargets[i]!.some((t) => citesLink(t, l)))
      )
        return;
      base.push(i);
    };
    if (matched === null) for (let i = 0; i < this.docs.length; i++) consider(i);
    else for (const i of matched.list) consider(i);

    const { hits, facets } = this.filterAndCount(base, filters);
    const termScores = new Map<number, TermScores>();
    const compiled = query.must.map((c) => this.compile(c, termScores));
    const start = (request.page - 1) * request.per;
    const pageHits =
      start < hits.length ? this.rank(hits, compiled, relaxed, request.sort, start, request.per) : [];
    const markTerms = new Set(
      query.must.flatMap((c) => c.anyOf.flatMap((m) => (m.type === 'term' ? [m.term] : m.terms))),
    );
    const results = pageHits.map(({ index, score }) => this.toResult(index, score, markTerms));

    const response: SearchResponse = {
      query: request.q,
      total: hits.length,
      page: request.page,
      per: request.per,
      sort: request.sort,
      facets,
      results,
    };
    if (suggestion) response.suggestion = suggestion;
    if (relaxed) response.relaxed = true;
    if (parsed.warnings.length) response.warnings = parsed.warnings;
    return response;
  }

  // ---- words ---------------------------------------------------------------------------------

  /**
   * Words the archive never uses are completed (the last word, while someone is typing) or
   * corrected to the closest word it does use; the corrected query is offered as a suggestion.
   */
  private resolveWords(parsed: ParsedQuery, q: string): { query: ParsedQuery; suggestion?: string } {
    let suggestion = q;
    let corrections = 0;
    const typingLastWord = q.length > 0 && !/\s$/.test(q);
    const lastRaw = lastTermRaw(parsed);
    const must: Clause[] = parsed.must.map((clause) => {
      const anyOf: Matcher[] = [];
      for (const matcher of clause.anyOf) {
        if (matcher.type !== 'term' || this.vocab.has(matcher.term)) {
          anyOf.push(matcher);
          continue;
        }
        if (typingLastWord && matcher.raw === lastRaw) {
          const completions = this.complete(matcher.term);
          if (completions.length) {
            anyOf.push(...completions.map((term) => ({ type: 'term' as const, term, raw: matcher.raw })));
            continue;
          }
        }
        const fix =
          corrections < MAX_CORRECTIONS
            ? this.speller.correct(fold(matcher.raw).replace(/['’]s$/, ''))
            : undefined;
        if (fix) {
          anyOf.push({ type: 'term', term: fix.term, raw: matcher.raw });
          suggestion = replaceWord(suggestion, matcher.raw, fix.word);
          corrections++;
        } else {
          anyOf.push(matcher);
        }
      }
      return { anyOf };
    });
    return {
      query: { ...parsed, must: this.joinCompounds(this.splitCompounds(must)) },
      suggestion: corrections > 0 && suggestion !== q ? suggestion : undefined,
    };
  }

  /** "datacenters" also finds "data centers": a word that splits into two used words gains that phrase. */
  private splitCompounds(must: Clause[]): Clause[] {
    return must.map((clause) => {
      const extra: Matcher[] = [];
      for (const matcher of clause.anyOf) {
        if (matcher.type !== 'term' || !/^[a-z]{6,}$/.test(matcher.raw.toLowerCase())) continue;
        const word = matcher.raw.toLowerCase();
        for (let cut = 3; cut <= word.length - 3; cut++) {
          const left = this.words.get(word.slice(0, cut));
          const right = this.words.get(word.slice(cut));
          if (!left || !right || isStopTerm(left.term) || isStopTerm(right.term)) continue;
          const terms = [left.term, right.term];
          if (this.matchPhrase(terms, new Map()).length > 0)
            extra.push({ type: 'phrase', terms, raw: matcher.raw });
        }
      }
      return extra.length ? { anyOf: [...clause.anyOf, ...extra] } : clause;
    });
  }

  /** "data centers" also finds "datacenters": two adjacent words whose join is a used word. */
  private joinCompounds(must: Clause[]): Clause[] {
    const out: Clause[] = [];
    for (let i = 0; i < must.length; i++) {
      const a = must[i]!.anyOf.length === 1 ? must[i]!.anyOf[0] : undefined;
      const b = must[i + 1]?.anyOf.length === 1 ? must[i + 1]!.anyOf[0] : undefined;
      if (a?.type === 'term' && b?.type === 'term') {
        const joined = this.words.get(fold(a.raw + b.raw).replace(/['’]s$/, ''));
        if (joined && this.vocab.has(joined.term)) {
          out.push({
            anyOf: [
              { type: 'phrase', terms: [a.term, b.term], raw: `${a.raw} ${b.raw}` },
              { type: 'term', term: joined.term, raw: `${a.raw}${b.raw}` },
            ],
          });
          i++;
          continue;
        }
      }
      out.push(must[i]!);
    }
    return out;
  }

  /** Up to 8 vocabulary terms starting with `prefix`, most frequent first. */
  private complete(prefix: string): string[] {
    if (prefix.length < 2) return [];
    let lo = 0;
    let hi = this.sortedVocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedVocab[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < this.sortedVocab.length && this.sortedVocab[i]!.startsWith(prefix); i++) {
      found.push(this.sortedVocab[i]!);
    }
    return found.sort((a, b) => this.dfOf(b) - this.dfOf(a)).slice(0, 8);
  }

  private dfOf(term: string): number {
    const id = this.vocab.get(term);
    return id === undefined ? 0 : this.df[id]!;
  }

  // ---- matching -------------------------------------------------------------------------------

  /**
   * Documents matching every clause; `null` when there are no clauses (browse everything). With
   * several clauses, the clauses may be satisfied across the paragraph's story, but the paragraph
   * itself (or its headline) must hold at least one of them.
   */
  private matchAll(clauses: readonly Clause[], lookups: Map<string, number[]>): DocSet | null {
    if (clauses.length === 0) return null;
    const mode = clauses.length > 1 ? 'story' : 'paragraph';
    const sets = clauses
      .map((c) => this.matchClause(c, mode, lookups))
      .sort((a, b) => a.list.length - b.list.length);
    const [smallest, ...rest] = sets;
    const direct =
      mode === 'story'
        ? this.union(clauses.map((c) => this.matchClause(c, 'paragraph', lookups)))
        : undefined;
    const out = this.emptySet();
    for (const id of smallest!.list) {
      if (rest.every((s) => s.flags[id]) && (!direct || direct.flags[id])) add(out, id);
    }
    return out;
  }

  /**
   * Paragraphs satisfying a clause. In `story` mode a word counts for every paragraph of a story
   * that uses it (a paragraph is read in its story: "Microsoft stores data in glass" describes the
   * story even when no single paragraph holds all four words); ranking still favours the paragraph
   * that holds the words itself. Phrases stay exact. Exclusions look at the paragraph alone, not
   * its headline, so `-cars` drops only the paragraphs that mention cars.
   */
  private matchClause(
    clause: Clause,
    mode: 'story' | 'paragraph' | 'exclude',
    lookups: Map<string, number[]>,
  ): DocSet {
    const out = this.emptySet();
    const fields: readonly Field[] = mode === 'exclude' ? ['text', 'links'] : FIELDS;
    for (const matcher of clause.anyOf) {
      const ids =
        matcher.type === 'term'
          ? this.lookup(matcher.term, fields, lookups)
          : this.matchPhrase(matcher.terms, lookups, mode === 'exclude');
      if (mode !== 'story' || matcher.type === 'phrase') {
        for (const id of ids) add(out, id);
        continue;
      }
      for (const id of ids) {
        if (out.flags[id]) continue;
        for (const member of this.storyMembers[this.headOf[id]!]!) add(out, member);
      }
    }
    return out;
  }

  private union(sets: readonly DocSet[]): DocSet {
    const out = this.emptySet();
    for (const set of sets) for (const id of set.list) add(out, id);
    return out;
  }

  private emptySet(): DocSet {
    return { flags: new Uint8Array(this.docs.length), list: [] };
  }

  /** Paragraph ids holding the term in any of the fields, looked up once per query. */
  private lookup(term: string, fields: readonly Field[], lookups: Map<string, number[]>): number[] {
    const key = `${fields.join(',')}:${term}`;
    const known = lookups.get(key);
    if (known) return known;
    const lists = lookupTerm(this.flex, term, fields);
    let ids: number[];
    if (lists.length <= 1) ids = lists[0] ?? [];
    else {
      const set = this.emptySet();
      for (const list of lists) for (const id of list) add(set, id);
      ids = set.list;
    }
    lookups.set(key, ids);
    return ids;
  }

  private matchPhrase(terms: readonly string[], lookups: Map<string, number[]>, textOnly = false): number[] {
    const ids = terms.map((t) => this.vocab.get(t));
    if (ids.some((id) => id === undefined)) return [];
    const runIds = ids as number[];
    const lists = terms.map((t) => this.lookup(t, FIELDS, lookups)).sort((a, b) => a.length - b.length);
    const [shortest, ...others] = lists;
    const otherSets = others.map((list) => new Set(list));
    return shortest!.filter(
      (doc) =>
        otherSets.every((set) => set.has(doc)) &&
        (hasRun(this.text[doc]!, runIds) || (!textOnly && hasRun(this.heads[this.headOf[doc]!]!, runIds))),
    );
  }

  // ---- filters and facets ---------------------------------------------------------------------

  private combineFilters(query: ParsedQuery, request: SearchRequest) {
    const years: YearRange[] = [...query.filters.year];
    for (const y of request.year) {
      const range = parseYearRange(y);
      if (range) years.push(range);
    }
    return {
      topic: unique([...request.topic, ...query.filters.topic]),
      year: years,
      yearValues: unique([...request.year, ...query.filters.year.map(formatRange)]),
      issue: unique([...request.issue, ...query.filters.issue]),
      kind: unique([...request.kind, ...query.filters.kind]),
      link: query.filters.link,
    };
  }

  /**
   * Applies the facet filters (AND across facets, OR within one) and counts each facet over the
   * documents that pass every *other* facet, so a count says what selecting that value would give.
   */
  private filterAndCount(base: readonly number[], filters: ReturnType<SearchEngine['combineFilters']>) {
    const topicBits = filters.topic.map((slug) => TOPICS.findIndex((t) => t.slug === slug));
    const wantedTopics = topicBits.reduce((mask, bit) => (bit === -1 ? mask : mask | (1 << bit)), 0);
    const topicCounts = new Array<number>(TOPICS.length).fill(0);
    const yearCounts = new Map<number, number>();
    const kindCounts = new Map<string, number>();
    const hits: number[] = [];
    for (const i of base) {
      const doc = this.docs[i]!;
      const okTopic = filters.topic.length === 0 || (this.topicMask[i]! & wantedTopics) !== 0;
      const okYear =
        filters.year.length === 0 || filters.year.some((r) => doc.year >= r.from && doc.year <= r.to);
      const okIssue = filters.issue.length === 0 || filters.issue.includes(doc.issue);
      const okKind = filters.kind.length === 0 || filters.kind.includes(doc.kind);
      if (okYear && okIssue && okKind) {
        const mask = this.topicMask[i]!;
        for (let bit = 0; bit < TOPICS.length; bit++) if (mask & (1 << bit)) topicCounts[bit]!++;
      }
      if (okTopic && okIssue && okKind) yearCounts.set(doc.year, (yearCounts.get(doc.year) ?? 0) + 1);
      if (okTopic && okYear && okIssue) kindCounts.set(doc.kind, (kindCounts.get(doc.kind) ?? 0) + 1);
      if (okTopic && okYear && okIssue && okKind) hits.push(i);
    }
    const topic: FacetValue[] = TOPICS.map((t, bit) => ({
      value: t.slug,
      label: t.label,
      count: topicCounts[bit]!,
      selected: filters.topic.includes(t.slug),
    }));
    for (const slug of filters.topic) {
      if (!TOPICS.some((t) => t.slug === slug))
        topic.push({ value: slug, label: slug, count: 0, selected: true });
    }
    const selectedYears = new Set(filters.yearValues);
    const year: FacetValue[] = this.yearList.map((y) => ({
      value: String(y),
      label: String(y),
      count: yearCounts.get(y) ?? 0,
      selected: selectedYears.has(String(y)),
    }));
    for (const value of filters.yearValues) {
      if (!year.some((f) => f.value === value)) {
        const range = parseYearRange(value);
        let count = 0;
        if (range) for (const [y, n] of yearCounts) if (y >= range.from && y <= range.to) count += n;
        year.push({ value, label: value.replace('..', '–'), count, selected: true });
      }
    }
    const kind: FacetValue[] = STORY_KINDS.map((k) => ({
      value: k,
      label: STORY_KIND_LABELS[k],
      count: kindCounts.get(k) ?? 0,
      selected: filters.kind.includes(k),
    }));
    for (const k of filters.kind) {
      if (!(STORY_KINDS as readonly string[]).includes(k))
        kind.push({ value: k, label: k, count: 0, selected: true });
    }
    return { hits, facets: { topic, year, kind } };
  }

  // ---- ranking --------------------------------------------------------------------------------

  private compile(clause: Clause, termScores: Map<number, TermScores>): CompiledClause {
    const matchers = clause.anyOf.map((matcher) => {
      const terms = matcher.type === 'term' ? [matcher.term] : matcher.terms;
      const ids = terms.map((t) => this.vocab.get(t)).filter((id): id is number => id !== undefined);
      return { type: matcher.type, scores: ids.map((id) => this.termScores(id, termScores)) };
    });
    const proximityIds = clause.anyOf
      .filter((m): m is Extract<Matcher, { type: 'term' }> => m.type === 'term')
      .map((m) => this.vocab.get(m.term))
      .filter((id): id is number => id !== undefined);
    return { matchers, proximityIds };
  }

  private termScores(id: number, memo: Map<number, TermScores>): TermScores {
    const known = memo.get(id);
    if (known) return known;
    const df = this.df[id]!;
    const idf = Math.log(1 + (this.docs.length - df + 0.5) / (df + 0.5));
    const scores = new Float32Array(this.docs.length);
    // The rest of the story first; the headline, then the paragraph's own text, override it.
    for (const story of this.storyPostings[id] ?? []) {
      for (const doc of this.storyMembers[story]!) scores[doc] = idf * RANKING.story;
    }
    for (const doc of this.linkPostings[id] ?? []) scores[doc] = idf * RANKING.link;
    const heads = new Uint8Array(this.storyMembers.length);
    for (const story of this.headPostings[id] ?? []) {
      heads[story] = 1;
      // The headline speaks for the whole story, but mostly for its opening paragraph.
      for (const doc of this.storyMembers[story]!) {
        scores[doc] = idf * (this.docs[doc]!.order === 0 ? RANKING.head : RANKING.head * RANKING.headRest);
      }
    }
    const { docs, tfs } = this.postings[id]!;
    for (let j = 0; j < docs.length; j++) {
      const doc = docs[j]!;
      const tf = tfs[j]!;
      const bm25 = (tf * (RANKING.k1 + 1)) / (tf + RANKING.k1 * this.lengthNorm[doc]!);
      const headBonus = heads[this.headOf[doc]!] ? scores[doc]! : 0;
      scores[doc] = idf * bm25 + headBonus;
    }
    memo.set(id, scores);
    return scores;
  }

  /**
   * The requested page of hits, in order. Relevance scores every hit (cheap: array reads), then
   * sorts only the best few hundred and gives them the proximity pass; date orders are a numeric sort.
   */
  private rank(
    hits: readonly number[],
    clauses: readonly CompiledClause[],
    relaxed: boolean,
    sort: SearchRequest['sort'],
    start: number,
    per: number,
  ): { index: number; score: number }[] {
    const scoreOf = (index: number) => (clauses.length ? this.score(index, clauses, relaxed) : 0);
    if (clauses.length === 0 || sort !== 'relevance') {
      // Documents are stored newest first, in reading order within an issue.
      const order = new Int32Array(hits.length);
      for (let k = 0; k < hits.length; k++)
        order[k] = sort === 'oldest' ? this.oldestRank[hits[k]!]! : hits[k]!;
      order.sort();
      if (sort === 'oldest') for (let k = 0; k < order.length; k++) order[k] = this.byOldestRank[order[k]!]!;
      return Array.from(order.subarray(start, start + per), (index) => ({ index, score: scoreOf(index) }));
    }
    const scores = new Float64Array(hits.length);
    for (let k = 0; k < hits.length; k++) scores[k] = this.score(hits[k]!, clauses, relaxed);
    const keep = Math.min(hits.length, Math.max(RANKING.rerankDepth, start + per));
    const threshold = kthLargest(scores, keep);
    const top: { index: number; score: number }[] = [];
    for (let k = 0; k < hits.length; k++)
      if (scores[k]! >= threshold) top.push({ index: hits[k]!, score: scores[k]! });
    top.sort((a, b) => b.score - a.score || a.index - b.index);
    top.length = Math.min(top.length, keep);
    const depth = Math.min(top.length, RANKING.rerankDepth);
    for (let k = 0; k < depth; k++) top[k]!.score += this.closeness(top[k]!.index, clauses);
    const reranked = top.slice(0, depth).sort((a, b) => b.score - a.score || a.index - b.index);
    return [...reranked, ...top.slice(depth)].slice(start, start + per);
  }

  /** Per clause the best of its alternatives (a phrase counts a quarter more), then role and position. */
  private score(index: number, clauses: readonly CompiledClause[], relaxed: boolean): number {
    let total = 0;
    let matchedClauses = 0;
    for (const clause of clauses) {
      let best = 0;
      for (const matcher of clause.matchers) {
        let s = 0;
        for (const scores of matcher.scores) s += scores[index]!;
        if (matcher.type === 'phrase') s *= 1.25;
        if (s > best) best = s;
      }
      if (best > 0) matchedClauses++;
      total += best;
    }
    const doc = this.docs[index]!;
    if (relaxed) total *= (matchedClauses / clauses.length) ** 2;
    if (doc.role === 'read-more') total *= RANKING.readMore;
    if (doc.order === 0) total *= RANKING.opening;
    return total;
  }

  /** A bonus for the query's words appearing in order, or within a few words of each other. */
  private closeness(index: number, clauses: readonly CompiledClause[]): number {
    if (clauses.length < 2 || clauses.some((c) => c.proximityIds.length === 0)) return 0;
    const firstIds = clauses.map((c) => c.proximityIds[0]!);
    let bonus = 0;
    // A headline holding the query as a phrase speaks for its opening paragraph.
    if (this.docs[index]!.order === 0 && hasRun(this.heads[this.headOf[index]!]!, firstIds))
      bonus += RANKING.phrase;
    const text = this.text[index]!;
    if (hasRun(text, firstIds)) return bonus + RANKING.phrase + RANKING.proximity;
    const window = smallestWindow(text, groupsOf(clauses), clauses.length);
    if (window === Infinity) return bonus;
    return bonus + RANKING.proximity * Math.min(1, (clauses.length + 1) / (window + 1));
  }

  // ---- results --------------------------------------------------------------------------------

  private toResult(index: number, score: number, markTerms: Set<string>): SearchResult {
    const doc = this.docs[index]!;
    return {
      id: doc.id,
      url: paragraphUrl(doc.issue, doc.id),
      issue: doc.issue,
      issueTitle: doc.issueTitle,
      date: doc.date,
      dateBasis: doc.dateBasis,
      story: doc.story,
      storyId: doc.storyId,
      dek: doc.dek,
      kind: doc.kind,
      topics: doc.topics,
      role: doc.role,
      snippet: snippet(doc.text, markTerms, SNIPPET_WORDS, this.tokensOf(index)),
      text: doc.text,
      score: Math.round(score * 1000) / 1000,
    };
  }

  private tokensOf(index: number): Token[] {
    const seq = this.text[index]!;
    return Array.from(seq.ids, (id, i) => ({
      term: this.vocabTerms[id]!,
      start: seq.start[i]!,
      end: seq.end[i]!,
      pos: seq.pos[i]!,
      span: seq.span[i]!,
    }));
  }

  private toSeq(text: string): TermSeq {
    const tokens = tokenize(text);
    const ids = new Int32Array(tokens.length);
    const pos = new Int32Array(tokens.length);
    const span = new Uint8Array(tokens.length);
    const start = new Int32Array(tokens.length);
    const end = new Int32Array(tokens.length);
    tokens.forEach((token, i) => {
      ids[i] = this.termId(token.term, text.slice(token.start, token.end));
      pos[i] = token.pos;
      span[i] = Math.min(255, token.span);
      start[i] = token.start;
      end[i] = token.end;
    });
    return { ids, pos, span, start, end };
  }

  /** The vocabulary id of a term, adding it (with the word it was first seen as) when new. */
  private termId(term: string, surface: string): number {
    const word = fold(surface).replace(/['’]s$/, '');
    const seen = this.words.get(word);
    if (seen) seen.count++;
    else this.words.set(word, { term, count: 1 });
    let id = this.vocab.get(term);
    if (id === undefined) {
      id = this.vocabTerms.length;
      this.vocab.set(term, id);
      this.vocabTerms.push(term);
    }
    return id;
  }
}

const groupCache = new WeakMap<readonly CompiledClause[], Map<number, number>>();

/** Term id → index of the clause it stands for (first clause wins), computed once per query. */
function groupsOf(clauses: readonly CompiledClause[]): Map<number, number> {
  let groups = groupCache.get(clauses);
  if (!groups) {
    groups = new Map();
    clauses.forEach((clause, group) => {
      for (const id of clause.proximityIds) if (!groups!.has(id)) groups!.set(id, group);
    });
    groupCache.set(clauses, groups);
  }
  return groups;
}

/** The k-th largest value (1-based); every value ≥ it is among the top k (ties may add a few more). */
function kthLargest(values: Float64Array, k: number): number {
  if (k >= values.length) return -Infinity;
  const copy = Float64Array.from(values).sort();
  return copy[copy.length - k]!;
}

function add(set: DocSet, id: number): void {
  if (set.flags[id]) return;
  set.flags[id] = 1;
  set.list.push(id);
}

/** Whether the term ids follow one another; a joined token ("gpt4" for "GPT-4") covers its parts' positions. */
function hasRun(seq: TermSeq, ids: readonly number[]): boolean {
  for (let i = 0; i < seq.ids.length; i++) {
    if (seq.ids[i] !== ids[0]) continue;
    let at = i;
    let ok = true;
    for (let k = 1; k < ids.length && ok; k++) {
      at = nextAt(seq, at, ids[k]!);
      ok = at !== -1;
    }
    if (ok) return true;
  }
  return false;
}

/** The token holding `id` right after token `from` (tokens are in text order; joined forms sit beside their parts). */
function nextAt(seq: TermSeq, from: number, id: number): number {
  const position = seq.pos[from]! + seq.span[from]!;
  for (let j = from + 1; j < seq.ids.length && seq.pos[j]! <= position + 1; j++) {
    if (seq.pos[j] === position && seq.ids[j] === id) return j;
  }
  return -1;
}

/** The fewest word positions spanning one occurrence of each group of alternatives. */
function smallestWindow(seq: TermSeq, groupOf: ReadonlyMap<number, number>, need: number): number {
  const hits: { pos: number; group: number }[] = [];
  for (let i = 0; i < seq.ids.length; i++) {
    const group = groupOf.get(seq.ids[i]!);
    if (group !== undefined) hits.push({ pos: seq.pos[i]!, group });
  }
  if (hits.length < need) return Infinity;
  const have = new Array<number>(need).fill(0);
  let covered = 0;
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < hits.length; right++) {
    if (have[hits[right]!.group]!++ === 0) covered++;
    while (covered === need) {
      best = Math.min(best, hits[right]!.pos - hits[left]!.pos + 1);
      if (--have[hits[left]!.group]! === 0) covered--;
      left++;
    }
  }
  return best;
}

/** "https://www.arxiv.org/abs/1?x" → "arxiv.org/abs/1?x". */
function linkTarget(href: string): string {
  return fold(href)
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '');
}

/**
 * Whether a cited link matches a `link:` filter: a bare host matches that host and its subdomains
 * (`link:x.com` is not netflix.com); with a path, the link must start with it.
 */
function citesLink(target: string, filter: string): boolean {
  const slash = target.indexOf('/');
  const host = slash === -1 ? target : target.slice(0, slash);
  if (!filter.includes('/')) return host === filter || host.endsWith(`.${filter}`);
  return target.startsWith(filter) || target.replace(/^[^/]*\./, '').startsWith(filter);
}

function lastTermRaw(parsed: ParsedQuery): string | undefined {
  const last = parsed.must[parsed.must.length - 1]?.anyOf.at(-1);
  return last?.type === 'term' ? last.raw : undefined;
}

function replaceWord(query: string, raw: string, replacement: string): string {
  const escaped = raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return query.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u'), replacement);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function formatRange(range: YearRange): string {
  if (range.from === range.to) return String(range.from);
  return `${range.from === 0 ? '' : range.from}..${range.to === 9999 ? '' : range.to}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
