import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareResults, type Comparison, type CompareSide } from "../../src/engine/compare-results.js";
import { scoreAnswers } from "../../src/engine/score.js";
import { evaluateAnswerFile } from "../../src/io/evaluate-answers.js";
import type { AnswerFile } from "../../src/model/answers.js";
import { add, equals, exact, mul, sub, sum, toFixed, toFraction, ZERO } from "../../src/model/exact.js";
import { runCache } from "../reference/questionnaire-cache.js";
import { repoRoot } from "../reference/reference-data.js";
import { miniQuestionnaire } from "./mini-questionnaire.js";

/** The fixtures do not change during the run: one cache for the file. */
const cache = runCache();

async function side(file: string): Promise<CompareSide> {
  const evaluated = await evaluateAnswerFile(resolve(repoRoot, file), { cache });
  expect(evaluated.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return {
    questionnaire: evaluated.questionnaire!.questionnaire,
    result: evaluated.result!,
    region: "Kabupaten Malang",
  };
}

/** Every way the change is split must add up to the total's change, exactly. */
function expectBalanced(c: Comparison) {
  expect(equals(c.total.change, sub(c.total.new, c.total.old))).toBe(true);
  expect(equals(c.contributionSum, c.total.change)).toBe(true);
  expect(equals(sum(c.elements.map((e) => e.contributionChange)), c.total.change)).toBe(true);
  const r = c.reconciliation;
  expect(equals(sum([r.answers, r.added, r.removed, r.reweighting]), c.total.change)).toBe(true);
  const byStatus = (s: string) => sum(c.questions.filter((q) => q.status === s).map((q) => q.effect));
  expect(equals(byStatus("changed"), r.answers)).toBe(true);
  expect(equals(byStatus("added"), r.added)).toBe(true);
  expect(equals(byStatus("removed"), r.removed)).toBe(true);
}

describe("compare: Kabupaten Malang 2022 (published scores) → 2023 (answers built for the test)", () => {
  let c: Comparison;
  beforeAll(async () => {
    c = compareResults(
      await side("fixtures/compare/kabupaten-malang-2022.yaml"),
      await side("fixtures/compare/kabupaten-malang-2023.yaml"),
    );
  });

  it("splits the total's change into element contributions that add up to it exactly", () => {
    expectBalanced(c);
    expect(toFraction(c.total.old)).toBe("434729/173600");
    expect(c.elements.map((e) => e.id)).toEqual([
      "baseline",
      "output",
      "outcome",
      "impact",
      "quick-win",
      "collaboration",
    ]);
    const collaboration = c.elements.find((e) => e.id === "collaboration")!;
    expect(collaboration.old).toBeNull();
    expect(equals(collaboration.contributionChange, collaboration.new!.contribution)).toBe(true);
  });

  it("moves the total by weight / (100 × element size) × 2 for a question raised from level 1 to 3", () => {
    const q = c.questions.find((x) => x.id === "op-council-functioning")!;
    expect(q.status).toBe("changed");
    expect(toFraction(q.old!.score!)).toBe("1");
    expect(toFraction(q.new!.score!)).toBe("3");
    // Output weighs 20 in the 2023 KPPN & IKN profile and has 7 questions.
    expect(toFraction(q.effect)).toBe(toFraction(mul(exact(20n, 100n * 7n), exact(2n))));
    expect(toFraction(q.effect)).toBe("2/35");
  });

  it("says that the instruments and the weights differ, and which elements exist on one side only", () => {
    expect(c.notes).toEqual([
      { code: "questionnaire-differs", old: "smart-city-2022", new: "smart-city-2023" },
      { code: "weights-differ", elements: ["outcome", "impact", "quick-win"] },
      { code: "element-size-differs", elements: ["outcome", "impact"] },
      { code: "elements-only-new", elements: ["collaboration"] },
      {
        code: "verification-differs",
        old: "unverified",
        new: "partial",
        elements: ["baseline", "output", "outcome", "quick-win"],
      },
    ]);
  });

  it("lists the questions new in 2023 and those gone since 2022 with their effect", () => {
    const added = c.questions.filter((q) => q.status === "added");
    const removed = c.questions.filter((q) => q.status === "removed");
    expect(added.filter((q) => q.new!.element === "impact")).toHaveLength(54);
    expect(added.map((q) => q.id)).toContain("oc-brand-visual-identity");
    expect(added.find((q) => q.id === "co-governance")!.reason).toBe("questionnaire");
    expect(removed.map((q) => q.id)).toEqual([
      "im-improvement",
      "im-citizen-involvement",
      "im-continuity",
      "im-new-programs",
    ]);
    // 2.25 on a question worth 10 / (100 × 4) of the 2022 total.
    expect(toFraction(removed[0]!.effect)).toBe(toFraction(sub(ZERO, mul(exact(225n, 100n), exact(10n, 400n)))));
  });

  it("shows re-weighting of unchanged answers: Outcome went from 30% over 31 questions to 20% over 33", () => {
    expect(toFixed(c.reconciliation.reweighting, 4)).not.toBe("0.0000");
    expectBalanced(c);
  });
});

describe("compare: same questionnaire and profile", () => {
  const file = (answers: AnswerFile["answers"], profile?: string): CompareSide => {
    const doc: AnswerFile = { questionnaire: "mini-city", answers, ...(profile ? { profile } : {}) };
    return { questionnaire: miniQuestionnaire, result: scoreAnswers(miniQuestionnaire, doc).result! };
  };
  const before = { "bl-01": 1, "bl-02": 2, "oc-01": 3, "oc-03": { value: 12 }, "qw-01": 2 };
  const after = { "bl-01": 3, "bl-02": 2, "oc-01": 2, "oc-03": { value: 11 }, "qw-01": 2, "qw-02": 4 };

  it("has no notes and no re-weighting, and every change is an answer's doing", () => {
    const c = compareResults(file(before), file(after));
    expect(c.notes).toEqual([]);
    expect(equals(c.reconciliation.reweighting, ZERO)).toBe(true);
    expectBalanced(c);
    // Baseline weighs 10 with 3 questions: 1 → 3 is worth 10 / 300 × 2.
    expect(toFraction(c.questions.find((q) => q.id === "bl-01")!.effect)).toBe("1/15");
    // A newly answered question is a change, from unanswered.
    const qw = c.questions.find((q) => q.id === "qw-02")!;
    expect([qw.status, qw.old!.score, toFraction(qw.scoreChange!)]).toEqual(["changed", null, "4"]);
    // Another measured value at the same level is listed, with no effect.
    const poverty = c.questions.find((q) => q.id === "oc-03")!;
    expect([poverty.old!.value, poverty.new!.value, toFraction(poverty.effect)]).toEqual([12, 11, "0"]);
    // bl-02 and qw-01 kept their answer; bl-03, oc-02, im-01 and im-02 stayed unanswered.
    expect(c.unchanged).toBe(6);
  });

  it("compares across profiles: an element the old profile left out is added, weights are re-applied", () => {
    const c = compareResults(file(before), file({ ...after, "co-01": 2 }, "kppn-ikn"));
    expect(c.notes).toContainEqual({ code: "profile-differs", old: "reguler", new: "kppn-ikn" });
    expect(c.questions.find((q) => q.id === "co-01")).toMatchObject({ status: "added", reason: "profile" });
    expectBalanced(c);
    expect(equals(add(c.total.old, c.total.change), c.total.new)).toBe(true);
  });
});
