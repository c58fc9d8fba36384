import { describe, expect, it } from "vitest";
import { BatchKeys, hashText, regionYearKey } from "../../../src/commands/score/batch-keys.js";
import { rankResults } from "../../../src/engine/rank.js";
import { exact, fromNumber, type Exact } from "../../../src/model/exact.js";
import { StringList } from "../../../src/model/string-list.js";

interface Row {
  file: string;
  region: string;
  total: Exact;
  year?: number;
  group?: string;
}

function keep(rows: readonly Row[], grouped = false): BatchKeys {
  const keys = new BatchKeys(StringList.from(rows.map((r) => r.file)), grouped);
  rows.forEach((r, i) => {
    keys.add(i, r.region, r.total, r.year, r.group);
  });
  return keys;
}

/** The ranking of the keys as "rank file", to hold against rankResults on the same rows. */
function ranking(keys: BatchKeys): string[] {
  const { order, ranks } = keys.rank();
  return Array.from(order, (i, p) => `${keys.group(i) ?? ""}:${ranks[p]} ${keys.file(i)}`);
}
const expected = (rows: readonly Row[], grouped = false) =>
  rankResults(rows, grouped ? (r) => r.group ?? "" : undefined).map((r) => `${r.group ?? ""}:${r.rank} ${r.item.file}`);

describe("BatchKeys", () => {
  it("ranks as rankResults does, on exact totals, ties by region then file", () => {
    const rows: Row[] = [
      { file: "c.yaml", region: "Kota C", total: fromNumber(2.5) },
      { file: "a.yaml", region: "Kota A", total: fromNumber(3.055) },
      { file: "b.yaml", region: "kota b", total: fromNumber(2.5) },
      { file: "a2.yaml", region: "Kota A", total: fromNumber(3.0551) },
      { file: "z.yaml", region: "KOTA B", total: fromNumber(2.5) },
      { file: "third.yaml", region: "Kab. Sepertiga", total: exact(1n, 3n) },
    ];
    expect(ranking(keep(rows))).toEqual(expected(rows));
    expect(ranking(keep(rows))).toEqual([
      ":1 a2.yaml",
      ":2 a.yaml",
      ":3 z.yaml",
      ":3 b.yaml",
      ":3 c.yaml",
      ":6 third.yaml",
    ]);
  });

  it("keeps totals past 2^53 exact, and orders totals whose doubles are equal by their exact values", () => {
    // 1/3 and the double nearest it (6004799503160661 / 2^54): the same double, different totals.
    const nearThird = exact(6004799503160661n, 18014398509481984n);
    const huge = exact(10n ** 30n + 1n, 10n ** 30n);
    const rows: Row[] = [
      { file: "near.yaml", region: "Kota Dekat", total: nearThird },
      { file: "third.yaml", region: "Kota Sepertiga", total: exact(1n, 3n) },
      { file: "huge.yaml", region: "Kota Besar", total: huge },
      { file: "one.yaml", region: "Kota Satu", total: fromNumber(1) },
    ];
    const keys = keep(rows);
    expect(keys.total(0)).toEqual(nearThird);
    expect(keys.total(2)).toEqual(huge);
    expect(ranking(keys)).toEqual([":1 huge.yaml", ":2 one.yaml", ":3 third.yaml", ":4 near.yaml"]);
    expect(ranking(keys)).toEqual(expected(rows));
  });

  it("ranks each group on its own, groups in the order of their names", () => {
    const rows: Row[] = [
      { file: "a.yaml", region: "Kota A", total: fromNumber(3), group: "reguler" },
      { file: "b.yaml", region: "Kota B", total: fromNumber(2), group: "kppn-ikn" },
      { file: "c.yaml", region: "Kota C", total: fromNumber(3.5), group: "reguler" },
      { file: "d.yaml", region: "Kota D", total: fromNumber(2), group: "kppn-ikn" },
    ];
    expect(ranking(keep(rows, true))).toEqual([
      "kppn-ikn:1 b.yaml",
      "kppn-ikn:1 d.yaml",
      "reguler:1 c.yaml",
      "reguler:2 a.yaml",
    ]);
    expect(ranking(keep(rows, true))).toEqual(expected(rows, true));
  });

  it("finds a region ranked twice in the same year, however its name is written", () => {
    const rows: Row[] = [
      { file: "a.yaml", region: "Kabupaten Malang", total: fromNumber(3), year: 2024 },
      { file: "b.yaml", region: "Kota Malang", total: fromNumber(3), year: 2024 },
      { file: "c.yaml", region: "Kab. Malang", total: fromNumber(3), year: 2024 },
      { file: "d.yaml", region: "Kabupaten Malang", total: fromNumber(3), year: 2023 },
      { file: "e.yaml", region: "Kota Batu", total: fromNumber(3) },
      { file: "f.yaml", region: "KOTA BATU", total: fromNumber(3) },
    ];
    expect(keep(rows).repeatedRegions()).toEqual([
      [0, 2],
      [4, 5],
    ]);
  });

  it("tells two regions apart when their keys share a hash", () => {
    // Search a fixed list of names (of varied lengths: FNV rarely collides on equal ones) for two
    // whose keys collide in the 30-bit hash.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let n = 0; !pair && n < 400_000; n++) {
      const region = `Kota ${n.toString(36)} ${(Math.imul(n, 2654435761) >>> 0).toString(36)}`;
      const hash = hashText(regionYearKey(region, 2024));
      const other = seen.get(hash);
      if (other !== undefined) pair = [other, region];
      else seen.set(hash, region);
    }
    expect(pair).toBeDefined();
    const [first, second] = pair!;
    const rows: Row[] = [
      { file: "1.yaml", region: first, total: fromNumber(3), year: 2024 },
      { file: "2.yaml", region: second, total: fromNumber(3), year: 2024 },
      { file: "3.yaml", region: second.toUpperCase(), total: fromNumber(3), year: 2024 },
    ];
    expect(keep(rows).repeatedRegions()).toEqual([[1, 2]]);
  });

  it("grows past its first arrays without losing an entry", () => {
    const rows: Row[] = Array.from({ length: 3000 }, (_, i) => ({
      file: `f${i}.yaml`,
      region: `Kota ${i % 2500}`,
      total: exact(BigInt(i % 97), 8n),
      year: 2024,
      group: i % 3 ? "reguler" : "kppn-ikn",
    }));
    const keys = keep(rows, true);
    expect(keys.size).toBe(3000);
    expect(ranking(keys)).toEqual(expected(rows, true));
    expect(keys.repeatedRegions()).toHaveLength(500);
    expect(keys.total(2999)).toEqual(exact(BigInt(2999 % 97), 8n));
  });
});
