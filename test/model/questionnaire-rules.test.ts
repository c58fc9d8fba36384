import { localizeDiagnostic } from "../../src/text/diagnostic-messages.js";
import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/errors.js";
import type { Questionnaire } from "../../src/model/questionnaire.js";
import { questionnaireSchema } from "../../src/model/questionnaire.js";
import { checkQuestionnaire } from "../../src/model/questionnaire-rules.js";

const t = (en: string) => ({ id: en, en });
const levels = { 0: t("none"), 1: t("a little"), 2: t("some"), 3: t("most"), 4: t("all") };

/** A small valid questionnaire; each test changes one thing. */
function base(): Questionnaire {
  return questionnaireSchema.parse({
    id: "rules",
    version: "1",
    title: t("Rules"),
    scale: { min: 0, max: 4 },
    pillars: [
      {
        id: "governance",
        title: t("Governance"),
        subdimensions: [{ id: "public-services", title: t("Public services") }],
      },
    ],
    elements: [
      {
        id: "baseline",
        title: t("Baseline"),
        indicators: [{ id: "planning", title: t("Planning") }],
        questions: [
          {
            id: "bl-1",
            kind: "level",
            indicator: "planning",
            pillar: "governance",
            subdimension: "public-services",
            text: t("Q1"),
            levels,
          },
          {
            id: "bl-2",
            kind: "count",
            text: t("Q2"),
            thresholds: [
              { at: 1, level: 1 },
              { at: 5, level: 4 },
            ],
          },
        ],
      },
      { id: "impact", title: t("Impact"), questions: [{ id: "im-1", kind: "survey", respondents: 50, text: t("Q3") }] },
    ],
    profiles: [{ id: "reguler", title: t("Regular"), weights: { baseline: 40, impact: 60 } }],
    defaultProfile: "reguler",
  });
}

const messages = (issues: Issue[]) =>
  issues.map((i) => `${i.severity} ${i.path.join(".")}: ${localizeDiagnostic(i, "en").message}`);

