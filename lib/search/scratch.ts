type Pooled = Uint8Array | Uint16Array | Int32Array | Float32Array | Float64Array;
type PoolType = 'u8' | 'u16' | 'i32' | 'f32' | 'f64';

/**
 * Typed arrays lent to one search and taken back when it ends, zeroed: a query needs several arrays
 * sized to the archive (a score per paragraph, a flag per story) and others sized to its matches (a
 * score per matching story), and allocating them afresh for every query made garbage collection a
 * large share of a search's time. Arrays are pooled by type and by capacity rounded up to a power
 * of two, so lengths that vary from query to query share a few buffers; the caller gets a view of
 * exactly the length asked for. Searches run one at a time (they are synchronous), so one pool per
 * engine is enough.
 */
export class Scratch {
  /** Per type, free arrays by capacity. */
  private readonly free: Record<PoolType, Map<number, Pooled[]>> = {
    u8: new Map(),
    u16: new Map(),
    i32: new Map(),
    f32: new Map(),
    f64: new Map(),
  };
  private readonly lent: { pool: Map<number, Pooled[]>; array: Pooled; length: number }[] = [];

  bytes(length: number): Uint8Array {
    return this.lend('u8', length, (capacity) => new Uint8Array(capacity));
  }

  counts(length: number): Uint16Array {
    return this.lend('u16', length, (capacity) => new Uint16Array(capacity));
  }

  ints(length: number): Int32Array {
    return this.lend('i32', length, (capacity) => new Int32Array(capacity));
  }

  floats(length: number): Float32Array {
    return this.lend('f32', length, (capacity) => new Float32Array(capacity));
  }

  doubles(length: number): Float64Array {
    return this.lend('f64', length, (capacity) => new Float64Array(capacity));
  }

  /** Takes back every array lent since the last call, zeroed for the next search. */
  reclaim(): void {
    for (const { pool, array, length } of this.lent) {
      array.fill(0, 0, length);
      const list = pool.get(array.length);
      if (list) list.push(array);
      else pool.set(array.length, [array]);
    }
    this.lent.length = 0;
  }

  private lend<T extends Pooled>(type: PoolType, length: number, create: (capacity: number) => T): T {
    const capacity = length <= 16 ? 16 : 2 ** Math.ceil(Math.log2(length));
    const pool = this.free[type];
    const array = (pool.get(capacity)?.pop() as T | undefined) ?? create(capacity);
    this.lent.push({ pool, array, length });
    return array.subarray(0, length) as T;
  }
}
