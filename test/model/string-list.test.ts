import { describe, expect, it } from "vitest";
import { StringList } from "../../src/model/string-list.js";

/** Names a batch may hold: unicode, spaces, line breaks, a lone surrogate from a YAML escape. */
const odd = [
  "jawaban/kota-bandung.yaml",
  "",
  "jawaban/Kabupaten Kepulauan Seribu.yaml",
  "jawaban/baris\nbaru.yml",
  "jawaban/daerah-ñ-ü-日本語.json",
  "jawaban/😀 emoji/🇮🇩.yaml",
  "jawaban/\u0000nul\ttab\r.yaml",
  "lone \ud800 half",
  "other lone \udfff half",
  "pair \ud83d\ude00 kept",
  "a".repeat(70_000),
  "after a name longer than a chunk",
  "lone \udbff after it",
  "ü".repeat(30_000),
  "last",
];

describe.each([
  { name: "StringList", options: {} },
  { name: "StringList keeping only what differs from the entry before", options: { shared: true } },
])("$name", ({ options }) => {
  it("gives back every entry exactly as it went in, as the array it replaces would", () => {
    const list = new StringList(options);
    odd.forEach((name, i) => {
      expect(list.push(name)).toBe(i);
    });
    expect(list.length).toBe(odd.length);
    odd.forEach((name, i) => {
      expect(list.get(i)).toBe(name);
    });
    expect([...list]).toEqual(odd);
    expect(list.slice(2, 5)).toEqual(odd.slice(2, 5));
    expect(list.slice(9, 100)).toEqual(odd.slice(9, 100));
    expect(list.slice(3)).toEqual(odd.slice(3));
    expect(list.get(odd.length)).toBeUndefined();
    expect(list.get(-1)).toBeUndefined();
    expect(list.get(1.5)).toBe(odd[1.5 as number]);
  });

  it("keeps 100,000 generated paths in order as it grows", () => {
    const names = Array.from(
      { length: 100_000 },
      (_, i) => `/tmp/batch/${i % 7}/${i % 3 === 0 ? "Kota" : "Kabupaten"} Uji ${String(i).padStart(6, "0")} é.yaml`,
    );
    const list = StringList.from(names, options);
    expect(list.length).toBe(names.length);
    expect([...list]).toEqual(names);
    expect(list.get(54_321)).toBe(names[54_321]);
    expect(new StringList(options).slice(0)).toEqual([]);
    expect([...new StringList(options)]).toEqual([]);
  });

  it("gives each entry back read in any order: backwards, at random, the same twice", () => {
    // Neighbours that share prefixes of every length, pairs cut where they differ, lone halves between.
    const names: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const base = `jawaban/${"sub/".repeat(i % 5)}kota-${String(Math.floor(i / 3)).padStart(5, "0")}`;
      const pair = String.fromCharCode(0xd83d, 0xde00 + (i % 10));
      names.push(i % 11 === 0 ? `${base}${pair}.yaml` : i % 97 === 0 ? `${base}\ud800.yaml` : `${base}-${i % 3}.yaml`);
    }
    names.push(
      "p\ud83d\ude00",
      "p\ud83d\ude01",
      "p\ud83d\ude01x",
      "",
      "x",
      "",
      "x".repeat(70_000),
      `${"x".repeat(70_000)}y`,
    );
    const list = StringList.from(names, options);
    for (let i = names.length - 1; i >= 0; i--) expect(list.get(i)).toBe(names[i]);
    let seed = 7;
    for (let n = 0; n < 5000; n++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const i = seed % names.length;
      expect(list.get(i)).toBe(names[i]);
      expect(list.get(i)).toBe(names[i]);
    }
    expect(list.slice(1234, 1260)).toEqual(names.slice(1234, 1260));
  });
});
