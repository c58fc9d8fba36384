import { resolve } from "node:path";
import { matchPrevious, regionKey, type PreviousScore } from "../engine/compare.js";
import { summarizeResult, type ResultSummary } from "../engine/summary.js";
import type { Diagnostic } from "../errors.js";
import { fromNumber } from "../model/exact.js";
import { detectDocumentKind } from "../model/document-kind.js";
import { evaluateAnswerFile, type EvaluatedAnswers } from "./evaluate-answers.js";
import type { QuestionnaireCache } from "./load-answers.js";
import type { SkippedKind } from "../text/input-notes.js";
import { loadSource } from "./source.js";

/** What scoring one input needs to know about the run it is part of. */
export interface ScoreInputContext {
  cwd: string;
  cache: QuestionnaireCache;
  /** Inputs named on the command line (as typed): those are never skipped. */
  named: ReadonlySet<string>;
  profile?: string;
  /** How a file other than the input is shown (relative to the working folder). */
  display: (file: string) => string;
  /** false: the result without its question scores (see ScoreOptions), for a batch that keeps summaries only. */
  questions?: boolean;
}

/** A file a folder or a pattern found that is plainly not an answer file, and why. */
export interface SkippedInput {
  skipped: SkippedKind;
}

/**
 * Scores one input of `score` or `report`, its diagnostics naming it as the user wrote it.
 * A folder or a pattern may also find files that are not answer files (a custom questionnaire
 * beside its answer files, a JSON Schema): those come back as skipped. A file named on the
 * command line is always scored, so a wrong one is an error.
 */
export async function evaluateInput(file: string, ctx: ScoreInputContext): Promise<EvaluatedAnswers | SkippedInput> {
  const absolute = resolve(ctx.cwd, file);
  const source = await loadSource(absolute);
  const kind = source.ok ? otherKind(source.source.data) : undefined;
  if (kind) {
    if (!ctx.named.has(file)) return { skipped: kind };
    const questionnaire = kind === "questionnaire";
    const diagnostic: Diagnostic = {
      file,
      path: [],
      severity: "error",
      code: questionnaire ? "input.questionnaire-not-answers" : "input.not-answers",
      params: {},
      message: questionnaire
        ? "a questionnaire, not an answer file"
        : "not an answer file (no questionnaire: or answers: key)",
      hint: questionnaire
        ? "score takes answer files; to check a questionnaire, run kuesioner validate on it"
        : "an answer file names its questionnaire: and holds its answers:",
    };
    return { file, diagnostics: [diagnostic] };
  }
  const evaluated = await evaluateAnswerFile(absolute, {
    cache: ctx.cache,
    source,
    ...(ctx.profile ? { profile: ctx.profile } : {}),
    ...(ctx.questions === false ? { questions: false } : {}),
  });
  evaluated.diagnostics = evaluated.diagnostics.map((d) => ({
    ...d,
    file: d.file === absolute ? file : ctx.display(d.file),
  }));
  return evaluated;
}

export const isSkipped = (outcome: EvaluatedAnswers | SkippedInput): outcome is SkippedInput => "skipped" in outcome;

/** Why a file is plainly not an answer file (a questionnaire, or data with neither key), if it is not. */
function otherKind(data: unknown): SkippedKind | undefined {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  if ("answers" in record || "questionnaire" in record) return undefined;
  return detectDocumentKind(record) === "questionnaire" ? "questionnaire" : "not-answer-file";
}

/** How a file's previous score was found, for the warning the command prints. */
export type PreviousSource =
  | { from: "given"; otherRegion?: string }
  /** --previous was given but holds nothing for this region: the file's own `previous`, if any, is used. */
  | { from: "none"; usedOwn: boolean }
  | { from: "ambiguous"; regions: string[]; usedOwn: boolean }
  | { from: "own" }
  | { from: "nothing" };

/**
 * Last year's score for a file: from --previous when it has exactly one for the region, else
 * the file's own `previous`. `source` says which, and why --previous did not serve: no result
 * for the region, several, or (the one --previous given) another region's.
 */
export function previousFor(
  evaluated: Pick<EvaluatedAnswers, "answers">,
  region: string,
  given: readonly PreviousScore[] | undefined,
  single: boolean,
): { previous?: PreviousScore; source: PreviousSource } {
  const own = evaluated.answers?.previous;
  const ownScore = own
    ? { total: fromNumber(own.total), ...(own.year !== undefined ? { year: own.year } : {}) }
    : undefined;
  const withOwn = (source: PreviousSource) => (ownScore ? { previous: ownScore, source } : { source });
  if (!given) return ownScore ? { previous: ownScore, source: { from: "own" } } : { source: { from: "nothing" } };
  const match = matchPrevious(given, region, { single });
  if (match.kind === "found") {
    const other = match.previous.region && regionKey(match.previous.region) !== regionKey(region);
    return {
      previous: match.previous,
      source: { from: "given", ...(other ? { otherRegion: match.previous.region } : {}) },
    };
  }
  if (match.kind === "ambiguous")
    return withOwn({
      from: "ambiguous",
      regions: match.candidates.map((c) => c.region ?? "?").sort(),
      usedOwn: !!ownScore,
    });
  return withOwn({ from: "none", usedOwn: !!ownScore });
}

/** An input that scored: its answers, questionnaire and result are all there. */
export type ScoredAnswers = EvaluatedAnswers & Required<Pick<EvaluatedAnswers, "result" | "answers" | "questionnaire">>;

export const isScored = (evaluated: EvaluatedAnswers): evaluated is ScoredAnswers =>
  evaluated.result !== undefined && evaluated.answers !== undefined && evaluated.questionnaire !== undefined;

/** What a batch keeps of a scored input (see summarizeResult). */
export function summarizeScored(
  file: string,
  region: string,
  evaluated: ScoredAnswers,
  previous: PreviousScore | undefined,
): ResultSummary {
  return summarizeResult({
    file,
    region,
    answers: evaluated.answers,
    sha256: evaluated.questionnaire.sha256,
    result: evaluated.result,
    ...(previous ? { previous } : {}),
  });
}
