import damerauLevenshtein from "damerau-levenshtein";

/** Longer texts are not typos of an id: never compared (the library keeps a full matrix, length²). */
const LONGEST = 100;

/**
 * Edit distance counting a swap of two neighbours as one step ("tilte" → "title"), as the
 * optimal-string-alignment distance of the damerau-levenshtein package does (fastest-levenshtein
 * and leven count a swap as two, which makes the commonest typo look far off). Above `max`, or
 * for texts longer than LONGEST, returns max + 1 without comparing.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > LONGEST || b.length > LONGEST) return max === Infinity ? Math.max(a.length, b.length) : max + 1;
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  return Math.min(damerauLevenshtein(a, b).steps, max + 1);
}

/**
 * The candidate the user most likely meant, or undefined when none is close: same letters in
 * another case, or a few typos (about one per three characters).
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  // The start of one id only ("kppn" for "kppn-ikn"): what a user shortens.
  const starts = candidates.filter((c) => lower.length >= 3 && c.toLowerCase().startsWith(lower));
  if (starts.length === 1) return starts[0];
  const max = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase(), max);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
