import { describe, expect, it } from "vitest";
import { displayWidth, padEnd, truncate } from "../../src/text/format.js";

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
});
