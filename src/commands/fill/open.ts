import { displayDiagnostic, displayPath as displayPathFrom } from "../../text/diagnostics.js";
import { didYouMean } from "../../model/did-you-mean.js";
import { QuestionnaireStore } from "../../io/questionnaire-store.js";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { CommandIO } from "../../command-io.js";
import { ExitCode, hasErrors, UsageError, type Diagnostic } from "../../errors.js";
import { scoreAnswers } from "../../engine/score.js";
import { loadAnswerFile, QuestionnaireCache, questionnaireForAnswers } from "../../io/load-answers.js";
import { loadQuestionnaire, resolveQuestionnaire, type LoadedQuestionnaire } from "../../io/load-questionnaire.js";
import { shippedQuestionnairesDir } from "../../io/package-root.js";
import { checkOutputFile } from "../../io/output-file.js";
import { locateIssue } from "../../io/source.js";
import { messages } from "./messages.js";
import { questionDigests } from "./questionnaire-changes.js";
import { askProfile, askRespondent, reconcile, type StartContext } from "./start.js";
import { settleStatus } from "../../walk/walk-state.js";
import { formatDiagnostics } from "../../text/diagnostics.js";
import { escapeText } from "../../text/escape.js";
import { fileNameSlug } from "../../text/shell.js";
import type { AnswerFile } from "../../model/answers.js";
import type { FillOptions } from "./run.js";

const DEFAULT_QUESTIONNAIRE = "smart-city-2023";

export interface FillSession {
  /** Absolute path of the answer file. */
  file: string;
  /** The path as the officer should read and type it. */
  display: string;
  questionnaire: LoadedQuestionnaire;
  answers: AnswerFile;
  /** The file's text when it was opened; absent for a new file. */
  originalText?: string;
  /** The answers as that text held them, before fill brought them up to date (the audit trail's start). */
  opened?: AnswerFile;
}

/** `jawaban-kabupaten-buleleng-2024.yaml`: the answer file's name when --out is not given. */
export function defaultAnswerFileName(region: string, year: number): string {
  return `jawaban-${fileNameSlug(region) || "daerah"}-${year}.yaml`;
}

/** Relative to the current folder when the file is inside it, absolute otherwise. */
export function displayPath(file: string, cwd: string): string {
  return displayPathFrom(cwd)(file);
}

/** How the answer file names its questionnaire: a shipped id, or a path relative to the answer file. */
function questionnaireRef(questionnaireFile: string, answerFile: string): string {
  if (dirname(questionnaireFile) === shippedQuestionnairesDir())
    return basename(questionnaireFile).replace(/\.ya?ml$/i, "");
  const rel = relative(dirname(answerFile), questionnaireFile).split(sep).join("/");
  return isAbsolute(rel) || rel.startsWith(".") ? rel : `./${rel}`;
}

function printDiagnostics(
  io: CommandIO,
  diagnostics: readonly Diagnostic[],
  file: string,
  display: string,
  lang: FillOptions["lang"],
) {
  io.stderr.write(
    formatDiagnostics(
      diagnostics
        .map((d) => (d.file === file ? { ...d, file: display } : d))
        .map(displayDiagnostic(displayPathFrom(io.cwd))),
      false,
      lang,
    ),
  );
}

function checkProfile(questionnaire: LoadedQuestionnaire, profile: string | undefined) {
  const q = questionnaire.questionnaire;
  if (profile !== undefined && !q.profiles.some((p) => p.id === profile)) {
    const known = q.profiles.map((p) => p.id);
    const guess = didYouMean(profile, known);
    throw new UsageError(
      `--profile: unknown profile "${profile}" for questionnaire "${q.id}"`,
      `profiles: ${known.join(", ")}`,
    ).coded("option.profile-unknown", { profile, questionnaire: q.id, known, ...(guess ? { guess } : {}) });
  }
}

/**
 * Finds or creates the answer file: resumes an existing one (after the officer agrees to any
 * questionnaire change), or asks region, year and profile for a new one. Returns an exit code
 * instead when the file cannot be used; an unreadable file is reported and left untouched.
 */
export async function openSession(
  options: FillOptions,
  io: CommandIO,
  ctx: Omit<StartContext, "questionnaire">,
): Promise<FillSession | ExitCode> {
  const t = messages[options.lang];
  if (options.out !== undefined) {
    const file = resolve(io.cwd, options.out);
    if (existsSync(file)) return resumeSession(file, options, io, ctx);
    // Say so before asking anything, not after the officer has typed the region and year.
    await checkOutputFile(options.out, io.cwd);
  }
  const store = QuestionnaireStore.forRun(io.env, options);
  const loaded = await loadQuestionnaire(options.questionnaire ?? DEFAULT_QUESTIONNAIRE, io.cwd, store);
  if (!loaded.ok) {
    io.stderr.write(formatDiagnostics(loaded.diagnostics, false, options.lang));
    return ExitCode.Failed;
  }
  checkProfile(loaded.value, options.profile);
  const start: StartContext = { ...ctx, questionnaire: loaded.value.questionnaire };
  const respondent = await askRespondent(start, options, new Date().getFullYear());
  const file =
    options.out !== undefined
      ? resolve(io.cwd, options.out)
      : resolve(io.cwd, defaultAnswerFileName(respondent.region, respondent.year));
  if (existsSync(file)) {
    ctx.write(`${t.foundExisting(displayPath(file, io.cwd))}\n`);
    return resumeSession(file, { ...options, ...respondent }, io, ctx);
  }
  const q = loaded.value.questionnaire;
  const answers: AnswerFile = {
    questionnaire: questionnaireRef(loaded.value.file, file),
    questionnaireVersion: q.version,
    questionnaireSha256: loaded.value.sha256,
    profile: await askProfile(start, options.profile),
    status: "draft",
    respondent,
    answers: {},
    questionDigests: questionDigests(q),
  };
  return { file, display: displayPath(file, io.cwd), questionnaire: loaded.value, answers };
}

