import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { rawControlCharacter } from "./fuzz-harness.js";

/**
 * The checks of the input fuzzer (test/fuzz/inputs.test.ts) on one command's output: exit code,
 * raw characters, every line of standard error ours, and every position a diagnostic names
 * inside the file it names, as it was given (`originals`, for commands that rewrite a file after
 * reporting on it) or as the command left it.
 */
export interface Output {
  code: number;
  stdout: string;
  stderr: string;
}

/** `1` → 1, `G` → 7, `AA` → 27: a spreadsheet's column letters. */
const columnNumber = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

function lines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split("\n");
}

/**
 * The texts a diagnostic's position may point into: the file as it was given (`originals`) and as
 * it is after the command. A command that writes a file it names can report on either: fill on
 * the answers it read before saving them again, verify on the copy of the region's answers in the
 * assessor's file it has just written.
 */
function textsOf(file: string, originals: ReadonlyMap<string, Buffer>): string[][] {
  const texts: string[] = [];
  const given = originals.get(file);
  if (given) texts.push(given.toString("utf8"));
  try {
    if (statSync(file).isFile()) texts.push(readFileSync(file, "utf8"));
  } catch {
    // Removed or never written: only the given text, if any.
  }
  return texts.map(lines);
}

/**
 * A sheet's bounds, as far as the bytes tell: rows at most the number of line breaks plus one,
 * columns at most the number of separators plus one (CSV); for XLSX the bounds of the rows the
 * fuzzer wrote.
 */
export type SheetBounds = ReadonlyMap<string, { rows: number; columns: number }>;

export function csvBounds(bytes: Buffer): { rows: number; columns: number } {
  const text = bytes.toString("latin1");
  const breaks = (text.match(/\r\n|\r|\n/g) ?? []).length;
  const separators = (text.match(/[,;\t|]/g) ?? []).length;
  // UTF-16 text has a NUL byte per character, and a line break per line all the same.
  return { rows: breaks + 1, columns: separators + 1 };
}

/** What is wrong with one line of standard error that looks like a diagnostic, or undefined. */
function checkDiagnosticLine(
  line: string,
  cwd: string,
  originals: ReadonlyMap<string, Buffer>,
  sheets: SheetBounds,
  /** The texts of the files named so far, by file. */
  seen: Map<string, string[][]>,
): string | undefined {
  // file:line:col (a YAML or JSON file), file:row:COLUMN (a sheet), file:line (a JSON line), or file alone.
  const m = /^(.+?)(?::(\d+)(?::(\d+|[A-Z]+))?)?: (error|warning|note|kesalahan|peringatan|catatan): /.exec(line);
  if (!m) return `line not ours: ${JSON.stringify(line)}`;
  const [, name, row, col] = m as unknown as [string, string, string | undefined, string | undefined];
  const plain = name.replace(/\[[^\]]*\]$/, "");
  const file = isAbsolute(plain) ? plain : resolve(cwd, plain);
  if (!existsSync(file) && !originals.has(file)) return `diagnostic names no existing file: ${JSON.stringify(line)}`;
  if (row === undefined) return undefined;
  const sheet = sheets.get(file);
  if (sheet) {
    if (Number(row) < 1 || Number(row) > sheet.rows) return `row ${row} outside ${plain} (${sheet.rows} rows at most)`;
    if (col !== undefined && /^[A-Z]+$/.test(col) && columnNumber(col) > sheet.columns)
      return `column ${col} outside ${plain} (${sheet.columns} columns at most)`;
    return undefined;
  }
  // Read and split once per file and command: a damaged log of 18,000 lines has a warning on each.
  let texts = seen.get(file);
  if (!texts) {
    texts = textsOf(file, originals);
    seen.set(file, texts);
  }
  if (texts.length === 0) return `a position in ${JSON.stringify(plain)}, which is not a regular file`;
  if (col !== undefined && !/^\d+$/.test(col)) return `column ${col} of a text file: ${JSON.stringify(line)}`;
  // Inside one of the file's texts; otherwise what is wrong with the first.
  const problems = texts.map((all) => positionProblem(all, Number(row), col, plain));
  return problems.includes(undefined) ? undefined : problems[0];
}

function positionProblem(all: string[], row: number, col: string | undefined, plain: string): string | undefined {
  if (row < 1 || row > all.length) return `line ${row} outside ${plain} (${all.length} lines)`;
  if (col === undefined) return undefined;
  const length = all[row - 1]!.length;
  if (Number(col) < 1 || Number(col) > length + 1)
    return `column ${col} outside line ${row} of ${plain} (${length} characters)`;
  return undefined;
}

/**
 * Problems with a command's output. `extraLines`: lines of standard error that are ours besides
 * diagnostics, hints and `kuesioner:` notes (a summary, a resume command).
 */
export function checkOutput(
  what: string,
  ran: Output,
  options: {
    cwd: string;
    codes: ReadonlySet<number>;
    json?: boolean;
    csv?: boolean;
    originals?: ReadonlyMap<string, Buffer>;
    sheets?: SheetBounds;
    extraLines?: readonly RegExp[];
  },
): string[] {
  const problems: string[] = [];
  if (!options.codes.has(ran.code))
    problems.push(`${what}: exit ${ran.code}${ran.code === 70 ? `\n${ran.stderr.slice(0, 1500)}` : ""}`);
  const rawOut = rawControlCharacter(ran.stdout, options.csv);
  if (rawOut) problems.push(`${what} stdout: ${rawOut}`);
  const rawErr = rawControlCharacter(ran.stderr);
  if (rawErr) problems.push(`${what} stderr: ${rawErr}`);
  if (options.json && ran.stdout !== "") {
    try {
      JSON.parse(ran.stdout);
    } catch (error) {
      problems.push(`${what}: not JSON (${String(error)})`);
    }
  }
  if (ran.stderr !== "" && !ran.stderr.endsWith("\n")) problems.push(`${what}: stderr does not end with a line break`);
  const seen = new Map<string, string[][]>();
  for (const line of ran.stderr.split("\n").slice(0, -1)) {
    if (line.startsWith("kuesioner: ") || line.startsWith("  ") || line === "") continue;
    if (options.extraLines?.some((r) => r.test(line))) continue;
    const problem = checkDiagnosticLine(
      line,
      options.cwd,
      options.originals ?? new Map(),
      options.sheets ?? new Map(),
      seen,
    );
    if (problem) problems.push(`${what} stderr: ${problem}`);
  }
  return problems;
}
