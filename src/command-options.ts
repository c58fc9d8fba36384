import { Option } from "commander";
import type { z } from "zod/mini";
import { UsageError } from "./errors.js";
import { languages } from "./model/lang.js";
import { optionProblem, optionProblemCode } from "./text/option-messages.js";

/**
 * Commander checked the syntax; the command's zod schema checks the meaning. Failures are usage
 * errors (exit 2), coded so that main says them in the run's language: a schema's messages are
 * codes of src/text/option-messages.ts.
 *
 * Options schemas are written with zod/mini, the same checks as zod's own API in functions the
 * bundle keeps only when used: about 40 KB of zod loads to check a command's options instead of
 * 390 KB, which cost `score ONE_FILE` or `fill` half of Node's own start-up. zod's full API
 * stays for the questionnaire and answer schemas, loaded only when a file has to be checked.
 */
export function parseOptions<S extends z.ZodMiniType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  const name = first.path.length
    ? `--${String(first.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
    : "options";
  throw optionUsageError(optionProblemCode(first.message), name);
}

/** A usage error (exit 2) about `option`: one of src/text/option-messages.ts's problems, said in the run's language by main. */
export function optionUsageError(code: string, option: string): UsageError {
  return new UsageError(optionProblem(code, option, "en")).coded(code, { option });
}

/**
 * A choice declared once, in the command's options.ts (which imports neither zod nor the
 * command's code, so --help stays fast): commander shows and checks the choices, and run.ts
 * builds its zod schema from the same list and default.
 */
export interface Choice {
  readonly choices: readonly [string, ...string[]];
  readonly default?: string;
}

/**
 * The commander option of a declared choice. The language's default is the one rule of
 * src/text/language.ts (applied by the program's preAction hook), and --help says so.
 */
export function choiceOption(flags: string, description: string, choice: Choice): Option {
  const option = new Option(flags, description).choices(choice.choices);
  if (choice.choices === languages) return option.default(choice.default, "$KUESIONER_LANG, else the locale, else en");
  return choice.default === undefined ? option : option.default(choice.default);
}

/** `--no-cache`, for every command that reads questionnaires (src/io/questionnaire-store.ts). */
export function noCacheOption(): Option {
  return new Option(
    "--no-cache",
    "check every questionnaire from its YAML, without the cache of those checked before (or KUESIONER_NO_CACHE=1)",
  );
}
