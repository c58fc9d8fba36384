import { add, compare, exact, mul, sub, sum, ZERO, type Exact } from "../model/exact.js";
import type { Question, Questionnaire, Scale } from "../model/questionnaire.js";
import { questionShares } from "./question-share.js";
import type { ScoreSource } from "./score-answer.js";
import type { ScoreResult } from "./score.js";

/** A survey item moves by this much of its mean per step (issue 10: "+0.1 in its mean"). */
const SURVEY_STEP = exact(1n, 10n);

/** One step up a question's ladder. */
export interface Step {
  /** The question's score after the step. */
  to: Exact;
  /**
   * The whole level whose descriptor says what the region must show: the level reached (level and
   * numeric questions), or the rating respondents must give more often (surveys: to rounded up).
   */
  level: number;
  /** Numeric questions: the value that reaches `level` (at least `at`, or at most when descending). */
  threshold?: { at: number; direction: "ascending" | "descending" };
}

export interface QuestionAdvice {
  id: string;
  element: string;
  pillar?: string;
  kind: Question["kind"];
  /** null: unanswered; it scores 0, so its first step gains the most in its element. */
  current: Exact | null;
  source?: ScoreSource;
  value?: number;
  /** What one point of this question is worth in the total. */
  share: Exact;
  /** Every step from the current score to the top, in order; the first is "one more level". */
  steps: Step[];
  /** Gain in the total from the first step. */
  gain: Exact;
  /** Gain in the total from going all the way to the top. */
  maxGain: Exact;
}

export interface ElementAdvice {
  id: string;
  weight: Exact;
  score: Exact;
  questions: number;
  /** Questions not at the top. */
  open: number;
  /** The largest one-step gain among its questions. */
  bestGain: Exact;
  /** Gain if every question of the element reached the top. */
  maxGain: Exact;
}

export interface Advice {
  questionnaire: { id: string; version: string };
  profile: string;
  total: Exact;
  /** The total with every question at the top of the scale. */
  highest: Exact;
  /** Questions not at the top, by gain (largest first), unanswered first among equal gains, then questionnaire order. */
  questions: QuestionAdvice[];
  /** Scored elements, by their best gain (largest first), then questionnaire order. */
  elements: ElementAdvice[];
}

/**
 * Where the next points come from: for every scored question below the top, the steps up its
 * ladder and what each is worth in the total (share × score gained). A level question climbs one
 * whole level at a time (from a fractional panel mean, first to the next whole level); a numeric
 * question climbs to the next level its thresholds give; a survey item climbs 0.1 in its mean,
 * capped at the top. Questions of elements with weight 0 gain nothing and are left out.
 */
export function adviseAnswers(questionnaire: Questionnaire, result: ScoreResult): Advice {
  const shares = questionShares(questionnaire, result);
  const byId = new Map(questionnaire.elements.flatMap((e) => e.questions.map((q) => [q.id, q] as const)));
  const order = new Map(result.questions.map((q, i) => [q.id, i]));
  const questions: QuestionAdvice[] = [];
  for (const r of result.questions) {
    const question = byId.get(r.id);
    const share = shares.get(r.id) ?? ZERO;
    if (!question || share.n === 0n) continue;
    const steps = ladder(question, r.score ?? ZERO, questionnaire.scale);
    if (steps.length === 0) continue;
    const current = r.score ?? ZERO;
    questions.push({
      id: r.id,
      element: r.element,
      ...(r.pillar ? { pillar: r.pillar } : {}),
      kind: question.kind,
      current: r.score,
      ...(r.source ? { source: r.source } : {}),
      ...(r.value !== undefined ? { value: r.value } : {}),
      share,
      steps,
      gain: mul(share, sub(steps[0]!.to, current)),
      maxGain: mul(share, sub(steps.at(-1)!.to, current)),
    });
  }
  questions.sort(
    (a, b) =>
      compare(b.gain, a.gain) ||
      Number(a.current !== null) - Number(b.current !== null) ||
      order.get(a.id)! - order.get(b.id)!,
  );
  const elements: ElementAdvice[] = result.elements.map((e) => {
    const open = questions.filter((q) => q.element === e.id);
    return {
      id: e.id,
      weight: e.weight,
      score: e.score,
      questions: e.questions,
      open: open.length,
      bestGain: open[0]?.gain ?? ZERO,
      maxGain: sum(open.map((q) => q.maxGain)),
    };
  });
  const elementOrder = new Map(result.elements.map((e, i) => [e.id, i]));
  elements.sort((a, b) => compare(b.bestGain, a.bestGain) || elementOrder.get(a.id)! - elementOrder.get(b.id)!);
  return {
    questionnaire: result.questionnaire,
    profile: result.profile,
    total: result.total,
    highest: add(result.total, sum(questions.map((q) => q.maxGain))),
    questions,
    elements,
  };
}

/** The scores a question can climb to from `current`, one step each, up to the top of the scale. */
export function ladder(question: Question, current: Exact, scale: Scale): Step[] {
  const above = (level: number) => compare(exact(BigInt(level)), current) > 0;
  switch (question.kind) {
    case "level": {
      const steps: Step[] = [];
      for (let level = scale.min; level <= scale.max; level++) {
        if (above(level)) steps.push({ to: exact(BigInt(level)), level });
      }
      return steps;
    }
    case "survey": {
      const top = exact(BigInt(scale.max));
      const steps: Step[] = [];
      for (let to = add(current, SURVEY_STEP); compare(current, top) < 0; to = add(to, SURVEY_STEP)) {
        const capped = compare(to, top) > 0 ? top : to;
        steps.push({ to: capped, level: ceiling(capped) });
        if (compare(capped, top) === 0) break;
      }
      return steps;
    }
    default: {
      // A value below every threshold gets the bottom of the scale; each threshold gives its level.
      const direction = question.direction ?? "ascending";
      const reachable: Step[] = [
        { to: exact(BigInt(scale.min)), level: scale.min },
        ...question.thresholds.map((t) => ({
          to: exact(BigInt(t.level)),
          level: t.level,
          threshold: { at: t.at, direction },
        })),
      ];
      return reachable.filter((s) => above(s.level));
    }
  }
}

const ceiling = (value: Exact): number => {
  const q = value.n / value.d;
  return Number(value.n % value.d === 0n || value.n < 0n ? q : q + 1n);
};
