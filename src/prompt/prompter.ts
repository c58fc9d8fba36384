/**
 * The only way the walk talks to the officer. The inquirer adapter implements it for a real
 * terminal; tests implement it with a script. Validation is a pure function on the request, so
 * a scripted prompter runs exactly the checks the terminal would.
 */

/** Returns true when the text is acceptable, or the message to show under the prompt. */
export type Validate = (text: string) => true | string;

export interface Choice<V> {
  value: V;
  /** What the list shows. */
  name: string;
  /** Shown under the list while the choice is highlighted. */
  description?: string;
  /** Shown after the prompt once chosen (defaults to name). */
  short?: string;
  /** Typing it moves to this choice (a level's number, a command's sign); rows are never counted. */
  key?: string;
}

/** A non-selectable line between choices. */
export interface Separator {
  separator: string;
}

export const separator = (text = ""): Separator => ({ separator: text });
export const isSeparator = (item: unknown): item is Separator =>
  typeof item === "object" && item !== null && "separator" in item;

export interface SelectRequest<V> {
  message: string;
  choices: readonly (Choice<V> | Separator)[];
  /** The value highlighted at first. */
  default?: V;
  /** How many lines of the list are visible at once. */
  pageSize?: number;
}

export interface InputRequest {
  message: string;
  /** Returned when the officer presses Enter on an empty line. */
  default?: string;
  /** Put the default on the line for editing instead of showing it greyed out. */
  prefill?: boolean;
  /** Applied to the submitted text (after the default is substituted). */
  validate?: Validate;
}

export interface ConfirmRequest {
  message: string;
  default: boolean;
}

/**
 * Every method throws `CancelledError` when the officer presses Ctrl-C or the terminal goes
 * away; nothing else is thrown for ordinary use.
 */
export interface Prompter {
  select<V>(request: SelectRequest<V>): Promise<V>;
  input(request: InputRequest): Promise<string>;
  confirm(request: ConfirmRequest): Promise<boolean>;
}
