import { describe, expect, it } from "vitest";
import { fromNumber } from "../../src/model/exact.js";
import { rankResults } from "../../src/engine/rank.js";

const item = (region: string, total: number, file = `${region}.yaml`, profile = "reguler") => ({
  region,
  total: fromNumber(total),
  file,
  profile,
});
const view = (ranked: ReturnType<typeof rankResults<ReturnType<typeof item>>>) =>
  ranked.map((r) => `${r.group ? `${r.group}:` : ""}${r.rank} ${r.item.region}`);

describe("rankResults", () => {
  it("gives competition ranks: 1, 2, 2, 4", () => {
    expect(view(rankResults([item("C", 2.5), item("A", 3.1), item("B", 2.5), item("D", 1.2)]))).toEqual([
      "1 A",
      "2 B",
      "2 C",
      "4 D",
    ]);
  });

  it("compares exact totals, not the rounded display", () => {
    // Both display as 3.06, but 3.055 < 3.0551.
    expect(view(rankResults([item("A", 3.055), item("B", 3.0551)]))).toEqual(["1 B", "2 A"]);
    expect(view(rankResults([{ ...item("A", 0), total: { n: 1n, d: 3n } }, item("B", 0.3333333333)]))).toEqual([
      "1 A",
      "2 B",
    ]);
  });

  it("orders ties by region regardless of case, then by file", () => {
    const ranked = rankResults([
      item("kota b", 2, "z.yaml"),
      item("Kota A", 2, "y.yaml"),
      item("KOTA B", 2, "a.yaml"),
      item("Kota A", 2, "b.yaml"),
    ]);
    expect(ranked.map((r) => [r.rank, r.item.file])).toEqual([
      [1, "b.yaml"],
      [1, "y.yaml"],
      [1, "a.yaml"],
      [1, "z.yaml"],
    ]);
  });

  it("gives the same order whatever the input order", () => {
    const items = [item("A", 2), item("B", 3), item("C", 2), item("D", 1), item("E", 3)];
    const expected = view(rankResults(items));
    for (let i = 0; i < items.length; i++) {
      const rotated = [...items.slice(i), ...items.slice(0, i)].reverse();
      expect(view(rankResults(rotated))).toEqual(expected);
    }
  });

  it("ranks each group on its own, groups in key order", () => {
    const ranked = rankResults(
      [
        item("A", 3, "a", "reguler"),
        item("B", 2, "b", "kppn-ikn"),
        item("C", 3.5, "c", "kppn-ikn"),
        item("D", 3, "d", "reguler"),
        item("E", 1, "e", "reguler"),
      ],
      (i) => i.profile,
    );
    expect(view(ranked)).toEqual(["kppn-ikn:1 C", "kppn-ikn:2 B", "reguler:1 A", "reguler:1 D", "reguler:3 E"]);
  });

  it("does not carry a tie across a group boundary", () => {
    const ranked = rankResults([item("A", 2, "a", "x"), item("B", 2, "b", "y")], (i) => i.profile);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
    expect(rankResults([])).toEqual([]);
  });
});
