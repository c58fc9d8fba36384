import type { Issue } from "../errors.js";
import { assessorScoreOf } from "../model/assessor-score.js";
import type { Answer, AnswerObject } from "../model/answers.js";
import type { NumericQuestion, Question, Scale } from "../model/questionnaire.js";
import { effectiveRange, isNumeric } from "../model/numeric-question.js";
import { div, exact, fromNumber, ratio, sum, type Exact } from "../model/exact.js";

/** How a question's score was obtained, for reports and for `fill`'s review screen. */
export type ScoreSource = "score" | "assessors" | "survey" | "value";

export interface AnswerScore {
  /**
   * The question's score: the verified one (the assessors' mean) where it exists, else the
   * self-assessed one. null: unanswered (counts as 0 in the element mean, listed as missing).
   */
  score: Exact | null;
  source?: ScoreSource;
  /** The region's own answer scored (score, survey or value); null when it gave none. */
  self: Exact | null;
  /** The panel's mean; null when no assessor scored the question (the score is unverified). */
  verified: Exact | null;
  /** How many assessor scores the verified score is the mean of. */
  assessors: number;
  /** For survey answers: how many respondents the mean is over. */
  respondents?: number;
  /** For count/percent/number answers: the value entered. */
  value?: number;
  issues: Issue[];
}

/** The level a measured value reaches under the question's thresholds. */
export function levelForValue(question: NumericQuestion, value: number, scale: Scale): number {
  let level = scale.min;
  for (const t of question.thresholds) {
    const reached = question.direction === "descending" ? value <= t.at : value >= t.at;
    if (reached) level = t.level;
  }
  return level;
}

/** Mean of a survey given as respondents per level, exactly. */
export function surveyMean(counts: Record<string, number>): { mean: Exact; respondents: number } | null {
  // Levels are whole numbers (the answer schema checks the keys), so the sum is an integer:
  // one division at the end instead of a fraction per level (this runs 54 times per 2023 file),
  // in doubles while they hold it exactly, as they do for any real survey.
  let respondents = 0;
  let total = 0;
  for (const level of Object.keys(counts)) {
    const count = counts[level]!;
    respondents += count;
    total += Number(level) * count;
  }
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(respondents)) return surveyMeanBig(counts);
  return respondents === 0 ? null : { mean: ratio(total, respondents), respondents };
}

function surveyMeanBig(counts: Record<string, number>): { mean: Exact; respondents: number } | null {
  let respondents = 0;
  let total = 0n;
  for (const [level, count] of Object.entries(counts)) {
    respondents += count;
    total += BigInt(level) * BigInt(count);
  }
  return respondents === 0 ? null : { mean: exact(total, BigInt(respondents)), respondents };
}

type Params = NonNullable<Issue["params"]>;

// Issues are built by these rather than by closures made on every call: scoreAnswer runs for
// every question of every file of a batch, and nearly always finds nothing to say.
function pushIssue(
  issues: Issue[],
  severity: Issue["severity"],
  path: readonly (string | number)[],
  at: readonly (string | number)[],
  code: string,
  params: Params,
): null {
  issues.push({ path: [...path, ...at], severity, code, params });
  return null;
}

/** NaN is in no scale. */
const inScale = (v: number, scale: Scale) => v >= scale.min && v <= scale.max;

/**
 * Scores one answer against its question. Pure; `path` is where the answer sits in the answer
 * file, so issues can be located.
 */
export function scoreAnswer(
  question: Question,
  answer: Answer | undefined,
  scale: Scale,
  path: readonly (string | number)[],
): AnswerScore {
  const issues: Issue[] = [];
  // Each issue carries a code and its parameters, said in the user's language by
  // src/text/diagnostic-messages.ts.

  // Objects are built field by field rather than spread from conditional parts: this runs for
  // every question of every file of a batch, and V8 copies spread objects slowly.
  if (answer === undefined || answer === null) return unscored(issues);
  if (typeof answer === "number") {
    if (!inScale(answer, scale)) {
      pushIssue(issues, "error", path, [], "answer.score-outside-scale", {
        score: answer,
        min: scale.min,
        max: scale.max,
        ...(isNumeric(question) ? { valueHint: 1 } : {}),
      });
      return unscored(issues);
    }
    const score = fromNumber(answer);
    return { score, source: "score", self: score, verified: null, assessors: 0, issues };
  }

  let verified: Exact | null = null;
  const scores = answer.assessors;
  const assessors = scores === undefined ? 0 : scores.length;
  if (scores !== undefined && assessors > 0) {
    let named = false;
    let whole = true;
    let total = 0;
    for (let i = 0; i < assessors; i++) {
      const entry = scores[i]!;
      const v = assessorScoreOf(entry);
      if (!inScale(v, scale)) {
        pushIssue(issues, "error", path, ["assessors", i], "answer.assessor-outside-scale", {
          score: v,
          min: scale.min,
          max: scale.max,
          ...(typeof entry === "number" ? {} : { name: entry.name }),
        });
        return unscored(issues);
      }
      if (typeof entry !== "number") named = true;
      if (!Number.isSafeInteger(v)) whole = false;
      total += v;
    }
    if (named && twiceNamed(scores, path, issues)) return unscored(issues);
    // Whole scores (nearly always) add up exactly in doubles; decimals are read as written.
    verified =
      whole && Number.isSafeInteger(total)
        ? ratio(total, assessors)
        : div(sum(scores.map((e) => fromNumber(assessorScoreOf(e)))), exact(BigInt(assessors)));
  }
  const self = scoreSelf(question, answer, scale, path, issues);
  if (issues.length > 0 && issues.some((i) => i.severity === "error")) return unscored(issues);
  const outcome: AnswerScore = { self: self?.score ?? null, verified, assessors, issues, score: null };
  if (verified !== null) {
    outcome.score = verified;
    outcome.source = "assessors";
  } else if (!self) return outcome;
  else {
    outcome.score = self.score;
    outcome.source = self.source;
  }
  if (self?.respondents !== undefined) outcome.respondents = self.respondents;
  if (self?.value !== undefined) outcome.value = self.value;
  return outcome;
}

