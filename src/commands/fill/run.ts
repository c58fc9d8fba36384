import { z } from "zod";
import { currentUser, type CommandIO } from "../../command-io.js";
import { AuditLog } from "../../io/audit-log.js";
import { CancelledError, ExitCode, UsageError } from "../../errors.js";
import { scoreAnswers } from "../../engine/score.js";
import { AnswerStore } from "../../io/answer-store.js";
import { evaluateAnswerFile } from "../../io/evaluate-answers.js";
import { messages } from "./messages.js";
import type { Prompter } from "../../prompt/prompter.js";
import { progressOf, walkItems } from "../../walk/walk-state.js";
import { walkQuestionnaire } from "../../walk/walk.js";
import { formatDiagnostics } from "../../text/diagnostics.js";
import { renderScoreReport } from "../../text/score-report.js";
import { fillChoices } from "./options.js";
import type { Lang } from "../../model/common.js";
import { resolveLang } from "../../text/language.js";
import { displayPath, openSession, type FillSession } from "./open.js";
import { openPrompter } from "../../prompt/terminal.js";

export const fillOptionsSchema = z.object({
  /** Absent: the file's own questionnaire when resuming, smart-city-2023 for a new file. */
  questionnaire: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  profile: z.string().min(1).optional(),
  lang: z.enum(fillChoices.lang.choices).default(fillChoices.lang.default),
  /** false (--no-evidence): no evidence and note prompts after each answer; the review still asks them. */
  evidence: z.boolean().default(true),
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z.boolean().default(true),
  region: z.string().trim().min(1, "expected the name of a region").optional(),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "expected a year such as 2024")
    .transform(Number)
    .optional(),
  /** Who the audit trail names for the changes; the system user otherwise. */
  as: z.string().trim().min(1, "expected a name").optional(),
});
export type FillOptions = z.infer<typeof fillOptionsSchema>;

/**
 * `kuesioner fill`: the officer's walk through the questionnaire. Needs a terminal; saves after
 * every answer; Ctrl-C saves and exits 130 with the command that resumes.
 */
export async function runFill(options: FillOptions, io: CommandIO): Promise<ExitCode> {
  const t = messages[options.lang];
  // Without a terminal the prompts would wait forever (or fail oddly): say so at once.
  if (!io.stdinIsTTY) throw new UsageError(t.noTerminal);
  const { prompter, dispose } = await openPrompter(io, options.lang);
  try {
    return await fill(options, io, prompter);
  } finally {
    dispose();
  }
}

async function fill(options: FillOptions, io: CommandIO, prompter: Prompter): Promise<ExitCode> {
  const { lang } = options;
  const t = messages[lang];
  const width = Math.max(40, Math.min(io.stdout.columns ?? 80, 120));
  const write = (text: string) => void io.stdout.write(text);
  const base = { lang, color: io.color, width, prompter, write };

  const opened = await openSession(options, io, base);
  if (typeof opened === "number") return opened;
  const session: FillSession = opened;
  const questionnaire = session.questionnaire.questionnaire;
  const profile = session.answers.profile ?? questionnaire.defaultProfile;
  const items = walkItems(questionnaire, profile);
  const audit = new AuditLog(session.file, {
    by: currentUser(io, options.as),
    command: "fill",
    now: io.now ?? (() => new Date()),
  });
  await audit.reconcile(session.opened);
  const store = new AnswerStore(session.file, {
    audit,
    ...(session.opened ? { opened: session.opened } : {}),
    questionOrder: questionnaire.elements.flatMap((e) => e.questions.map((q) => q.id)),
    ...(session.originalText !== undefined ? { originalText: session.originalText } : {}),
    onBackup: (backup) => write(`${t.backupMade(session.display, displayPath(backup, io.cwd))}\n`),
    display: session.display,
  });
  await store.save(session.answers);
  if (session.originalText === undefined) write(`${t.savingTo(session.display)}\n`);
  else {
    const progress = progressOf(questionnaire, items, session.answers);
    write(`${t.resuming(session.display, progress.answered, progress.total)}\n`);
  }
  write(`${t.howToStop}\n`);

  const resume = `${t.saved(session.display)}\n${t.resumeWith(resumeCommand(session.display, lang, io.env))}`;
  let end: Awaited<ReturnType<typeof walkQuestionnaire>>;
  try {
    end = await walkQuestionnaire(
      {
        ...base,
        questionnaire,
        profile,
        details: options.evidence,
        screen: { lang, color: io.color, width },
        save: async (answers) => void (await store.save(answers)),
      },
      session.answers,
    );
  } catch (error) {
    if (error instanceof CancelledError) {
      write("\n");
      throw new CancelledError(resume);
    }
    throw error;
  }
  if (end.kind === "quit") {
    write(`\n${resume}\n`);
    return ExitCode.Ok;
  }
  write(await finalReport(session, end.answers, { lang, color: io.color, width }, io));
  write(`\n${t.savedFinal(session.display, resumeCommand(session.display, lang, io.env))}\n`);
  return ExitCode.Ok;
}

/**
 * The report `score` prints for the saved file: read back from disk, so what the officer sees
 * is what an analyst will get. Falls back to the answers in memory if the file has errors left.
 */
async function finalReport(
  session: FillSession,
  answers: FillSession["answers"],
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

/**
 * The command that continues the file, quoted for a shell when the path needs it; with --lang
 * when the language would otherwise come out differently (see resolveLang).
 */
export function resumeCommand(display: string, lang: Lang, env: Readonly<Record<string, string | undefined>>): string {
  const path = /^[\w./:@%+=,-]+$/.test(display) ? display : `'${display.replace(/'/g, `'\\''`)}'`;
  return `kuesioner fill --out ${path}${lang !== resolveLang(undefined, env) ? ` --lang ${lang}` : ""}`;
}
