import type { Document } from 'flexsearch';
import type { Issue, StoryKind } from '../catalogue/model';
import { STORY_KINDS } from '../catalogue/model';
import { TOPICS } from '../topics/taxonomy';
import { paragraphUrl } from '../urls';
import { toSearchDocs, type SearchDoc } from './documents';
import { createFlexIndex, FIELDS, importFlexIndex, linkTerms, lookupTerm, toFlexDoc } from './flex';
import { highlight, snippet } from './highlight';
import {
  parseQuery,
  parseYearRange,
  type Clause,
  type Matcher,
  type ParsedQuery,
  type YearRange,
} from './query';
import { allowedEdits, editDistance } from './spelling';
import { fold, isStopTerm, tokenize } from './text';
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

const KIND_LABELS: Record<StoryKind, string> = {
  news: 'News',
  'policy-column': 'Policy column',
  'tech-tales': 'Tech Tales',
  editorial: 'Editorial',
};

const CACHE_SIZE = 500;

interface TermSeq {
  ids: Int32Array;
  pos: Int32Array;
}

/** What a clause matched, per document. */
type MatchSet = Map<number, true>;

/**
 * The search engine: FlexSearch finds candidates per word; this class turns the query language
 * into sets, applies filters and counts facets on its own id arrays (FlexSearch's tag filters OR
 * across fields), re-ranks with BM25 plus headline, phrase and proximity boosts, and highlights.
 * Built once per process; every method is read-only, so results are cached.
 */
export class SearchEngine {
  readonly docs: readonly SearchDoc[];
  private readonly flex: Document<ReturnType<typeof toFlexDoc>>;
  private readonly vocab = new Map<string, number>();
  private readonly vocabTerms: string[] = [];
  private readonly sortedVocab: string[];
  private readonly surface: string[] = [];
  /** Every word form seen (folded, unstemmed) with its count: spelling correction works on words, not stems. */
  private readonly words = new Map<string, { term: string; count: number }>();
  private readonly df: Int32Array;
  private readonly text: TermSeq[] = [];
  private readonly heads: TermSeq[] = [];
  /** Story index of each paragraph (one head per story). */
  private readonly headOf: Int32Array;
  /** Paragraphs of each story, and every term used anywhere in it. */
  private readonly storyMembers: number[][] = [];
  private readonly storyTerms: Set<number>[] = [];
  private readonly linkTermSets: Set<string>[] = [];
  private readonly linkHaystack: string[];
  private readonly avgLength: number;
  private readonly topicMask: Uint32Array;
  private readonly yearList: number[];
  private readonly cache = new Map<string, SearchResponse>();

