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
/** With `shared`, every this many entries one is kept whole, so a `get` rebuilds at most this many. */
const RESTART = 16;
/** The longest prefix taken from the entry before (a Uint16Array's largest value). */
const MAX_SHARED = 0xffff;

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
  /**
   * With `shared`: how many UTF-16 code units each entry takes from the start of the one before,
   * only the rest being kept. A folder's sorted paths share most of their length: the bench's
   * 100,000 names of 57 bytes then take 12 each.
   */
  private readonly shared: Uint16Array[] | undefined;
  /** The entry pushed last, to find the prefix the next shares with it. */
  private last = "";
  /** The entry `get` gave last, and its index: a list read in order rebuilds each entry in one step. */
  private lastRead = { index: -1, text: "" };

  constructor(options: { shared?: boolean } = {}) {
    this.shared = options.shared ? [] : undefined;
  }

  static from(list: Iterable<string>, options: { shared?: boolean } = {}): StringList {
    const strings = new StringList(options);
    for (const s of list) strings.push(s);
    return strings;
  }

  get length(): number {
    return this.count;
  }

  /** Adds `text` at the end; returns its index. */
  push(whole: string): number {
    const i = this.count++;
    if ((i & (BLOCK - 1)) === 0) {
      this.ends.push(new Uint32Array(BLOCK));
      this.shared?.push(new Uint16Array(BLOCK));
    }
    let text = whole;
    if (LONE_SURROGATE.test(whole)) this.odd.set(i, whole);
    else {
      if (this.shared && i % RESTART !== 0) {
        const last = this.last;
        const most = Math.min(last.length, whole.length, MAX_SHARED);
        let n = 0;
        while (n < most && last.charCodeAt(n) === whole.charCodeAt(n)) n++;
        // Never between the halves of a pair: the rest must be whole characters.
        const before = whole.charCodeAt(n - 1);
        if (n > 0 && n < whole.length && before >= 0xd800 && before <= 0xdbff) n--;
        this.shared[i >>> BLOCK_BITS]![i & (BLOCK - 1)] = n;
        text = whole.slice(n);
      }
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
    if (this.shared) this.last = whole;
    return i;
  }

  /** Entry `i`, or undefined past the end (as an array's index). */
  get(i: number): string | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) return undefined;
    if (!this.shared) return this.odd.get(i) ?? this.own(i);
    if (this.lastRead.index === i) return this.lastRead.text;
    // From the entry read last when it is on the way, else from the last entry kept whole.
    const base = this.lastRead.index < i ? this.lastRead.index : -1;
    let from = i;
    while (from > base + 1 && this.sharedBy(from) > 0) from--;
    let text = base >= 0 && from === base + 1 ? this.lastRead.text : "";
    for (let j = from; j <= i; j++) {
      const odd = this.odd.get(j);
      text = odd ?? text.slice(0, this.sharedBy(j)) + this.own(j);
    }
    this.lastRead = { index: i, text };
    return text;
  }

  /** The part of entry `i` kept in the chunks (all of it, without `shared`). */
  private own(i: number): string {
    const c = this.chunkOf(i);
    const start = this.firsts[c] === i ? 0 : this.end(i - 1);
    return this.chunks[c]!.toString("utf8", start, this.end(i));
  }

  private sharedBy(i: number): number {
    return this.shared![i >>> BLOCK_BITS]![i & (BLOCK - 1)]!;
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
