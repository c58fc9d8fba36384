import type { Diagnostic } from "../errors.js";

/** Diagnostics shown per file: past this, the rest are counted in one last diagnostic. */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

const byPosition = (a: Diagnostic, b: Diagnostic) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/**
 * The first `limit` diagnostics of `file` by position, then one "and N more" diagnostic where
 * the first left-out one was; diagnostics of other files (the questionnaire an answer file
 * names, capped when it was loaded) pass through. A file with 100,000 mistakes is one mistake
 * repeated: a thousand lines show it, and output, memory and the terminal stay bounded.
 */
export function capDiagnostics(
  file: string,
  diagnostics: Diagnostic[],
  limit = MAX_DIAGNOSTICS_PER_FILE,
): Diagnostic[] {
  let count = 0;
  for (const d of diagnostics) if (d.file === file && !d.omitted) count++;
  if (count <= limit) return diagnostics;
  const own = diagnostics.filter((d) => d.file === file && !d.omitted).sort(byPosition);
  const others = diagnostics.filter((d) => d.file !== file || d.omitted);
  const left = own.slice(limit);
  const errors = left.filter((d) => d.severity === "error").length;
  const first = left[0]!;
  const summary: Diagnostic = {
    file,
    ...(first.line !== undefined ? { line: first.line, column: first.column ?? 1 } : {}),
    path: [],
    severity: errors > 0 ? "error" : "warning",
    code: "diagnostics.omitted",
    params: { count: left.length, errors, warnings: left.length - errors, limit },
    message: `and ${left.length.toLocaleString("en")} more problems from here on (${describeCounts(errors, left.length - errors)}), not shown`,
    hint: `only the first ${limit.toLocaleString("en")} problems of a file are listed; fix those first, they often cause the rest`,
    omitted: { errors, warnings: left.length - errors },
  };
  return [...own.slice(0, limit), summary, ...others];
}

function describeCounts(errors: number, warnings: number): string {
  const part = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
  return [errors ? part(errors, "error") : "", warnings ? part(warnings, "warning") : ""].filter(Boolean).join(", ");
}
