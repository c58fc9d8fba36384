import { Chalk } from "chalk";
import { isAbsolute, relative } from "node:path";
import type { Diagnostic } from "../errors.js";
import type { DiagnosticJson } from "../model/diagnostic-json.js";
import { escapeText } from "./escape.js";
import { diagnosticWords, localizeDiagnostic } from "./diagnostic-messages.js";
import type { Lang } from "../model/common.js";

/** `file:line:column: severity: path: message`, one per line, as compilers print them; the hint on the next line. */
const painters = [new Chalk({ level: 0 }), new Chalk({ level: 1 })] as const;

function formatDiagnostic(original: Diagnostic, color = false, lang: Lang = "en"): string {
  const paint = painters[color ? 1 : 0];
  const d = localizeDiagnostic(original, lang);
  const words = diagnosticWords[lang];
  // A file's text (its name, keys and values quoted in messages) is shown escaped: one diagnostic, one line.
  const file = escapeText(d.file);
  const where = d.line !== undefined ? `${file}:${d.line}:${d.column ?? 1}` : file;
  const severity = d.severity === "error" ? paint.red.bold(words.error) : paint.yellow.bold(words.warning);
  const path = d.path.length ? `${formatPath(d.path)}: ` : "";
  const hint = d.hint ? `\n  ${paint.cyan(words.hint)}: ${escapeText(d.hint)}` : "";
  return `${paint.bold(where)}: ${severity}: ${path}${escapeText(d.message)}${hint}`;
}

/** In the user's language (see diagnostic-messages.ts); English by default. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], color = false, lang: Lang = "en"): string {
  return diagnostics.map((d) => `${formatDiagnostic(d, color, lang)}\n`).join("");
}

/** `elements.2.questions.7.levels`: the path as the JSON and the text formats both show it. */
const formatPath = (path: readonly (string | number)[]) => escapeText(path.join("."));

/** Compiler order: by file, then position (diagnostics without one first); stable otherwise. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

/**
 * A file as the user would name it: as typed when relative; relative to the working folder when
 * inside it; absolute only when it lies outside (where "../../.." would be harder to read).
 */
export function displayPath(cwd: string): (file: string) => string {
  return (file) => {
    if (!isAbsolute(file)) return file;
    const rel = relative(cwd, file);
    if (rel === "") return ".";
    return !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
  };
}

/**
 * A diagnostic with its file, and a file its values name (`params.file`, such as the
 * questionnaire file looked for), shown as `display` shows paths: relative to the working folder.
 */
export function displayDiagnostic(display: (file: string) => string): (d: Diagnostic) => Diagnostic {
  return (d) => {
    const named = d.params?.file;
    if (typeof named !== "string" || display(named) === named) return { ...d, file: display(d.file) };
    const shown = display(named);
    return {
      ...d,
      file: display(d.file),
      params: { ...d.params, file: shown },
      ...(d.hint ? { hint: d.hint.split(named).join(shown) } : {}),
    };
  };
}

/**
 * GitHub Actions workflow commands, so a CI run annotates the lines in the pull request:
 * `::error file=F,line=L,col=C,title=kuesioner::PATH: MESSAGE`.
 */
export function formatGithubAnnotation(original: Diagnostic): string {
  const d = localizeDiagnostic(original, "en");
  const properties = [`file=${escapeProperty(escapeText(d.file))}`];
  if (d.line !== undefined) properties.push(`line=${d.line}`, `col=${d.column ?? 1}`);
  properties.push("title=kuesioner");
  const path = d.path.length ? `${formatPath(d.path)}: ` : "";
  const hint = d.hint ? `\nhint: ${escapeText(d.hint)}` : "";
  return `::${d.severity} ${properties.join(",")}::${escapeData(path + escapeText(d.message) + hint)}`;
}

// GitHub's escaping: data escapes % CR LF; property values also , and :.
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * One diagnostic for `--format json` (validate's output, score's `failed[].diagnostics`): every
 * key always present, so consumers see one stable shape, documented in
 * questionnaires/diagnostics.schema.json.
 */
export function diagnosticJson(original: Diagnostic, kind: DiagnosticJson["kind"]): DiagnosticJson {
  // The machine formats stay English (README, "Language"): code and params are the stable part.
  const d = localizeDiagnostic(original, "en");
  return {
    file: d.file,
    kind,
    line: d.line ?? null,
    column: d.line !== undefined ? (d.column ?? 1) : null,
    severity: d.severity,
    path: d.path,
    code: d.code ?? null,
    params: d.params ? Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, copy(v)])) : null,
    message: d.message,
    hint: d.hint ?? null,
    omitted: d.omitted ?? null,
  };
}

const copy = (v: string | number | readonly string[]) => (typeof v === "object" ? [...v] : v);

/** "2 errors, 1 warning in 3 files" / "no problems in 1 file". */
export function summarizeDiagnostics(
  diagnostics: readonly Diagnostic[],
  files: number,
  detail = "",
  lang: Lang = "en",
): string {
  // The diagnostic standing for those left out past the per-file limit counts them all.
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.omitted) {
      errors += d.omitted.errors;
      warnings += d.omitted.warnings;
    } else if (d.severity === "error") errors++;
    else warnings++;
  }
  if (lang === "id") {
    const w = diagnosticWords.id;
    const parts = [errors ? `${errors} ${w.error}` : "", warnings ? `${warnings} ${w.warning}` : ""].filter(Boolean);
    return `${parts.join(", ") || "tidak ada masalah"} dalam ${files} berkas${detail ? ` (${detail})` : ""}`;
  }
  const counts =
    [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""].filter(Boolean).join(", ") ||
    "no problems";
  return `${counts} in ${plural(files, "file")}${detail ? ` (${detail})` : ""}`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
