/**
 * Limits on the data a YAML file turns into. Aliases share one object, so a few kilobytes of
 * `*a` can stand for billions of values, or for a value that contains itself; the schema check
 * would then run for hours or overflow the stack. Counting with a budget stops at the limit.
 */
export const MAX_VALUES = 2_000_000;
/**
 * Nodes (keys and values) a file's text may hold, before any alias is expanded. The largest
 * real file, a shipped questionnaire of 145 KB, holds about 12,000. A 5 MiB file of nothing but
 * `q-1: 2` lines holds 800,000, and keeping positions for each costs the `yaml` package seconds
 * and gigabytes: such a file is refused at the node past the limit, after a quick count.
 */
export const MAX_NODES = 300_000;
export const MAX_DEPTH = 64;

export type DataProblem =
  | { kind: "cycle"; path: (string | number)[] }
  | { kind: "too-many"; limit: number }
  | { kind: "too-deep"; path: (string | number)[]; limit: number };

export function checkDataLimits(
  data: unknown,
  limits = { values: MAX_VALUES, depth: MAX_DEPTH },
): DataProblem | undefined {
  let count = 0;
  const ancestors = new Set<object>();
  const path: (string | number)[] = [];
  const visit = (value: unknown): DataProblem | undefined => {
    if (++count > limits.values) return { kind: "too-many", limit: limits.values };
    if (value === null || typeof value !== "object") return undefined;
    if (ancestors.has(value)) return { kind: "cycle", path: [...path] };
    if (path.length >= limits.depth) return { kind: "too-deep", path: [...path], limit: limits.depth };
    ancestors.add(value);
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      path.push(key);
      const problem = visit(child);
      path.pop();
      if (problem) return problem;
    }
    ancestors.delete(value);
    return undefined;
  };
  return visit(data);
}
