import type { Issue } from "../../src/errors.js";
import { localizeDiagnostic } from "../../src/text/diagnostic-messages.js";
import { describe, expect, it } from "vitest";
import { fromNumber, toFixed, toFraction, type Exact } from "../../src/model/exact.js";
import { bandFor, scoreAnswers, selectProfile } from "../../src/engine/score.js";
import { levelForValue, scoreAnswer, surveyMean } from "../../src/engine/score-answer.js";
import type { Answer, AnswerFile } from "../../src/model/answers.js";
import type { NumericQuestion, Question, Questionnaire } from "../../src/model/questionnaire.js";
import { miniQuestionnaire } from "./mini-questionnaire.js";

const scale = miniQuestionnaire.scale;
const question = (id: string): Question =>
  miniQuestionnaire.elements.flatMap((e) => e.questions).find((q) => q.id === id)!;
const frac = (value: Exact | null | undefined) => (value ? toFraction(value) : null);
const file = (answers: Record<string, Answer>, extra: Partial<AnswerFile> = {}): AnswerFile => ({
  questionnaire: "mini-city",
  answers,
  ...extra,
});

/** The issues as the English catalogue says them (the engine gives codes and parameters only). */
const said = (issues: readonly Issue[]) => issues.map((i) => localizeDiagnostic(i, "en"));

