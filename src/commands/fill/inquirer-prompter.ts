import { confirm, input, select, Separator } from "@inquirer/prompts";
import { CancelledError } from "../../errors.js";
import type { Lang } from "../../model/common.js";
import { promptTheme } from "./theme.js";
import { messages } from "./messages.js";
import { isSeparator, type Prompter } from "../../prompt/prompter.js";

export interface InquirerPrompterOptions {
  lang: Lang;
  color: boolean;
  /** Aborting it (SIGTERM, SIGHUP) ends the prompt on screen with a CancelledError. */
  signal?: AbortSignal;
  /** For tests; the process's stdin and stdout otherwise. */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** Ctrl-C (ExitPromptError) and an aborted signal (AbortPromptError) both mean: stop, saved. */
const isCancellation = (error: unknown) =>
  error instanceof Error &&
  (error.name === "ExitPromptError" || error.name === "AbortPromptError" || error.name === "CancelPromptError");

/** The Prompter for a real terminal, on @inquirer/prompts: the only module that imports it. */
export function createInquirerPrompter(options: InquirerPrompterOptions): Prompter {
  const t = messages[options.lang];
  const theme = promptTheme(options);
  const context = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.input ? { input: options.input } : {}),
    ...(options.output ? { output: options.output } : {}),
  };
  const run = async <T>(prompt: () => Promise<T>): Promise<T> => {
    try {
      return await prompt();
    } catch (error) {
      if (isCancellation(error)) throw new CancelledError();
      throw error;
    }
  };
  return {
    select: (request) =>
      run(() =>
        select(
          {
            message: request.message,
            choices: request.choices.map((c) =>
              isSeparator(c) ? new Separator(c.separator === "" ? " " : c.separator) : c,
            ),
            ...(request.default !== undefined ? { default: request.default } : {}),
            ...(request.pageSize !== undefined ? { pageSize: request.pageSize } : {}),
            loop: false,
            theme,
          },
          context,
        ),
      ),
    input: (request) =>
      run(() =>
        input(
          {
            message: request.message,
            ...(request.default !== undefined ? { default: request.default } : {}),
            prefill: request.prefill ? "editable" : "tab",
            ...(request.validate ? { validate: request.validate } : {}),
            theme,
          },
          context,
        ),
      ),
    confirm: (request) =>
      run(() =>
        confirm(
          {
            message: request.message,
            default: request.default,
            theme: { ...theme, keywords: { yes: t.yes, no: t.no, error: () => `${t.yes} / ${t.no}` } },
          },
          context,
        ),
      ),
  };
}
