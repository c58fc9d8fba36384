import type { Issue } from "../errors.js";
import type { Answer } from "../model/answers.js";
import type { NumericQuestion, Question, Scale } from "../model/questionnaire.js";
import { effectiveRange, isNumeric } from "../model/numeric-question.js";
import { div, exact, fromNumber, sum, type Exact } from "../model/exact.js";

/** How a question's score was obtained, for reports and for `fill`'s review screen. */
export type ScoreSource = "score" | "assessors" | "survey" | "value";

export interface AnswerScore {
  /** null: unanswered (counts as 0 in the element mean, and is listed as missing). */
  score: Exact | null;
  source?: ScoreSource;
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
  // one division at the end instead of a fraction per level (this runs 54 times per 2023 file).
  let respondents = 0;
  let total = 0n;
  for (const [level, count] of Object.entries(counts)) {
    respondents += count;
    total += BigInt(level) * BigInt(count);
  }
  return respondents === 0 ? null : { mean: exact(total, BigInt(respondents)), respondents };
}

/**
 * Scores one answer against its question. Pure; `path` is where the answer sits in the answer
 * file, so issues can be located.
 */
export function scoreAnswer(
  question: Question,
  answer: Answer | undefined,
  scale: Scale,
  path: (string | number)[],
): AnswerScore {
  const issues: Issue[] = [];
  const error = (p: (string | number)[], message: string, hint?: string) =>
    issues.push({ path: [...path, ...p], severity: "error", message, ...(hint ? { hint } : {}) });
  const warning = (p: (string | number)[], message: string, hint?: string) =>
    issues.push({ path: [...path, ...p], severity: "warning", message, ...(hint ? { hint } : {}) });
  const scaleText = `${scale.min}–${scale.max}`;
  const inScale = (v: number) => v >= scale.min && v <= scale.max;

  if (answer === undefined || answer === null) return { score: null, issues };
  if (typeof answer === "number") {
    if (!inScale(answer)) {
      error(
        [],
        `score ${answer} is outside the scale ${scaleText}`,
        isNumeric(question) ? `to enter a measured value, write { value: ${answer} }` : undefined,
      );
      return { score: null, issues };
    }
    return { score: fromNumber(answer), source: "score", issues };
  }

  const given = (["score", "assessors", "survey", "value"] as const).filter((k) => answer[k] !== undefined);
  if (given.length === 0) return { score: null, issues };
  if (given.length > 1) {
    error([given[1]!], `give one of score, assessors, survey or value; found ${given.join(" and ")}`);
    return { score: null, issues };
  }
  const source = given[0]!;
  switch (source) {
    case "score": {
      const v = answer.score!;
      if (!inScale(v)) {
        error(["score"], `score ${v} is outside the scale ${scaleText}`);
        return { score: null, issues };
      }
      return { score: fromNumber(v), source, issues };
    }
    case "assessors": {
      const scores = answer.assessors!;
      const bad = scores.findIndex((v) => !inScale(v));
      if (bad >= 0) {
        error(["assessors", bad], `assessor score ${scores[bad]} is outside the scale ${scaleText}`);
        return { score: null, issues };
      }
      return { score: div(sum(scores.map(fromNumber)), exact(BigInt(scores.length))), source, issues };
    }
    case "survey": {
      const survey = answer.survey!;
      if (question.kind !== "survey") {
        error(
          ["survey"],
          `question "${question.id}" is a ${question.kind} question, not a survey`,
          "give a score instead",
        );
        return { score: null, issues };
      }
      let mean: Exact;
      let respondents: number;
      if ("counts" in survey) {
        const outside = Object.keys(survey.counts).find((k) => !inScale(Number(k)));
        if (outside !== undefined) {
          error(["survey", "counts", outside], `level ${outside} is outside the scale ${scaleText}`);
          return { score: null, issues };
        }
        const computed = surveyMean(survey.counts);
        if (!computed) {
          error(["survey", "counts"], "no respondents counted");
          return { score: null, issues };
        }
        ({ mean, respondents } = computed);
      } else {
        if (!inScale(survey.mean)) {
          error(["survey", "mean"], `survey mean ${survey.mean} is outside the scale ${scaleText}`);
          return { score: null, issues };
        }
        if (survey.respondents === 0) {
          error(["survey", "respondents"], "a survey mean needs at least one respondent");
          return { score: null, issues };
        }
        mean = fromNumber(survey.mean);
        respondents = survey.respondents;
      }
      if (respondents < question.respondents) {
        warning(["survey"], `${respondents} respondents, fewer than the ${question.respondents} required`);
      }
      return { score: mean, source, respondents, issues };
    }
    case "value": {
      const value = answer.value!;
      if (!isNumeric(question)) {
        error(["value"], `question "${question.id}" is a ${question.kind} question and takes a score, not a value`);
        return { score: null, issues };
      }
      const range = effectiveRange(question);
      if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
        error(["value"], `value ${value} is outside the valid range ${range.min ?? "-∞"}–${range.max ?? "∞"}`);
        return { score: null, issues };
      }
      if (question.kind === "count" && !Number.isInteger(value)) {
        error(["value"], `a count is a whole number, found ${value}`);
        return { score: null, issues };
      }
      return { score: exact(BigInt(levelForValue(question, value, scale))), source, value, issues };
    }
  }
}
