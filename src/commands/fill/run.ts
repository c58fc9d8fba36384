import * as z from "zod/mini";
import type { CommandIO } from "../../command-io.js";
import { type ExitCode, UsageError } from "../../errors.js";
import { messages } from "./messages.js";
import type { Prompter } from "../../prompt/prompter.js";
import { fillChoices } from "./options.js";
import { personNameSchema } from "../../option-schemas.js";
import { openSession } from "./open.js";
import { openPrompter } from "../../prompt/terminal.js";

export const fillOptionsSchema = z.object({
  /** Absent: the file's own questionnaire when resuming, smart-city-2023 for a new file. */
  questionnaire: z.optional(z.string().check(z.minLength(1, "option.questionnaire"))),
  out: z.optional(z.string().check(z.minLength(1, "option.file-name"))),
  profile: z.optional(z.string().check(z.minLength(1, "option.profile-id"))),
  lang: z._default(z.enum(fillChoices.lang.choices), fillChoices.lang.default),
  /** false (--no-evidence): no evidence and note prompts after each answer; the review still asks them. */
  evidence: z._default(z.boolean(), true),
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z._default(z.boolean(), true),
  region: z.optional(z.string().check(z.trim(), z.minLength(1, "option.region"))),
  year: z.optional(z.pipe(z.string().check(z.trim(), z.regex(/^\d{4}$/, "option.year")), z.transform(Number))),
  /** Who the audit trail names for the changes; the system user otherwise. */
  as: z.optional(personNameSchema("option.name")),
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
  const width = Math.max(40, Math.min(io.stdout.columns ?? 80, 120));
  const write = (text: string) => void io.stdout.write(text);
  const base = { lang, color: io.color, width, prompter, write };

  const opened = await openSession(options, io, base);
  if (typeof opened === "number") return opened;
  // The walk, its store and the final report load once the opening questions are answered: the
  // first question shows without them (npm run bench: fill to its first question).
  const { walkSession } = await import("./walk-session.js");
  return walkSession(opened, options, io, base);
}
