import { describe, expect, it } from "vitest";
import { escapeText, stringifyJson } from "../../src/text/escape.js";

describe("escapeText", () => {
  it.each([
    ["ESC", "a\u001b[2Jb", "a\\x1b[2Jb"],
    ["line feed and carriage return", "a\nb\r\nc", "a\\nb\\r\\nc"],
    ["tab", "a\tb", "a\\tb"],
    ["NUL, DEL and C1 (NEL)", "\u0000\u007f\u0085\u009b", "\\x00\\x7f\\x85\\x9b"],
    ["bidi overrides and isolates", "abc\u202edcb\u2066x\u2069\u200f", "abc\\u202edcb\\u2066x\\u2069\\u200f"],
    ["line and paragraph separators", "a\u2028b\u2029c", "a\\u2028b\\u2029c"],
    ["a lone surrogate", "a\ud800b", "a\\ud800b"],
  ])("shows %s escaped", (_, text, shown) => {
    expect(escapeText(text)).toBe(shown);
  });

  it.each([
    ["Indonesian with accents", "Kabupaten Pulau Taliabu – Provinsi Maluku Utara (Café)"],
    ["emoji with a zero-width joiner", "👩‍💻 Tim Smart City"],
    ["CJK and Arabic script", "智慧城市 مدينة"],
    ["a Windows path and escapes typed as text", "C:\\data\\x1b.yaml"],
  ])("leaves %s alone", (_, text) => {
    expect(escapeText(text)).toBe(text);
  });

  it("is idempotent, so text escaped twice (a header field in a Markdown cell) reads the same", () => {
    const once = escapeText("x\u001b\u202e\n");
    expect(escapeText(once)).toBe(once);
  });
});

describe("stringifyJson", () => {
  it("escapes what JSON allows raw but a terminal would act on, and parses back to the same data", () => {
    const value = { region: "Kab\u202e\u2028\u0085\u001bX", list: ["\u2066"] };
    const json = stringifyJson(value);
    expect(json).toContain('"Kab\\u202e\\u2028\\u0085\\u001bX"');
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029\u2066-\u2069]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
