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

describe("StringList", () => {
  it("gives back every entry exactly as it went in, as the array it replaces would", () => {
    const list = new StringList();
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
    const list = StringList.from(names);
    expect(list.length).toBe(names.length);
    expect([...list]).toEqual(names);
    expect(list.get(54_321)).toBe(names[54_321]);
    expect(new StringList().slice(0)).toEqual([]);
    expect([...new StringList()]).toEqual([]);
  });
});
