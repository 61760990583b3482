import type { Document } from 'flexsearch';
import { STORY_KIND_LABELS, STORY_KINDS } from '../catalogue/model';
import { TOPICS } from '../topics/taxonomy';
import type { SearchDoc } from './documents';
import { linkTerms, lookupTerm, type FieldHits, type toFlexDoc } from './flex';
import { needsHtmlEscape } from './highlight';
import { needsJsonEscape } from './json-string';
import type { TermSeq } from './positions';
import { RANKING } from './ranking';
import { Speller, type KnownWord } from './spelling';
import { TermSeqBuilder } from './term-seqs';
import { fold, formOf, tokenize, wordOf } from './text';

/** Term ids and counts of the paragraphs holding a term (or a word form) in their text. */
export interface Postings {
  docs: Int32Array;
  tfs: Uint16Array;
}

const EMPTY_POSTINGS: Postings = { docs: new Int32Array(0), tfs: new Uint16Array(0) };

/**
 * What the engine reads besides FlexSearch, built once when a build is loaded. FlexSearch answers
 * which paragraphs hold a term in which field; it keeps no term counts, no word positions and no
 * unstemmed spellings, so these tables hold them: per-paragraph term and word-form counts (BM25 and
 * the exact-form preference), token sequences (phrases, proximity, snippets), and per-story
 * attributes (story scores, grouping and facets). Paragraphs are stored newest issue first, in
 * reading order, so a story's paragraphs are contiguous.
 */
export class SearchIndex {
  readonly docs: readonly SearchDoc[];
  readonly flex: Document<ReturnType<typeof toFlexDoc>>;

  private readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  private readonly formIds = new Map<string, number>();
  /** Every word seen (folded, unstemmed) with its stem and count: spelling works on words. */
  readonly words = new Map<string, KnownWord>();
  /** The same words sorted, for completing a prefix. */
  private readonly sortedWords: string[];
  readonly speller: Speller;
  /**
   * Words that name a story kind or a topic this build holds ("tech tales", "geopolitics"): never
   * corrected, even when no paragraph uses them.
   */
  readonly labelWords: ReadonlySet<string>;

  /** Per paragraph. */
  readonly text: TermSeq[];
  /** Each paragraph's text, as its document holds it: in one array, since every snippet reads one. */
  readonly texts: readonly string[];
  readonly storyOf: Int32Array;
  /**
   * BM25's length normalisation of each paragraph; an opening paragraph's length includes its
   * story's headline and dek (weighed by `RANKING.headline`), read as its run-in heading.
   */
  readonly paragraphNorm: Float32Array;
  /** What each paragraph's role and position multiply its score by (`RANKING.readMore`, …). */
  readonly paragraphWeight: Float32Array;
  /** Each cited link as "host/path", lower-cased, without scheme or www. */
  readonly linkTargets: string[][];
  /**
   * 1 when the paragraph's text holds nothing HTML or JSON escapes (most do not): its snippets are
   * then built and written without looking for anything to escape.
   */
  readonly plainText: Uint8Array;
  /** Position of each paragraph when sorted oldest first (reading order within an issue). */
  readonly oldestRank: Int32Array;
  readonly byOldestRank: Int32Array;

  /** Per story: its first paragraph and paragraph count, headline+dek tokens, BM25 norm, facets. */
  readonly storyFirst: Int32Array;
  readonly storySize: Int32Array;
  readonly heads: TermSeq[];
  readonly storyNorm: Float32Array;
  readonly storyTopics: Uint32Array;
  readonly storyYear: Int32Array;
  readonly storyIssue: Int32Array;
  readonly storyKind: Uint8Array;
  readonly storyOldestRank: Int32Array;
  readonly yearList: number[];

  /** Per term id: paragraphs holding it in their text, with counts; and stories holding it anywhere. */
  private readonly termPostings: Postings[];
  private readonly storyDf: Int32Array;
  /** Per word-form id: paragraphs holding that exact form in their text, with counts. */
  private readonly formPostings: Postings[];
  /**
   * Per story, how many times its headline and dek hold a term, and a word form: read for every
   * story whose heading matches a query's word, which counting its tokens made a tenth of a
   * search's scoring time.
   */
  private readonly headTerms: CountTable;
  private readonly headForms: CountTable;

