import { sub, type Exact } from "../model/exact.js";

/** A final score from an earlier evaluation, for the improvement (Indeks Peningkatan). */
export interface PreviousScore {
  total: Exact;
  region?: string;
  year?: number;
}

/** Indeks Peningkatan (methodology §3.4): this year's final score minus last year's. */
export function improvementOver(current: Exact, previous: PreviousScore | undefined): Exact | undefined {
  return previous ? sub(current, previous.total) : undefined;
}

/**
 * A key under which the same region matches across years and sources: case, spacing and the
 * usual abbreviations ("Kab.", "Kab", "Kabupaten") do not matter.
 */
export function regionKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[.,-]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^kab(?:upaten)? /, "kabupaten ");
}

/**
 * The previous score for a region: with one candidate (one previous file for one current
 * file) that candidate; otherwise the one whose region matches.
 */
export function findPrevious(
  candidates: readonly PreviousScore[],
  region: string | undefined,
  options: { single: boolean },
): PreviousScore | undefined {
  if (options.single && candidates.length === 1) return candidates[0];
  if (region === undefined) return undefined;
  const key = regionKey(region);
  return candidates.find((c) => c.region !== undefined && regionKey(c.region) === key);
}
