import { confirm, input, Separator } from "@inquirer/prompts";
import { CancelledError } from "../errors.js";
import type { Lang } from "../model/common.js";
import { promptTheme } from "./theme.js";
import { messages } from "./messages.js";
import { isSeparator, type Choice, type Prompter } from "./prompter.js";
import { escapeParagraphs, escapeText } from "../text/escape.js";
import { keySelect } from "./key-select.js";
import { TypeAhead, type KeySource } from "./type-ahead.js";

export interface InquirerPrompterOptions {
  lang: Lang;
  color: boolean;
  /** Aborting it (SIGTERM, SIGHUP) ends the prompt on screen with a CancelledError. */
  signal?: AbortSignal;
  /** Where keys come from: the terminal's stdin, handed over by terminal.ts (the one module that touches the process), or a test's stream. */
  input: NodeJS.ReadableStream;
  /** For tests; inquirer writes to the process's stdout otherwise. */
  output?: NodeJS.WritableStream;
}

/** Ctrl-C (ExitPromptError) and an aborted signal (AbortPromptError) both mean: stop, saved. */
const isCancellation = (error: unknown) =>
  error instanceof Error &&
  (error.name === "ExitPromptError" || error.name === "AbortPromptError" || error.name === "CancelPromptError");

/** A choice as the list shows it: its texts escaped (they may come from a questionnaire). */
function shownChoice<V>(choice: Choice<V>): Choice<V> {
  return {
    ...choice,
    name: escapeText(choice.name),
    ...(choice.description !== undefined ? { description: escapeParagraphs(choice.description) } : {}),
    ...(choice.short !== undefined ? { short: escapeText(choice.short) } : {}),
  };
}

export interface InquirerPrompter extends Prompter {
  /** Gives the terminal back (leaves raw mode, stops reading). */
  close(): void;
}

/** The Prompter for a real terminal, on @inquirer/prompts: the only module that imports it. */
export function createInquirerPrompter(options: InquirerPrompterOptions): InquirerPrompter {
  const t = messages[options.lang];
  const theme = promptTheme(options);
  const keys = new TypeAhead(options.input as KeySource);
  const context = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.output ? { output: options.output } : {}),
  };
  /** Runs one prompt on its own input stream, fed with the keys typed for it. */
  const run = async <T>(prompt: (ctx: typeof context & { input: NodeJS.ReadableStream }) => Promise<T>): Promise<T> => {
    const stream = keys.open();
    try {
      const answer = prompt({ ...context, input: stream });
      keys.fed();
      return await answer;
    } catch (error) {
      if (isCancellation(error)) throw new CancelledError();
      throw error;
    } finally {
      keys.close(stream);
    }
  };
  return {
    select: (request) =>
      run(
        (ctx) =>
          keySelect(
            {
              message: escapeParagraphs(request.message),
              choices: request.choices.map((c) =>
                isSeparator(c) ? new Separator(c.separator === "" ? " " : escapeText(c.separator)) : shownChoice(c),
              ),
              ...(request.default !== undefined ? { default: request.default } : {}),
              ...(request.pageSize !== undefined ? { pageSize: request.pageSize } : {}),
              theme,
            },
            ctx,
          ) as Promise<never>,
      ),
    input: async (request) => {
      const validate = request.validate;
      // A default from a file (evidence, a note) is shown escaped; submitted unchanged, it is
      // the file's text again, so a control character in it is never lost by pressing Enter.
      const shownDefault = request.default === undefined ? undefined : escapeText(request.default);
      const original = (text: string) => (text === shownDefault ? request.default! : text);
      const text = await run((ctx) =>
        input(
          {
            message: escapeParagraphs(request.message),
            ...(shownDefault !== undefined ? { default: shownDefault } : {}),
            prefill: request.prefill ? "editable" : "tab",
            ...(validate
              ? {
                  validate: (text: string) => {
                    const verdict = validate(original(text));
                    if (verdict !== true) keys.refused();
                    return verdict === true ? true : escapeParagraphs(verdict);
                  },
                }
              : {}),
            theme,
          },
          ctx,
        ),
      );
      return original(text);
    },
    confirm: (request) =>
      run((ctx) =>
        confirm(
          {
            message: escapeParagraphs(request.message),
            default: request.default,
            theme: { ...theme, keywords: { yes: t.yes, no: t.no, error: () => `${t.yes} / ${t.no}` } },
          },
          ctx,
        ),
      ),
    close: () => keys.dispose(),
  };
}
