import * as z from "zod/mini";
import { validateChoices } from "./options.js";
import { QuestionnaireStore } from "../../io/questionnaire-store.js";
import type { CommandIO } from "../../command-io.js";
import { ExitCode, hasErrors, type Diagnostic } from "../../errors.js";
import { stringifyJson } from "../../text/escape.js";
import { QuestionnaireCache } from "../../io/load-answers.js";
import { validateFile, type FileKind, type FileReport } from "../../io/validate-file.js";
import { expandInputs } from "../../io/expand-inputs.js";
import { leftOutNotes } from "../../text/input-notes.js";
import {
  diagnosticJson,
  displayDiagnostic,
  displayPath,
  formatDiagnostics,
  formatGithubAnnotation,
  plural,
  sortDiagnostics,
  summarizeDiagnostics,
} from "../../text/diagnostics.js";

export const validateOptionsSchema = z.object({
  /** Files, folders and quoted patterns, expanded as `score` expands them (src/io/expand-inputs.ts). */
  files: z.array(z.string().check(z.minLength(1, "option.input-empty"))).check(z.minLength(1, "option.files-none")),
  format: z._default(z.enum(validateChoices.format.choices), validateChoices.format.default),
  lang: z._default(z.enum(validateChoices.lang.choices), validateChoices.lang.default),
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z._default(z.boolean(), true),
});
export type ValidateOptions = z.infer<typeof validateOptionsSchema>;

/**
 * `kuesioner validate FILE...`: every problem in every file, in one run. Text and GitHub
 * annotations are diagnostics, the JSON array is data: text goes to standard error, JSON and
 * annotations to standard output, the summary line to standard error.
 */
export async function runValidate(options: ValidateOptions, io: CommandIO): Promise<ExitCode> {
  const cache = new QuestionnaireCache(QuestionnaireStore.forRun(io.env, options));
  const expanded = await expandInputs(options.files, io.cwd);
  const checked = await Promise.all(Array.from(expanded.files, (file) => validateFile(file, { cwd: io.cwd, cache })));
  // An input that names nothing (a missing file, an empty folder, a pattern without matches) counts as a file not recognised.
  const reports: FileReport[] = [
    ...checked.filter((r) => !r.skipped),
    ...expanded.diagnostics.map((d): FileReport => ({ file: d.file, kind: "unknown", diagnostics: [d] })),
  ];
  const ordered = orderDiagnostics(reports, displayPath(io.cwd));
  const all = ordered.map((o) => o.diagnostic);
  io.stderr.write(
    leftOutNotes(
      {
        notData: expanded.notData,
        otherExtension: expanded.otherExtension,
        jsonSchema: checked.filter((r) => r.skipped === "json-schema").map((r) => r.file),
      },
      options.lang,
    ),
  );

  if (options.format === "json") {
    io.stdout.write(`${stringifyJson(ordered.map((o) => diagnosticJson(o.diagnostic, o.kind)))}\n`);
  } else {
    if (options.format === "github") io.stdout.write(all.map((d) => `${formatGithubAnnotation(d)}\n`).join(""));
    else io.stderr.write(formatDiagnostics(all, io.color, options.lang));
    io.stderr.write(
      `${summarizeDiagnostics(all, reports.length, describeKinds(reports, options.lang), options.lang)}\n`,
    );
  }
  return hasErrors(all) ? ExitCode.Failed : ExitCode.Ok;
}

/**
 * Files in the order given; in each, its own diagnostics by position, then those of the
 * questionnaire it names. A diagnostic already shown (the same broken questionnaire reached
 * through two answer files) is shown once.
 */
function orderDiagnostics(
  reports: readonly FileReport[],
  display: (file: string) => string,
): { diagnostic: Diagnostic; kind: FileKind }[] {
  const seen = new Set<string>();
  const out: { diagnostic: Diagnostic; kind: FileKind }[] = [];
  for (const report of reports) {
    const diagnostics = report.diagnostics.map(displayDiagnostic(display));
    const own = sortDiagnostics(diagnostics.filter((d) => d.file === report.file));
    const referenced = sortDiagnostics(diagnostics.filter((d) => d.file !== report.file));
    for (const diagnostic of [...own, ...referenced]) {
      const key = JSON.stringify([
        diagnostic.file,
        diagnostic.line,
        diagnostic.column,
        diagnostic.severity,
        diagnostic.path,
        diagnostic.code,
        diagnostic.params,
        diagnostic.message,
      ]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ diagnostic, kind: diagnostic.file === report.file ? report.kind : "questionnaire" });
    }
  }
  return out;
}

function describeKinds(reports: readonly FileReport[], lang: ValidateOptions["lang"]): string {
  const count = (kind: FileKind) => reports.filter((r) => r.kind === kind).length;
  const parts: string[] = [];
  if (lang === "id") {
    if (count("questionnaire")) parts.push(`${count("questionnaire")} kuesioner`);
    if (count("answers")) parts.push(`${count("answers")} berkas jawaban`);
    if (count("unknown")) parts.push(`${count("unknown")} tidak dikenali`);
    return parts.join(", ");
  }
  if (count("questionnaire")) parts.push(plural(count("questionnaire"), "questionnaire"));
  if (count("answers")) parts.push(plural(count("answers"), "answer file"));
  if (count("unknown")) parts.push(`${count("unknown")} not recognised`);
  return parts.join(", ");
}
