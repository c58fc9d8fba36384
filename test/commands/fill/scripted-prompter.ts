import type { CommandIO } from "../../../src/command-io.js";
import { CancelledError } from "../../../src/errors.js";
import {
  isSeparator,
  type Choice,
  type ConfirmRequest,
  type InputRequest,
  type Prompter,
  type SelectRequest,
} from "../../../src/prompt/prompter.js";

/**
 * A Prompter that plays a script, checking each prompt the walk shows against it:
 * - select: picks the choice whose value equals the step, else the one whose name contains it
 *   (exactly one must match);
 * - input: substitutes the default for an empty line and runs the real validate function; a
 *   step with `rejected` expects the text to be refused (the walk then asks again);
 * - confirm: answers yes or no;
 * - cancel: throws CancelledError at that prompt, as Ctrl-C does.
 * An unexpected kind of prompt, or a step the walk never reaches, fails the test.
 */
export type Step =
  | { select: string | number | boolean; message?: RegExp; expectDefault?: unknown }
  | { input: string; message?: RegExp; expectDefault?: string; rejected?: RegExp }
  | { confirm: boolean; message?: RegExp }
  | { cancel: true };

export const select = (
  pick: string | number | boolean,
  more: Omit<Extract<Step, { select: unknown }>, "select"> = {},
): Step => ({ select: pick, ...more });
export const input = (text: string, more: Omit<Extract<Step, { input: unknown }>, "input"> = {}): Step => ({
  input: text,
  ...more,
});
export const confirm = (answer: boolean, message?: RegExp): Step => ({
  confirm: answer,
  ...(message ? { message } : {}),
});
export const cancel = (): Step => ({ cancel: true });

export interface Exchange {
  kind: "select" | "input" | "confirm";
  message: string;
  answer: unknown;
  default?: unknown;
  choices?: string[];
}

export class ScriptedPrompter implements Prompter {
  readonly transcript: Exchange[] = [];
  private readonly steps: Step[];

  constructor(steps: readonly Step[]) {
    this.steps = [...steps];
  }

  private next(kind: Exchange["kind"], message: string): Step {
    const step = this.steps.shift();
    const where = `${kind} prompt "${message}" (after ${this.transcript.length} answered prompts)`;
    if (!step) throw new Error(`script ran out at ${where}`);
    if ("cancel" in step) throw new CancelledError();
    if (!(kind in step)) throw new Error(`script expected ${Object.keys(step)[0]} but the walk showed a ${where}`);
    if (step.message && !step.message.test(message))
      throw new Error(`script expected a prompt matching ${step.message} but got ${where}`);
    return step;
  }

  async select<V>(request: SelectRequest<V>): Promise<V> {
    const step = this.next("select", request.message) as Extract<Step, { select: unknown }>;
    const choices = request.choices.filter((c): c is Choice<V> => !isSeparator(c));
    if ("expectDefault" in step && request.default !== step.expectDefault) {
      throw new Error(
        `select "${request.message}": expected default ${String(step.expectDefault)}, got ${String(request.default)}`,
      );
    }
    let chosen = choices.filter((c) => c.value === step.select);
    if (chosen.length === 0)
      chosen = choices.filter((c) => typeof step.select === "string" && c.name.includes(step.select));
    if (chosen.length !== 1) {
      throw new Error(
        `select "${request.message}": ${chosen.length} choices match ${String(step.select)}; choices: ${choices.map((c) => `${String(c.value)} (${c.name})`).join(" | ")}`,
      );
    }
    const value = chosen[0]!.value;
    this.transcript.push({
      kind: "select",
      message: request.message,
      answer: value,
      default: request.default,
      choices: choices.map((c) => c.name),
    });
    return value;
  }

  async input(request: InputRequest): Promise<string> {
    for (;;) {
      const step = this.next("input", request.message) as Extract<Step, { input: unknown }>;
      if ("expectDefault" in step && request.default !== step.expectDefault) {
        throw new Error(
          `input "${request.message}": expected default ${String(step.expectDefault)}, got ${String(request.default)}`,
        );
      }
      const text = step.input === "" && request.default !== undefined ? request.default : step.input;
      const verdict = request.validate ? request.validate(text) : true;
      if (step.rejected) {
        if (verdict === true)
          throw new Error(`input "${request.message}": expected "${text}" to be rejected, but it was accepted`);
        if (!step.rejected.test(verdict))
          throw new Error(
            `input "${request.message}": rejected "${text}" with "${verdict}", expected ${step.rejected}`,
          );
        this.transcript.push({ kind: "input", message: request.message, answer: { rejected: text, because: verdict } });
        continue;
      }
      if (verdict !== true) throw new Error(`input "${request.message}": "${text}" was rejected: ${verdict}`);
      this.transcript.push({ kind: "input", message: request.message, answer: text, default: request.default });
      return text;
    }
  }

  async confirm(request: ConfirmRequest): Promise<boolean> {
    const step = this.next("confirm", request.message) as Extract<Step, { confirm: unknown }>;
    this.transcript.push({ kind: "confirm", message: request.message, answer: step.confirm, default: request.default });
    return step.confirm;
  }

  /** Steps the walk never reached. */
  get remaining(): number {
    return this.steps.length;
  }
}

/** A CommandIO for `fill` in `cwd` that answers through `prompter` and collects what is written. */
export function scriptedIO(
  cwd: string,
  prompter: Prompter,
  options: { tty?: boolean } = {},
): { io: CommandIO; stdout: () => string; stderr: () => string } {
  let stdout = "";
  let stderr = "";
  const io: CommandIO = {
    stdout: { write: (s: string) => (stdout += s), columns: 100 },
    stderr: { write: (s: string) => (stderr += s) },
    stdinIsTTY: options.tty ?? true,
    cwd,
    env: {},
    color: false,
    createPrompter: async () => prompter,
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}
