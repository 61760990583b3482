import { jsonString } from './json-string';
import { JSON_CACHE_BYTES } from './limits';
import {
  moreFields,
  paragraphFields,
  type PlannedResponse,
  type PlannedResult,
  type ShownParagraph,
} from './results';
import type { SearchIndex } from './search-index';

/**
 * Writes a search response as UTF-8 JSON, byte for byte what `Buffer.from(JSON.stringify(response))`
 * gives for the same response built as objects (`toSearchResponse`), copying each paragraph's fixed
 * fields (its text among them) from bytes encoded the first time the paragraph is shown. A response
 * carries up to 60 paragraph texts, about three quarters of its 29 KB and two-byte strings because
 * of the archive's typographic quotes: building, serialising and encoding them for every request
 * was the largest single cost of an uncached API search. Only the snippets, scores and
 * response-level fields are serialised per request.
 *
 * A paragraph's bytes are `{"id":…,"url":…,"text":…` (all a `more` entry holds) then, once it has
 * been a result, `,"issue":…,"role":…`. They sit end to end in one buffer outside the V8 heap,
 * found by offsets per paragraph: no object per paragraph to fetch before its bytes. When the next
 * paragraph would take the buffer past `budgetBytes`, every paragraph is dropped and encoded again
 * as it is shown. Not reentrant: it writes one response at a time.
 */
export class ResponseJson {
  /** A plain byte array rather than a Buffer: its `subarray`, taken per paragraph written, is cheaper. */
  private arena: Uint8Array;
  private used = 0;
  /** Per paragraph: where its bytes start in `arena` (-1: not encoded), its `more` part ends, and they end. */
  private readonly start: Int32Array;
  private readonly headEnd: Int32Array;
  private readonly end: Int32Array;
  /** Per paragraph: 1 when its bytes hold a result's further fields too. */
  private readonly full: Uint8Array;
  private out = Buffer.allocUnsafe(64 * 1024);
  private at = 0;
  /** Serialised text not yet written to `out` (small pieces are joined before encoding). */
  private pending = '';

  constructor(
    private readonly index: SearchIndex,
    private readonly budgetBytes = JSON_CACHE_BYTES,
  ) {
    const n = index.docs.length;
    this.start = new Int32Array(n).fill(-1);
    this.headEnd = new Int32Array(n);
    this.end = new Int32Array(n);
    this.full = new Uint8Array(n);
    // Grown as paragraphs are shown, up to the budget (more only for one paragraph larger than it).
    this.arena = uninitialised(Math.min(budgetBytes, 256 * 1024));
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
      if (this.full[result.doc] !== 1) this.remember(result.doc, true);
      this.copy(this.start[result.doc]!, this.end[result.doc]!);
      this.pending += `,"snippet":${this.snippet(result)},"score":${JSON.stringify(result.score)}`;
      const { more } = result;
      if (more !== undefined) {
        this.pending += ',"more":[';
        for (let j = 0; j < more.length; j++) {
          const entry = more[j]!;
          if (j > 0) this.pending += ',';
          if (this.start[entry.doc] === -1) this.remember(entry.doc, false);
          this.copy(this.start[entry.doc]!, this.headEnd[entry.doc]!);
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
  private remember(d: number, full: boolean): void {
    const doc = this.index.docs[d]!;
    const head = JSON.stringify(moreFields(doc)).slice(0, -1);
    // A result's paragraph fields begin with a `more` entry's.
    const whole = full ? JSON.stringify(paragraphFields(doc)).slice(0, -1) : head;
    const bytes = Buffer.byteLength(whole);
    if (this.used + bytes > this.budgetBytes) {
      this.start.fill(-1);
      this.full.fill(0);
      this.used = 0;
    }
    if (this.used + bytes > this.arena.length) {
      const bigger = uninitialised(
        Math.max(Math.min(this.arena.length * 2, this.budgetBytes), this.used + bytes),
      );
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    this.start[d] = this.used;
    this.headEnd[d] = this.used + Buffer.byteLength(head);
    this.used += ENCODER.encodeInto(whole, this.arena.subarray(this.used)).written;
    this.end[d] = this.used;
    this.full[d] = full ? 1 : 0;
  }

  /** Writes encoded paragraph bytes after what is pending. */
  private copy(from: number, to: number): void {
    this.flush();
    this.reserve(to - from);
    this.out.set(this.arena.subarray(from, to), this.at);
    this.at += to - from;
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

const ENCODER = new TextEncoder();

/** Bytes not zeroed first (every byte read is written before). */
function uninitialised(length: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(length);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
}
