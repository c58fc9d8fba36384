import type { ScoreSource } from "../engine/score-answer.js";
import type { Lang } from "../model/common.js";
import type { Exact } from "../model/exact.js";
import { formatDecimal, formatScore } from "./format.js";

const words = {
  en: {
    unanswered: "unanswered",
    assessors: "assessors",
    respondents: (n: number) => `${n} respondents`,
    value: (value: string, score: string) => `${value} → ${score}`,
  },
  id: {
    unanswered: "belum dijawab",
    assessors: "asesor",
    respondents: (n: number) => `${n} responden`,
    value: (value: string, score: string) => `${value} → ${score}`,
  },
} as const;

/**
 * A scored answer in a few words: `3`, `2.60 (assessors)`, `2.86 (50 respondents)`, a measured
 * value with the level it reached (`9.45 → 3`), or `unanswered`.
 */
export function describeScoredAnswer(
  answer: { score: Exact | null; source?: ScoreSource; value?: number; respondents?: number },
  lang: Lang,
): string {
  const w = words[lang];
  if (answer.score === null) return w.unanswered;
  // Whole scores (levels) as levels: 3, not 3.00.
  const score = answer.score.d === 1n ? answer.score.n.toString() : formatScore(answer.score, lang);
  switch (answer.source) {
    case "assessors":
      return `${score} (${w.assessors})`;
    case "survey":
      return answer.respondents !== undefined ? `${score} (${w.respondents(answer.respondents)})` : score;
    case "value":
      return answer.value !== undefined ? w.value(formatDecimal(answer.value, lang), score) : score;
    default:
      return score;
  }
}
