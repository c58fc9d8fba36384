import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { adviseAnswers, ladder } from "../../src/engine/advise.js";
import { scoreAnswers } from "../../src/engine/score.js";
import { evaluateAnswerFile } from "../../src/io/evaluate-answers.js";
import type { Answer, AnswerFile } from "../../src/model/answers.js";
import { add, compare, equals, exact, fromNumber, toFraction, toNumber, type Exact } from "../../src/model/exact.js";
import type { Question } from "../../src/model/questionnaire.js";
import { runCache } from "../reference/questionnaire-cache.js";
import { repoRoot } from "../reference/reference-data.js";
import { miniQuestionnaire } from "./mini-questionnaire.js";

/** The answer an officer would give to reach a step: the level, the threshold value, or the survey mean. */
function raisedAnswer(question: Question, step: { to: Exact; threshold?: { at: number } }): Answer {
  if (step.threshold) return { value: step.threshold.at };
  if (question.kind === "survey") return { survey: { mean: toNumber(step.to), respondents: 50 } };
  return toNumber(step.to);
}

/** The fixtures do not change during the run: one cache for the file. */
const cache = runCache();

describe("advise: the gain of one more level", () => {
  it.each([
    ["fixtures/compare/kabupaten-malang-2023.yaml", undefined],
    ["fixtures/compare/kabupaten-malang-2023.yaml", "reguler"],
    ["fixtures/answers/2023/kabupaten-sukamaju.yaml", undefined],
    ["fixtures/answers/2023/kabupaten-gunung-sari.yml", undefined],
  ])(
    "agrees with re-scoring %s (profile %s) with that one answer raised, for every question of smart-city-2023",
    async (file, profile) => {
      const evaluated = await evaluateAnswerFile(resolve(repoRoot, file), profile ? { profile, cache } : { cache });
      const questionnaire = evaluated.questionnaire!.questionnaire;
      const answers = evaluated.answers!;
      const result = evaluated.result!;
      const advice = adviseAnswers(questionnaire, result);
      const byId = new Map(advice.questions.map((q) => [q.id, q]));
      const scored = new Set(result.questions.map((q) => q.id));
      let checked = 0;
      for (const element of questionnaire.elements) {
        for (const question of element.questions) {
          const advised = byId.get(question.id);
          const current = result.questions.find((q) => q.id === question.id)?.score ?? null;
          if (!scored.has(question.id)) {
            expect(advised, `${question.id} is not scored under this profile`).toBeUndefined();
            continue;
          }
          if (current && equals(current, fromNumber(questionnaire.scale.max))) {
            expect(advised, `${question.id} is at the top`).toBeUndefined();
            continue;
          }
          expect(advised, `${question.id} is below the top`).toBeDefined();
          const raised: AnswerFile = {
            ...answers,
            answers: { ...answers.answers, [question.id]: raisedAnswer(question, advised!.steps[0]!) },
          };
          const rescored = scoreAnswers(questionnaire, raised, profile ? { profile } : {});
          expect(rescored.issues.filter((i) => i.severity === "error")).toEqual([]);
          expect(toFraction(rescored.result!.total), question.id).toBe(toFraction(add(result.total, advised!.gain)));
          checked++;
        }
      }
      expect(checked).toBe(advice.questions.length);
      expect(checked).toBeGreaterThan(40);
    },
  );

  it("sorts by gain, unanswered first among equals, and groups by element", async () => {
    const evaluated = await evaluateAnswerFile(resolve(repoRoot, "fixtures/answers/2023/kabupaten-sukamaju.yaml"), {
      cache,
    });
    const advice = adviseAnswers(evaluated.questionnaire!.questionnaire, evaluated.result!);
    for (let i = 1; i < advice.questions.length; i++) {
      const [a, b] = [advice.questions[i - 1]!, advice.questions[i]!];
      expect(compare(a.gain, b.gain)).toBeGreaterThanOrEqual(0);
      if (equals(a.gain, b.gain) && a.current !== null) expect(b.current).not.toBeNull();
    }
    for (const e of advice.elements) {
      expect(e.open).toBe(advice.questions.filter((q) => q.element === e.id).length);
    }
  });
});

describe("advise: ladders", () => {
  const scale = { min: 0, max: 4 };
  const [level, , count] = miniQuestionnaire.elements[0]!.questions;
  const survey = miniQuestionnaire.elements[2]!.questions[0]!;
  const tos = (q: Question, from: Exact) => ladder(q, from, scale).map((s) => toFraction(s.to));

  it("climbs whole levels, from a panel mean first to the next whole level", () => {
    expect(tos(level!, exact(0n))).toEqual(["1", "2", "3", "4"]);
    expect(tos(level!, fromNumber(2.75))).toEqual(["3", "4"]);
    expect(tos(level!, exact(4n))).toEqual([]);
  });

  it("climbs a numeric question by its thresholds, naming the value to reach", () => {
    const steps = ladder(count!, exact(1n), scale);
    expect(steps.map((s) => [s.level, s.threshold?.at])).toEqual([
      [2, 3],
      [3, 6],
      [4, 10],
    ]);
  });

  it("climbs a survey item by 0.1 in its mean, capped at the top", () => {
    expect(tos(survey, fromNumber(3.74))).toEqual(["192/50", "197/50", "4"].map((f) => toFraction(fromFraction(f))));
    expect(ladder(survey, fromNumber(3.74), scale).map((s) => s.level)).toEqual([4, 4, 4]);
    expect(tos(survey, exact(4n))).toEqual([]);
  });
});

const fromFraction = (text: string): Exact => {
  const [n, d = "1"] = text.split("/");
  return exact(BigInt(n!), BigInt(d));
};
