import { describe, expect, it } from "vitest";
import { findPrevious, improvementOver, matchPrevious, regionKey } from "../../src/engine/compare.js";
import { fromNumber, toFixed, toFraction } from "../../src/model/exact.js";

describe("improvement (Indeks Peningkatan)", () => {
  it("is this year's final score minus last year's, exactly", () => {
    // Kota Kediri: 3.315 in 2022 against 3.06 in 2021 (the letter printed +0.25 from 3.31 − 3.06).
    const delta = improvementOver(fromNumber(3.315), { total: fromNumber(3.06) })!;
    expect(toFraction(delta)).toBe("51/200");
    expect(toFixed(delta)).toBe("0.26");
    expect(toFixed(improvementOver(fromNumber(2.1), { total: fromNumber(2.35) })!)).toBe("-0.25");
  });

  it("is absent for a first evaluation", () => {
    expect(improvementOver(fromNumber(3), undefined)).toBeUndefined();
  });
});

describe("matching last year's result to a region", () => {
  it.each([
    ["KAB. MALANG", "kabupaten malang"],
    ["Kab Malang", "kabupaten malang"],
    ["Kabupaten  Malang ", "kabupaten malang"],
    ["KOTA BAU-BAU", "kota baubau"],
    ["Kota Bau Bau", "kota baubau"],
    ["Kota Baubau", "kota baubau"],
    ["Kab. Pangkajene dan Kepulauan", "kabupaten pangkajenedankepulauan"],
    ["Kabupaten Toba Samosir", "kabupaten tobasamosir"],
    ["Malang", "malang"],
  ])("reads %s as %s", (name, key) => {
    expect(regionKey(name)).toBe(key);
  });

  const previous = [
    { region: "KAB. MALANG", total: fromNumber(2.51), year: 2022 },
    { region: "KOTA MALANG", total: fromNumber(2.95), year: 2022 },
  ];

  it("finds the region's own previous score among many", () => {
    expect(findPrevious(previous, "Kota Malang", { single: false })!.total).toEqual(fromNumber(2.95));
    expect(findPrevious(previous, "Kabupaten Malang", { single: true })!.total).toEqual(fromNumber(2.51));
    expect(findPrevious(previous, "Kota Batu", { single: false })).toBeUndefined();
    expect(findPrevious(previous, undefined, { single: false })).toBeUndefined();
  });

  it("matches the spellings of one region across years, never Kota for Kabupaten", () => {
    const baubau = [{ region: "Kota Bau-Bau", total: fromNumber(2.4), year: 2022 }];
    expect(matchPrevious(baubau, "Kota Baubau", { single: false })).toEqual({ kind: "found", previous: baubau[0] });
    expect(matchPrevious(previous, "Kab Malang", { single: false })).toMatchObject({
      previous: { total: fromNumber(2.51) },
    });
    expect(matchPrevious([previous[1]!], "Kabupaten Malang", { single: false })).toEqual({ kind: "none" });
  });

  it("says a match is ambiguous rather than pick one", () => {
    expect(matchPrevious(previous, "Malang", { single: false })).toEqual({ kind: "ambiguous", candidates: previous });
    const twice = [previous[0]!, { region: "Kabupaten Malang", total: fromNumber(2.6), year: 2022 }];
    expect(matchPrevious(twice, "Kabupaten Malang", { single: false }).kind).toBe("ambiguous");
    expect(matchPrevious([previous[0]!], "Malang", { single: false })).toMatchObject({ kind: "found" });
  });

  it("takes the only previous score for the only file, whatever its region", () => {
    expect(findPrevious([previous[1]!], "Kabupaten Contoh", { single: true })!.region).toBe("KOTA MALANG");
    expect(findPrevious([previous[1]!], "Kabupaten Contoh", { single: false })).toBeUndefined();
  });
});
