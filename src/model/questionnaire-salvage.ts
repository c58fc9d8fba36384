import type { z } from "zod";
import type { Issue } from "../errors.js";
import { questionnaireSchema } from "./questionnaire.js";
import { checkQuestionnaire, type Omitted } from "./questionnaire-rules.js";

type Path = (string | number)[];
type ZodIssue = z.core.$ZodIssue;

/** Lists whose items can be left out one by one; the deepest one on an issue's path is dropped. */
const DROPPABLE: Record<string, keyof Omitted | undefined> = {
  elements: "elements",
  questions: undefined,
  thresholds: undefined,
  indicators: "indicators",
  subdimensions: "pillars",
  pillars: "pillars",
  profiles: "profiles",
  bands: undefined,
};
/** Top-level keys the rules do not depend on: replaced by a neutral value when wrong. */
const PLACEHOLDERS: Record<string, unknown> = { id: "x", version: "x", title: { id: "x", en: "x" } };
const OPTIONAL_TOP_LEVEL: Record<string, keyof Omitted | undefined> = {
  description: undefined,
  source: undefined,
  surveyLabels: undefined,
  pillars: "pillars",
  bands: undefined,
};

/**
 * The semantic rules for a questionnaire that failed the schema check: the parts with schema
 * errors are left out, the rest is checked, and rules that would only echo a left-out part are
 * silenced. So one run reports a typo'd key and a profile summing to 95 together. Returns
 * nothing when the skeleton (scale, elements, profiles) is itself broken.
 */
export function checkSalvagedQuestionnaire(data: unknown, zodIssues: readonly ZodIssue[]): Issue[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return [];
  const current = structuredClone(data) as Record<string, unknown>;
  const originalIndex = new WeakMap<unknown[], number[]>();
  const removed: Path[] = [];
  const omitted: Omitted = {};
  let issues = zodIssues;
  for (let round = 0; round < 10; round++) {
    const actions = new Map<string, Action>();
    for (const issue of issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const targets = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...path, k]) : [path];
      for (const target of targets) {
        const action = plan(current, target, issue.code === "unrecognized_keys");
        if (!action) return [];
        actions.set(JSON.stringify(action.path), action);
      }
    }
    // Highest positions first, so removing one item does not shift the next one to remove.
    for (const action of [...actions.values()].sort((a, b) => comparePaths(b.path, a.path))) {
      if (action.omit) omitted[action.omit] = true;
      if ("value" in action) current[action.path[0] as string] = action.value;
      else removed.push(removeAt(current, action.path, originalIndex));
    }
    const parsed = questionnaireSchema.safeParse(current);
    if (parsed.success) {
      return checkQuestionnaire(parsed.data, omitted)
        .map((issue) => ({ ...issue, path: originalPath(current, issue.path, originalIndex) }))
        .filter((issue) => !removed.some((r) => startsWith(r, issue.path)));
    }
    if (actions.size === 0) return [];
    issues = parsed.error.issues;
  }
  return [];
}

type Action = { path: Path; omit?: keyof Omitted | undefined } & ({ remove: true } | { value: unknown });

/** What to leave out for an issue at `path`: the key itself, the nearest droppable list item, or a top-level key; undefined: give up. */
function plan(root: Record<string, unknown>, path: Path, exactKey: boolean): Action | undefined {
  if (exactKey) return { path, remove: true };
  let node: unknown = root;
  const arrays: boolean[] = path.map((segment) => {
    const isArray = Array.isArray(node);
    node = child(node, segment);
    return isArray;
  });
  for (let i = path.length - 1; i >= 1; i--) {
    const container = path[i - 1];
    if (arrays[i] && typeof container === "string" && Object.hasOwn(DROPPABLE, container))
      return { path: path.slice(0, i + 1), remove: true, omit: DROPPABLE[container] };
  }
  const top = path[0];
  if (typeof top !== "string") return undefined;
  if (Object.hasOwn(PLACEHOLDERS, top)) return { path: [top], value: PLACEHOLDERS[top] };
  if (top === "defaultProfile" && Array.isArray(root.profiles))
    return { path: [top], value: (root.profiles[0] as { id?: unknown } | undefined)?.id, omit: "profiles" };
  if (Object.hasOwn(OPTIONAL_TOP_LEVEL, top)) return { path: [top], remove: true, omit: OPTIONAL_TOP_LEVEL[top] };
  return undefined;
}

/** Deletes the key or array item at `path`, keeping track of the original array positions; returns the path in the file. */
function removeAt(root: unknown, path: Path, originalIndex: WeakMap<unknown[], number[]>): Path {
  let container = root;
  for (const segment of path.slice(0, -1)) container = child(container, segment);
  const segment = path[path.length - 1]!;
  const prefix = originalPath(root, path.slice(0, -1), originalIndex);
  if (Array.isArray(container) && typeof segment === "number") {
    const positions = originalIndex.get(container) ?? container.map((_, i) => i);
    const original = positions[segment] ?? segment;
    positions.splice(segment, 1);
    container.splice(segment, 1);
    originalIndex.set(container, positions);
    return [...prefix, original];
  }
  if (container && typeof container === "object") delete (container as Record<string | number, unknown>)[segment];
  return [...prefix, segment];
}

/** Translates a path in the pruned data back to the indices of the file. */
function originalPath(root: unknown, path: Path, originalIndex: WeakMap<unknown[], number[]>): Path {
  let node = root;
  return path.map((segment) => {
    const here = node;
    node = child(here, segment);
    return Array.isArray(here) && typeof segment === "number"
      ? (originalIndex.get(here)?.[segment] ?? segment)
      : segment;
  });
}

function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** The value under an own key or index; never an inherited member such as `constructor`. */
function child(node: unknown, segment: string | number): unknown {
  return node && typeof node === "object" && Object.hasOwn(node, segment)
    ? (node as Record<string | number, unknown>)[segment]
    : undefined;
}

const startsWith = (path: Path, prefix: Path) => prefix.length <= path.length && prefix.every((p, i) => p === path[i]);