  private constructor(issues: readonly Issue[], flex: Document<ReturnType<typeof toFlexDoc>>) {
    this.docs = toSearchDocs(issues);
    this.flex = flex;
    const headIndex = new Map<string, number>();
    this.headOf = new Int32Array(this.docs.length);
    let totalLength = 0;
    const dfCounts: number[] = [];
    for (const doc of this.docs) {
      const seq = this.toSeq(doc.text);
      this.text.push(seq);
      totalLength += seq.ids.length;
      const key = `${doc.issue}/${doc.storyId}`;
      let head = headIndex.get(key);
      if (head === undefined) {
        head = this.heads.length;
        headIndex.set(key, head);
        this.heads.push(this.toSeq(`${doc.story} ${doc.dek}`));
        this.storyMembers.push([]);
        this.storyTerms.push(new Set(this.heads[head]!.ids));
      }
      this.headOf[doc.index] = head;
      this.storyMembers[head]!.push(doc.index);
      for (const id of seq.ids) this.storyTerms[head]!.add(id);
      const links = new Set(doc.links.flatMap(linkTerms));
      this.linkTermSets.push(links);
      const seen = new Set<number>([
        ...seq.ids,
        ...this.heads[head]!.ids,
        ...[...links].map((t) => this.termId(t, t)),
      ]);
      for (const id of seen) dfCounts[id] = (dfCounts[id] ?? 0) + 1;
    }
    this.df = Int32Array.from(this.vocabTerms, (_, i) => dfCounts[i] ?? 0);
    this.sortedVocab = [...this.vocabTerms].sort();
    this.avgLength = totalLength / Math.max(1, this.docs.length);
    this.linkHaystack = this.docs.map((d) => fold(d.links.join(' ')));
    this.topicMask = Uint32Array.from(this.docs, (d) =>
      d.topics.reduce((mask, slug) => {
        const bit = TOPICS.findIndex((t) => t.slug === slug);
        return bit === -1 ? mask : mask | (1 << bit);
      }, 0),
    );
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

  search(request: SearchRequest): SearchResponse {
    const key = JSON.stringify(request);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const response = this.run(request);
    this.cache.set(key, response);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return response;
  }

  private run(request: SearchRequest): SearchResponse {
    const parsed = parseQuery(request.q);
    const { suggestion, query } = this.resolveWords(parsed, request.q);
    const filters = this.combineFilters(query, request);

    let relaxed = false;
    let matched = this.matchAll(query.must);
    if (matched !== null && matched.size === 0 && query.must.length > 1) {
      matched = this.matchAny(query.must);
      relaxed = matched.size > 0;
    }
    const excluded = this.matchAnyMatchers(query.exclude);
    const base: number[] = [];
    const consider = (i: number) => {
      if (excluded.has(i)) return;
      if (filters.link.length && !filters.link.every((l) => this.linkHaystack[i]!.includes(l))) return;
      base.push(i);
    };
    if (matched === null) for (let i = 0; i < this.docs.length; i++) consider(i);
    else for (const i of matched.keys()) consider(i);

    const { hits, facets } = this.filterAndCount(base, filters, request);
    const scored = this.rank(hits, query, relaxed, request.sort);
    const start = (request.page - 1) * request.per;
    const pageHits = scored.slice(start, start + request.per);
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
    let corrected = false;
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
        const fix = this.correct(matcher.raw);
        if (fix) {
          anyOf.push({ type: 'term', term: fix.term, raw: matcher.raw });
          suggestion = replaceWord(suggestion, matcher.raw, fix.word);
          corrected = true;
        } else {
          anyOf.push(matcher);
        }
      }
      return { anyOf };
    });
    return {
      query: { ...parsed, must: this.joinCompounds(this.splitCompounds(must)) },
      suggestion: corrected && suggestion !== q ? suggestion : undefined,
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
          if (this.matchPhrase(terms).length > 0) extra.push({ type: 'phrase', terms, raw: matcher.raw });
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
    for (let i = lo; i < this.sortedVocab.length && this.sortedVocab[i]!.startsWith(prefix); i++)
      found.push(this.sortedVocab[i]!);
    return found.sort((a, b) => this.dfOf(b) - this.dfOf(a)).slice(0, 8);
  }

  /** The closest word the archive uses, within the allowed edits, preferring common words. */
  private correct(raw: string): { term: string; word: string } | undefined {
    const typed = fold(raw).replace(/['’]s$/, '');
    const max = allowedEdits(typed.length);
    if (max === 0 || /\d/.test(typed)) return undefined;
    let best: { term: string; word: string } | undefined;
    let bestDistance = max + 1;
    let bestCount = 0;
    for (const [word, { term, count: seen }] of this.words) {
      if (Math.abs(word.length - typed.length) > max) continue;
      const distance = editDistance(typed, word, Math.min(max, bestDistance));
      if (distance > max || distance === 0) continue;
      if (distance < bestDistance || (distance === bestDistance && seen > bestCount)) {
        best = { term, word };
        bestDistance = distance;
        bestCount = seen;
      }
    }
    return best;
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
  private matchAll(clauses: readonly Clause[]): MatchSet | null {
    if (clauses.length === 0) return null;
    const inStory = clauses.length > 1;
    const sets = clauses.map((c) => this.matchClause(c, inStory)).sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets;
    const direct = inStory ? this.matchAny(clauses, false) : undefined;
    const out: MatchSet = new Map();
    for (const id of smallest!.keys()) {
      if (rest.every((s) => s.has(id)) && (!direct || direct.has(id))) out.set(id, true);
    }
    return out;
  }

  private matchAny(clauses: readonly Clause[], inStory = false): MatchSet {
    const out: MatchSet = new Map();
    for (const clause of clauses)
      for (const id of this.matchClause(clause, inStory).keys()) out.set(id, true);
    return out;
  }

  private matchAnyMatchers(matchers: readonly Matcher[]): MatchSet {
    return matchers.length ? this.matchClause({ anyOf: [...matchers] }, false) : new Map();
  }

  /**
   * Paragraphs satisfying a clause. A word counts for every paragraph of a story that uses it
   * (a paragraph is read in its story: "Microsoft stores data in glass" describes the story even
   * when no single paragraph holds all four words); ranking still favours the paragraph that holds
   * the words itself. Phrases and exclusions stay exact, per paragraph.
   */
  private matchClause(clause: Clause, inStory: boolean): MatchSet {
    const out: MatchSet = new Map();
    for (const matcher of clause.anyOf) {
      const ids = matcher.type === 'term' ? this.lookup(matcher.term) : this.matchPhrase(matcher.terms);
      if (!inStory || matcher.type === 'phrase') {
        for (const id of ids) out.set(id, true);
        continue;
      }
      const stories = new Set<number>();
      for (const id of ids) stories.add(this.headOf[id]!);
      for (const story of stories) for (const member of this.storyMembers[story]!) out.set(member, true);
    }
    return out;
  }

  private lookup(term: string): number[] {
    const lists = lookupTerm(this.flex, term, FIELDS);
    if (lists.length === 1) return lists[0]!;
    return [...new Set(lists.flat())];
  }

  private matchPhrase(terms: readonly string[]): number[] {
    const ids = terms.map((t) => this.vocab.get(t));
    if (ids.some((id) => id === undefined)) return [];
    const candidates = terms
      .map((t) => new Set(this.lookup(t)))
      .sort((a, b) => a.size - b.size)
      .reduce((acc, set) => new Set([...acc].filter((id) => set.has(id))));
    return [...candidates].filter(
      (doc) =>
        hasRun(this.text[doc]!, ids as number[]) || hasRun(this.heads[this.headOf[doc]!]!, ids as number[]),
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
  private filterAndCount(
    base: readonly number[],
    filters: ReturnType<SearchEngine['combineFilters']>,
    request: SearchRequest,
  ) {
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
      label: KIND_LABELS[k],
      count: kindCounts.get(k) ?? 0,
      selected: filters.kind.includes(k),
    }));
    for (const k of filters.kind) {
      if (!(STORY_KINDS as readonly string[]).includes(k))
        kind.push({ value: k, label: k, count: 0, selected: true });
    }
    void request;
    return { hits, facets: { topic, year, kind } };
  }

  // ---- ranking --------------------------------------------------------------------------------

  private rank(hits: readonly number[], query: ParsedQuery, relaxed: boolean, sort: SearchRequest['sort']) {
    const clauses = query.must;
    if (clauses.length === 0 || sort !== 'relevance') {
      const scored = hits.map((index) => ({
        index,
        score: clauses.length ? this.score(index, clauses, relaxed) : 0,
      }));
      // Documents are stored newest first.
      return sort === 'oldest'
        ? scored.sort((a, b) => b.index - a.index)
        : scored.sort((a, b) => a.index - b.index);
    }
    const scored = hits.map((index) => ({ index, score: this.score(index, clauses, relaxed) }));
    scored.sort((a, b) => b.score - a.score || a.index - b.index);
    const depth = Math.min(scored.length, RANKING.rerankDepth);
    for (let k = 0; k < depth; k++) scored[k]!.score += this.closeness(scored[k]!.index, clauses);
    const top = scored.slice(0, depth).sort((a, b) => b.score - a.score || a.index - b.index);
    return [...top, ...scored.slice(depth)];
  }

  /** BM25 over the paragraph, plus the story headline, cited links, role and position priors. */
  private score(index: number, clauses: readonly Clause[], relaxed: boolean): number {
    const text = this.text[index]!;
    const head = this.heads[this.headOf[index]!]!;
    const doc = this.docs[index]!;
    const lengthNorm = 1 - RANKING.b + (RANKING.b * text.ids.length) / this.avgLength;
    let total = 0;
    let matchedClauses = 0;
    for (const clause of clauses) {
      let best = 0;
      for (const matcher of clause.anyOf) {
        const terms = matcher.type === 'term' ? [matcher.term] : matcher.terms;
        let s = 0;
        for (const term of terms) {
          const id = this.vocab.get(term);
          if (id === undefined) continue;
          const idf = Math.log(1 + (this.docs.length - this.df[id]! + 0.5) / (this.df[id]! + 0.5));
          const tf = count(text.ids, id);
          let termScore = (tf * (RANKING.k1 + 1)) / (tf + RANKING.k1 * lengthNorm);
          // The headline speaks for the whole story, but mostly for its opening paragraph.
          if (count(head.ids, id) > 0)
            termScore += doc.order === 0 ? RANKING.head : RANKING.head * RANKING.headRest;
          else if (tf === 0 && this.storyTerms[this.headOf[index]!]!.has(id)) termScore += RANKING.story;
          if (tf === 0 && this.linkTermSets[index]!.has(term)) termScore += RANKING.link;
          s += idf * termScore;
        }
        if (matcher.type === 'phrase' && s > 0) s *= 1.25;
        best = Math.max(best, s);
      }
      if (best > 0) matchedClauses++;
      total += best;
    }
    if (relaxed) total *= (matchedClauses / clauses.length) ** 2;
    if (doc.role === 'read-more') total *= RANKING.readMore;
    if (doc.order === 0) total *= RANKING.opening;
    return total;
  }

  /** A bonus for the query's words appearing in order, or within a few words of each other. */
  private closeness(index: number, clauses: readonly Clause[]): number {
    if (clauses.length < 2) return 0;
    const text = this.text[index]!;
    const ids = clauses.map((c) =>
      c.anyOf
        .flatMap((m) => (m.type === 'term' ? [this.vocab.get(m.term)] : []))
        .filter((id): id is number => id !== undefined),
    );
    if (ids.some((alternatives) => alternatives.length === 0)) return 0;
    const firstIds = ids.map((alternatives) => alternatives[0]!);
    if (hasRun(text, firstIds)) return RANKING.phrase + RANKING.proximity;
    const window = smallestWindow(text, ids);
    if (window === Infinity) return 0;
    return RANKING.proximity * Math.min(1, (clauses.length + 1) / (window + 1));
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
      snippet: snippet(doc.text, markTerms),
      highlighted: highlight(doc.text, markTerms),
      text: doc.text,
      score: Math.round(score * 1000) / 1000,
    };
  }

  private toSeq(text: string): TermSeq {
    const tokens = tokenize(text);
    const ids = new Int32Array(tokens.length);
    const pos = new Int32Array(tokens.length);
    tokens.forEach((token, i) => {
      ids[i] = this.termId(token.term, text.slice(token.start, token.end));
      pos[i] = token.pos;
    });
    return { ids, pos };
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
      this.surface.push(fold(surface));
    }
    return id;
  }
}

function count(ids: Int32Array, id: number): number {
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] === id) n++;
  return n;
}

/** Whether the term ids occur at consecutive word positions. */
function hasRun(seq: TermSeq, ids: readonly number[]): boolean {
  const first = ids[0]!;
  for (let i = 0; i < seq.ids.length; i++) {
    if (seq.ids[i] !== first) continue;
    let ok = true;
    for (let k = 1; k < ids.length && ok; k++) ok = hasAt(seq, ids[k]!, seq.pos[i]! + k);
    if (ok) return true;
  }
  return false;
}

function hasAt(seq: TermSeq, id: number, position: number): boolean {
  for (let i = 0; i < seq.ids.length; i++) if (seq.pos[i] === position && seq.ids[i] === id) return true;
  return false;
}

/** The fewest word positions spanning one occurrence of each group of alternatives. */
function smallestWindow(seq: TermSeq, groups: readonly number[][]): number {
  const hits: { pos: number; group: number }[] = [];
  for (let i = 0; i < seq.ids.length; i++) {
    const group = groups.findIndex((g) => g.includes(seq.ids[i]!));
    if (group !== -1) hits.push({ pos: seq.pos[i]!, group });
  }
  const need = groups.length;
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