/** An assessor named twice on one question: an error at the second time. */
function twiceNamed(
  scores: NonNullable<AnswerObject["assessors"]>,
  path: readonly (string | number)[],
  issues: Issue[],
): boolean {
  const seen = new Map<string, number>();
  for (let i = 0; i < scores.length; i++) {
    const entry = scores[i]!;
    if (typeof entry === "number") continue;
    const key = assessorKey(entry.name);
    const first = seen.get(key);
    if (first !== undefined) {
      pushIssue(issues, "error", path, ["assessors", i], "answer.assessor-twice", {
        name: entry.name,
        first: first + 1,
      });
      return true;
    }
    seen.set(key, i);
  }
  return false;
}

const unscored = (issues: Issue[]): AnswerScore => ({ score: null, self: null, verified: null, assessors: 0, issues });

/** Assessor names compare without case and surrounding or repeated spaces. */
export function assessorKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("id");
}

interface SelfScore {
  score: Exact;
  source: Exclude<ScoreSource, "assessors">;
  respondents?: number;
  value?: number;
}

/** The region's own answer: exactly one of score, survey or value; errors go to `issues`. */
function scoreSelf(
  question: Question,
  answer: AnswerObject,
  scale: Scale,
  path: readonly (string | number)[],
  issues: Issue[],
): SelfScore | null {
  const error = (at: (string | number)[], code: string, params: Params) =>
    pushIssue(issues, "error", path, at, code, params);
  const scaleRange = () => ({ min: scale.min, max: scale.max });
  const kinds =
    (answer.score !== undefined ? 1 : 0) + (answer.survey !== undefined ? 1 : 0) + (answer.value !== undefined ? 1 : 0);
  if (kinds === 0) return null;
  if (kinds > 1) {
    const given = (["score", "survey", "value"] as const).filter((k) => answer[k] !== undefined);
    return error([given[1]!], "answer.several-kinds", { found: given });
  }
  if (answer.score !== undefined) {
    const v = answer.score;
    if (!inScale(v, scale)) return error(["score"], "answer.score-outside-scale", { score: v, ...scaleRange() });
    return { score: fromNumber(v), source: "score" };
  }
  if (answer.survey !== undefined) {
    const survey = answer.survey;
    if (question.kind !== "survey") {
      return error(["survey"], "answer.not-survey", { question: question.id, kind: question.kind });
    }
    let mean: Exact;
    let respondents: number;
    if ("counts" in survey) {
      const outside = Object.keys(survey.counts).find((k) => !inScale(Number(k), scale));
      if (outside !== undefined) {
        return error(["survey", "counts", outside], "answer.survey-level-outside-scale", {
          level: outside,
          ...scaleRange(),
        });
      }
      const computed = surveyMean(survey.counts);
      if (!computed) {
        return error(["survey", "counts"], "answer.no-respondents", {});
      }
      ({ mean, respondents } = computed);
    } else {
      if (!inScale(survey.mean, scale)) {
        return error(["survey", "mean"], "answer.survey-mean-outside-scale", { mean: survey.mean, ...scaleRange() });
      }
      if (survey.respondents === 0) {
        return error(["survey", "respondents"], "answer.mean-without-respondents", {});
      }
      mean = fromNumber(survey.mean);
      respondents = survey.respondents;
    }
    if (respondents < question.respondents) {
      pushIssue(issues, "warning", path, ["survey"], "answer.few-respondents", {
        respondents,
        required: question.respondents,
      });
    }
    return { score: mean, source: "survey", respondents };
  }
  const value = answer.value!;
  if (!isNumeric(question)) {
    return error(["value"], "answer.value-not-numeric", { question: question.id, kind: question.kind });
  }
  const range = effectiveRange(question);
  if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
    return error(["value"], "answer.value-outside-range", { value, min: range.min ?? "-∞", max: range.max ?? "∞" });
  }
  if (question.kind === "count" && !Number.isInteger(value)) {
    return error(["value"], "answer.count-not-whole", { value });
  }
  return { score: fromNumber(levelForValue(question, value, scale)), source: "value", value };
}