  constructor(docs: readonly SearchDoc[], flex: Document<ReturnType<typeof toFlexDoc>>) {
    this.docs = docs;
    this.flex = flex;
    const n = this.docs.length;
    this.storyOf = new Int32Array(n);
    const firsts: number[] = [];
    const termLists: { docs: number[]; tfs: number[] }[] = [];
    const formLists: { docs: number[]; tfs: number[] }[] = [];
    const storyDf: number[] = [];
    let storyTerms = new Set<number>();
    let totalLength = 0;
    const storyLengths: number[] = [];
    const seqs = new TermSeqBuilder();
    const headSeqs: number[] = [];
    const textSeqs: number[] = [];
    for (const doc of this.docs) {
      if (doc.order === 0) {
        for (const id of storyTerms) storyDf[id] = (storyDf[id] ?? 0) + 1;
        firsts.push(doc.index);
        const head = this.addSeq(seqs, `${doc.story} ${doc.dek}`);
        headSeqs.push(head);
        const ids = seqs.idsOf(head);
        storyTerms = new Set(ids);
        storyLengths.push(ids.length);
      }
      const story = firsts.length - 1;
      this.storyOf[doc.index] = story;
      const seq = this.addSeq(seqs, doc.text);
      textSeqs.push(seq);
      const ids = seqs.idsOf(seq);
      totalLength += ids.length;
      storyLengths[story]! += ids.length;
      addCounts(termLists, ids, doc.index);
      for (const id of ids) storyTerms.add(id);
      // Link words join the vocabulary (an arXiv id is a word someone may search for).
      for (const term of doc.links.flatMap(linkTerms)) this.termId(term, term);
    }
    for (const id of storyTerms) storyDf[id] = (storyDf[id] ?? 0) + 1;
    const built = seqs.finish();
    this.heads = headSeqs.map((k) => built[k]!);
    this.text = textSeqs.map((k) => built[k]!);
    this.text.forEach((seq, d) => addCounts(formLists, seq.forms.subarray(seq.from, seq.to), d));
    this.headTerms = new CountTable(this.heads.map((seq) => seq.ids.subarray(seq.from, seq.to)));
    this.headForms = new CountTable(this.heads.map((seq) => seq.forms.subarray(seq.from, seq.to)));

    this.termPostings = toPostings(termLists, this.terms.length);
    this.formPostings = toPostings(formLists, this.formIds.size);
    this.storyDf = Int32Array.from(this.terms, (_, id) => storyDf[id] ?? 0);
    this.sortedWords = [...this.words.keys()].sort();
    this.speller = new Speller(this.words);

    const avgLength = totalLength / Math.max(1, n);
    this.paragraphNorm = Float32Array.from(this.text, (seq, d) => {
      const head = this.heads[this.storyOf[d]!]!;
      const heading = this.docs[d]!.order === 0 ? head.to - head.from : 0;
      const length = seq.to - seq.from + RANKING.headline * heading;
      return 1 - RANKING.b + (RANKING.b * length) / avgLength;
    });
    const avgStory = storyLengths.reduce((a, b) => a + b, 0) / Math.max(1, storyLengths.length);
    this.storyNorm = Float32Array.from(
      storyLengths,
      (length) => 1 - RANKING.storyB + (RANKING.storyB * length) / avgStory,
    );
    this.paragraphWeight = Float32Array.from(this.docs, (doc) => {
      const role =
        doc.role === 'read-more'
          ? RANKING.readMore
          : doc.role === 'why-this-matters'
            ? RANKING.commentary
            : 1;
      return role * (doc.order === 0 ? 1 + RANKING.opening : 1);
    });
    this.storyFirst = Int32Array.from(firsts);
    this.storySize = Int32Array.from(firsts, (first, s) => (firsts[s + 1] ?? n) - first);
    const firstDoc = (s: number) => this.docs[firsts[s]!]!;
    this.storyTopics = Uint32Array.from(firsts, (_, s) => topicMask(firstDoc(s).topics));
    this.storyYear = Int32Array.from(firsts, (_, s) => firstDoc(s).year);
    this.storyIssue = Int32Array.from(firsts, (_, s) => firstDoc(s).issue);
    this.storyKind = Uint8Array.from(firsts, (_, s) => STORY_KINDS.indexOf(firstDoc(s).kind));
    this.linkTargets = this.docs.map((d) => d.links.map(linkTarget));
    this.texts = this.docs.map((d) => d.text);
    this.plainText = Uint8Array.from(this.docs, (d) =>
      needsHtmlEscape(d.text) || needsJsonEscape(d.text) ? 0 : 1,
    );

    const chronological = [...this.docs].sort(
      (a, b) => a.date.localeCompare(b.date) || a.issue - b.issue || a.index - b.index,
    );
    this.oldestRank = new Int32Array(n);
    this.byOldestRank = Int32Array.from(chronological, (doc) => doc.index);
    chronological.forEach((doc, rank) => (this.oldestRank[doc.index] = rank));
    this.storyOldestRank = new Int32Array(firsts.length);
    let rank = 0;
    for (const doc of chronological)
      if (doc.order === 0) this.storyOldestRank[this.storyOf[doc.index]!] = rank++;
    this.yearList = [...new Set(this.docs.map((d) => d.year))].sort((a, b) => b - a);
    this.labelWords = labelWordsOf(this.docs);
  }

