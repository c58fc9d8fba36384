/**
 * A list of strings kept as UTF-8 bytes with an offset each, for lists that grow
 * with a batch (score's file names and region names, 100,000 of each): a JS string per entry costs
 * its header and V8's headroom, about twice its bytes, and every entry lives for the whole run.
 * Each `get` makes the string again. A string that UTF-8 cannot carry exactly (a lone surrogate,
 * from an escape in a file's YAML) is kept as it is beside the bytes, so every entry comes back
 * exactly as it went in.
 */
/** In Unicode mode a surrogate pair is one code point, so this finds only lone halves. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Bytes in a chunk: under glibc's first threshold (128 KiB) for giving an allocation a mapping of its own. */
const CHUNK = 1 << 16;
/** Entries in a block of end offsets (32 KiB each). */
const BLOCK_BITS = 13;
const BLOCK = 1 << BLOCK_BITS;

/**
 * The bytes are kept in chunks of 64 KiB, each holding whole entries, and the offsets in blocks
 * of 8,192, neither ever copied to a larger one: a buffer grown by doubling left each old copy
 * to the allocator, and glibc, having given a large copy back, raises the size from which it maps
 * an allocation on its own, so every later large allocation of every thread stayed in heaps that
 * do not shrink (issue 9: on 100,000 files the process kept about 10 MiB more).
 */
export class StringList implements Iterable<string> {
  private readonly chunks: Buffer[] = [];
  /** The first entry of each chunk. */
  private readonly firsts: number[] = [];
  /** Where entry i ends in its chunk; it starts where entry i - 1 ends, or at 0 if it is its chunk's first. */
  private readonly ends: Uint32Array[] = [];
  private count = 0;
  /** Bytes used in the last chunk. */
  private used = 0;
  private readonly odd = new Map<number, string>();

  static from(list: Iterable<string>): StringList {
    const strings = new StringList();
    for (const s of list) strings.push(s);
    return strings;
  }

  get length(): number {
    return this.count;
  }

  /** Adds `text` at the end; returns its index. */
  push(text: string): number {
    const i = this.count++;
    if ((i & (BLOCK - 1)) === 0) this.ends.push(new Uint32Array(BLOCK));
    if (LONE_SURROGATE.test(text)) this.odd.set(i, text);
    else {
      // At most three bytes per UTF-16 code unit.
      const room = text.length * 3;
      const chunk = this.chunks.at(-1);
      if (chunk === undefined || this.used + room > chunk.length) {
        this.chunks.push(Buffer.allocUnsafe(Math.max(room, CHUNK)));
        this.firsts.push(i);
        this.used = 0;
      }
      this.used += this.chunks.at(-1)!.write(text, this.used, "utf8");
    }
    this.ends[i >>> BLOCK_BITS]![i & (BLOCK - 1)] = this.used;
    return i;
  }

  /** Entry `i`, or undefined past the end (as an array's index). */
  get(i: number): string | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) return undefined;
    const odd = this.odd.get(i);
    if (odd !== undefined) return odd;
    const c = this.chunkOf(i);
    const start = this.firsts[c] === i ? 0 : this.end(i - 1);
    return this.chunks[c]!.toString("utf8", start, this.end(i));
  }

  /** Entries `start` up to `end` (not included), as an array. */
  slice(start: number, end = this.count): string[] {
    const list: string[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.count); i++) list.push(this.get(i)!);
    return list;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.count; i++) yield this.get(i)!;
  }

  private end(i: number): number {
    return this.ends[i >>> BLOCK_BITS]![i & (BLOCK - 1)]!;
  }

  /** The chunk entry `i` is in: the last whose first entry is not after it. */
  private chunkOf(i: number): number {
    let low = 0;
    let high = this.firsts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.firsts[mid]! <= i) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