async function resumeSession(
  file: string,
  options: FillOptions,
  io: CommandIO,
  ctx: Omit<StartContext, "questionnaire">,
): Promise<FillSession | ExitCode> {
  const t = messages[options.lang];
  const display = displayPath(file, io.cwd);
  const loaded = await loadAnswerFile(file);
  if (!loaded.ok) {
    printDiagnostics(io, loaded.diagnostics, file, display, options.lang);
    return ExitCode.Failed;
  }
  const found = await questionnaireForAnswers(
    loaded.value,
    new QuestionnaireCache(QuestionnaireStore.forRun(io.env, options)),
  );
  const problems = found.diagnostics.filter((d) => !d.path.includes("questionnaireSha256"));
  if (!found.questionnaire || hasErrors(problems)) {
    printDiagnostics(io, problems, file, display, options.lang);
    return ExitCode.Failed;
  }
  const questionnaire = found.questionnaire;
  if (options.questionnaire !== undefined) {
    const asked = resolveQuestionnaire(options.questionnaire, io.cwd);
    if ("file" in asked && resolve(asked.file) !== resolve(questionnaire.file)) {
      throw new UsageError(
        `${display} was started with questionnaire "${loaded.value.answers.questionnaire}", not "${options.questionnaire}"`,
        "leave out the questionnaire argument to continue the file, or give another --out",
      ).coded("fill.questionnaire-mismatch", {
        file: display,
        recorded: loaded.value.answers.questionnaire,
        given: options.questionnaire,
      });
    }
  }
  checkProfile(questionnaire, options.profile);
  const originalText = await readFile(file, "utf8");
  const start: StartContext = { ...ctx, questionnaire: questionnaire.questionnaire };
  const reconciled = await reconcile(start, loaded.value.answers, {
    sha256: questionnaire.sha256,
    ref: loaded.value.answers.questionnaire,
    display,
  });
  if (!reconciled) {
    ctx.write(`${loaded.value.answers.status === "final" ? t.notReopened(display) : t.stoppedUnchanged(display)}\n`);
    return ExitCode.Ok;
  }
  // Still final unless the questionnaire change or the flags changed what it is scored on.
  const answers = settleStatus(loaded.value.answers, await applyFlags(start, reconciled, options));

  // Answers the scorer rejects stay in the file until they are answered again.
  const invalid = (scoreAnswers(questionnaire.questionnaire, answers).issues ?? []).filter(
    (i) =>
      i.severity === "error" &&
      i.path[0] === "answers" &&
      typeof i.path[1] === "string" &&
      i.path[1] in loaded.value.answers.answers,
  );
  if (invalid.length > 0) {
    io.stderr.write(`${t.invalidAnswers(invalid.length)}\n`);
    printDiagnostics(
      io,
      invalid.map((i) => locateIssue(loaded.value.source, i)),
      file,
      display,
      options.lang,
    );
  }
  return { file, display, questionnaire, answers, originalText, opened: loaded.value.answers };
}

/** Region, year and profile given on the command line win over the file's, with a notice. */
async function applyFlags(ctx: StartContext, answers: AnswerFile, options: FillOptions): Promise<AnswerFile> {
  const t = messages[ctx.lang];
  const notice = (what: string, from: unknown, to: unknown) =>
    ctx.write(`${t.respondentChanged(what, escapeText(String(from)), escapeText(String(to)))}\n`);
  const respondent = { ...answers.respondent };
  if (options.region !== undefined && options.region !== respondent.region) {
    if (respondent.region !== undefined) notice(t.fieldNames.region, respondent.region, options.region);
    respondent.region = options.region;
  }
  if (options.year !== undefined && options.year !== respondent.year) {
    if (respondent.year !== undefined) notice(t.fieldNames.year, respondent.year, options.year);
    respondent.year = options.year;
  }
  let profile = answers.profile;
  if (options.profile !== undefined && options.profile !== profile) {
    if (profile !== undefined) notice(t.fieldNames.profile, profile, options.profile);
    profile = options.profile;
  } else if (profile !== undefined && !ctx.questionnaire.profiles.some((p) => p.id === profile)) {
    ctx.write(`${t.unknownProfileInFile(escapeText(profile))}\n`);
    profile = await askProfile(ctx, undefined);
  }
  return {
    ...answers,
    ...(Object.keys(respondent).length ? { respondent } : {}),
    ...(profile !== undefined ? { profile } : {}),
  };
}
