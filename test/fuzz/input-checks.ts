import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { rawControlCharacter } from "./fuzz-harness.js";

/**
 * The checks of the input fuzzer (test/fuzz/inputs.test.ts) on one command's output: exit code,
 * raw characters, every line of standard error ours, and every position a diagnostic names
 * inside the file it names. The files' texts as they were given can be passed in `originals`,
 * for commands that rewrite a file after reporting on it (fill).
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

function textOf(file: string, originals: ReadonlyMap<string, Buffer>): string | undefined {
  const given = originals.get(file);
  if (given) return given.toString("utf8");
  try {
    return statSync(file).isFile() ? readFileSync(file, "utf8") : undefined;
  } catch {
    return undefined;
  }
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
  const text = textOf(file, originals);
  if (text === undefined) return `a position in ${JSON.stringify(plain)}, which is not a regular file`;
  const all = lines(text);
  if (Number(row) < 1 || Number(row) > all.length) return `line ${row} outside ${plain} (${all.length} lines)`;
  if (col === undefined) return undefined;
  if (!/^\d+$/.test(col)) return `column ${col} of a text file: ${JSON.stringify(line)}`;
  const length = all[Number(row) - 1]!.length;
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
  for (const line of ran.stderr.split("\n").slice(0, -1)) {
    if (line.startsWith("kuesioner: ") || line.startsWith("  ") || line === "") continue;
    if (options.extraLines?.some((r) => r.test(line))) continue;
    const problem = checkDiagnosticLine(line, options.cwd, options.originals ?? new Map(), options.sheets ?? new Map());
    if (problem) problems.push(`${what} stderr: ${problem}`);
  }
  return problems;
}
