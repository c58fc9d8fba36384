import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { CommandIO } from "../../command-io.js";
import { regionKey } from "../../engine/compare.js";
import { assessorKey } from "../../engine/score-answer.js";
import { ExitCode, hasErrors, KuesionerError, UsageError, type Diagnostic } from "../../errors.js";
import { loadAnswerFile, QuestionnaireCache, questionnaireForAnswers } from "../../io/load-answers.js";
import type { LoadedQuestionnaire } from "../../io/load-questionnaire.js";
import { checkOutputFile } from "../../io/output-file.js";
import { QuestionnaireStore } from "../../io/questionnaire-store.js";
import type { AnswerFile } from "../../model/answers.js";
import { diffAnswerFiles } from "../../model/audit.js";
import type { Prompter } from "../../prompt/prompter.js";
import { displayPath, formatDiagnostics } from "../../text/diagnostics.js";
import { escapeText } from "../../text/escape.js";
import { fileNameSlug } from "../../text/shell.js";
import { settleStatus } from "../../walk/walk-state.js";
import { assessorFile } from "./assessor-file.js";
import { messages } from "./messages.js";
import type { VerifyOptions } from "./run.js";

export interface VerifySession {
  /** Absolute path of the assessor's file. */
  file: string;
  /** The paths as the assessor should read and type them. */
  display: string;
  selfDisplay: string;
  /** --out was left out: the file has its default name. */
  defaultName: boolean;
  questionnaire: LoadedQuestionnaire;
  /** The assessor's file as the walk starts it: the region's answers now, the assessor's scores so far. */
  answers: AnswerFile;
  /** The file's text when it was opened; absent for a new file. */
  originalText?: string;
  /** The file as that text held it (the audit trail's start). */
  opened?: AnswerFile;
}

/** `jawaban-kota-x-2024.yaml` and Ani → `jawaban-kota-x-2024.verifikasi-ani.yaml`, beside the answers. */
function defaultAssessorFile(answersFile: string, assessor: string): string {
  const stem = basename(answersFile).replace(/\.ya?ml$/i, "");
  return join(dirname(answersFile), `${stem}.verifikasi-${fileNameSlug(assessor) || "asesor"}.yaml`);
}

/**
 * Opens the region's answers and the assessor's file: a new one, or the one the assessor
 * started (after they agree to reopen it when it is final). Refuses what cannot be verified or
 * continued: an unreadable or invalid file, an unknown questionnaire, an assessor's file given
 * as the answers, or an assessor's file of another assessor, region, year or questionnaire.
 * Nothing is written here.
 */
export async function openVerifySession(
  options: VerifyOptions,
  io: CommandIO,
  ctx: { prompter: Prompter; write(text: string): void },
): Promise<VerifySession | ExitCode> {
  const t = messages[options.lang];
  const show = displayPath(io.cwd);
  const print = (diagnostics: readonly Diagnostic[]) =>
    io.stderr.write(
      formatDiagnostics(
        diagnostics.map((d) => ({ ...d, file: show(d.file) })),
        false,
        options.lang,
      ),
    );
  const selfFile = resolve(io.cwd, options.answers);
  const selfDisplay = show(selfFile);
  const loaded = await loadAnswerFile(selfFile);
  if (!loaded.ok) {
    print(loaded.diagnostics);
    return ExitCode.Failed;
  }
  const self = loaded.value.answers;
  if (self.assessor !== undefined)
    throw new KuesionerError(
      t.assessorFileGiven(selfDisplay, escapeText(self.assessor)),
      ExitCode.Failed,
      t.assessorFileGivenHint,
    );
  const found = await questionnaireForAnswers(
    loaded.value,
    new QuestionnaireCache(QuestionnaireStore.forRun(io.env, options)),
  );
  if (found.diagnostics.length > 0) print(found.diagnostics);
  if (!found.questionnaire || hasErrors(found.diagnostics)) return ExitCode.Failed;

  const file =
    options.out !== undefined ? resolve(io.cwd, options.out) : defaultAssessorFile(selfFile, options.assessor);
  const display = show(file);
  if (file === selfFile) throw new UsageError(t.sameFile(display), t.sameFileHint);
  const session = {
    file,
    display,
    selfDisplay,
    defaultName: options.out === undefined,
    questionnaire: found.questionnaire,
  };
  if (!existsSync(file)) {
    if (options.out !== undefined) await checkOutputFile(options.out, io.cwd);
    return { ...session, answers: assessorFile(self, options.assessor) };
  }

  const previous = await loadAnswerFile(file);
  if (!previous.ok) {
    print(previous.diagnostics);
    return ExitCode.Failed;
  }
  const before = previous.value.answers;
  checkSameWork(before, self, options.assessor, display, options.lang);
  if (before.status === "final" && !(await ctx.prompter.confirm({ message: t.finalReopen(display), default: false }))) {
    ctx.write(`${t.notReopened(display)}\n`);
    return ExitCode.Ok;
  }
  const answers = settleStatus(before, assessorFile(self, options.assessor, before));
  if (diffAnswerFiles(before, answers).length > 0) ctx.write(`${t.selfChanged(selfDisplay)}\n`);
  return { ...session, answers, originalText: await readFile(file, "utf8"), opened: before };
}

/** The file to continue must be this assessor's, for these answers: otherwise it is refused, untouched. */
function checkSameWork(
  file: AnswerFile,
  self: AnswerFile,
  assessor: string,
  display: string,
  lang: VerifyOptions["lang"],
) {
  const t = messages[lang];
  const refuse = (message: string) => new KuesionerError(message, ExitCode.Failed, t.otherFileHint);
  if (file.assessor === undefined) throw refuse(t.notAssessorFile(display));
  if (assessorKey(file.assessor) !== assessorKey(assessor))
    throw refuse(t.otherAssessor(display, escapeText(file.assessor), assessor));
  if (file.questionnaire !== self.questionnaire)
    throw refuse(t.otherQuestionnaire(display, escapeText(file.questionnaire), escapeText(self.questionnaire)));
  const theirs = file.respondent;
  const ours = self.respondent;
  if (theirs?.region !== undefined && ours?.region !== undefined && regionKey(theirs.region) !== regionKey(ours.region))
    throw refuse(t.otherRegion(display, t.fieldNames.region, escapeText(theirs.region), escapeText(ours.region)));
  if (theirs?.year !== undefined && ours?.year !== undefined && theirs.year !== ours.year)
    throw refuse(t.otherRegion(display, t.fieldNames.year, String(theirs.year), String(ours.year)));
}
