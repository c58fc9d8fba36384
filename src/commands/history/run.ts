import { existsSync } from "node:fs";
import { resolve } from "node:path";
import * as z from "zod/mini";
import type { CommandIO } from "../../command-io.js";
import { ExitCode, KuesionerError } from "../../errors.js";
import { type AuditLogProblem, historyFileOf, readAuditLog } from "../../io/audit-log.js";
import { MAX_DIAGNOSTICS_PER_FILE } from "../../io/diagnostic-cap.js";
import { loadAnswerFile } from "../../io/load-answers.js";
import { auditStateOf, reconcileEntries, type AuditEntry } from "../../model/audit.js";
import type { Lang } from "../../model/common.js";
import { historyChoices } from "./options.js";
import { describeStoredValue } from "../../text/answer-text.js";
import { displayPath } from "../../text/diagnostics.js";
import { escapeText, stringifyJson } from "../../text/escape.js";
import { displayWidth, padEnd } from "../../text/format.js";
import { historyMessages } from "./messages.js";

export const historyOptionsSchema = z.object({
  file: z.string().check(z.minLength(1, "option.answer-file")),
  question: z.optional(z.string().check(z.trim(), z.minLength(1, "option.question-id"))),
  format: z._default(z.enum(historyChoices.format.choices), historyChoices.format.default),
  lang: z._default(z.enum(historyChoices.lang.choices), historyChoices.lang.default),
});
export type HistoryOptions = z.infer<typeof historyOptionsSchema>;

/** An entry as history shows it: `recorded: false` for a difference the log does not hold yet. */
export interface ShownEntry extends AuditEntry {
  recorded: boolean;
}

/**
 * `kuesioner history FILE [QUESTION]`: the audit trail of an answer file. When the file differs
 * from what its log describes, the difference is shown as it would be recorded (not written:
 * history only reads).
 */
export async function runHistory(options: HistoryOptions, io: CommandIO): Promise<ExitCode> {
  const t = historyMessages[options.lang];
  const file = resolve(io.cwd, options.file);
  const display = displayPath(io.cwd)(file);
  const logFile = historyFileOf(file);
  const logDisplay = displayPath(io.cwd)(logFile);
  // As every message names it, the log's own refusals included.
  const logShown = escapeText(logDisplay);
  const log = await readAuditLog(logFile, logShown);
  const fileExists = existsSync(file);
  if (!log.exists && !fileExists) throw new KuesionerError(t.fileMissing(escapeText(display)));
  // As every file's diagnostics: the first thousand, then one line for the rest (a damaged or
  // wrong file has a problem on every line).
  const shownProblems = log.problems.slice(0, MAX_DIAGNOSTICS_PER_FILE);
  for (const p of shownProblems)
    io.stderr.write(`${t.badLine(logShown, p.line, p.reason === "not-json" ? t.notJson : t.notEntry)}\n`);
  const omitted = log.problems.length - shownProblems.length;
  if (omitted > 0)
    io.stderr.write(`${t.moreBadLines(logShown, log.problems[MAX_DIAGNOSTICS_PER_FILE]!.line, omitted)}\n`);

  const entries: ShownEntry[] = log.entries.map((e) => ({ ...e, recorded: true }));
  if (!fileExists) io.stderr.write(`${t.answerFileMissing(escapeText(display))}\n`);
  else {
    const loaded = await loadAnswerFile(file);
    if (!loaded.ok) io.stderr.write(`${t.answerFileInvalid(escapeText(display))}\n`);
    else if (log.exists) {
      const time = (io.now ?? (() => new Date()))().toISOString();
      for (const e of reconcileEntries(log.entries, auditStateOf(loaded.value.answers), time))
        entries.push({ ...e, recorded: false });
    }
  }
  if (!log.exists && options.format === "table") {
    io.stderr.write(`${t.noHistory(escapeText(display))}\n`);
    return ExitCode.Ok;
  }
  const shown = options.question
    ? entries.filter((e) => e.question === options.question || e.field === options.question)
    : entries;
  if (options.format === "json") {
    io.stdout.write(renderHistoryJson(display, logDisplay, shown, shownProblems, omitted));
    return ExitCode.Ok;
  }
  if (options.question && shown.length === 0) {
    io.stderr.write(`${t.noChanges(escapeText(options.question))}\n`);
    return ExitCode.Ok;
  }
  io.stdout.write(renderHistoryTable(display, shown, options.lang, options.question));
  if (shown.some((e) => !e.recorded)) io.stdout.write(`\n${t.pendingNote("kuesioner fill / verify")}\n`);
  return ExitCode.Ok;
}

function renderHistoryJson(
  file: string,
  logFile: string,
  entries: readonly ShownEntry[],
  problems: readonly AuditLogProblem[],
  omitted: number,
): string {
  const json = {
    file,
    history: logFile,
    entries: entries.map((e) => ({
      seq: e.seq,
      time: e.time,
      by: e.by,
      command: e.command,
      reason: e.reason ?? null,
      question: e.question ?? null,
      field: e.field ?? null,
      old: e.old ?? null,
      new: e.new ?? null,
      recorded: e.recorded,
    })),
    problems: problems.map((p) => ({ line: p.line, message: p.message })),
    // Only when the log has more bad lines than are listed.
    ...(omitted > 0 ? { problemsNotShown: omitted } : {}),
  };
  return `${stringifyJson(json)}\n`;
}

/** `2026-12-02T07:50:12.345Z` → `2026-12-02 07:50:12`; anything else as it is. */
const shortTime = (iso: string) => iso.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?Z$/, "$1 $2");

function renderHistoryTable(file: string, entries: readonly ShownEntry[], lang: Lang, question?: string): string {
  const t = historyMessages[lang];
  const rows = entries.map((e) => {
    const command =
      e.command === "reconcile"
        ? `${t.reconcile}: ${e.reason === "unsaved" ? t.reasonUnsaved : t.reasonOutside}`
        : e.command;
    // Every text of the log as every text output shows it: a log is a file like any other.
    return [
      e.recorded ? shortTime(e.time) : `(${t.pending})`,
      e.by ?? t.unknownUser,
      command,
      e.question ?? e.field ?? "",
      `${describeStoredValue(e.old, lang)} → ${describeStoredValue(e.new, lang)}`,
    ].map(escapeText);
  });
  const header = [t.columnTime, t.columnBy, t.columnCommand, t.columnWhat, t.columnChange];
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i]!)))
      .join("  ")
      .trimEnd();
  const title = question
    ? t.titleQuestion(escapeText(file), escapeText(question), entries.length)
    : t.title(escapeText(file), entries.length);
  return `${[title, "", line(header), ...rows.map(line)].join("\n")}\n`;
}
