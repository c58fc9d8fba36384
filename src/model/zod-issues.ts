import type { z } from "zod";
import type { Issue } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";
import {
  allowedKeysAt,
  describeExpected,
  describeValue,
  joinOr,
  optionsOf,
  pickOption,
  schemaAt,
  valueAt,
} from "./zod-walk.js";

/** An issue, and whether it is best shown at the map key rather than the value. */
export interface SchemaIssue {
  issue: Issue;
  atKey: boolean;
}

type ZodIssue = z.core.$ZodIssue;
type Path = (string | number)[];

/**
 * What the messages may look at: the schema that was checked and the data it was given, so a
 * message can say what was found, what was expected, and which key was probably meant.
 */
export interface ZodIssueContext {
  schema?: z.ZodType;
  data?: unknown;
}

/** Turns zod issues into plain, path-qualified messages a questionnaire author can act on. */
export function issuesFromZod(issues: readonly ZodIssue[], context: ZodIssueContext = {}): SchemaIssue[] {
  return dropExplainedMissingKeys(issues.flatMap((raw) => convert(raw, [], context)));
}

function convert(raw: ZodIssue, prefix: Path, context: ZodIssueContext): SchemaIssue[] {
  const path: Path = [...prefix, ...raw.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const value = valueAt(context.data, path);
  const expected = () => (context.schema ? describeExpected(schemaAt(context.schema, path, context.data)) : undefined);
  const error = (message: string, hint?: string, at: Path = path, atKey = false): SchemaIssue => ({
    issue: { path: at, severity: "error", message, ...(hint ? { hint } : {}) },
    atKey,
  });
  const missing = (what?: string) =>
    error(
      `missing required key "${String(path[path.length - 1])}"${what ? ` (${what})` : ""}`,
      undefined,
      path.slice(0, -1),
    );

  switch (raw.code) {
    case "unrecognized_keys": {
      const allowed = context.schema ? allowedKeysAt(context.schema, path, context.data) : undefined;
      return raw.keys.map((key) => error(`unknown key "${key}"`, unknownKeyHint(key, allowed), [...path, key], true));
    }
    case "invalid_union": {
      if ("discriminator" in raw) {
        const options = ((raw as { options?: unknown[] }).options ?? []).map(String);
        const key = String(path[path.length - 1]);
        if (value === undefined) return [missing(`one of ${joinOr(options)}`)];
        const guess = typeof value === "string" ? didYouMean(value, options) : undefined;
        return [
          error(
            `invalid ${key} ${describeFound(value)}: expected one of ${joinOr(options)}`,
            guess ? `did you mean "${guess}"?` : undefined,
          ),
        ];
      }
      // The branch the value was written for (the object whose keys it uses, or the one that got
      // past the type check) is what the author meant: report its problems.
      const meant = meantBranch(raw, path, context);
      if (meant) return meant.flatMap((i) => convert(i, path, context));
      if (value === undefined) return [missing(expected())];
      const alternatives =
        expected() ??
        joinOr([...new Set(raw.errors.flatMap((b) => b.map((i) => (i.code === "invalid_type" ? i.expected : "?"))))]);
      return [error(`expected ${alternatives}, found ${describeValue(value)}`, typeHint(value, alternatives))];
    }
    case "invalid_key": {
      const inner = raw.issues[0];
      const key = String(raw.path[raw.path.length - 1]);
      const hint = inner?.code === "invalid_format" ? formatHint(inner, key) : undefined;
      return [error(`invalid key "${key}": ${inner ? cleanMessage(inner.message) : "not allowed"}`, hint, path, true)];
    }
    case "invalid_type": {
      const what = expected() ?? readableType(raw.expected);
      if (value === undefined) return [missing(what)];
      return [error(`expected ${what}, found ${describeValue(value)}`, typeHint(value, what))];
    }
    case "invalid_value": {
      const options = raw.values.map((v) => JSON.stringify(v));
      const guess = typeof value === "string" ? didYouMean(value, raw.values.map(String)) : undefined;
      return [
        error(
          `expected ${options.length === 1 ? options[0] : `one of ${joinOr(options)}`}, found ${describeValue(value)}`,
          guess ? `did you mean "${guess}"?` : undefined,
        ),
      ];
    }
    case "too_small":
    case "too_big":
      return [error(isDefaultMessage(raw.message) ? sizeMessage(raw, value) : raw.message)];
    case "invalid_format": {
      const message = isDefaultMessage(raw.message) ? `expected ${raw.format} format` : raw.message;
      return [error(`${message}, found ${describeValue(value)}`, formatHint(raw, value))];
    }
    default:
      return [error(cleanMessage(raw.message))];
  }
}

function meantBranch(
  raw: Extract<ZodIssue, { code: "invalid_union" }>,
  path: Path,
  context: ZodIssueContext,
): readonly ZodIssue[] | undefined {
  const union = context.schema ? schemaAt(context.schema, path, context.data) : undefined;
  const options = union ? optionsOf(union) : undefined;
  const picked = union ? pickOption(union, valueAt(context.data, path)) : undefined;
  const index = options && picked ? options.indexOf(picked) : -1;
  if (index >= 0 && raw.errors[index]) return raw.errors[index];
  return raw.errors.find((b) => !b.every((i) => i.code === "invalid_type" && i.path.length === 0));
}

function unknownKeyHint(key: string, allowed: string[] | undefined): string {
  if (key === "<<") return "YAML merge keys (<<: *anchor) are not supported; write the keys out";
  if (!allowed) return "check the spelling; keys are case-sensitive (see docs/questionnaire-format.md)";
  const guess = didYouMean(key, allowed);
  return guess ? `did you mean "${guess}"?` : `allowed keys here: ${allowed.join(", ")}`;
}

/** The wrong value itself where it is short: `"levl"`, `3`. */
function describeFound(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? JSON.stringify(value)
    : describeValue(value);
}

function typeHint(value: unknown, expected: string): string | undefined {
  if (typeof value === "string" && /number/.test(expected) && value.trim() !== "" && Number.isFinite(Number(value))) {
    return `write numbers without quotes: ${value.trim()}, not "${value}"`;
  }
  if (typeof value === "string" && expected.startsWith("a bilingual text")) {
    return `write the text in both languages: { id: ${JSON.stringify(value)}, en: "…" }`;
  }
  if (typeof value === "number" && expected === "a text") return "write it in quotes, so YAML keeps it as text";
  if (value === null) return "the value is empty: write it after the colon, or remove the key";
  if (expected === "a list" && !Array.isArray(value)) return 'start each item of a list on its own line with "- "';
  return undefined;
}

function formatHint(
  raw: z.core.$ZodIssueInvalidStringFormat | Extract<ZodIssue, { code: "invalid_format" }>,
  value: unknown,
): string | undefined {
  if (typeof value !== "string" || !("pattern" in raw) || typeof raw.pattern !== "string") return undefined;
  const source = /^\/(.*)\/([a-z]*)$/.exec(raw.pattern);
  if (!source) return undefined;
  const slug = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug && slug !== value && new RegExp(source[1]!, source[2]).test(slug) ? `try "${slug}"` : undefined;
}

function sizeMessage(raw: Extract<ZodIssue, { code: "too_small" | "too_big" }>, value: unknown): string {
  const small = raw.code === "too_small";
  const bound = small ? (raw as { minimum: number | bigint }).minimum : (raw as { maximum: number | bigint }).maximum;
  const found = describeValue(value);
  switch (raw.origin) {
    case "array":
      return `expected ${small ? "at least" : "at most"} ${bound} item${Number(bound) === 1 ? "" : "s"}, found ${Array.isArray(value) ? value.length : found}`;
    case "string":
      return small && Number(bound) === 1
        ? "expected a non-empty text"
        : `expected ${small ? "at least" : "at most"} ${bound} characters`;
    default: {
      const op = small ? (raw.inclusive ? "at least" : "greater than") : raw.inclusive ? "at most" : "less than";
      return `expected a number ${op} ${bound}, found ${found}`;
    }
  }
}

const readableType = (t: string) =>
  ({
    int: "a whole number",
    number: "a number",
    string: "a text",
    object: "a mapping",
    array: "a list",
    boolean: "true or false",
    null: "an empty value",
  })[t] ?? t;

/** zod's own messages start with these; a schema's custom message is shown as written. */
const isDefaultMessage = (message: string) => /^(Invalid|Too small|Too big)\b/.test(message);

function cleanMessage(message: string): string {
  return message.replace(/^Invalid input: /, "").replace(/^Invalid string: /, "");
}

/** "unknown key tittle (did you mean title?)" explains "missing required key title": keep one diagnostic per mistake. */
function dropExplainedMissingKeys(issues: SchemaIssue[]): SchemaIssue[] {
  const explained = new Set<string>();
  for (const { issue } of issues) {
    const guess = /^did you mean "(.*)"\?$/.exec(issue.hint ?? "")?.[1];
    if (issue.message.startsWith("unknown key") && guess)
      explained.add(JSON.stringify([...issue.path.slice(0, -1), guess]));
  }
  return issues.filter(({ issue }) => {
    const key = /^missing required key "(.*?)"/.exec(issue.message)?.[1];
    return !(key !== undefined && explained.has(JSON.stringify([...issue.path, key])));
  });
}
