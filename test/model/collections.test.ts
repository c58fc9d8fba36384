import { describe, expect, it } from "vitest";
import { sortIndices } from "../../src/model/collections.js";

/** A small deterministic generator (mulberry32), so that a failure can be run again. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe("sortIndices", () => {
  it.each([0, 1, 2, 15, 16, 17, 31, 32, 33, 100, 1000, 4099])(
    "orders %i items as Array.prototype.sort does, equal ones in their first order",
    (n) => {
      const next = random(n + 1);
      // Few distinct keys, so that most comparisons are ties, and runs already in order.
      const keys = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? i : Math.floor(next() * 10)));
      const items = Int32Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      const compare = (a: number, b: number) => keys[a]! - keys[b]!;
      const expected = Array.from(items).sort(compare);
      const sorted = sortIndices(items, compare);
      expect(sorted).toBe(items);
      expect(Array.from(sorted)).toEqual(expected);
    },
  );

  it("leaves items already in order, or in reverse, sorted", () => {
    const up = Int32Array.from({ length: 300 }, (_, i) => i);
    expect(Array.from(sortIndices(up.slice(), (a, b) => a - b))).toEqual(Array.from(up));
    expect(Array.from(sortIndices(up.slice().reverse(), (a, b) => a - b))).toEqual(Array.from(up));
  });
});
