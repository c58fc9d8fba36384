import fc from "fast-check";
import { CancelledError } from "../../src/errors.js";
import {
  isSeparator,
  type Choice,
  type ConfirmRequest,
  type InputRequest,
  type Prompter,
  type SelectRequest,
} from "../../src/prompt/prompter.js";

/**
 * What the fuzzed officer does at each prompt, drawn by fast-check: pick a choice (by index,
 * the default, or quit), type the default, `q`, `<` or some text, answer yes or no, or press
 * Ctrl-C. When the moves run out, or after many prompts, the officer presses Ctrl-C.
 */
export type Move =
  | { kind: "pick"; index: number }
  | { kind: "default" }
  | { kind: "quit" }
  | { kind: "type"; text: string }
  | { kind: "yes" }
  | { kind: "no" }
  | { kind: "cancel" };

export const move: fc.Arbitrary<Move> = fc.oneof(
  fc.record({ kind: fc.constant("pick" as const), index: fc.nat() }),
  fc.constant({ kind: "default" as const }),
  fc.constant({ kind: "quit" as const }),
  fc.record({
    kind: fc.constant("type" as const),
    text: fc.oneof(
      fc.constantFrom("q", "<", ">", "?", "-", "3", "7", "1,5", "0:1 1:4", "", "Kota \u001b[2J", "\u202eX"),
      fc.string({ maxLength: 12, unit: "binary" }),
    ),
  }),
  fc.constant({ kind: "yes" as const }),
  fc.constant({ kind: "no" as const }),
  fc.constant({ kind: "cancel" as const }),
);

/** Texts a prompt puts on the screen: its message, and each choice's name, description and short form. */
export interface Shown {
  prompt: string;
  text: string;
}

/**
 * A Prompter that plays the moves whatever the prompts are (a move that does not fit the prompt
 * falls back to the default, or to Ctrl-C), and keeps every text the prompts would show, which
 * the fuzzer checks for raw control characters: in a terminal inquirer prints them as they are.
 */
export class AutoPrompter implements Prompter {
  readonly shown: Shown[] = [];
  private prompts = 0;

  constructor(
    private readonly moves: readonly Move[],
    private readonly maxPrompts = 40,
  ) {}

  private next(kind: string, message: string): Move {
    this.shown.push({ prompt: kind, text: message });
    const m = this.moves[this.prompts++];
    if (m === undefined || m.kind === "cancel" || this.prompts > this.maxPrompts) throw new CancelledError();
    return m;
  }

  async select<V>(request: SelectRequest<V>): Promise<V> {
    const m = this.next("select", request.message);
    const choices = request.choices.filter((c): c is Choice<V> => !isSeparator(c));
    for (const c of request.choices) {
      if (isSeparator(c)) this.shown.push({ prompt: "separator", text: c.separator });
      else for (const text of [c.name, c.description, c.short]) if (text) this.shown.push({ prompt: "choice", text });
    }
    if (choices.length === 0) throw new CancelledError();
    const quit = choices.find((c) => c.value === "cmd:quit");
    const byDefault = choices.find((c) => c.value === request.default) ?? choices[0]!;
    if (m.kind === "pick") return choices[m.index % choices.length]!.value;
    if (m.kind === "quit" && quit) return quit.value;
    return byDefault.value;
  }

  async input(request: InputRequest): Promise<string> {
    const m = this.next("input", request.message);
    // The default is the file's text as it is (evidence, a note): the terminal prompter shows it
    // escaped and gives it back unchanged (test/commands/fill/inquirer-prompter.test.ts).
    const candidates = [
      m.kind === "type" ? m.text : m.kind === "quit" ? "q" : (request.default ?? ""),
      request.default ?? "",
      "q",
    ];
    for (const text of candidates) {
      const verdict = request.validate ? request.validate(text) : true;
      if (verdict === true) return text;
      // A refusal quotes what was typed, which a terminal's line editor keeps free of control
      // characters (and the terminal prompter escapes all the same).
    }
    throw new CancelledError();
  }

  async confirm(request: ConfirmRequest): Promise<boolean> {
    const m = this.next("confirm", request.message);
    return m.kind === "yes" ? true : m.kind === "no" ? false : request.default;
  }
}
