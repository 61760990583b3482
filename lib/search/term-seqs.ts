import type { TermSeq } from './positions';

/**
 * Builds the token sequences of every text the engine reads (paragraphs, headlines and deks) into
 * one set of flat typed arrays, each text a range of them. Small arrays of their own, one per
 * text and field (47,000 for the archive), were scattered over memory: reading a phrase across
 * thousands of paragraphs spent most of its time fetching them (about six times slower than the
 * same reading over contiguous arrays).
 */
export class TermSeqBuilder {
  private ids = new Int32Array(1 << 16);
  private forms = new Int32Array(1 << 16);
  private pos = new Int32Array(1 << 16);
  private span = new Uint8Array(1 << 16);
  private start = new Int32Array(1 << 16);
  private end = new Int32Array(1 << 16);
  private length = 0;
  /** Where each text's tokens begin; text `k` ends where `k + 1` begins. */
  private readonly offsets: number[] = [0];

  /** Appends one token to the text being added. */
  push(id: number, form: number, pos: number, span: number, start: number, end: number): void {
    if (this.length === this.ids.length) this.grow();
    const at = this.length++;
    this.ids[at] = id;
    this.forms[at] = form;
    this.pos[at] = pos;
    this.span[at] = Math.min(255, span);
    this.start[at] = start;
    this.end[at] = end;
  }

  /** Ends the text being added; returns its number. */
  close(): number {
    this.offsets.push(this.length);
    return this.offsets.length - 2;
  }

  /** The term ids of a text added so far (valid until the next `push`). */
  idsOf(text: number): Int32Array {
    return this.ids.subarray(this.offsets[text]!, this.offsets[text + 1]!);
  }

  /** Every text added, in order, as ranges of arrays trimmed to their length. */
  finish(): TermSeq[] {
    const n = this.length;
    const ids = this.ids.slice(0, n);
    const forms = this.forms.slice(0, n);
    const pos = this.pos.slice(0, n);
    const span = this.span.slice(0, n);
    const start = this.start.slice(0, n);
    const end = this.end.slice(0, n);
    const out: TermSeq[] = [];
    for (let k = 0; k + 1 < this.offsets.length; k++) {
      out.push({ ids, forms, pos, span, start, end, from: this.offsets[k]!, to: this.offsets[k + 1]! });
    }
    return out;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const grown = <T extends Int32Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.ids = grown(this.ids, (n) => new Int32Array(n));
    this.forms = grown(this.forms, (n) => new Int32Array(n));
    this.pos = grown(this.pos, (n) => new Int32Array(n));
    this.span = grown(this.span, (n) => new Uint8Array(n));
    this.start = grown(this.start, (n) => new Int32Array(n));
    this.end = grown(this.end, (n) => new Int32Array(n));
  }
}
