import type { Prompter } from "./prompt/prompter.js";

/** What a command may touch, so tests inject buffers instead of mocking modules. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CommandIO {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Whether standard input is a terminal: `fill` needs one. */
  stdinIsTTY: boolean;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Colour on stdout/stderr: off for NO_COLOR, non-TTY output and tests. */
  color: boolean;
  /** Prompts for `fill`; tests inject a scripted one, otherwise fill uses the terminal (inquirer). */
  createPrompter?: (options: { lang: "id" | "en"; color: boolean }) => Promise<Prompter>;
}

/** Colour follows the usual conventions: FORCE_COLOR wins, then NO_COLOR, then whether it is a terminal. */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, stream: OutputStream): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}
