import type { SearchResponse, SearchResult } from './types';

/** A result's fields that depend only on its paragraph, in the order `toResult` sets them. */
const FIXED_FIELDS = [
  'id',
  'url',
  'issue',
  'issueTitle',
  'date',
  'dateBasis',
  'story',
  'storyId',
  'dek',
  'kind',
  'topics',
  'role',
  'text',
] as const satisfies readonly (keyof SearchResult)[];

/**
 * Writes a search response as UTF-8 JSON, byte for byte what `Buffer.from(JSON.stringify(response))`
 * gives, copying each paragraph's fixed fields (its text among them) from bytes encoded the first
 * time the paragraph is shown. A response carries up to 60 paragraph texts, about three quarters of
 * its 29 KB and two-byte strings because of the archive's typographic quotes: serialising and
 * encoding them for every request was the largest single cost of an uncached API search. Only the
 * snippets, scores and response-level fields are serialised per request.
 *
 * Paragraphs are keyed by their permanent URL, unique in a build, so the cache holds at most two
 * entries per paragraph (outside the V8 heap). Not reentrant: it writes one response at a time.
 */
export class ResponseJson {
  /** Per paragraph URL: `{"id":…,…,"role":…,"text":…` of a result. */
  private readonly results = new Map<string, Buffer>();
  /** Per paragraph URL: `{"id":…,"url":…,"text":…` of a `more` entry. */
  private readonly mores = new Map<string, Buffer>();
  private out = Buffer.allocUnsafe(64 * 1024);
  private at = 0;
  /** Serialised text not yet written to `out` (small pieces are joined before encoding). */
  private pending = '';

  encode(response: SearchResponse): Buffer<ArrayBuffer> {
    this.at = 0;
    this.pending = '{';
    let first = true;
    for (const key in response) {
      const value = response[key as keyof SearchResponse];
      // JSON.stringify leaves out keys whose value is undefined.
      if (value === undefined) continue;
      this.pending += `${first ? '' : ','}"${key}":`;
      first = false;
      if (key === 'results') this.writeResults(value as SearchResult[]);
      else this.pending += JSON.stringify(value);
    }
    this.pending += '}';
    this.flush();
    return Buffer.from(this.out.subarray(0, this.at));
  }

  private writeResults(results: readonly SearchResult[]): void {
    this.pending += '[';
    for (let i = 0; i < results.length; i++) {
      const result = results[i]!;
      if (i > 0) this.pending += ',';
      this.copy(this.results.get(result.url) ?? this.remember(this.results, result.url, fixedJson(result)));
      this.pending += `,"snippet":${JSON.stringify(result.snippet)},"score":${JSON.stringify(result.score)}`;
      const { more } = result;
      if (more !== undefined) {
        this.pending += ',"more":[';
        for (let j = 0; j < more.length; j++) {
          const { id, url, text, snippet } = more[j]!;
          if (j > 0) this.pending += ',';
          this.copy(
            this.mores.get(url) ??
              this.remember(this.mores, url, JSON.stringify({ id, url, text }).slice(0, -1)),
          );
          this.pending += `,"snippet":${JSON.stringify(snippet)}}`;
        }
        this.pending += ']';
      }
      if (result.moreCount !== undefined) this.pending += `,"moreCount":${JSON.stringify(result.moreCount)}`;
      this.pending += '}';
    }
    this.pending += ']';
  }

  private remember(cache: Map<string, Buffer>, url: string, json: string): Buffer {
    const bytes = Buffer.from(json);
    cache.set(url, bytes);
    return bytes;
  }

  /** Writes cached bytes after what is pending. */
  private copy(bytes: Buffer): void {
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

/** `{"id":…,…,"text":"…"` of a result: its fields up to its text, without the closing brace. */
function fixedJson(result: SearchResult): string {
  const fixed: Partial<Record<(typeof FIXED_FIELDS)[number], unknown>> = {};
  for (const field of FIXED_FIELDS) fixed[field] = result[field];
  return JSON.stringify(fixed).slice(0, -1);
}
