import { describe, expect, it } from "vitest";
import { effectiveRange, isNumeric } from "../../src/model/numeric-question.js";
import type { NumericQuestion, Question } from "../../src/model/questionnaire.js";

const text = { id: "Jumlah program", en: "Number of programmes" };
const count: NumericQuestion = { id: "bl-2", kind: "count", text, thresholds: [{ at: 1, level: 1 }] };

describe("isNumeric", () => {
  it.each([
    ["count", true],
    ["percent", true],
    ["number", true],
    ["level", false],
    ["survey", false],
  ])("%s → %s", (kind, numeric) => {
    expect(isNumeric({ ...count, kind } as Question)).toBe(numeric);
  });
});

describe("effectiveRange", () => {
  it("defaults percent to 0–100 and count to ≥ 0; range overrides", () => {
    expect(effectiveRange(count)).toEqual({ min: 0 });
    expect(effectiveRange({ ...count, kind: "percent" })).toEqual({ min: 0, max: 100 });
    expect(effectiveRange({ ...count, kind: "percent", range: { min: -100, max: 1000 } })).toEqual({
      min: -100,
      max: 1000,
    });
    expect(effectiveRange({ ...count, kind: "percent", range: { max: 50 } })).toEqual({ min: 0, max: 50 });
    expect(effectiveRange({ ...count, kind: "number" })).toEqual({});
  });
});
