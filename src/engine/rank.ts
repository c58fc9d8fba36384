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

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Region names compared without regard to case first, so "KAB. X" and "Kab. X" sit together. */
const byRegion = (a: string, b: string): number => byText(a.toLowerCase(), b.toLowerCase()) || byText(a, b);

/**
 * Competition ranking on the exact totals (never on rounded figures): equal totals share a
 * rank and the next rank skips. Ties are listed by region, then file path, so the same inputs
 * always give the same order. With `groupOf`, each group is ranked on its own and groups are
 * listed in the order of their keys.
 */
export function rankResults<T extends Rankable>(items: readonly T[], groupOf?: (item: T) => string): Ranked<T>[] {
  const keyed = items.map((item) => ({ item, group: groupOf?.(item) }));
  keyed.sort(
    (a, b) =>
      byText(a.group ?? "", b.group ?? "") ||
      compare(b.item.total, a.item.total) ||
      byRegion(a.item.region, b.item.region) ||
      byText(a.item.file, b.item.file),
  );
  const ranked: Ranked<T>[] = [];
  let groupStart = 0;
  keyed.forEach(({ item, group }, i) => {
    const previous = keyed[i - 1];
    if (i > 0 && previous!.group !== group) groupStart = i;
    const tied = i > groupStart && previous!.group === group && compare(previous!.item.total, item.total) === 0;
    const rank = tied ? ranked[i - 1]!.rank : i - groupStart + 1;
    ranked.push({ item, rank, ...(group !== undefined ? { group } : {}) });
  });
  return ranked;
}