describe("checkQuestionnaire", () => {
  it("finds nothing in a valid questionnaire", () => {
    expect(checkQuestionnaire(base())).toEqual([]);
  });

  it.each<[string, (q: Questionnaire) => void, string[]]>([
    [
      "duplicate element ids",
      (q) => (q.elements[1]!.id = "baseline"),
      [
        'error elements.1.id: duplicate element id "baseline": element 1 has it too',
        'error profiles.0.weights.impact: unknown element "impact"',
      ],
    ],
    [
      "duplicate question ids across elements",
      (q) => (q.elements[1]!.questions[0]!.id = "bl-2"),
      ['error elements.1.questions.0.id: duplicate question id "bl-2": question 2 of element "baseline" has it too'],
    ],
    [
      "duplicate pillar ids",
      (q) => q.pillars!.push({ id: "governance", title: t("Again") }),
      ['error pillars.1.id: duplicate pillar id "governance": pillar 1 has it too'],
    ],
    [
      "duplicate profile ids",
      (q) => q.profiles.push({ ...q.profiles[0]! }),
      ['error profiles.1.id: duplicate profile id "reguler": profile 1 has it too'],
    ],
    [
      "duplicate indicator ids",
      (q) => q.elements[0]!.indicators!.push({ id: "planning", title: t("P") }),
      ['error elements.0.indicators.1.id: duplicate indicator id "planning": indicator 1 has it too'],
    ],
    [
      "weights summing to 95",
      (q) => (q.profiles[0]!.weights.impact = 55),
      ['error profiles.0.weights: weights of profile "reguler" sum to 95, expected 100'],
    ],
    [
      "weights a hair under 100 (exact sum, no float tolerance)",
      (q) => (q.profiles[0]!.weights = { baseline: 33.33, impact: 66.66 }),
      ['error profiles.0.weights: weights of profile "reguler" sum to 99.99, expected 100'],
    ],
    [
      "weights naming an unknown element",
      (q) => (q.profiles[0]!.weights = { baseline: 40, impact: 50, outcome: 10 }),
      ['error profiles.0.weights.outcome: unknown element "outcome"'],
    ],
    [
      "an unknown default profile",
      (q) => (q.defaultProfile = "kppn-ikn"),
      ['error defaultProfile: unknown profile "kppn-ikn"'],
    ],
    [
      "an element no profile weights",
      (q) => (q.profiles[0]!.weights = { baseline: 100 }),
      ['warning elements.1.id: element "impact" has a weight in no profile, so it never counts'],
    ],
    [
      "an element weighted 0 everywhere",
      (q) => (q.profiles[0]!.weights = { baseline: 100, impact: 0 }),
      ['warning elements.1.id: element "impact" has a weight in no profile, so it never counts'],
    ],
    [
      "a missing level descriptor",
      (q) => delete (q.elements[0]!.questions[0] as { levels: Record<string, unknown> }).levels["2"],
      ["error elements.0.questions.0.levels: expected 5 level descriptors (0, 1, 2, 3, 4), found 4; missing 2"],
    ],
    [
      "a descriptor outside the scale",
      (q) => ((q.elements[0]!.questions[0] as { levels: Record<string, unknown> }).levels["7"] = t("x")),
      ["error elements.0.questions.0.levels.7: level descriptor for 7, which is outside the scale 0–4"],
    ],
    [
      "partial descriptors on a numeric question (a warning)",
      (q) => ((q.elements[0]!.questions[1] as { levels?: unknown }).levels = { 0: t("none") }),
      [
        "warning elements.0.questions.1.levels: expected 5 level descriptors (0, 1, 2, 3, 4), found 1; missing 1, 2, 3, 4",
      ],
    ],
    [
      "thresholds not increasing",
      (q) =>
        ((q.elements[0]!.questions[1] as { thresholds: unknown }).thresholds = [
          { at: 5, level: 1 },
          { at: 5, level: 2 },
        ]),
      ["error elements.0.questions.1.thresholds.1.at: thresholds must be strictly increasing: 5 then 5"],
    ],
    [
      "threshold levels not increasing",
      (q) =>
        ((q.elements[0]!.questions[1] as { thresholds: unknown }).thresholds = [
          { at: 1, level: 2 },
          { at: 5, level: 2 },
        ]),
      ["error elements.0.questions.1.thresholds.1.level: threshold levels must increase: 2 then 2"],
    ],
    [
      "a threshold level outside the scale",
      (q) => ((q.elements[0]!.questions[1] as { thresholds: unknown }).thresholds = [{ at: 1, level: 5 }]),
      ["error elements.0.questions.1.thresholds.0.level: threshold level 5 is outside the scale 0–4"],
    ],
    [
      "a negative count threshold",
      (q) => ((q.elements[0]!.questions[1] as { thresholds: unknown }).thresholds = [{ at: -1, level: 1 }]),
      ["error elements.0.questions.1.thresholds.0.at: threshold -1 is outside the valid range 0–∞ of a count question"],
    ],
    [
      "an empty range",
      (q) => ((q.elements[0]!.questions[1] as { range?: unknown }).range = { min: 10, max: 10 }),
      [
        "error elements.0.questions.1.range: range.min (10) must be below range.max (10)",
        "error elements.0.questions.1.thresholds.0.at: threshold 1 is outside the valid range 10–10 of a count question",
        "error elements.0.questions.1.thresholds.1.at: threshold 5 is outside the valid range 10–10 of a count question",
      ],
    ],
    [
      "an unknown pillar",
      (q) => (q.elements[0]!.questions[0]!.pillar = "economy"),
      ['error elements.0.questions.0.pillar: unknown pillar "economy"'],
    ],
    [
      "a sub-dimension of another pillar",
      (q) => (q.elements[0]!.questions[0]!.subdimension = "tourism"),
      ['error elements.0.questions.0.subdimension: pillar "governance" has no sub-dimension "tourism"'],
    ],
    [
      "a sub-dimension without a pillar",
      (q) => delete q.elements[0]!.questions[0]!.pillar,
      ["error elements.0.questions.0.subdimension: a sub-dimension needs a pillar"],
    ],
    [
      "an unknown indicator",
      (q) => (q.elements[0]!.questions[0]!.indicator = "plan"),
      ['error elements.0.questions.0.indicator: element "baseline" has no indicator "plan"'],
    ],
    [
      "a scale too wide to describe",
      (q) => (q.scale = { min: 0, max: 1000 }),
      ["error scale: the scale 0–1000 has 1001 levels, more than 101"],
    ],
    ["a missing English title", (q) => (q.title = { id: "Aturan" }), ["warning title: missing English text (en)"]],
    [
      "a missing Indonesian level descriptor",
      (q) => ((q.elements[0]!.questions[0] as { levels: Record<string, unknown> }).levels["3"] = { en: "most" }),
      ["warning elements.0.questions.0.levels.3: missing Indonesian text (id)"],
    ],
    [
      "survey labels missing a level",
      (q) => (q.surveyLabels = { 0: t("no"), 1: t("rather no"), 2: t("neutral"), 3: t("rather yes") }),
      ["error surveyLabels: expected 5 survey labels (0, 1, 2, 3, 4), found 4; missing 4"],
    ],
  ])("reports %s", (_name, change, expected) => {
    const q = base();
    change(q);
    expect(messages(checkQuestionnaire(q))).toEqual(expected);
  });

  it("accepts descending thresholds for lower-is-better values", () => {
    const q = base();
    Object.assign(q.elements[0]!.questions[1]!, {
      kind: "percent",
      direction: "descending",
      thresholds: [
        { at: 20, level: 1 },
        { at: 10, level: 2 },
        { at: 5, level: 4 },
      ],
    });
    expect(checkQuestionnaire(q)).toEqual([]);
  });

  it("reports predicate bands outside the scale, twice at one total, or none from the minimum", () => {
    const q = base();
    q.bands = [
      { min: 1.8, label: t("Cukup") },
      { min: 1.8, label: t("Baik") },
      { min: 4.5, label: t("Top") },
    ];
    expect(messages(checkQuestionnaire(q))).toEqual([
      "error bands.1.min: two bands start at 1.8 (bands 1 and 2)",
      "error bands.2.min: band minimum 4.5 is outside the scale 0–4",
      "warning bands: no band starts at the scale minimum 0, so low totals get no predicate",
    ]);
  });

  it("gives hints naming what exists, with the likely one first", () => {
    const q = base();
    q.elements[0]!.questions[0]!.pillar = "governanse";
    q.profiles[0]!.weights = { baseline: 35, impact: 60 };
    const issues = checkQuestionnaire(q);
    // The pure layer gives codes and parameters only; the catalogues say them.
    for (const issue of issues) expect(Object.keys(issue).sort()).toEqual(["code", "params", "path", "severity"]);
    const hints = issues.map((i) => localizeDiagnostic(i, "en").hint);
    expect(hints).toEqual(['did you mean "governance"? known pillars: governance', "baseline 35 + impact 60 = 95"]);
  });

  it("stays quiet about references into parts left out after schema errors", () => {
    const q = base();
    q.elements[0]!.questions[0]!.pillar = "economy";
    q.elements[0]!.questions[0]!.indicator = "plan";
    q.profiles[0]!.weights = { baseline: 40, impact: 50, outcome: 10 };
    q.defaultProfile = "kppn-ikn";
    expect(checkQuestionnaire(q, { pillars: true, indicators: true, elements: true, profiles: true })).toEqual([]);
  });
});
