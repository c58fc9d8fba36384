import { sortedIndices } from "../model/collections.js";
import { compare, type Exact } from "../model/exact.js";

export interface Rankable {
  total: Exact;
  region: string;
  file: string;
}

export interface Ranked<T> {
  item: T;
  /** Competition rank inside the item's group: 1, 2, 2, 4. */
  rank: number;
  /** The group the item was ranked in, when ranking by groups. */
  group?: string;
}

/**
 * Items 0 … count − 1 to rank, seen through accessors, so that a batch of 100,000 files can keep
 * its keys in typed arrays rather than an object per file.
 */
export interface RankKeys {
  count: number;
  total(i: number): Exact;
  /**
   * The total as the nearest double, or NaN where that is not known to be correctly rounded. It
   * only speeds up the sort: rounding keeps order, so two different doubles order their exact
   * totals the same way, and equal ones are compared exactly.
   */
  approx(i: number): number;
  region(i: number): string;
  file(i: number): string;
  /** Undefined: one ranking; else each group is ranked on its own, groups in the order of their keys. */
  group?: (i: number) => string;
}

export interface RankOrder {
  /** The items in ranking order. */
  order: Int32Array;
  /** The rank of the item at each place of `order`. */
  ranks: Int32Array;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Region names compared without regard to case first, so "KAB. X" and "Kab. X" sit together. */
const byRegion = (a: string, b: string): number => byText(a.toLowerCase(), b.toLowerCase()) || byText(a, b);

/**
 * Competition ranking on the exact totals (never on rounded figures): equal totals share a
 * rank and the next rank skips. Ties are listed by region, then file path, so the same inputs
 * always give the same order. With `keys.group`, each group is ranked on its own and groups are
 * listed in the order of their keys.
 */
export function rankOrder(keys: RankKeys): RankOrder {
  const { group } = keys;
  const byTotal = (a: number, b: number): number => {
    const x = keys.approx(a);
    const y = keys.approx(b);
    // Both false when the doubles are equal or either is NaN: then the exact totals decide.
    if (x > y) return -1;
    if (x < y) return 1;
    return compare(keys.total(b), keys.total(a));
  };
  const order = sortedIndices(
    keys.count,
    (a, b) =>
      (group ? byText(group(a), group(b)) : 0) ||
      byTotal(a, b) ||
      byRegion(keys.region(a), keys.region(b)) ||
      byText(keys.file(a), keys.file(b)),
  );
  const ranks = new Int32Array(order.length);
  let groupStart = 0;
  for (let p = 0; p < order.length; p++) {
    const sameGroup = p > 0 && (!group || group(order[p - 1]!) === group(order[p]!));
    if (p > 0 && !sameGroup) groupStart = p;
    const tied = p > groupStart && byTotal(order[p - 1]!, order[p]!) === 0;
    ranks[p] = tied ? ranks[p - 1]! : p - groupStart + 1;
  }
  return { order, ranks };
}

/** rankOrder for a list of results: each with its rank (and group). */
export function rankResults<T extends Rankable>(items: readonly T[], groupOf?: (item: T) => string): Ranked<T>[] {
  const groups = groupOf ? items.map(groupOf) : undefined;
  const { order, ranks } = rankOrder({
    count: items.length,
    total: (i) => items[i]!.total,
    approx: () => Number.NaN,
    region: (i) => items[i]!.region,
    file: (i) => items[i]!.file,
    ...(groups ? { group: (i: number) => groups[i]! } : {}),
  });
  return Array.from(order, (i, p) => ({
    item: items[i]!,
    rank: ranks[p]!,
    ...(groups ? { group: groups[i]! } : {}),
  }));
}
