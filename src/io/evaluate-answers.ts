import type { Diagnostic } from "../errors.js";
import { hasErrors } from "../errors.js";
import type { AnswerFile } from "../model/answers.js";
import { scoreAnswers, type ScoreOptions, type ScoreResult } from "../engine/score.js";
import { loadAnswerFile, questionnaireForAnswers, type QuestionnaireCache } from "./load-answers.js";
import type { LoadedQuestionnaire } from "./load-questionnaire.js";
import { locateIssue, type SourceResult } from "./source.js";
import { pushAll } from "../model/collections.js";
import { capDiagnostics } from "./diagnostic-cap.js";

export interface EvaluatedAnswers {
  file: string;
  /** Every problem found, located in the answer file (or the questionnaire it names). */
  diagnostics: Diagnostic[];
  answers?: AnswerFile;
  questionnaire?: LoadedQuestionnaire;
  /** Present when the file could be scored; absent if any error was found. */
  result?: ScoreResult;
}

/**
 * Loads an answer file, the questionnaire it names, and scores it: the one path shared by
 * `score`, `validate` and `fill`. A file with any error gets no result.
 */
export async function evaluateAnswerFile(
  file: string,
  options: ScoreOptions & { cache?: QuestionnaireCache; source?: SourceResult } = {},
): Promise<EvaluatedAnswers> {
  const evaluated = await evaluateUncapped(file, options);
  evaluated.diagnostics = capDiagnostics(file, evaluated.diagnostics);
  return evaluated;
}

async function evaluateUncapped(
  file: string,
  options: ScoreOptions & { cache?: QuestionnaireCache; source?: SourceResult },
): Promise<EvaluatedAnswers> {
  const loaded = await loadAnswerFile(file, options.source);
  if (!loaded.ok) return { file, diagnostics: loaded.diagnostics };
  const diagnostics = [...loaded.diagnostics];
  const { questionnaire, diagnostics: qDiagnostics } = await questionnaireForAnswers(loaded.value, options.cache);
  pushAll(diagnostics, qDiagnostics);
  if (!questionnaire) return { file, diagnostics, answers: loaded.value.answers };
  const outcome = scoreAnswers(questionnaire.questionnaire, loaded.value.answers, {
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.questions === false ? { questions: false } : {}),
  });
  for (const issue of outcome.issues) {
    // A --profile given on the command line has no place in the file.
    diagnostics.push(
      issue.path.length
        ? locateIssue(loaded.value.source, issue, {
            atKey: issue.path[0] === "answers" && issue.code === "answer.unknown-question",
          })
        : { file, ...issue },
    );
  }
  const base = { file, diagnostics, answers: loaded.value.answers, questionnaire };
  return outcome.result && !hasErrors(diagnostics) ? { ...base, result: outcome.result } : base;
}
