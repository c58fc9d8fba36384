import { basename, dirname, join } from "node:path";
import * as z from "zod/mini";
import type { CommandIO } from "../../command-io.js";
import { ExitCode, UsageError } from "../../errors.js";
import { openPrompter } from "../../prompt/terminal.js";
import { personNameSchema } from "../../option-schemas.js";
import type { Prompter } from "../../prompt/prompter.js";
import { displayPath } from "../../text/diagnostics.js";
import { resolveLang } from "../../text/language.js";
import { shellWord } from "../../text/shell.js";
import { finalReport } from "../../walk/final-report.js";
import { walkWith, type WalkContext } from "../../walk/walk.js";
import { openWalkStore, walkUntilDone } from "../../walk/session.js";
import { progressOf, walkItems } from "../../walk/walk-state.js";
import { assessorView } from "./assessor-file.js";
import { messages, walkWords } from "./messages.js";
import { openVerifySession, type VerifySession } from "./open.js";
import { verifyChoices } from "./options.js";
import { scoreStep } from "./score-step.js";

export const verifyOptionsSchema = z.object({
  answers: z.string().check(z.minLength(1, "option.answer-file")),
  assessor: personNameSchema("option.assessor"),
  /** Absent: beside the answers, named after them and the assessor (defaultAssessorFile). */
  out: z.optional(z.string().check(z.minLength(1, "option.file-name"))),
  lang: z._default(z.enum(verifyChoices.lang.choices), verifyChoices.lang.default),
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z._default(z.boolean(), true),
  /** Who the audit trail names for the changes; the assessor otherwise. */
  as: z.optional(personNameSchema("option.name")),
});
export type VerifyOptions = z.infer<typeof verifyOptionsSchema>;

/**
 * `kuesioner verify ANSWERS --assessor NAME`: an assessor's walk through the region's answers,
 * scoring each question in their own file. Needs a terminal; saves after every score; Ctrl-C
 * saves and exits 130 with the command that resumes.
 */
export async function runVerify(options: VerifyOptions, io: CommandIO): Promise<ExitCode> {
  if (!io.stdinIsTTY) throw new UsageError(messages[options.lang].noTerminal);
  const { prompter, dispose } = await openPrompter(io, options.lang);
  try {
    return await verify(options, io, prompter);
  } finally {
    dispose();
  }
}

async function verify(options: VerifyOptions, io: CommandIO, prompter: Prompter): Promise<ExitCode> {
  const { lang, assessor } = options;
  const t = messages[lang];
  const width = Math.max(40, Math.min(io.stdout.columns ?? 80, 120));
  const write = (text: string) => void io.stdout.write(text);
  const opened = await openVerifySession(options, io, { prompter, write });
  if (typeof opened === "number") return opened;
  const session: VerifySession = opened;
  const questionnaire = session.questionnaire.questionnaire;
  const profile = session.answers.profile ?? questionnaire.defaultProfile;
  const items = walkItems(questionnaire, profile);
  // The name as the file first recorded it, however it is typed when resuming.
  const name = session.answers.assessor ?? assessor;
  const store = await openWalkStore(session, questionnaire, io, {
    as: options.as ?? assessor,
    command: "verify",
    onBackup: (backup) => write(`${t.backupMade(session.display, displayPath(io.cwd)(backup))}\n`),
  });
  await store.save(session.answers);
  if (session.originalText === undefined) write(`${t.savingTo(assessor, session.display)}\n`);
  else {
    const progress = progressOf(questionnaire, items, assessorView(session.answers, name));
    write(`${t.resuming(session.display, progress.answered, progress.total)}\n`);
  }
  write(`${t.howToStop}\n`);

  const again = resumeCommand(session, options, io.env);
  const resume = `${t.saved(session.display)}\n${t.resumeWith(again)}`;
  const words = walkWords[lang];
  const ctx: WalkContext = {
    questionnaire,
    profile,
    lang,
    prompter,
    width,
    words,
    write,
    screen: { lang, color: io.color, width, words },
    save: async (answers) => void (await store.save(answers)),
  };
  const finished = await walkUntilDone(() => walkWith(ctx, session.answers, scoreStep(ctx, name)), resume, write);
  if (!finished) return ExitCode.Ok;
  write(await finalReport(session, finished, { lang, color: io.color, width }, io));
  write(`\n${t.savedFinal(session.display, again)}\n`);
  write(`${t.mergeNext(mergeCommand(session))}\n`);
  return ExitCode.Ok;
}

/** The command that continues the assessor's file; --out only when it is not the default name. */
function resumeCommand(
  session: Pick<VerifySession, "selfDisplay" | "display" | "defaultName">,
  options: Pick<VerifyOptions, "assessor" | "lang">,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const out = session.defaultName ? "" : ` --out ${shellWord(session.display)}`;
  const lang = options.lang !== resolveLang(undefined, env) ? ` --lang ${options.lang}` : "";
  return `kuesioner verify ${shellWord(session.selfDisplay)} --assessor ${shellWord(options.assessor)}${out}${lang}`;
}

/** What the secretariat runs once every assessor's file is final: jawaban-x.yaml → panel-x.yaml beside it. */
function mergeCommand(session: Pick<VerifySession, "selfDisplay" | "display">): string {
  const panel = join(
    dirname(session.selfDisplay),
    `panel-${basename(session.selfDisplay)
      .replace(/\.ya?ml$/i, "")
      .replace(/^jawaban-/, "")}.yaml`,
  );
  return `kuesioner merge ${shellWord(session.selfDisplay)} ${shellWord(session.display)} … --out ${shellWord(panel)}`;
}