  get storyCount(): number {
    return this.storyFirst.length;
  }

  termIdOf(term: string): number | undefined {
    return this.termIds.get(term);
  }

  formIdOf(word: string): number | undefined {
    return this.formIds.get(formOf(word));
  }

  hasTerm(term: string): boolean {
    return this.termIds.has(term);
  }

  postingsOf(termId: number): Postings {
    return this.termPostings[termId] ?? EMPTY_POSTINGS;
  }

  formPostingsOf(formId: number): Postings {
    return this.formPostings[formId] ?? EMPTY_POSTINGS;
  }

  /** How many times the story's headline and dek hold the term. */
  headCount(story: number, termId: number): number {
    return this.headTerms.count(story, termId);
  }

  /** How many times the story's headline and dek hold the word form. */
  headFormCount(story: number, formId: number): number {
    return this.headForms.count(story, formId);
  }

  /** Inverse document frequency of a term among paragraphs (their text). */
  paragraphIdf(termId: number): number {
    return idf(this.docs.length, this.postingsOf(termId).docs.length);
  }

  /** Inverse document frequency of a term among stories (headline, dek and text). */
  storyIdf(termId: number): number {
    return idf(this.storyCount, this.storyDf[termId] ?? 0);
  }

  /** FlexSearch's answer for a term: the paragraphs holding it, per field. */
  lookup(term: string): FieldHits {
    return lookupTerm(this.flex, term);
  }

  /** Words the archive uses that start with `prefix`, most frequent first. */
  complete(prefix: string, limit: number): string[] {
    let lo = 0;
    let hi = this.sortedWords.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedWords[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < this.sortedWords.length && this.sortedWords[i]!.startsWith(prefix); i++) {
      if (this.sortedWords[i] !== prefix) found.push(this.sortedWords[i]!);
    }
    return found.sort((a, b) => this.words.get(b)!.count - this.words.get(a)!.count).slice(0, limit);
  }

  /** Reads a text into the builder; returns its number there. */
  private addSeq(seqs: TermSeqBuilder, text: string): number {
    for (const token of tokenize(text)) {
      const word = wordOf(text.slice(token.start, token.end));
      seqs.push(
        this.termId(token.term, word),
        this.formId(word),
        token.pos,
        token.span,
        token.start,
        token.end,
      );
    }
    return seqs.close();
  }

