/**
 * Typed arrays lent to one search and taken back when it ends, zeroed: a query needs several arrays
 * sized to the archive (a score per paragraph, a flag per story), and allocating them afresh for
 * every query made garbage collection a large share of a search's time. Searches run one at a
 * time (they are synchronous), so one pool per engine is enough.
 */
export class Scratch {
  private readonly free = new Map<string, ArrayBufferView[]>();
  private readonly lent: { key: string; array: Uint8Array | Uint16Array | Float32Array }[] = [];

  bytes(length: number): Uint8Array {
    return this.lend(`u8:${length}`, () => new Uint8Array(length));
  }

  counts(length: number): Uint16Array {
    return this.lend(`u16:${length}`, () => new Uint16Array(length));
  }

  floats(length: number): Float32Array {
    return this.lend(`f32:${length}`, () => new Float32Array(length));
  }

  /** Takes back every array lent since the last call, zeroed for the next search. */
  reclaim(): void {
    for (const { key, array } of this.lent) {
      array.fill(0);
      const list = this.free.get(key);
      if (list) list.push(array);
      else this.free.set(key, [array]);
    }
    this.lent.length = 0;
  }

  private lend<T extends Uint8Array | Uint16Array | Float32Array>(key: string, create: () => T): T {
    const array = (this.free.get(key)?.pop() as T | undefined) ?? create();
    this.lent.push({ key, array });
    return array;
  }
}
