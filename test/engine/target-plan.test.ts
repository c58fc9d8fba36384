import { describe, expect, it } from "vitest";
import { adviseAnswers } from "../../src/engine/advise.js";
import { scoreAnswers } from "../../src/engine/score.js";
import { planTarget } from "../../src/engine/target-plan.js";
import type { Answer, AnswerFile } from "../../src/model/answers.js";
import { add, compare, div, exact, fromNumber, toFraction, toNumber, type Exact } from "../../src/model/exact.js";
import type { Questionnaire } from "../../src/model/questionnaire.js";

const t = (en: string) => ({ id: en, en });
const levels = { "0": t("0"), "1": t("1"), "2": t("2"), "3": t("3"), "4": t("4") };

/**
 * Small enough to try every combination of answers, and built so that the easy rule (take the
 * largest gain per step) is not enough: a panel mean of 2.5 whose first step is worth half a
 * level, thresholds that skip level 3, question weights, and a survey item near the top.
 */
const small: Questionnaire = {
  id: "small",
  version: "1",
  title: t("Small"),
  scale: { min: 0, max: 4 },
  elements: [
    {
      id: "a",
      title: t("A"),
      questions: [
        { id: "a-half", kind: "level", text: t("a-half"), levels, weight: 2 },
        { id: "a-open", kind: "level", text: t("a-open"), levels },
      ],
    },
    {
      id: "b",
      title: t("B"),
      questions: [
        {
          id: "b-count",
          kind: "count",
          text: t("b-count"),
          thresholds: [
            { at: 1, level: 1 },
            { at: 5, level: 2 },
            { at: 10, level: 4 },
          ],
        },
        { id: "b-level", kind: "level", text: t("b-level"), levels },
        { id: "b-survey", kind: "survey", text: t("b-survey"), respondents: 50 },
      ],
    },
    {
      id: "c",
      title: t("C"),
      questions: [{ id: "c-level", kind: "level", text: t("c-level"), levels }],
    },
  ],
  profiles: [{ id: "p", title: t("P"), weights: { a: 35, b: 45, c: 20 } }],
  defaultProfile: "p",
};

const start: AnswerFile = {
  questionnaire: "small",
  answers: {
    "a-half": { assessors: [2, 3] },
    "b-count": { value: 2 },
    "b-level": 3,
    "b-survey": { survey: { mean: 3.62, respondents: 50 } },
    "c-level": 1,
  },
};

/** Written independently of the engine's ladders: every answer each question can be raised to, in order. */
const options: Record<string, Answer[]> = {
  "a-half": [{ assessors: [2, 3] }, 3, 4],
  "a-open": [null, 1, 2, 3, 4],
  "b-count": [{ value: 2 }, { value: 5 }, { value: 10 }],
  "b-level": [3, 4],
  "b-survey": [3.62, 3.72, 3.82, 3.92, 4].map((mean) => ({ survey: { mean, respondents: 50 } })),
  "c-level": [1, 2, 3, 4],
};

const total = (answers: AnswerFile["answers"]): Exact => scoreAnswers(small, { ...start, answers }).result!.total;

/** Every combination of raised answers: its number of steps and its total. */
function everyPlan(): { steps: number; total: Exact }[] {
  const ids = Object.keys(options);
  const plans: { steps: number; total: Exact }[] = [];
  const walk = (i: number, answers: AnswerFile["answers"], steps: number) => {
    if (i === ids.length) {
      plans.push({ steps, total: total(answers) });
      return;
    }
    const id = ids[i]!;
    options[id]!.forEach((answer, k) => {
      walk(i + 1, { ...answers, [id]: answer }, steps + k);
    });
  };
  walk(0, {}, 0);
  return plans;
}

