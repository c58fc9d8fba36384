import type { PreviousScore } from "../../engine/compare.js";
import type { ScoreResult } from "../../engine/score.js";
import type { ResultSummary } from "../../engine/summary.js";
import type { Diagnostic } from "../../errors.js";
import type { EvaluatedAnswers } from "../../io/evaluate-answers.js";
import type { LoadedQuestionnaire } from "../../io/load-questionnaire.js";
import {
  isScored,
  isSkipped,
  previousFor,
  summarizeScored,
  type PreviousSource,
  type SkippedInput,
} from "../../io/score-inputs.js";
import { regionName } from "../../text/format.js";

/** What the ranking keeps of one scored input: its summary, not its question scores. */
export interface ScoredItem {
  summary: ResultSummary;
  region: string;
  /** Where last year's score came from, for the warnings. */
  previousSource: PreviousSource;
  /** Only for the workbook's questions sheet (--format xlsx). */
  result?: ScoreResult;
}

/** One input of a batch, evaluated: skipped, failed (diagnostics, no `scored`) or scored. */
export type BatchItem<Q = LoadedQuestionnaire> =
  | SkippedInput
  | { file: string; diagnostics: Diagnostic[]; questionnaire?: Q; scored?: ScoredItem };

/**
 * Turns an evaluated input into what a batch keeps, in the main thread or in a worker alike, so
 * both give the same bytes.
 */
export function toBatchItem(
  outcome: EvaluatedAnswers | SkippedInput,
  file: string,
  given: readonly PreviousScore[] | undefined,
  keepResult: boolean,
): BatchItem {
  if (isSkipped(outcome)) return outcome;
  const base = {
    file,
    diagnostics: outcome.diagnostics,
    ...(outcome.questionnaire ? { questionnaire: outcome.questionnaire } : {}),
  };
  if (!isScored(outcome)) return base;
  const region = regionName(outcome.answers.respondent?.region, file);
  const { previous, source } = previousFor(outcome, region, given, false);
  return {
    ...base,
    scored: {
      summary: summarizeScored(file, region, outcome, previous),
      region,
      previousSource: source,
      ...(keepResult ? { result: outcome.result } : {}),
    },
  };
}
