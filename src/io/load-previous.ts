import { resolve } from "node:path";
import { z } from "zod";
import type { PreviousScore } from "../engine/compare.js";
import { exact, fromNumber, type Exact } from "../model/exact.js";
import type { Diagnostic } from "../errors.js";
import { issuesFromZod } from "../model/zod-issues.js";
import type { ScoreResult } from "../engine/score.js";
import { evaluateAnswerFile, type EvaluatedAnswers } from "./evaluate-answers.js";
import { pushAll } from "../model/collections.js";
import { expandInputs } from "./expand-inputs.js";
import { isScored, type ScoredAnswers } from "./score-inputs.js";
import { QuestionnaireCache } from "./load-answers.js";
import { loadSource, locateIssue } from "./source.js";

const fraction = z.string().regex(/^-?\d+(?:\/[1-9]\d*)?$/, 'expected a fraction such as "601/240"');

/** One result as `score --format json` writes it (absent values as null); only what the improvement needs is read. */
const savedResultSchema = z.object({
  region: z.string().nullish(),
  year: z.int().nullish(),
  total: z.number().describe("Final score"),
  totalExact: fraction.nullish(),
});
const savedBatchSchema = z.object({ results: z.array(savedResultSchema) });

export interface PreviousScores {
  scores: PreviousScore[];
  diagnostics: Diagnostic[];
  /** The full result, when the previous file is an answer file: comparisons by element and question. */
  evaluated?: EvaluatedAnswers & { result: ScoreResult };
}

/**
 * Last year's final scores, from an answer file (scored with its own questionnaire and
 * profile) or from a JSON result written by `score --format json`, one file or a batch.
 */
async function loadPrevious(
  file: string,
  cache: QuestionnaireCache = new QuestionnaireCache(),
): Promise<PreviousScores> {
  const read = await loadSource(file);
  if (!read.ok) return { scores: [], diagnostics: read.diagnostics };
  const data = read.source.data;
  const isObject = data !== null && typeof data === "object" && !Array.isArray(data);
  if (isObject && "answers" in data) {
    const evaluated = await evaluateAnswerFile(file, { cache, source: read });
    if (!evaluated.result) return { scores: [], diagnostics: evaluated.diagnostics };
    const respondent = evaluated.answers?.respondent;
    return {
      scores: [
        {
          total: evaluated.result.total,
          ...(respondent?.region ? { region: respondent.region } : {}),
          ...(respondent?.year !== undefined ? { year: respondent.year } : {}),
        },
      ],
      diagnostics: evaluated.diagnostics.filter((d) => d.severity === "error"),
      evaluated: { ...evaluated, result: evaluated.result },
    };
  }
  const batch = isObject && "results" in data;
  const parsed = batch ? savedBatchSchema.safeParse(data) : savedResultSchema.safeParse(data);
  if (!parsed.success) {
    const diagnostics = issuesFromZod(parsed.error.issues).map((s) =>
      locateIssue(read.source, s.issue, { atKey: s.atKey }),
    );
    if (!isObject || (!batch && !("total" in data))) {
      return {
        scores: [],
        diagnostics: [
          {
            file,
            path: [],
            severity: "error",
            code: "previous.not-a-result",
            params: {},
            message: "not an answer file nor a result written by kuesioner score --format json",
            hint: "give last year's answer file, or the JSON that score wrote for it",
          },
        ],
      };
    }
    return { scores: [], diagnostics };
  }
  const results = "results" in parsed.data ? parsed.data.results : [parsed.data];
  return {
    scores: results.map((r) => ({
      total: r.totalExact ? parseFraction(r.totalExact) : fromNumber(r.total),
      ...(r.region ? { region: r.region } : {}),
      ...(r.year !== undefined && r.year !== null ? { year: r.year } : {}),
    })),
    diagnostics: [],
  };
}

function parseFraction(text: string): Exact {
  const [n, d = "1"] = text.split("/");
  return exact(BigInt(n!), BigInt(d));
}

export interface GivenPrevious {
  scores: PreviousScore[];
  diagnostics: Diagnostic[];
  /** The scored answer file each previous score came from, when it came from one (for comparisons). */
  answerFiles: Map<PreviousScore, ScoredAnswers>;
}

/**
 * Every previous score that --previous names: files, folders and quoted patterns (expanded as
 * the inputs are), each an answer file or JSON written by `score --format json`.
 */
export async function loadGivenPrevious(
  paths: readonly string[],
  cwd: string,
  cache: QuestionnaireCache,
): Promise<GivenPrevious> {
  const found = await expandInputs(paths, cwd);
  const given: GivenPrevious = { scores: [], diagnostics: [...found.diagnostics], answerFiles: new Map() };
  for (const file of found.files) {
    const loaded = await loadPrevious(resolve(cwd, file), cache);
    pushAll(given.diagnostics, loaded.diagnostics);
    pushAll(given.scores, loaded.scores);
    if (loaded.evaluated && isScored(loaded.evaluated) && loaded.scores[0])
      given.answerFiles.set(loaded.scores[0], loaded.evaluated);
  }
  return given;
}