describe("advise --target: the fewest steps", () => {
  const plans = everyPlan();
  const advice = adviseAnswers(small, scoreAnswers(small, start).result!);
  const current = advice.total;

  // Targets: every total some plan reaches, and a point just above each (a target between two totals).
  const targets = [...new Map(plans.map((p) => [toFraction(p.total), p.total])).values()]
    .flatMap((x) => [x, add(x, exact(1n, 100000n))])
    .filter((x) => compare(x, current) > 0);

  it("tries every combination of the small questionnaire", () => {
    expect(plans).toHaveLength(3 * 5 * 3 * 2 * 5 * 4);
    expect(targets.length).toBeGreaterThan(500);
  });

  it("needs no more steps than brute force finds, for every target, and reaches it when re-scored", () => {
    let greedyWouldFail = 0;
    for (const target of targets) {
      const reaching = plans.filter((p) => compare(p.total, target) >= 0);
      const plan = planTarget(advice, target);
      if (reaching.length === 0) {
        expect(plan.reachable).toBe(false);
        continue;
      }
      const fewest = Math.min(...reaching.map((p) => p.steps));
      const best = reaching
        .filter((p) => p.steps === fewest)
        .reduce((a, b) => (compare(a.total, b.total) >= 0 ? a : b));
      expect(plan.reachable).toBe(true);
      expect(plan.steps, `target ${toNumber(target)}`).toBe(fewest);
      expect(toFraction(plan.reached)).toBe(toFraction(best.total));

      // Re-score the planned answers: the engine's own total reaches the target.
      const answers = { ...start.answers };
      for (const move of plan.moves) {
        const q = advice.questions.find((x) => x.id === move.id)!;
        answers[move.id] = move.last.threshold
          ? { value: move.last.threshold.at }
          : q.kind === "survey"
            ? { survey: { mean: toNumber(move.to), respondents: 50 } }
            : toNumber(move.to);
      }
      expect(toFraction(total(answers))).toBe(toFraction(plan.reached));
      expect(compare(total(answers), target)).toBeGreaterThanOrEqual(0);
      expect(plan.moves.reduce((n, m) => n + m.steps, 0)).toBe(plan.steps);

      if (greedySteps(advice, target) > fewest) greedyWouldFail++;
    }
    // The questionnaire does exercise the cases where largest-gain-first takes more steps.
    expect(greedyWouldFail).toBeGreaterThan(0);
  });

  it("lists unanswered questions first", () => {
    const plan = planTarget(advice, fromNumber(3.5));
    expect(plan.moves[0]!.id).toBe("a-open");
    expect(plan.moves[0]!.from).toBeNull();
  });

  it("says when the target is out of reach, with the highest total reachable", () => {
    const plan = planTarget(advice, fromNumber(4.01));
    expect(plan).toMatchObject({ reachable: false, steps: 0, moves: [] });
    expect(toFraction(plan.reached)).toBe("4");
  });

  it("needs nothing when the target is already reached", () => {
    expect(planTarget(advice, current)).toMatchObject({ reachable: true, steps: 0, moves: [] });
  });
});

/** The easy rule, for contrast: repeatedly take the next step with the largest gain per step. */
function greedySteps(advice: ReturnType<typeof adviseAnswers>, target: Exact): number {
  const position = new Map(advice.questions.map((q) => [q.id, 0]));
  let reached = advice.total;
  let steps = 0;
  while (compare(reached, target) < 0) {
    let best: { id: string; gain: Exact } | undefined;
    for (const q of advice.questions) {
      const k = position.get(q.id)!;
      const step = q.steps[k];
      if (!step) continue;
      const from = k === 0 ? (q.current ?? exact(0n)) : q.steps[k - 1]!.to;
      const gain = div(q.share, div(exact(1n), add(step.to, exact(-from.n, from.d))));
      if (!best || compare(gain, best.gain) > 0) best = { id: q.id, gain };
    }
    if (!best) return Number.POSITIVE_INFINITY;
    position.set(best.id, position.get(best.id)! + 1);
    reached = add(reached, best.gain);
    steps++;
  }
  return steps;
}