describe("scoreAnswer: every answer form", () => {
  it.each<[string, string, Answer, string | null]>([
    ["a plain level", "bl-01", 3, "3"],
    [
      "a level object with evidence",
      "bl-01",
      { score: 2, evidence: ["Perbup No. 27 Tahun 2024"], note: "ditetapkan Mei" },
      "2",
    ],
    ["a published mean as score", "bl-01", { score: 2.75 }, "11/4"],
    ["the assessors' mean", "bl-01", { assessors: [3, 3, 3, 3, 2] }, "14/5"],
    ["four assessors (multiples of 0.25)", "bl-01", { assessors: [3, 2, 2, 2] }, "9/4"],
    ["survey counts", "im-01", { survey: { counts: { "0": 1, "1": 4, "2": 10, "3": 20, "4": 15 } } }, "72/25"],
    ["a survey mean", "im-01", { survey: { mean: 2.86, respondents: 50 } }, "143/50"],
    // A level written "04" is not found by index: the keys are enumerated, and it counts as 4.
    ["survey counts with a level written 04", "im-01", { survey: { counts: { "2": 25, "04": 25 } } }, "3"],
    ["a score for a survey question", "im-01", { score: 3.1 }, "31/10"],
    ["a count mapped by thresholds", "bl-03", { value: 7 }, "3"],
    ["a count on a threshold boundary", "bl-03", { value: 10 }, "4"],
    ["a count below the first threshold", "bl-03", { value: 0 }, "0"],
    ["a descending percent (poverty 9.5%)", "oc-03", { value: 9.5 }, "3"],
    ["a descending percent on a boundary", "oc-03", { value: 5 }, "4"],
    ["a descending percent above every threshold", "oc-03", { value: 31.2 }, "0"],
    ["nothing but a note", "bl-01", { note: "bukti masih dikumpulkan" }, null],
    ["null", "bl-01", null, null],
  ])("scores %s", (_what, id, answer, expected) => {
    const outcome = scoreAnswer(question(id), answer, scale, ["answers", id]);
    expect(outcome.issues).toEqual([]);
    expect(frac(outcome.score)).toBe(expected);
  });

  it.each<[string, string, Answer, (string | number)[], RegExp]>([
    ["a level above the scale", "bl-01", 5, ["answers", "bl-01"], /score 5 is outside the scale 0–4/],
    ["a negative score", "bl-01", { score: -1 }, ["answers", "bl-01", "score"], /outside the scale/],
    [
      "an assessor outside the scale",
      "bl-01",
      { assessors: [3, 7] },
      ["answers", "bl-01", "assessors", 1],
      /assessor score 7/,
    ],
    [
      "a survey level above the scale, after levels within it",
      "im-01",
      { survey: { counts: { "1": 20, "3": 25, "7": 5 } } },
      ["answers", "im-01", "survey", "counts", "7"],
      /level 7/,
    ],
    [
      "two self-assessed forms at once",
      "bl-01",
      { score: 3, value: 2 },
      ["answers", "bl-01", "value"],
      /give one of score, survey or value; found score and value/,
    ],
    [
      "a named assessor outside the scale",
      "bl-01",
      {
        score: 3,
        assessors: [
          { name: "Ani", score: 3 },
          { name: "Budi", score: 5 },
        ],
      },
      ["answers", "bl-01", "assessors", 1],
      /assessor score 5 \(Budi\) is outside the scale 0–4/,
    ],
    [
      "the same assessor twice on one question",
      "bl-01",
      {
        assessors: [
          { name: "Ani Wijaya", score: 3 },
          { name: " ani  wijaya", score: 2 },
        ],
      },
      ["answers", "bl-01", "assessors", 1],
      /assessor " ani {2}wijaya" scored this question twice \(also entry 1\)/,
    ],
    [
      "a survey for a level question",
      "bl-01",
      { survey: { mean: 3, respondents: 50 } },
      ["answers", "bl-01", "survey"],
      /is a level question, not a survey/,
    ],
    [
      "survey counts outside the scale",
      "im-01",
      { survey: { counts: { "5": 3 } } },
      ["answers", "im-01", "survey", "counts", "5"],
      /level 5 is outside/,
    ],
    [
      "survey counts of nobody",
      "im-01",
      { survey: { counts: { "3": 0 } } },
      ["answers", "im-01", "survey", "counts"],
      /no respondents/,
    ],
    [
      "a survey mean of nobody",
      "im-01",
      { survey: { mean: 3, respondents: 0 } },
      ["answers", "im-01", "survey", "respondents"],
      /at least one respondent/,
    ],
    [
      "a value for a level question",
      "bl-01",
      { value: 3 },
      ["answers", "bl-01", "value"],
      /takes a score, not a value/,
    ],
    ["a fractional count", "bl-03", { value: 2.5 }, ["answers", "bl-03", "value"], /whole number/],
    ["a negative count", "bl-03", { value: -2 }, ["answers", "bl-03", "value"], /outside the valid range 0–∞/],
    ["a percent above 100", "oc-03", { value: 140 }, ["answers", "oc-03", "value"], /outside the valid range 0–100/],
  ])("rejects %s with a located error", (_what, id, answer, path, message) => {
    const outcome = scoreAnswer(question(id), answer, scale, ["answers", id]);
    expect(outcome.score).toBeNull();
    expect(outcome.issues).toHaveLength(1);
    expect(outcome.issues[0]).toMatchObject({ severity: "error", path });
    expect(Object.keys(outcome.issues[0]!).sort()).toEqual(["code", "params", "path", "severity"]);
    expect(localizeDiagnostic(outcome.issues[0]!, "en").message).toMatch(message);
  });

  it("hints at { value } when a measured value is written as a score", () => {
    expect(
      localizeDiagnostic(scoreAnswer(question("bl-03"), 7, scale, ["answers", "bl-03"]).issues[0]!, "en").hint,
    ).toBe("to enter a measured value, write { value: 7 }");
  });

  it("warns, and still scores, a survey with fewer respondents than required", () => {
    const outcome = scoreAnswer(question("im-01"), { survey: { counts: { "3": 30, "4": 10 } } }, scale, [
      "answers",
      "im-01",
    ]);
    expect(frac(outcome.score)).toBe("13/4");
    expect(outcome.respondents).toBe(40);
    expect(said(outcome.issues)).toEqual([
      {
        path: ["answers", "im-01", "survey"],
        severity: "warning",
        code: "answer.few-respondents",
        params: { respondents: 40, required: 50 },
        message: "40 respondents, fewer than the 50 required",
      },
    ]);
  });

  it("gives a survey mean over per-level counts exactly", () => {
    expect(surveyMean({ "0": 0, "4": 3 })).toEqual({ mean: fromNumber(4), respondents: 3 });
    expect(frac(surveyMean({ "1": 1, "2": 2 })!.mean)).toBe("5/3");
    expect(surveyMean({})).toBeNull();
    // Levels the index lookup does not reach (past 15, written with a leading zero, negative) are
    // added up from the keys, with the others.
    expect(frac(surveyMean({ "1": 2, "20": 1 })!.mean)).toBe("22/3");
    expect(frac(surveyMean({ "01": 1, "3": 1 })!.mean)).toBe("2");
    expect(frac(surveyMean({ "-1": 1, "2": 2 })!.mean)).toBe("1");
    // Past what a double holds exactly, in BigInt.
    expect(surveyMean({ "3": 2 ** 52, "4": 2 ** 52 })!.mean).toEqual({ n: 7n, d: 2n });
  });

  it("reports a survey's first level outside the scale, in the order of its keys", () => {
    const q = question("im-01");
    for (const [counts, level] of [
      [{ "2": 5, "7": 1, "9": 1 }, "7"],
      [{ "1": 5, "20": 1 }, "20"],
      [{ "1": 5, "-1": 1 }, "-1"],
    ] as const) {
      const outcome = scoreAnswer(q, { survey: { counts } }, scale, ["answers", q.id]);
      expect(outcome.score).toBeNull();
      expect(outcome.issues.map((i) => [i.code, i.params?.level])).toEqual([
        ["answer.survey-level-outside-scale", level],
      ]);
    }
  });

  it("maps values through ascending and descending thresholds", () => {
    const q = question("bl-03") as NumericQuestion;
    expect([0, 1, 2, 3, 5, 6, 9, 10, 99].map((v) => levelForValue(q, v, scale))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    const d = question("oc-03") as NumericQuestion;
    expect([25, 20, 17, 15, 12, 10, 6, 5, 0].map((v) => levelForValue(d, v, scale))).toEqual([
      0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]);
  });
});

const complete: Record<string, Answer> = {
  "bl-01": 3,
  "bl-02": 2,
  "bl-03": { value: 7 },
  "oc-01": { assessors: [3, 3, 3, 3, 2] },
  "oc-02": 4,
  "oc-03": { value: 9.5 },
  "im-01": { survey: { counts: { "0": 1, "1": 4, "2": 10, "3": 20, "4": 15 } } },
  "im-02": { survey: { mean: 3.1, respondents: 50 } },
  "qw-01": 3,
  "qw-02": { score: 3.5 },
};
const withCollaboration = { ...complete, "co-01": 2 };

describe("scoreAnswer: self-assessed and verified side by side (methodology §3 rule 1, §9)", () => {
  it.each<[string, string, Answer, string | null, string | null, string | null, number]>([
    ["a self-assessed level, unverified", "bl-01", 3, "3", "3", null, 0],
    ["the panel only (published files)", "bl-01", { assessors: [3, 3, 3, 3, 2] }, "14/5", null, "14/5", 5],
    [
      "the region's level and five named assessors: the panel's mean counts",
      "bl-01",
      {
        score: 4,
        assessors: [
          { name: "Ani", score: 3 },
          { name: "Budi", score: 3, note: "Perbup ada" },
          { name: "Citra", score: 3 },
          { name: "Dewi", score: 3 },
          { name: "Eko", score: 2, note: "belum diundangkan" },
        ],
      },
      "14/5",
      "4",
      "14/5",
      5,
    ],
    [
      "anonymous and named scores together",
      "bl-01",
      { score: 1, assessors: [2, { name: "Ani", score: 3 }] },
      "5/2",
      "1",
      "5/2",
      2,
    ],
    [
      "a survey verified by the panel keeps its respondents",
      "im-01",
      { survey: { mean: 3.1, respondents: 50 }, assessors: [{ name: "Ani", score: 2 }] },
      "2",
      "31/10",
      "2",
      1,
    ],
    [
      "evidence only, verified",
      "bl-01",
      { evidence: ["SK"], assessors: [{ name: "Ani", score: 1 }] },
      "1",
      null,
      "1",
      1,
    ],
  ])("scores %s", (_what, id, answer, score, self, verified, assessors) => {
    const outcome = scoreAnswer(question(id), answer, scale, ["answers", id]);
    expect(outcome.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect([frac(outcome.score), frac(outcome.self), frac(outcome.verified), outcome.assessors]).toEqual([
      score,
      self,
      verified,
      assessors,
    ]);
  });

  it("gives self-assessed and verified element scores and totals, and the largest differences first", () => {
    const answers: Record<string, Answer> = {
      ...complete,
      "bl-01": { score: 3, assessors: [2, 2, 2, 2, 2] },
      "bl-02": { score: 2, assessors: [2, 2, 3, 2, 2] },
      "qw-01": { score: 4, assessors: [1, 2, 1, 1, 1] },
    };
    const result = scoreAnswers(miniQuestionnaire, file(answers)).result!;
    const baseline = result.elements.find((e) => e.id === "baseline")!;
    // verified: (2 + 2.2 + 3) / 3; self: (3 + 2 + 3) / 3
    expect([frac(baseline.score), frac(baseline.selfScore), baseline.verified]).toEqual(["12/5", "8/3", 2]);
    const v = result.verification;
    expect(v.verified).toBe(4); // and oc-01, verified only: no self-assessed answer to compare
    expect(v.unverified).not.toContain("bl-01");
    expect(v.unverified).toContain("bl-03");
    expect(v.differences.map((d) => [d.id, frac(d.self), frac(d.verified), frac(d.difference)])).toEqual([
      ["qw-01", "4", "6/5", "-14/5"],
      ["bl-01", "3", "2", "-1"],
      ["bl-02", "2", "11/5", "1/5"],
    ]);
    // The self-assessed total is what the region's own answers give alone (oc-01 has none: 0).
    const { ["oc-01"]: _verifiedOnly, ...own } = complete;
    const selfOnly = scoreAnswers(miniQuestionnaire, file({ ...own, "bl-01": 3, "bl-02": 2, "qw-01": 4 })).result!;
    expect(frac(v.selfTotal)).toBe(frac(selfOnly.total));
    expect(selfOnly.verification).toMatchObject({ verified: 0, differences: [] });
    expect(selfOnly.verification.unverified).toHaveLength(selfOnly.questions.filter((q) => q.score).length);
    // A batch that keeps summaries only asks for no question list, and gets everything else the same.
    const lean = scoreAnswers(miniQuestionnaire, file(answers), { questions: false }).result!;
    expect(lean.questions).toEqual([]);
    expect({ ...lean, questions: result.questions }).toEqual(result);
  });
});

describe("scoreAnswers: elements, total, pillars (methodology §3)", () => {
  it("scores an element as the plain mean of its question scores", () => {
    const { result } = scoreAnswers(miniQuestionnaire, file(complete));
    const scores = Object.fromEntries(result!.elements.map((e) => [e.id, frac(e.score)]));
    // baseline (3 + 2 + 3) / 3, outcome (2.8 + 4 + 3) / 3, impact (2.88 + 3.1) / 2, quick win (3 + 3.5) / 2
    expect(scores).toEqual({ baseline: "8/3", outcome: "49/15", impact: "299/100", "quick-win": "13/4" });
  });

  it("totals Σ weight × element score / 100 over the profile's elements only", () => {
    const { result } = scoreAnswers(miniQuestionnaire, file(complete));
    // 10·8/3 + 30·49/15 + 30·2.99 + 30·3.25, over 100
    expect(frac(result!.total)).toBe("2339/750");
    expect(toFixed(result!.total)).toBe("3.12");
    expect(result!.elements.map((e) => frac(e.contribution))).toEqual(["4/15", "49/50", "897/1000", "39/40"]);
    expect(result!.elements.map((e) => e.id)).not.toContain("collaboration");
  });

  it("counts an unanswered question as 0, lists it and marks the result incomplete", () => {
    const { "im-02": _gone, "bl-02": _also, ...partial } = complete;
    const { result, issues } = scoreAnswers(miniQuestionnaire, file({ ...partial, "qw-02": { note: "menunggu SK" } }));
    expect(issues).toEqual([]);
    expect(result!.complete).toBe(false);
    expect(result!.missing).toEqual(["bl-02", "im-02", "qw-02"]);
    const impact = result!.elements.find((e) => e.id === "impact")!;
    expect(impact).toMatchObject({ answered: 1, questions: 2, missing: ["im-02"] });
    expect(frac(impact.score)).toBe("36/25");
  });

  it("uses the profile chosen on the command line over the file's, and the file's over the default", () => {
    const own = scoreAnswers(miniQuestionnaire, file(withCollaboration, { profile: "kppn-ikn" })).result!;
    expect(own.profile).toBe("kppn-ikn");
    expect(own.elements.map((e) => e.id)).toContain("collaboration");
    // 10·8/3 + 20·49/15 + 20·2.99 + 30·3.25 + 20·2, over 100
    expect(frac(own.total)).toBe("2893/1000");
    expect(
      scoreAnswers(miniQuestionnaire, file(complete, { profile: "kppn-ikn" }), { profile: "reguler" }).result!.profile,
    ).toBe("reguler");
    expect(selectProfile(miniQuestionnaire, undefined)!.id).toBe("reguler");
  });

  it("refuses an unknown profile, naming the known ones", () => {
    const outcome = scoreAnswers(miniQuestionnaire, file(complete, { profile: "kppn" }));
    expect(outcome.result).toBeUndefined();
    expect(said(outcome.issues)).toEqual([
      {
        path: ["profile"],
        severity: "error",
        code: "profile.unknown",
        params: { profile: "kppn", questionnaire: "mini-city", known: ["reguler", "kppn-ikn"] },
        message: 'unknown profile "kppn" for questionnaire "mini-city"',
        hint: "profiles: reguler, kppn-ikn",
      },
    ]);
    expect(scoreAnswers(miniQuestionnaire, file(complete), { profile: "kppn" }).issues[0]!.path).toEqual([]);
  });

  it("reports answers to unknown questions", () => {
    const { issues } = scoreAnswers(miniQuestionnaire, file({ ...complete, "bl-99": 3 }));
    expect(said(issues)).toEqual([
      expect.objectContaining({
        path: ["answers", "bl-99"],
        severity: "error",
        message: 'unknown question id "bl-99" in questionnaire "mini-city"',
      }),
    ]);
  });

  it("warns that answers to an element outside the profile are not scored, and still checks them", () => {
    const { issues, result } = scoreAnswers(miniQuestionnaire, file({ ...complete, "co-01": 9 }));
    expect(result!.elements.map((e) => e.id)).not.toContain("collaboration");
    expect(said(issues)).toEqual([
      expect.objectContaining({
        path: ["answers", "co-01"],
        severity: "error",
        message: "score 9 is outside the scale 0–4",
      }),
      expect.objectContaining({
        path: ["answers", "co-01"],
        severity: "warning",
        message: 'element "collaboration" is not part of profile "reguler": 1 answer is not scored',
        hint: "profile with this element: kppn-ikn",
      }),
    ]);
  });

  it("gives each pillar the mean of its tagged questions in the profile, or null", () => {
    const { result } = scoreAnswers(miniQuestionnaire, file(complete));
    // governance: oc-01 2.8, im-01 2.88, im-02 3.1; economy: oc-02 4, oc-03 3; environment: only in kppn-ikn
    expect(result!.pillars.map((p) => [p.id, frac(p.score), p.answered, p.questions])).toEqual([
      ["governance", "439/150", 3, 3],
      ["economy", "7/2", 2, 2],
      ["environment", null, 0, 0],
    ]);
    const kppn = scoreAnswers(miniQuestionnaire, file(withCollaboration, { profile: "kppn-ikn" })).result!;
    expect(frac(kppn.pillars.find((p) => p.id === "environment")!.score)).toBe("2");
  });

  it("applies the band with the highest minimum not above the total, when bands are defined", () => {
    const bands = [
      { min: 0, label: { id: "Kurang", en: "Poor" } },
      { min: 1.8, label: { id: "Cukup", en: "Fair" } },
      { min: 2.6, label: { id: "Baik", en: "Good" } },
      { min: 3.5, label: { id: "Sangat Baik", en: "Very good" } },
    ];
    expect(bandFor(bands, fromNumber(2.6))!.label.en).toBe("Good");
    expect(bandFor(bands, fromNumber(2.5999))!.label.en).toBe("Fair");
    expect(bandFor(bands, fromNumber(4))!.label.en).toBe("Very good");
    expect(bandFor(undefined, fromNumber(4))).toBeUndefined();
    const banded: Questionnaire = { ...miniQuestionnaire, bands };
    expect(scoreAnswers(banded, file(complete)).result!.band!.label.en).toBe("Good");
    expect(scoreAnswers(miniQuestionnaire, file(complete)).result!.band).toBeUndefined();
  });

  it("weights questions inside an element when the questionnaire gives weights", () => {
    const weighted: Questionnaire = {
      ...miniQuestionnaire,
      elements: miniQuestionnaire.elements.map((e) =>
        e.id === "quick-win" ? { ...e, questions: e.questions.map((q, i) => ({ ...q, weight: i === 0 ? 3 : 1 })) } : e,
      ),
    };
    const qw = scoreAnswers(weighted, file(complete)).result!.elements.find((e) => e.id === "quick-win")!;
    expect(frac(qw.score)).toBe("25/8"); // (3·3 + 1·3.5) / 4
  });

  it("scores a region that did not take part as 0 everywhere", () => {
    const { result } = scoreAnswers(miniQuestionnaire, file({}));
    expect(frac(result!.total)).toBe("0");
    expect(result!.elements.every((e) => e.score.n === 0n)).toBe(true);
    expect(result!.missing).toHaveLength(10);
  });
});

describe("a published case: Kota Kediri 2022, reguler profile (methodology §8)", () => {
  const elements = ["baseline", "output", "outcome", "impact", "quick-win"];
  const kediri: Questionnaire = {
    ...miniQuestionnaire,
    pillars: [],
    elements: elements.map((id) => ({
      id,
      title: { en: id },
      questions: [{ id: `${id}-1`, kind: "level" as const, text: { en: id }, levels: {} }],
    })),
    profiles: [
      {
        id: "reguler",
        title: { en: "Regular" },
        weights: { baseline: 10, output: 20, outcome: 30, impact: 20, "quick-win": 20 },
      },
    ],
  };
  const published = [3.6, 3.21, 3.23, 3.07, 3.65];
  const answers = file(Object.fromEntries(elements.map((id, i) => [`${id}-1`, { score: published[i]! }])));

  it("totals 3.315 by the formula (displayed 3.32; the letter printed 3.31)", () => {
    const total = scoreAnswers(kediri, answers).result!.total;
    expect(frac(total)).toBe("663/200");
    expect(toFixed(total)).toBe("3.32");
  });
});
