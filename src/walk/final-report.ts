import type { CommandIO } from "../command-io.js";
import { scoreAnswers } from "../engine/score.js";
import { evaluateAnswerFile } from "../io/evaluate-answers.js";
import type { LoadedQuestionnaire } from "../io/load-questionnaire.js";
import type { AnswerFile } from "../model/answers.js";
import { formatDiagnostics } from "../text/diagnostics.js";
import { renderScoreReport } from "../text/score-report.js";

/**
 * The report `score` prints for the saved file: read back from disk, so what the officer sees
 * is what an analyst will get. Falls back to the answers in memory if the file has errors left.
 */
export async function finalReport(
  session: { file: string; display: string; questionnaire: LoadedQuestionnaire },
  answers: AnswerFile,
  options: { lang: "id" | "en"; color: boolean; width: number },
  io: CommandIO,
): Promise<string> {
  const evaluated = await evaluateAnswerFile(session.file);
  const loaded = session.questionnaire;
  if (evaluated.result && evaluated.answers) {
    return (
      "\n" +
      renderScoreReport(
        {
          file: session.display,
          questionnaire: loaded.questionnaire,
          sha256: loaded.sha256,
          answers: evaluated.answers,
          result: evaluated.result,
        },
        options,
      )
    );
  }
  io.stderr.write(
    formatDiagnostics(
      evaluated.diagnostics.map((d) => ({ ...d, file: d.file === session.file ? session.display : d.file })),
      false,
      options.lang,
    ),
  );
  const result = scoreAnswers(loaded.questionnaire, answers).result;
  return result
    ? "\n" +
        renderScoreReport(
          { file: session.display, questionnaire: loaded.questionnaire, sha256: loaded.sha256, answers, result },
          options,
        )
    : "";
}
