import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { copyFile, writeFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { parse } from "yaml";
import { runKuesioner, type Ran } from "../commands/score/score-harness.js";
import { repoRoot } from "../reference/reference-data.js";

/** A real file the fuzzer starts from. */
export interface Seed {
  name: string;
  text: string;
  data: unknown;
  json: boolean;
}

function readSeed(path: string): Seed | undefined {
  const text = readFileSync(join(repoRoot, path), "utf8");
  try {
    // Data that cannot be cloned (a !!merge Symbol) is mutated as text only.
    const data = structuredClone(parse(text, { uniqueKeys: false, logLevel: "error" }));
    return { name: path, text, data, json: path.endsWith(".json") };
  } catch {
    return { name: path, text, data: null, json: false };
  }
}

const listYaml = (dir: string) =>
  readdirSync(join(repoRoot, dir))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => `${dir}/${f}`);

const isQuestionnaire = (seed: Seed) =>
  seed.data !== null && typeof seed.data === "object" && "elements" in (seed.data as object);

/**
 * The shipped questionnaires, the test questionnaires, the answer files of the fixtures and the
 * example, and every case of the broken-input corpus. `small`: without the two shipped
 * smart-city questionnaires (100–150 KB each), for the short run in `npm test`.
 */
export function loadSeeds(options: { small: boolean }): { questionnaires: Seed[]; answers: Seed[] } {
  const files = [
    "fixtures/valid/mini.yaml",
    "fixtures/fill/mini.yaml",
    "fixtures/questionnaires/spbe-sample.yaml",
    ...(options.small ? [] : ["questionnaires/smart-city-2022.yaml", "questionnaires/smart-city-2023.yaml"]),
    ...listYaml("fixtures/answers/2022"),
    ...listYaml("fixtures/answers/2023"),
    ...listYaml("fixtures/answers/broken"),
    ...listYaml("examples"),
    ...listYaml("fixtures/invalid"),
  ];
  const seeds = files.map(readSeed).filter((s): s is Seed => s !== undefined);
  return { questionnaires: seeds.filter(isQuestionnaire), answers: seeds.filter((s) => !isQuestionnaire(s)) };
}

/**
 * An answer seed pointed at a questionnaire in the case folder: `mini.yaml` (a pristine copy)
 * for the fixtures' relative references (and, in the short run, for the shipped ones), or the
 * mutated questionnaire of the case.
 */
export function retarget(seed: Seed, target: "keep" | "case-q.yaml", small: boolean): Seed {
  const data = seed.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) return seed;
  const ref = (data as { questionnaire?: unknown }).questionnaire;
  if (typeof ref !== "string") return seed;
  // The short run leaves the shipped questionnaires out: loading one takes a hundred times longer than mini.yaml.
  const next = target === "keep" ? (ref.includes("/") || small ? "./mini.yaml" : ref) : "./case-q.yaml";
  if (next === ref) return seed;
  const text = seed.text.replace(/^questionnaire:.*$/m, `questionnaire: ${JSON.stringify(next)}`);
  return { ...seed, text, data: { ...(data as object), questionnaire: next } };
}

/** Files every case's folder holds besides the case's own: a pristine questionnaire and two good answer files. */
export async function prepareFolder(dir: string): Promise<void> {
  await copyFile(join(repoRoot, "fixtures/valid/mini.yaml"), join(dir, "mini.yaml"));
  await writeFile(
    join(dir, "good-1.yaml"),
    "questionnaire: ./mini.yaml\nrespondent: { region: Kota Satu, year: 2024 }\nanswers:\n  bl-1: 3\n  bl-2: { value: 7 }\n  oc-1: { value: 12 }\n  oc-2: { survey: { counts: { 2: 10, 3: 30, 4: 10 } } }\n",
  );
  await writeFile(
    join(dir, "good-2.yaml"),
    "questionnaire: ./mini.yaml\nrespondent: { region: Kabupaten Dua, year: 2024 }\nanswers:\n  bl-1: { assessors: [2, 3, 3] }\n  oc-1: { value: 4.5 }\n",
  );
}

// Raw characters no text output may hold: C0 and C1 controls but LF, DEL, bidi controls, U+2028/9.
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

export function rawControlCharacter(text: string, csv = false): string | undefined {
  const match = RAW.exec(csv ? text.replace(/\r\n/g, "\n") : text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).padStart(4, "0")} at ${match.index}` : undefined;
}

/** The lines of a file as the YAML library counts them (LF ends a line), for "a position inside it". */
function linesOf(file: string): string[] | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    let text = readFileSync(file, "utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text.split("\n");
  } catch {
    return undefined;
  }
}

interface JsonDiagnostic {
  file: string;
  line: number | null;
  column: number | null;
  severity: string;
  message: string;
}

/** Problems with one diagnostic: it must name an existing file and, when it has a position, one inside it. */
export function checkPosition(d: JsonDiagnostic, cwd: string): string | undefined {
  if (typeof d.file !== "string" || d.file === "") return "no file";
  if (d.line === null) return undefined;
  const path = isAbsolute(d.file) ? d.file : resolve(cwd, d.file);
  if (!existsSync(path)) return `names ${JSON.stringify(d.file)}, which does not exist`;
  const lines = linesOf(path);
  if (!lines) return `has a position in ${JSON.stringify(d.file)}, which is not a regular file`;
  if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines.length)
    return `line ${d.line} outside ${d.file} (${lines.length} lines)`;
  const length = lines[d.line - 1]!.length;
  if (d.column === null || d.column < 1 || d.column > length + 1)
    return `column ${d.column} outside line ${d.line} of ${d.file} (${length} characters)`;
  return undefined;
}

/**
 * Every line of a command's standard error is ours: a diagnostic naming an existing file
 * (`file:line:col: error: ...`), its hint, a `kuesioner:` note, or validate's summary.
 */
export function foreignStderrLine(stderr: string, cwd: string, summary: boolean): string | undefined {
  const lines = stderr.split("\n");
  if (lines.pop() !== "") return "standard error does not end with a line break";
  if (summary) {
    const last = lines.pop();
    if (last === undefined || !/^(\d+ errors?|no problems)?(, )?(\d+ warnings?)? in \d+ files? \(/.test(last))
      return `summary line ${JSON.stringify(last)}`;
  }
  for (const line of lines) {
    if (line.startsWith("  hint: ") || line.startsWith("kuesioner: ") || line.startsWith("  ")) continue;
    const m = /^(.+?)(?::(\d+):(\d+))?: (error|warning): /.exec(line);
    if (!m) return `line not ours: ${JSON.stringify(line)}`;
    const file = isAbsolute(m[1]!) ? m[1]! : resolve(cwd, m[1]!);
    if (!existsSync(file) && !m[1]!.includes("\\")) return `diagnostic names no existing file: ${JSON.stringify(line)}`;
  }
  return undefined;
}

export const EXIT_CODES = new Set([0, 1, 2]);

export async function kuesioner(argv: string[], cwd: string): Promise<Ran> {
  return runKuesioner(argv, cwd);
}