  /** The vocabulary id of a term, counting the word it was written as. */
  private termId(term: string, word: string): number {
    const seen = this.words.get(word);
    if (seen) seen.count++;
    else this.words.set(word, { term, count: 1 });
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  private formId(word: string): number {
    const key = formOf(word);
    let id = this.formIds.get(key);
    if (id === undefined) {
      id = this.formIds.size;
      this.formIds.set(key, id);
    }
    return id;
  }
}

function idf(total: number, df: number): number {
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
}

function addCounts(lists: { docs: number[]; tfs: number[] }[], ids: Int32Array, doc: number): void {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [id, tf] of counts) {
    const list = (lists[id] ??= { docs: [], tfs: [] });
    list.docs.push(doc);
    list.tfs.push(Math.min(65535, tf));
  }
}

/**
 * Per row (a story's heading), its distinct ids with their counts, sorted by id, in one pair of
 * arrays: a count is found by binary search within the row.
 */
class CountTable {
  private readonly offsets: Int32Array;
  private readonly ids: Int32Array;
  private readonly counts: Uint16Array;

  constructor(rows: readonly Int32Array[]) {
    const sorted = rows.map((row) => Int32Array.from(row).sort());
    let total = 0;
    for (const row of sorted)
      for (let i = 0; i < row.length; i++) if (i === 0 || row[i] !== row[i - 1]) total++;
    this.offsets = new Int32Array(rows.length + 1);
    this.ids = new Int32Array(total);
    this.counts = new Uint16Array(total);
    let at = 0;
    sorted.forEach((row, r) => {
      for (let i = 0; i < row.length; i++) {
        if (i > 0 && row[i] === row[i - 1]) {
          if (this.counts[at - 1]! < 65535) this.counts[at - 1]!++;
          continue;
        }
        this.ids[at] = row[i]!;
        this.counts[at++] = 1;
      }
      this.offsets[r + 1] = at;
    });
  }

  count(row: number, id: number): number {
    let lo = this.offsets[row]!;
    let hi = this.offsets[row + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.ids[mid]!;
      if (at === id) return this.counts[mid]!;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}

/** Every list's postings as views into one pair of arrays (contiguous, and two objects, not thousands). */
function toPostings(
  lists: readonly ({ docs: number[]; tfs: number[] } | undefined)[],
  count: number,
): Postings[] {
  let total = 0;
  for (const list of lists) total += list?.docs.length ?? 0;
  const docs = new Int32Array(total);
  const tfs = new Uint16Array(total);
  const out: Postings[] = [];
  let at = 0;
  for (let id = 0; id < count; id++) {
    const list = lists[id];
    if (!list) {
      out.push(EMPTY_POSTINGS);
      continue;
    }
    docs.set(list.docs, at);
    tfs.set(list.tfs, at);
    out.push({
      docs: docs.subarray(at, at + list.docs.length),
      tfs: tfs.subarray(at, at + list.docs.length),
    });
    at += list.docs.length;
  }
  return out;
}

/** Bit `i` set for the i-th topic of the taxonomy. */
export function topicMask(slugs: readonly string[]): number {
  return slugs.reduce((mask, slug) => {
    const bit = TOPICS.findIndex((t) => t.slug === slug);
    return bit === -1 ? mask : mask | (1 << bit);
  }, 0);
}

function labelWordsOf(docs: readonly SearchDoc[]): Set<string> {
  const kinds = new Set(docs.map((d) => d.kind));
  const topics = new Set(docs.flatMap((d) => d.topics));
  const labels = [
    ...STORY_KINDS.filter((k) => kinds.has(k)).flatMap((k) => [k, STORY_KIND_LABELS[k]]),
    ...TOPICS.filter((t) => topics.has(t.slug)).flatMap((t) => [t.slug, t.label]),
  ];
  return new Set(labels.flatMap((label) => tokenize(label).map((t) => wordOf(label.slice(t.start, t.end)))));
}

/** "https://www.arxiv.org/abs/1?x" → "arxiv.org/abs/1?x". */
function linkTarget(href: string): string {
  return fold(href)
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '');
}
