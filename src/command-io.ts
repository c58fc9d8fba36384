import { isAbsolute } from "node:path";
import type { Prompter } from "./prompt/prompter.js";

/** What a command may touch, so tests inject buffers instead of mocking modules. */
export interface OutputStream {
  write(chunk: string): unknown;
  /** A stream's "drain" event, after write returned false (its buffer is full). */
  once?(event: "drain", listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Writes `text`, and waits while the stream's buffer is full, so a long output is never all held at once. */
export async function writeOut(stream: OutputStream, text: string): Promise<void> {
  if (stream.write(text) === false && stream.once) await new Promise<void>((resolve) => stream.once!("drain", resolve));
}

/** Characters gathered into one write by inChunks. */
const WRITE_CHUNK = 1 << 16;

/**
 * An output given a line (or any small part) at a time, joined into parts of about 64 K
 * characters: few enough writes (each awaited, for the stream's buffer or the file) that a
 * ranking of 100,000 lines costs no more to write than one string, small enough that it is never
 * held whole.
 */
export function* inChunks(parts: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const part of parts) {
    pending.push(part);
    length += part.length;
    if (length >= WRITE_CHUNK) {
      yield pending.join("");
      pending = [];
      length = 0;
    }
  }
  if (length > 0) yield pending.join("");
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
  /** The system user, for the audit trail when no --as is given (main.ts asks the OS). */
  user?: string;
  /** The clock of the audit trail; tests fix it. */
  now?: () => Date;
  /** Prompts for `fill`; tests inject a scripted one, otherwise fill uses the terminal (inquirer). */
  createPrompter?: (options: { lang: "id" | "en"; color: boolean }) => Promise<Prompter>;
}

/**
 * The folder the user typed the command in. `npm start` runs kuesioner in the package root, not
 * where the officer stood; npm tells that folder in INIT_CWD. Only for npm running this very
 * package's `start` script: in any other script (a user's own, or `npm test` spawning the binary
 * in a temporary folder) the process's own folder is the one meant.
 */
export function invocationFolder(
  env: Readonly<Record<string, string | undefined>>,
  processCwd: string,
  ownPackageJson: string,
): string {
  const init = env.INIT_CWD;
  const fromOwnStart =
    env.npm_lifecycle_event === "start" &&
    env.npm_package_json !== undefined &&
    env.npm_package_json === ownPackageJson;
  return fromOwnStart && init !== undefined && isAbsolute(init) ? init : processCwd;
}

/** Colour follows the usual conventions: FORCE_COLOR wins, then NO_COLOR, then whether it is a terminal. */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, stream: OutputStream): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/** Who the audit trail names: --as, else the system user, else the usual variables, else "unknown". */
export function currentUser(io: Pick<CommandIO, "user" | "env">, as?: string): string {
  const candidates = [as, io.user, io.env.USER, io.env.LOGNAME, io.env.USERNAME];
  return candidates.map((c) => c?.trim()).find((c) => c) ?? "unknown";
}

/**
 * The columns a table written to standard output may take. COLUMNS, when the user sets it
 * (`COLUMNS=100 kuesioner score …`), wins, as for ls; else the terminal's width; else, for a
 * file or a pipe, no limit: whole names and every column, for grep, less -S and spreadsheets.
 */
export function outputColumns(io: Pick<CommandIO, "stdout" | "env">): number | undefined {
  const set = io.env.COLUMNS?.trim();
  if (set && /^\d+$/.test(set) && Number(set) > 0) return Number(set);
  return io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : undefined;
}
