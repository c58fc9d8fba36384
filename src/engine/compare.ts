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
 * A key under which the same region matches across years and sources: case, accents, spaces,
 * hyphens and dots do not matter ("Kota Bau-Bau" is "Kota Baubau"), nor the usual forms of
 * the kind ("Kab.", "Kab", "Kabupaten"; "Kota"). The kind stays in the key: Kabupaten Malang
 * and Kota Malang are two regions.
 */
export function regionKey(name: string): string {
  const words = name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[.,]/g, " ").trim().split(/\s+/);
  const kind = /^kab(?:upaten)?$/.test(words[0] ?? "") ? "kabupaten" : words[0] === "kota" ? "kota" : "";
  const rest = (kind ? words.slice(1) : words).join("").replace(/[^\p{L}\p{N}]/gu, "");
  return kind && rest ? `${kind} ${rest}` : rest || kind;
}

/** The key without its kind: "Malang" written without Kabupaten or Kota. */
const baseKey = (key: string) => key.replace(/^(?:kabupaten|kota) /, "");

export type PreviousMatch =
  | { kind: "found"; previous: PreviousScore }
  /** Several previous results fit the region: none is taken. */
  | { kind: "ambiguous"; candidates: PreviousScore[] }
  | { kind: "none" };

/**
 * The previous score for a region: with one candidate for one current file, that candidate;
 * otherwise the one whose region key matches. A name without its kind ("Malang") matches a
 * candidate with one only when no other candidate has the same name under another kind.
 */
export function matchPrevious(
  candidates: readonly PreviousScore[],
  region: string | undefined,
  options: { single: boolean },
): PreviousMatch {
  if (options.single && candidates.length === 1) return { kind: "found", previous: candidates[0]! };
  if (region === undefined) return { kind: "none" };
  const key = regionKey(region);
  const keyed = candidates.filter((c) => c.region !== undefined);
  let matches = keyed.filter((c) => regionKey(c.region!) === key);
  if (matches.length === 0) {
    // One side without the kind: compare the names alone.
    const base = baseKey(key);
    matches = keyed.filter((c) => {
      const other = regionKey(c.region!);
      return (other === base || key === base) && baseKey(other) === base;
    });
  }
  if (matches.length === 1) return { kind: "found", previous: matches[0]! };
  return matches.length > 1 ? { kind: "ambiguous", candidates: matches } : { kind: "none" };
}

/** The previous score for a region when there is exactly one (see matchPrevious). */
export function findPrevious(
  candidates: readonly PreviousScore[],
  region: string | undefined,
  options: { single: boolean },
): PreviousScore | undefined {
  const match = matchPrevious(candidates, region, options);
  return match.kind === "found" ? match.previous : undefined;
}
