import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import * as z from "zod/mini";
import { currentUser, type CommandIO } from "../../command-io.js";
import { ExitCode, hasErrors, KuesionerError, type Diagnostic } from "../../errors.js";
import { mergePanel, type PanelFile, type PanelProblem } from "../../engine/merge.js";
import { scoreAnswers } from "../../engine/score.js";
import { AnswerStore } from "../../io/answer-store.js";
import { AuditLog } from "../../io/audit-log.js";
import { evaluateAnswerFile } from "../../io/evaluate-answers.js";
import { loadAnswerFile, QuestionnaireCache } from "../../io/load-answers.js";
import { checkOutputFile } from "../../io/output-file.js";
import { loadSource, locateIssue } from "../../io/source.js";
import { QuestionnaireStore } from "../../io/questionnaire-store.js";
import { mergeChoices } from "./options.js";
import { displayPath, formatDiagnostics } from "../../text/diagnostics.js";
import { escapeText } from "../../text/escape.js";
import { formatScore } from "../../text/format.js";
import { mergeMessages } from "./messages.js";
import { personNameSchema } from "../../option-schemas.js";

export const mergeOptionsSchema = z.object({
  self: z.string().check(z.minLength(1, "option.self-file")),
  assessors: z
    .array(z.string().check(z.minLength(1, "option.input-empty")))
    .check(z.minLength(1, "option.assessors-none")),
  out: z.string().check(z.minLength(1, "option.file-name")),
  force: z._default(z.boolean(), false),
  as: z.optional(personNameSchema("option.name")),
  lang: z._default(z.enum(mergeChoices.lang.choices), mergeChoices.lang.default),
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z._default(z.boolean(), true),
});
export type MergeOptions = z.infer<typeof mergeOptionsSchema>;

/**
 * `kuesioner merge SELF ASSESSOR... --out PANEL`: the panel file, or nothing at all when any
 * input has an error or the inputs conflict (exit 1, every problem reported).
 */
export async function runMerge(options: MergeOptions, io: CommandIO): Promise<ExitCode> {
  const t = mergeMessages[options.lang];
  const show = displayPath(io.cwd);
  const outFile = await checkOutputFile(options.out, io.cwd);
  // The panel file is an answer file with its history beside it: a pipe or a device cannot be one
  // (reading it to compare before the save waited for a writer for ever).
  const outInfo = await stat(outFile).catch(() => undefined);
  if (outInfo && !outInfo.isFile()) throw new KuesionerError(t.outNotFile(options.out), ExitCode.Failed);
  if (outInfo && !options.force) throw new KuesionerError(t.outExists(options.out), ExitCode.Failed, t.outExistsHint);

  const cache = new QuestionnaireCache(QuestionnaireStore.forRun(io.env, options));
  const inputs = [options.self, ...options.assessors];
  // The sources are kept to put every conflict at its line and column.
  const sources = await Promise.all(inputs.map((f) => loadSource(resolve(io.cwd, f))));
  const evaluated = await Promise.all(
    inputs.map((f, i) => evaluateAnswerFile(resolve(io.cwd, f), { cache, source: sources[i]! })),
  );
  const diagnostics = evaluated.flatMap((e) => e.diagnostics.map((d) => ({ ...d, file: show(d.file) })));
  if (diagnostics.length > 0) io.stderr.write(formatDiagnostics(diagnostics, io.color, options.lang));
  if (hasErrors(diagnostics) || evaluated.some((e) => !e.answers || !e.questionnaire || !e.result)) {
    io.stderr.write(`${t.invalidInputs}\n`);
    return ExitCode.Failed;
  }
  const files: PanelFile[] = evaluated.map((e, i) => ({
    file: inputs[i]!,
    answers: e.answers!,
    questionnaire: {
      id: e.questionnaire!.questionnaire.id,
      version: e.questionnaire!.questionnaire.version,
      sha256: e.questionnaire!.sha256,
    },
    profile: e.result!.profile,
  }));
  const outcome = mergePanel(files[0]!, files.slice(1));
  const sourceOf = new Map(inputs.map((f, i) => [f, sources[i]!]));
  const locate = (p: PanelProblem, severity: "error" | "warning"): Diagnostic => {
    const file = "file" in p ? p.file : options.self;
    const loaded = sourceOf.get(file);
    const issue = { path: problemPath(p), severity, message: t.problem(p) };
    return loaded?.ok ? { ...locateIssue(loaded.source, issue), file } : { file, ...issue };
  };
  const problems: Diagnostic[] = [
    ...outcome.errors.map((p) => locate(p, "error")),
    ...outcome.warnings.map((p) => locate(p, "warning")),
  ];
  if (problems.length > 0) io.stderr.write(formatDiagnostics(problems, io.color, options.lang));
  if (!outcome.merged) {
    io.stderr.write(`${t.refused(outcome.errors.length)}\n`);
    return ExitCode.Failed;
  }

  const questionnaire = evaluated[0]!.questionnaire!;
  const before = existsSync(outFile) ? await readFile(outFile, "utf8") : undefined;
  const opened = before !== undefined ? await loadAnswerFile(outFile) : undefined;
  const audit = new AuditLog(
    outFile,
    { by: currentUser(io, options.as), command: "merge", now: io.now ?? (() => new Date()) },
    options.out,
  );
  await audit.reconcile(opened?.ok ? opened.value.answers : undefined);
  const store = new AnswerStore(outFile, {
    questionOrder: questionnaire.questionnaire.elements.flatMap((e) => e.questions.map((q) => q.id)),
    audit,
    display: options.out,
    ...(before !== undefined ? { originalText: before } : {}),
    ...(opened?.ok ? { opened: opened.value.answers } : {}),
  });
  await store.save(outcome.merged);

  const result = scoreAnswers(questionnaire.questionnaire, outcome.merged).result;
  // The names come from the assessors' files: shown escaped.
  io.stdout.write(`${t.merged(options.out, outcome.assessors.length, escapeText(outcome.assessors.join(", ")))}\n`);
  if (result) {
    const v = result.verification;
    const total = result.elements.reduce((n, e) => n + e.questions, 0);
    io.stdout.write(`${t.verified(v.verified, total)}\n`);
    io.stdout.write(`${t.totals(formatScore(v.selfTotal, options.lang), formatScore(result.total, options.lang))}\n`);
  }
  return ExitCode.Ok;
}

/** Where in its file a conflict is: the field that differs, the question, else the whole file. */
function problemPath(p: PanelProblem): (string | number)[] {
  switch (p.code) {
    case "same-assessor":
      return ["assessor"];
    case "anonymous-scores":
      return ["answers", p.question, "assessors"];
    case "different-region":
      return ["respondent", "region"];
    case "different-year":
      return ["respondent", "year"];
    case "different-questionnaire":
    case "different-version":
    case "different-content":
      return ["questionnaire"];
    case "different-profile":
      return ["profile"];
    case "self-answer-differs":
      return ["answers", p.question];
    case "no-scores":
      return ["answers"];
    case "partly-scored":
      return [];
  }
}
