import { describe, expect, it } from "vitest";
import { messages } from "../../../src/walk/messages.js";
import {
  formatDecimal,
  formatSurvey,
  parseCommand,
  parseDecimal,
  parseEvidence,
  parseNumericValue,
  parseSurvey,
} from "../../../src/walk/parse-input.js";
import type { NumericQuestion } from "../../../src/model/questionnaire.js";

const t = messages.en;
const scale = { min: 0, max: 4 };

describe("parseDecimal", () => {
  it.each([
    ["2,8", 2.8],
    ["2.8", 2.8],
    [" 12 ", 12],
    ["0", 0],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1.234.567", 1234567],
    ["1,234,567", 1234567],
    ["12,5 %", 12.5],
    ["-0,5", -0.5],
    ["+3", 3],
    ["1.234", 1.234],
    ["1,234", 1.234],
  ])("reads %j as %d", (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each([
    ["1.234", 1234],
    ["1,234", 1234],
    ["12.500.000", 12500000],
    ["7", 7],
  ])("reads %j as the whole number %d when a count is expected", (text, value) => {
    expect(parseDecimal(text, { wholeNumber: true })).toBe(value);
  });

  it.each(["", "abc", "2,8,1", "1.23.4", ",5", "5,", "1.234,5,6", "2 8", "1e3", "--1", "."])("refuses %j", (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });

  it("writes numbers back the way the officer's language reads them", () => {
    expect(formatDecimal(2.8, "id")).toBe("2,8");
    expect(formatDecimal(2.8, "en")).toBe("2.8");
    expect(parseDecimal(formatDecimal(0.1 + 0.2, "id"))).toBe(0.1 + 0.2);
  });
});

describe("parseCommand", () => {
  it.each([
    ["<", "back"],
    [">", "skip"],
    ["?", "review"],
    ["q", "quit"],
    [" Q ", "quit"],
    ["-", "clear"],
    ["quit", undefined],
    ["3", undefined],
    ["toString", undefined],
  ])("reads %j as %s", (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });
});

describe("parseNumericValue", () => {
  const count: NumericQuestion = { id: "c", kind: "count", text: { en: "c" }, thresholds: [{ at: 1, level: 1 }] };
  const percent: NumericQuestion = { id: "p", kind: "percent", text: { en: "p" }, thresholds: [{ at: 1, level: 1 }] };
  const ranged: NumericQuestion = {
    id: "n",
    kind: "number",
    text: { en: "n" },
    range: { min: 0, max: 5 },
    thresholds: [{ at: 1, level: 1 }],
  };

  it.each([
    [count, "7", 7],
    [count, "1.234", 1234],
    [percent, "2,5", 2.5],
    [percent, "100", 100],
    [ranged, "4,99", 4.99],
  ])("accepts %#", (question, text, value) => {
    expect(parseNumericValue(question, text, t)).toEqual({ ok: true, value });
  });

  it.each([
    [count, "2,5", /whole number/],
    [count, "-1", /outside the valid range 0–∞/],
    [percent, "101", /outside the valid range 0–100/],
    [ranged, "5,01", /outside the valid range 0–5/],
    [percent, "lots", /"lots" is not a number/],
  ])("refuses %#", (question, text, message) => {
    const parsed = parseNumericValue(question, text, t);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it("explains in Indonesian, with decimal commas", () => {
    const parsed = parseNumericValue(count, "2,5", messages.id);
    expect(parsed).toEqual({ ok: false, error: "Jumlah harus bilangan bulat, bukan 2,5." });
  });
});

describe("parseSurvey", () => {
  it.each([
    ["2,8 50", { mean: 2.8, respondents: 50 }],
    ["2.8/50", { mean: 2.8, respondents: 50 }],
    ["2,8 n=50", { mean: 2.8, respondents: 50 }],
    ["4 1", { mean: 4, respondents: 1 }],
    ["0:1 1:4 2:10 3:20 4:15", { counts: { 0: 1, 1: 4, 2: 10, 3: 20, 4: 15 } }],
    ["4=15, 3=20; 0=1", { counts: { 0: 1, 3: 20, 4: 15 } }],
  ])("reads %j", (text, value) => {
    expect(parseSurvey(text, scale, t)).toEqual({ ok: true, value });
  });

  it.each([
    ["2,8", /also give the number of respondents/i],
    ["4,5 50", /outside the scale 0–4/],
    ["2,8 0", /not a number of respondents/],
    ["2,8 4,5", /not a number of respondents/],
    ["0:1 5:3", /Level 5 is outside the scale/],
    ["1:2 1:3", /Level 1 is given twice/],
    ["0:0 1:0", /No respondents/],
    ["1:x", /not level:respondents/],
    ["many people", /Type the mean and the respondents/],
  ])("refuses %j", (text, message) => {
    const parsed = parseSurvey(text, scale, t);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it("round-trips what it shows as the default", () => {
    for (const survey of [{ mean: 2.8, respondents: 50 }, { counts: { 0: 1, 2: 10, 4: 15 } }]) {
      for (const lang of ["id", "en"] as const)
        expect(parseSurvey(formatSurvey(survey, lang), scale, t)).toEqual({ ok: true, value: survey });
    }
  });
});

describe("parseEvidence", () => {
  it("splits on semicolons and drops empty items", () => {
    expect(parseEvidence(" Perbup No. 27 Tahun 2024 ; https://jdih.example/a?b=1,2 ;; ")).toEqual([
      "Perbup No. 27 Tahun 2024",
      "https://jdih.example/a?b=1,2",
    ]);
    expect(parseEvidence("")).toEqual([]);
  });
});
