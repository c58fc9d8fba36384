import { resolve } from "node:path";
import { QuestionnaireStore } from "../../io/questionnaire-store.js";
import * as z from "zod/mini";
import type { CommandIO } from "../../command-io.js";
import { ExitCode, KuesionerError } from "../../errors.js";
import { loadQuestionnaire } from "../../io/load-questionnaire.js";
import { displayPath, formatDiagnostics, sortDiagnostics, summarizeDiagnostics } from "../../text/diagnostics.js";
import { renderShowMarkdown } from "./markdown.js";
import { showJson } from "./model.js";
import { renderShowText } from "./text.js";
import { showChoices } from "./options.js";
import { stringifyJson } from "../../text/escape.js";
import { localizeDiagnostic } from "../../text/diagnostic-messages.js";

export const showOptionsSchema = z.object({
  questionnaire: z.string().check(z.minLength(1, "option.questionnaire")),
  format: z._default(z.enum(showChoices.format.choices), showChoices.format.default),
  lang: z._default(z.enum(showChoices.lang.choices), showChoices.lang.default),
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z._default(z.boolean(), true),
});
export type ShowOptions = z.infer<typeof showOptionsSchema>;

/** `kuesioner show QUESTIONNAIRE`: the structure of a shipped or local questionnaire. */
export async function runShow(options: ShowOptions, io: CommandIO): Promise<ExitCode> {
  const loaded = await loadQuestionnaire(options.questionnaire, io.cwd, QuestionnaireStore.forRun(io.env, options));
  if (!loaded.ok) {
    const [only] = loaded.diagnostics;
    // Nothing was read: an unknown id or a missing file is one message, not a diagnostic list.
    if (loaded.diagnostics.length === 1 && only!.line === undefined && only!.file === options.questionnaire) {
      const said = localizeDiagnostic(only!, options.lang);
      throw new KuesionerError(said.message, ExitCode.Failed, said.hint);
    }
    const display = displayPath(io.cwd);
    const typed = resolve(io.cwd, options.questionnaire);
    const diagnostics = sortDiagnostics(
      loaded.diagnostics.map((d) => ({ ...d, file: d.file === typed ? options.questionnaire : display(d.file) })),
    );
    io.stderr.write(formatDiagnostics(diagnostics, io.color, options.lang));
    const cannot = options.lang === "id" ? "tidak dapat ditampilkan" : "cannot show";
    io.stderr.write(`${summarizeDiagnostics(diagnostics, 1, "", options.lang)}: ${cannot} ${options.questionnaire}\n`);
    return ExitCode.Failed;
  }
  const q = loaded.value.questionnaire;
  switch (options.format) {
    case "json":
      io.stdout.write(`${stringifyJson(showJson(q, options.lang))}\n`);
      break;
    case "markdown":
      io.stdout.write(renderShowMarkdown(q, options.lang));
      break;
    case "text":
      io.stdout.write(renderShowText(q, { lang: options.lang, color: io.color, width: io.stdout.columns ?? 100 }));
      break;
  }
  return ExitCode.Ok;
}
