import type { AssessorScore } from "./answers.js";

/**
 * An `assessors` entry's score: a bare number (anonymous) or a named assessor's. Apart from the
 * schemas in answers.ts, so scoring and the screens do not load zod.
 */
export const assessorScoreOf = (entry: number | AssessorScore): number =>
  typeof entry === "number" ? entry : entry.score;
