import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { displayWidth, padEnd, truncate } from "../../src/text/format.js";

/** The characters format.ts measures by itself, without string-width (its SIMPLE_TEXT). */
function* simpleCharacters(): Generator<string> {
  const ranges: [number, number][] = [
    [0x20, 0x7e],
    [0xa0, 0xac],
    [0xae, 0x2ff],
    [0x2010, 0x2027],
    [0x2030, 0x205f],
  ];
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) yield String.fromCodePoint(c);
}

describe("terminal width of text", () => {
  it.each([
    ["Kabupaten Buleleng", 18],
    ["漢字", 4],
    ["e\u0301", 1],
    ["\u001b[31mmerah\u001b[39m", 5],
    ["👩‍💻", 2],
    ["█░─…", 4],
  ])("%j takes %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it("cuts between whole characters, never inside an accent or an emoji sequence", () => {
    expect(truncate("漢字漢字", 5)).toBe("漢字…");
    expect(truncate("Cafe\u0301 Kota", 5)).toBe("Cafe\u0301…");
    expect(truncate("ab👩‍💻cd", 4)).toBe("ab…");
    expect(padEnd("漢", 4)).toBe("漢  ");
  });

  it("measures plain text as string-width does: every character it skips string-width for takes one column and joins no neighbour", () => {
    const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const simple = [...simpleCharacters()];
    for (const c of simple) {
      expect(stringWidth(c), `U+${c.codePointAt(0)?.toString(16)}`).toBe(1);
      expect([...graphemes.segment(`a${c}${c}a`)], `U+${c.codePointAt(0)?.toString(16)}`).toHaveLength(4);
    }
    // Texts of them, as a report line would hold, against string-width and against a cut by graphemes.
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + (i % 40) }, (_, j) => simple[(i * 7919 + j * 104729) % simple.length]).join(
        "",
      );
      expect(displayWidth(text)).toBe(stringWidth(text));
      const width = i % 12;
      const cut = [...graphemes.segment(text)]
        .slice(0, Math.max(0, width - 1))
        .map((s) => s.segment)
        .join("");
      expect(truncate(text, width)).toBe(stringWidth(text) <= width ? text : `${cut}…`);
    }
  });
});
