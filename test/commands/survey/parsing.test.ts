import { describe, expect, it } from "vitest";
import { normalizeHeader } from "../../../src/commands/survey/columns.js";
import { type CellRules, normalizeLabel, parseCell } from "../../../src/commands/survey/labels.js";
import { detectEncoding, sniffDelimiter } from "../../../src/io/response-rows.js";

const labels = new Map(
  [
    ["Sangat tidak setuju", 0],
    ["Tidak setuju", 1],
    ["Ragu-ragu", 2],
    ["Netral", 2],
    ["Setuju", 3],
    ["Sangat setuju", 4],
  ].map(([k, v]) => [normalizeLabel(k as string), v as number]),
);
const rules: CellRules = { labels, scale: { min: 0, max: 4 }, sheetScale: { min: 0, max: 4 }, scaleGiven: false };
const oneToFive: CellRules = { ...rules, sheetScale: { min: 1, max: 5 }, scaleGiven: true };

describe("answer cells", () => {
  it.each([
    [null, { kind: "blank" }],
    ["   ", { kind: "blank" }],
    [3, { kind: "level", level: 3 }],
    ["3", { kind: "level", level: 3 }],
    ["3,0", { kind: "level", level: 3 }],
    ["SANGAT  setuju.", { kind: "level", level: 4 }],
    ["sgt tdk setuju", { kind: "level", level: 0 }],
    ["4 - Sangat setuju", { kind: "level", level: 4 }],
    ["Setuju (3)", { kind: "level", level: 3 }],
    ["Setuju (4)", { kind: "error", code: "mismatch", text: "Setuju (4)" }],
    ["Mantap", { kind: "error", code: "unknown-label", text: "Mantap" }],
    [5, { kind: "error", code: "out-of-scale", value: 5, min: 0, max: 4, suggest15: true }],
    [7, { kind: "error", code: "out-of-scale", value: 7, min: 0, max: 4, suggest15: false }],
    [2.5, { kind: "error", code: "not-whole", text: "2.5" }],
    [true, { kind: "error", code: "not-an-answer", text: "true" }],
  ])("reads %j", (cell, parsed) => {
    expect(parseCell(cell, rules)).toEqual(parsed);
  });

  it.each([
    [1, 0],
    [5, 4],
    ["5 - Sangat setuju", 4],
  ])("maps %j on a 1–5 sheet to level %i only when told", (cell, level) => {
    expect(parseCell(cell, oneToFive)).toEqual({ kind: "level", level });
  });

  it("gives no --scale hint once the user chose a scale", () => {
    expect(parseCell(6, oneToFive)).toMatchObject({ code: "out-of-scale", suggest15: false });
  });
});

describe("column headers", () => {
  it.each([
    ["1. Layanan ini dapat saya gunakan secara daring.", "layanan ini dapat saya gunakan secara daring"],
    ["Q3) I can use this service online *", "i can use this service online"],
    ["No. 12 - Warga dilibatkan", "warga dilibatkan"],
    ["(4) Prosedur, persyaratan", "prosedur persyaratan"],
    ["No HP", "no hp"],
    ["2024 target", "2024 target"],
  ])("normalises %j", (header, normal) => {
    expect(normalizeHeader(header)).toBe(normal);
  });
});

describe("CSV sniffing", () => {
  it.each([
    ["a,b,c\n1,2,3\n", ","],
    ["a;b;c\n1;2;3\n", ";"],
    ["a\tb\tc\n1\t2\t3\n", "\t"],
    ['Judul survei\nCatatan: isi, lalu kirim\nNama;"A, B";C\nx;1;2\ny;3;4\n', ";"],
  ])("finds the separator of %j", (text, delimiter) => {
    expect(sniffDelimiter(text)).toEqual({ delimiter, sepLine: false });
  });

  it("obeys Excel's sep= line", () => {
    expect(sniffDelimiter("sep=;\na,b;c\n")).toEqual({ delimiter: ";", sepLine: true });
  });

  it.each([
    [[0xef, 0xbb, 0xbf, 0x61], "utf-8", 3],
    [[0xff, 0xfe, 0x61, 0], "utf-16le", 2],
    [[0xfe, 0xff, 0, 0x61], "utf-16be", 2],
    [[0x61, 0, 0x62, 0, 0x63, 0, 0x0a, 0], "utf-16le", 0],
    [[0x61, 0xc3, 0xa9], "utf-8", 0],
    [[0x61, 0xe9, 0x62], "windows-1252", 0],
  ])("detects the encoding of %j", (bytes, encoding, bom) => {
    expect(detectEncoding(Uint8Array.from(bytes))).toEqual({ encoding, bom });
  });
});
