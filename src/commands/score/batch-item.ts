import type { PreviousScore } from "../../engine/compare.js";
import type { ScoreResult } from "../../engine/score.js";
import type { ResultSummary } from "../../engine/summary.js";
import type { Exact } from "../../model/exact.js";
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
import { questionnaireColumns, type ElementColumn } from "../../text/ranking-cells.js";
import type { Lang } from "../../model/common.js";
import type { Questionnaire } from "../../model/questionnaire.js";
import { scoreCsvRowRest } from "./csv.js";

/** What the ranking keeps of one scored input: its summary, not its question scores. */
export interface ScoredItem {
  /**
   * The summary; from a worker thread, its bytes as the spill keeps them (src/io/spill.ts): made
   * in the worker, so that this thread neither reads it from the message nor writes it again.
   */
  summary: ResultSummary | Uint8Array;
  /** What the batch keeps in memory of the summary while it waits in the spill. */
  keys: RankingKeys;
  region: string;
  /** Where last year's score came from, for the warnings. */
  previousSource: PreviousSource;
  /** Only for the workbook's questions sheet (--format xlsx). */
  result?: ScoreResult;
  /**
   * Only for --format csv: the summary's line from its file on (scoreCsvRowRest), with its own
   * questionnaire's elements as the columns; from a worker thread, as the spill keeps it.
   */
  csvRow?: string | Uint8Array;
}

/** Of a summary, what the ranking, its warnings and its groups need. */
export interface RankingKeys {
  region: string;
  total: Exact;
  year: number | undefined;
  profile: string;
  questionnaire: string;
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
  /** With --format csv, the output's language: the item keeps its line (ScoredItem.csvRow). */
  csv: Lang | undefined,
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
  const summary = summarizeScored(file, region, outcome, previous);
  return {
    ...base,
    scored: {
      summary,
      keys: {
        region: summary.region,
        total: summary.total,
        year: summary.year,
        profile: summary.profile,
        questionnaire: summary.questionnaire.id,
      },
      region,
      previousSource: source,
      ...(keepResult ? { result: outcome.result } : {}),
      ...(csv ? { csvRow: scoreCsvRowRest(summary, ownColumns(outcome.questionnaire.questionnaire), csv) } : {}),
    },
  };
}

const columnsOf = new WeakMap<Questionnaire, ElementColumn[]>();

/**
 * A questionnaire's elements as the batch's columns (src/commands/score/run.ts): what they are
 * when every file of the batch has this questionnaire's elements.
 */
export function ownColumns(questionnaire: Questionnaire): ElementColumn[] {
  let columns = columnsOf.get(questionnaire);
  if (!columns) {
    columns = questionnaireColumns(new Map(questionnaire.elements.map((e) => [e.id, e.title])));
    columnsOf.set(questionnaire, columns);
  }
  return columns;
}
