import { JSON_CACHE_BYTES } from './limits';
import {
  moreFields,
  paragraphFields,
  type PlannedResponse,
  type PlannedResult,
  type ShownParagraph,
} from './results';
import type { SearchIndex } from './search-index';

/** A paragraph's bytes: `{"id":…,"url":…,"text":…` then, once it has been a result, `,"issue":…,"role":…`. */
interface ParagraphBytes {
  bytes: Buffer;
  /** The `more` entry's part (id, url, text): a view of the start of `bytes`. */
  head: Buffer;
  /** Whether `bytes` holds the result's further fields too. */
  full: boolean;
}

/**
 * Writes a search response as UTF-8 JSON, byte for byte what `Buffer.from(JSON.stringify(response))`
 * gives for the same response built as objects (`toSearchResponse`), copying each paragraph's fixed
 * fields (its text among them) from bytes encoded the first time the paragraph is shown. A response
 * carries up to 60 paragraph texts, about three quarters of its 29 KB and two-byte strings because
 * of the archive's typographic quotes: building, serialising and encoding them for every request
 * was the largest single cost of an uncached API search. Only the snippets, scores and
 * response-level fields are serialised per request.
 *
 * One entry per paragraph (about 1 KB, outside the V8 heap), which a result and a `more` entry
 * share, since both begin with the id, URL and text. The entries take at most `budgetBytes`, the
 * oldest dropped first. Not reentrant: it writes one response at a time.
 */
export class ResponseJson {
  /** By paragraph index (looked up for every paragraph written: an array is quicker than a map). */
  private readonly byDoc: (ParagraphBytes | undefined)[];
  /** The same, in the order they were encoded: the oldest is dropped first. */
  private readonly paragraphs = new Map<number, ParagraphBytes>();
  private cachedBytes = 0;
  private out = Buffer.allocUnsafe(64 * 1024);
  private at = 0;
  /** Serialised text not yet written to `out` (small pieces are joined before encoding). */
  private pending = '';

  constructor(
    private readonly index: SearchIndex,
    private readonly budgetBytes = JSON_CACHE_BYTES,
  ) {
    // Filled, not sparse: a sparse array would be kept as a dictionary.
    this.byDoc = new Array<ParagraphBytes | undefined>(index.docs.length).fill(undefined);
  }

  encode(response: PlannedResponse): Buffer<ArrayBuffer> {
    this.at = 0;
    this.pending = '{';
    let first = true;
    for (const key in response) {
      const value = response[key as keyof PlannedResponse];
      // JSON.stringify leaves out keys whose value is undefined.
      if (value === undefined) continue;
      this.pending += `${first ? '' : ','}"${key}":`;
      first = false;
      if (key === 'results') this.writeResults(value as PlannedResult[]);
      else this.pending += JSON.stringify(value);
    }
    this.pending += '}';
    this.flush();
    return Buffer.from(this.out.subarray(0, this.at));
  }

  private writeResults(results: readonly PlannedResult[]): void {
    this.pending += '[';
    for (let i = 0; i < results.length; i++) {
      const result = results[i]!;
      if (i > 0) this.pending += ',';
      const known = this.byDoc[result.doc];
      this.copy((known?.full ? known : this.remember(result.doc, true)).bytes);
      this.pending += `,"snippet":${this.snippet(result)},"score":${JSON.stringify(result.score)}`;
      const { more } = result;
      if (more !== undefined) {
        this.pending += ',"more":[';
        for (let j = 0; j < more.length; j++) {
          const entry = more[j]!;
          if (j > 0) this.pending += ',';
          this.copy((this.byDoc[entry.doc] ?? this.remember(entry.doc, false)).head);
          this.pending += `,"snippet":${this.snippet(entry)}}`;
        }
        this.pending += ']';
      }
      if (result.moreCount !== undefined) this.pending += `,"moreCount":${JSON.stringify(result.moreCount)}`;
      this.pending += '}';
    }
    this.pending += ']';
  }

  /** A snippet as a JSON string: one of a plain text holds nothing to escape, so it is quoted as it is. */
  private snippet({ doc, snippet }: ShownParagraph): string {
    return this.index.plainText[doc] === 1 ? `"${snippet}"` : jsonString(snippet);
  }

  /** Encodes a paragraph's fixed fields: all of a result's, or a `more` entry's id, URL and text. */
  private remember(d: number, full: boolean): ParagraphBytes {
    const doc = this.index.docs[d]!;
    const head = JSON.stringify(moreFields(doc)).slice(0, -1);
    // A result's paragraph fields begin with a `more` entry's.
    const whole = full ? JSON.stringify(paragraphFields(doc)).slice(0, -1) : head;
    const bytes = Buffer.from(whole);
    const entry = { bytes, head: bytes.subarray(0, Buffer.byteLength(head)), full };
    this.forget(d);
    this.paragraphs.set(d, entry);
    this.byDoc[d] = entry;
    this.cachedBytes += entry.bytes.length;
    for (const [oldest] of this.paragraphs) {
      if (this.cachedBytes <= this.budgetBytes) break;
      this.forget(oldest);
    }
    return entry;
  }

  private forget(d: number): void {
    const known = this.paragraphs.get(d);
    if (!known) return;
    this.cachedBytes -= known.bytes.length;
    this.paragraphs.delete(d);
    this.byDoc[d] = undefined;
  }

  /** Writes cached bytes after what is pending. */
  private copy(bytes: Uint8Array): void {
    this.flush();
    this.reserve(bytes.length);
    this.out.set(bytes, this.at);
    this.at += bytes.length;
  }

  private flush(): void {
    if (!this.pending) return;
    // A UTF-16 code unit is at most three bytes of UTF-8.
    this.reserve(this.pending.length * 3);
    this.at += this.out.write(this.pending, this.at);
    this.pending = '';
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.at + bytes));
    this.out.copy(bigger, 0, 0, this.at);
    this.out = bigger;
  }
}

/**
 * Characters JSON.stringify would escape in a string: the quote, the backslash, control characters
 * and (as lone surrogates) any half of a surrogate pair. A snippet is escaped HTML, so it rarely
 * holds one (a quote is `&quot;`), and is then quoted as it is: calling JSON.stringify for each of
 * a response's 60 snippets cost more than writing them.
 */
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(text)`, without the call for text with nothing to escape. */
function jsonString(text: string): string {
  return NEEDS_JSON_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}
