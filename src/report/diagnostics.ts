import type { Diagnostic } from "../errors.js";

/** `file:line:column: severity: path: message`, one per line, as compilers print them. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line !== undefined ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
  const path = d.path.length ? `${d.path.join(".")}: ` : "";
  const hint = d.hint ? `\n  hint: ${d.hint}` : "";
  return `${where}: ${d.severity}: ${path}${d.message}${hint}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => formatDiagnostic(d) + "\n").join("");
}

/** Compiler order: by file, then position; stable otherwise. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
