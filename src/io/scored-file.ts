import type { ScoreResult } from "../engine/score.js";
import type { Diagnostic } from "../errors.js";
import type { AnswerFile } from "../model/answers.js";
import { regionName } from "../text/format.js";
import type { QuestionnaireCache } from "./load-answers.js";
import type { LoadedQuestionnaire } from "./load-questionnaire.js";
import { evaluateInput, isSkipped } from "./score-inputs.js";

/** An answer file that scored without errors, with what reports need to name it. */
export interface ScoredFile {
  /** As the user typed it. */
  file: string;
  region: string;
  year?: number;
  answers: AnswerFile;
  questionnaire: LoadedQuestionnaire;
  result: ScoreResult;
}

/**
 * Scores one answer file named on the command line (compare's OLD and NEW, advise's FILE).
 * The diagnostics come back located in the file as the user named it; `scored` is absent when
 * any of them is an error, so a wrong file never gives a half-right comparison.
 */
export async function scoreNamedFile(
  file: string,
  ctx: { cwd: string; cache: QuestionnaireCache; display: (file: string) => string; profile?: string },
): Promise<{ scored?: ScoredFile; diagnostics: Diagnostic[] }> {
  const outcome = await evaluateInput(file, { ...ctx, named: new Set([file]) });
  if (isSkipped(outcome)) return { diagnostics: [] };
  const { result, answers, questionnaire, diagnostics } = outcome;
  if (!result || !answers || !questionnaire) return { diagnostics };
  const year = answers.respondent?.year;
  return {
    scored: {
      file,
      region: regionName(answers.respondent?.region, file),
      ...(year !== undefined ? { year } : {}),
      answers,
      questionnaire,
      result,
    },
    diagnostics,
  };
}
