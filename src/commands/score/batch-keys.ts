import { regionKey } from "../../engine/compare.js";
import { rankOrder, type RankOrder } from "../../engine/rank.js";
import { exact, isSmall, type Exact } from "../../model/exact.js";
import { StringList } from "../../model/string-list.js";
import { sortedIndices } from "../../model/collections.js";

/**
 * What a batch keeps in memory of each scored file until its output is written: what the
 * ranking, the batch warnings and the gates need, and nothing else (each file's summary waits in
 * a spill file, src/io/spill.ts). Entry i is the spill's value i. Kept column by column in typed
 * arrays, not as an object per file: a file costs its region name's bytes and about 30 more, so that
 * memory stays flat from a thousand files to a hundred thousand (an object, an exact total of two
 * bigints and a region-and-year key string per file came to 750 bytes).
 */
export class BatchKeys {
  private count = 0;
  /** Index of the file in the batch's input list. */
  private files: Int32Array;
  /** Numerator and denominator of the total, when both are exact in a double (else `large`). */
  private numerators: Float64Array;
  private denominators: Float64Array;
  private readonly large = new Map<number, Exact>();
  private groups: Int32Array | undefined;
  private readonly groupNames: string[] = [];
  private readonly groupIds = new Map<string, number>();
  /** Region names as bytes: a string each cost about 40 bytes more, for every file of the run. */
  private readonly regions = new StringList();
  /** 0 for none. */
  private years: Int32Array;
  /**
   * A hash of each entry's region-and-year key (two keys may share one): a column like the rest,
   * sorted when the batch is done to find the regions ranked twice. A map from hash to entries
   * held 3.7 MB of V8's heap on 100,000 files, and V8 lets its heap grow to a multiple of what
   * it keeps.
   */
  private hashes: Int32Array;

  constructor(
    /** The batch's files, as the user named them. */
    private readonly fileNames: Pick<StringList, "get">,
    grouped: boolean,
    /**
     * Files expected (the batch's size): the columns are made this long at once. Grown by
     * doubling, each left its old copy behind in the allocator, where later allocations settled
     * around it and kept it from going back: on 100,000 files the process kept megabytes more.
     */
    expected = 1024,
  ) {
    const size = Math.max(1, expected);
    this.files = new Int32Array(size);
    this.numerators = new Float64Array(size);
    this.denominators = new Float64Array(size);
    this.years = new Int32Array(size);
    this.hashes = new Int32Array(size);
    if (grouped) this.groups = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** Keeps the keys of a scored file; returns its entry, the same as the spill's. */
  add(file: number, region: string, total: Exact, year: number | undefined, group: string | undefined): number {
    const i = this.count++;
    if (i === this.files.length) this.grow();
    this.files[i] = file;
    const safe = isSmall(total);
    this.numerators[i] = safe ? Number(total.n) : Number.NaN;
    this.denominators[i] = safe ? Number(total.d) : Number.NaN;
    if (!safe) this.large.set(i, total);
    this.regions.push(region);
    this.years[i] = year ?? 0;
    if (this.groups) {
      const name = group ?? "";
      let id = this.groupIds.get(name);
      if (id === undefined) {
        id = this.groupNames.push(name) - 1;
        this.groupIds.set(name, id);
      }
      this.groups[i] = id;
    }
    this.hashes[i] = hashText(regionYearKey(region, year || undefined));
    return i;
  }

  total(i: number): Exact {
    return this.large.get(i) ?? exact(BigInt(this.numerators[i]!), BigInt(this.denominators[i]!));
  }

  file(i: number): string {
    return this.fileNames.get(this.files[i]!)!;
  }

  region(i: number): string {
    return this.regions.get(i)!;
  }

  group(i: number): string | undefined {
    return this.groups ? this.groupNames[this.groups[i]!] : undefined;
  }

  /** The ranking (by group when the batch is grouped). */
  rank(): RankOrder {
    const groups = this.groups;
    return rankOrder({
      count: this.count,
      total: (i) => this.total(i),
      approx: (i) => this.numerators[i]! / this.denominators[i]!,
      region: (i) => this.region(i),
      file: (i) => this.file(i),
      ...(groups ? { group: (i: number) => this.groupNames[groups[i]!]! } : {}),
    });
  }

  /**
   * The entries of each region (with its year) kept more than once, in the order of their first
   * entries, each list in input order: a revised copy of a file beside the old one.
   */
  repeatedRegions(): number[][] {
    const repeated: number[][] = [];
    const sorted = this.byHash();
    for (let start = 0; start < sorted.length; ) {
      let end = start + 1;
      while (end < sorted.length && this.hashes[sorted[end]!] === this.hashes[sorted[start]!]) end++;
      if (end - start > 1) {
        const byKey = new Map<string, number[]>();
        for (const i of sorted.subarray(start, end)) {
          const key = this.regionYear(i);
          const list = byKey.get(key);
          if (list) list.push(i);
          else byKey.set(key, [i]);
        }
        for (const list of byKey.values()) if (list.length > 1) repeated.push(list);
      }
      start = end;
    }
    return repeated.sort((a, b) => a[0]! - b[0]!);
  }

  /** The entries by their hash, those of one hash in input order. */
  private byHash(): Int32Array {
    return sortedIndices(this.count, (a, b) => this.hashes[a]! - this.hashes[b]!);
  }

  private regionYear(i: number): string {
    return regionYearKey(this.region(i), this.years[i] || undefined);
  }

  private grow(): void {
    const size = this.files.length * 2;
    const grown = <A extends Int32Array | Float64Array>(from: A, to: A): A => {
      to.set(from);
      return to;
    };
    this.files = grown(this.files, new Int32Array(size));
    this.numerators = grown(this.numerators, new Float64Array(size));
    this.denominators = grown(this.denominators, new Float64Array(size));
    this.years = grown(this.years, new Int32Array(size));
    this.hashes = grown(this.hashes, new Int32Array(size));
    if (this.groups) this.groups = grown(this.groups, new Int32Array(size));
  }
}

/** A region and its year as one key: "Kab. Malang" and "Kabupaten Malang" of 2024 are the same. */
export const regionYearKey = (region: string, year: number | undefined): string =>
  `${regionKey(region)}\0${year ?? ""}`;

/** FNV-1a over the UTF-16 code units, cut to 30 bits: a small integer (no heap number) as a Map key, never a string per file. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}
