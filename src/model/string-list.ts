/**
 * A list of strings kept as UTF-8 bytes in one buffer with an offset each, for lists that grow
 * with a batch (score's file names and region names, 100,000 of each): a JS string per entry costs
 * its header and V8's headroom, about twice its bytes, and every entry lives for the whole run.
 * Each `get` makes the string again. A string that UTF-8 cannot carry exactly (a lone surrogate,
 * from an escape in a file's YAML) is kept as it is beside the bytes, so every entry comes back
 * exactly as it went in.
 */
/** In Unicode mode a surrogate pair is one code point, so this finds only lone halves. */
const LONE_SURROGATE = /\p{Surrogate}/u;

export class StringList implements Iterable<string> {
  private bytes = Buffer.allocUnsafe(1 << 16);
  /** Where entry i ends in `bytes`; it starts where entry i - 1 ends. */
  private ends = new Float64Array(1024);
  private count = 0;
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
    if (i === this.ends.length) {
      const grown = new Float64Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    if (LONE_SURROGATE.test(text)) this.odd.set(i, text);
    else {
      // At most three bytes per UTF-16 code unit.
      const room = this.used + text.length * 3;
      if (room > this.bytes.length) {
        const grown = Buffer.allocUnsafe(Math.max(room, this.bytes.length * 2));
        this.bytes.copy(grown, 0, 0, this.used);
        this.bytes = grown;
      }
      this.used += this.bytes.write(text, this.used, "utf8");
    }
    this.ends[i] = this.used;
    return i;
  }

  /** Entry `i`, or undefined past the end (as an array's index). */
  get(i: number): string | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) return undefined;
    const odd = this.odd.get(i);
    if (odd !== undefined) return odd;
    return this.bytes.toString("utf8", i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
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
}
