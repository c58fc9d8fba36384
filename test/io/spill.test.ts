import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Spill } from "../../src/io/spill.js";
import { fromNumber } from "../../src/model/exact.js";

interface Value {
  i: number;
  region: string;
  total: { n: bigint; d: bigint };
  year?: number;
  list: string[];
}

const value = (i: number): Value => ({
  i,
  region: `Kabupaten Uji ${i} ${"é".repeat(i % 7)}`,
  total: { n: BigInt(i) * 12345678901234567890n, d: 240n },
  ...(i % 3 ? { year: 2000 + i } : {}),
  list: Array.from({ length: i % 50 }, (_, j) => `q-${j}`),
});

describe("Spill", () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "kuesioner-spill-test-"));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("gives back every value as it went in (bigints, key order, absent keys), read in any order while adding", () => {
    const spill = new Spill<Value>(folder);
    // Enough values for several writes to the file (a megabyte each).
    for (let i = 0; i < 6_000; i++) {
      expect(spill.add(value(i))).toBe(i);
      if (i % 997 === 0) expect(spill.get(Math.floor(i / 2))).toEqual(value(Math.floor(i / 2)));
    }
    expect(spill.size).toBe(6_000);
    for (const i of [5_999, 0, 3_000, 1, 5_998]) {
      const back = spill.get(i);
      expect(back).toEqual(value(i));
      expect(Object.keys(back)).toEqual(Object.keys(value(i)));
    }
    expect(spill.get(7).total).toEqual({ n: 7n * 12345678901234567890n, d: 240n });
    expect(() => spill.get(6_000)).toThrow(RangeError);
    spill.close();
  });

  it("keeps values larger than a write beside small ones", () => {
    const spill = new Spill<string>(folder);
    const values = [
      "small",
      "x".repeat(1.5 * 2 ** 20),
      "between",
      "é".repeat(2 ** 19 + 3),
      "y".repeat(2 ** 20 - 40),
      "last",
    ];
    values.forEach((v, i) => {
      expect(spill.add(v)).toBe(i);
    });
    expect(spill.get(2)).toBe("between");
    expect(spill.add("after a read")).toBe(values.length);
    values.forEach((v, i) => {
      expect(spill.get(i)).toBe(v);
    });
    expect(spill.get(values.length)).toBe("after a read");
    spill.close();
  });

  it("leaves no file behind, even while open", () => {
    const spill = new Spill<ReturnType<typeof fromNumber>>(folder);
    spill.add(fromNumber(2.5));
    expect(readdirSync(folder)).toEqual([]);
    expect(spill.get(0)).toEqual(fromNumber(2.5));
    spill.close();
    expect(readdirSync(folder)).toEqual([]);
  });

  it("keeps the values in memory where no temporary file can be made (a folder that is not there)", () => {
    const spill = new Spill<Value>(join(folder, "missing"));
    for (let i = 0; i < 100; i++) spill.add(value(i));
    expect(spill.get(99)).toEqual(value(99));
    expect(spill.get(0)).toEqual(value(0));
    spill.close();
  });
});
