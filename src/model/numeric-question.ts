import type { NumericQuestion, Question } from "./questionnaire.js";

/** Whether a question is answered with a measured value (mapped to a level by its thresholds). */
export function isNumeric(question: Question): question is NumericQuestion {
  return question.kind === "count" || question.kind === "percent" || question.kind === "number";
}

/** The values an officer may enter for a numeric question: its `range`, over the kind's defaults. */
export function effectiveRange(question: NumericQuestion): { min?: number; max?: number } {
  const defaults = question.kind === "percent" ? { min: 0, max: 100 } : question.kind === "count" ? { min: 0 } : {};
  return { ...defaults, ...question.range };
}
