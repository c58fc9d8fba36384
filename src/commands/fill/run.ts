import { z } from "zod";
import type { CommandIO } from "../../command-io.js";
import { ExitCode, UsageError } from "../../errors.js";
import { messages } from "./messages.js";
import type { Prompter } from "../../prompt/prompter.js";
import { progressOf, walkItems } from "../../walk/walk-state.js";
import { walkQuestionnaire } from "../../walk/walk.js";
import { finalReport } from "../../walk/final-report.js";
import { openWalkStore, walkUntilDone } from "../../walk/session.js";
import { fillChoices } from "./options.js";
import type { Lang } from "../../model/common.js";
import { personNameSchema } from "../../option-schemas.js";
import { resolveLang } from "../../text/language.js";
import { shellWord } from "../../text/shell.js";
import { displayPath, openSession, type FillSession } from "./open.js";
import { openPrompter } from "../../prompt/terminal.js";

export const fillOptionsSchema = z.object({
  /** Absent: the file's own questionnaire when resuming, smart-city-2023 for a new file. */
  questionnaire: z.string().min(1, "option.questionnaire").optional(),
  out: z.string().min(1, "option.file-name").optional(),
  profile: z.string().min(1, "option.profile-id").optional(),
  lang: z.enum(fillChoices.lang.choices).default(fillChoices.lang.default),
  /** false (--no-evidence): no evidence and note prompts after each answer; the review still asks them. */
  evidence: z.boolean().default(true),
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z.boolean().default(true),
  region: z.string().trim().min(1, "option.region").optional(),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "option.year")
    .transform(Number)
    .optional(),
  /** Who the audit trail names for the changes; the system user otherwise. */
  as: personNameSchema("option.name").optional(),
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
  const store = await openWalkStore(session, questionnaire, io, {
    as: options.as,
    command: "fill",
    onBackup: (backup) => write(`${t.backupMade(session.display, displayPath(backup, io.cwd))}\n`),
  });
  await store.save(session.answers);
  if (session.originalText === undefined) write(`${t.savingTo(session.display)}\n`);
  else {
    const progress = progressOf(questionnaire, items, session.answers);
    write(`${t.resuming(session.display, progress.answered, progress.total)}\n`);
  }
  write(`${t.howToStop}\n`);

  const resume = `${t.saved(session.display)}\n${t.resumeWith(resumeCommand(session.display, lang, io.env))}`;
  const finished = await walkUntilDone(
    () =>
      walkQuestionnaire(
        {
          ...base,
          questionnaire,
          profile,
          details: options.evidence,
          screen: { lang, color: io.color, width },
          save: async (answers) => void (await store.save(answers)),
        },
        session.answers,
      ),
    resume,
    write,
  );
  if (!finished) return ExitCode.Ok;
  write(await finalReport(session, finished, { lang, color: io.color, width }, io));
  write(`\n${t.savedFinal(session.display, resumeCommand(session.display, lang, io.env))}\n`);
  return ExitCode.Ok;
}

/**
 * The command that continues the file, quoted for a shell when the path needs it; with --lang
 * when the language would otherwise come out differently (see resolveLang).
 */
export function resumeCommand(display: string, lang: Lang, env: Readonly<Record<string, string | undefined>>): string {
  return `kuesioner fill --out ${shellWord(display)}${lang !== resolveLang(undefined, env) ? ` --lang ${lang}` : ""}`;
}
