import { resolve } from "node:path";
import { ExitCode, KuesionerError } from "../../errors.js";
import { loadQuestionnaire, type LoadedQuestionnaire } from "../../io/load-questionnaire.js";
import type { QuestionnaireStore } from "../../io/questionnaire-store.js";
import type { Lang } from "../../model/common.js";
import { localizeDiagnostic } from "../../text/diagnostic-messages.js";
import { displayPath, formatDiagnostics, sortDiagnostics } from "../../text/diagnostics.js";

/** The questionnaire, or an error that prints its diagnostics (the survey needs a valid one). */
export async function loadQuestionnaireOrThrow(
  ref: string,
  cwd: string,
  store: QuestionnaireStore,
  lang: Lang,
): Promise<LoadedQuestionnaire> {
  const loaded = await loadQuestionnaire(ref, cwd, store);
  if (loaded.ok) return loaded.value;
  const [only] = loaded.diagnostics;
  if (loaded.diagnostics.length === 1 && only!.line === undefined && only!.file === ref) {
    const said = localizeDiagnostic(only!, lang);
    throw new KuesionerError(said.message, ExitCode.Failed, said.hint);
  }
  const display = displayPath(cwd);
  const typed = resolve(cwd, ref);
  const list = sortDiagnostics(
    loaded.diagnostics.map((d) => ({ ...d, file: d.file === typed ? ref : display(d.file) })),
  );
  // The diagnostics are part of the message, so they are rendered in the run's language here.
  throw new KuesionerError(
    `questionnaire ${ref} is invalid:\n${formatDiagnostics(list, false, lang).trimEnd()}`,
    ExitCode.Failed,
    "run kuesioner validate on it",
  ).coded("survey.questionnaire-invalid", { ref, diagnostics: formatDiagnostics(list, false, lang).trimEnd() });
}
