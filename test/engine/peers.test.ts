import { describe, expect, it } from "vitest";
import { standAmongPeers, type PeerScores } from "../../src/engine/peers.js";
import { rankResults } from "../../src/engine/rank.js";
import { fromNumber, toFraction } from "../../src/model/exact.js";

const region = (
  name: string,
  total: number,
  elements: Record<string, number>,
  pillars: Record<string, number | null>,
) =>
  ({
    file: `${name}.yaml`,
    region: name,
    total: fromNumber(total),
    elements: Object.entries(elements).map(([id, s]) => ({ id, score: fromNumber(s) })),
    pillars: Object.entries(pillars).map(([id, s]) => ({ id, score: s === null ? null : fromNumber(s) })),
  }) satisfies PeerScores;

const self = region("Kabupaten Malang", 2.5, { baseline: 3, output: 1.5, outcome: 2.5 }, { governance: 2, economy: 3 });
const peers = [
  region("Kota Batu", 2.8, { baseline: 2, output: 2.5, outcome: 2.5 }, { governance: 3, economy: 2 }),
  region("Kabupaten Blitar", 2.5, { baseline: 2, output: 2, outcome: 3 }, { governance: 2.5, economy: null }),
  region("Kota Kediri", 2.1, { baseline: 1, output: 1, outcome: 2 }, { governance: 1.5, economy: 2.5 }),
];

describe("peers: where a region stands", () => {
  const standing = standAmongPeers(self, peers);

  it("ranks the total as score ranks a batch (competition ranking, ties share a rank)", () => {
    const ranked = rankResults([self, ...peers]);
    expect(standing.total.rank).toBe(ranked.find((r) => r.item === self)!.rank);
    expect([standing.total.rank, standing.total.of]).toEqual([2, 4]);
    // One of three peers scores strictly lower; the tie does not count as below.
    expect(toFraction(standing.total.percentile!)).toBe("100/3");
  });

  it("ranks each element and pillar, leaving out peers without a score there", () => {
    expect(standing.elements.map((s) => [s.id, s.rank, s.of])).toEqual([
      ["baseline", 1, 4],
      ["output", 3, 4],
      ["outcome", 2, 4],
    ]);
    const economy = standing.pillars.find((s) => s.id === "economy")!;
    expect([economy.rank, economy.of, toFraction(economy.peerMean!)]).toEqual([1, 3, "9/4"]);
  });

  it("names the strongest and weakest elements and pillars by the gap to the peers' mean", () => {
    expect(standing.strongest.map((s) => [s.id, toFraction(s.gap!)])).toEqual([
      ["baseline", "4/3"],
      ["economy", "3/4"],
      ["outcome", "0"],
    ]);
    expect(standing.weakest.map((s) => [s.id, toFraction(s.gap!)])).toEqual([
      ["output", "-1/3"],
      ["governance", "-1/3"],
    ]);
  });

  it("has no percentile or gap without peers", () => {
    const alone = standAmongPeers(self, []);
    expect([alone.total.rank, alone.total.of, alone.total.percentile, alone.total.gap]).toEqual([1, 1, null, null]);
    expect(alone.strongest).toEqual([]);
  });
});
