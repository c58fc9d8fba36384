import type { z } from "zod";
import type { Issue } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";
import { allowedKeysAt, expectedTokens, optionsOf, pickOption, schemaAt, valueAt } from "./zod-walk.js";
import { valueTokens } from "./value-tokens.js";

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

/**
 * Turns zod issues into path-qualified problems a questionnaire author can act on: codes and the
 * values they name (what was found, what was expected, the key probably meant), which
 * src/text/definition-messages*.ts say in either language.
 */
export function issuesFromZod(issues: readonly ZodIssue[], context: ZodIssueContext = {}): SchemaIssue[] {
  return dropExplainedMissingKeys(issues.flatMap((raw) => convert(raw, [], context)));
}

type Params = NonNullable<Issue["params"]>;

function convert(raw: ZodIssue, prefix: Path, context: ZodIssueContext): SchemaIssue[] {
  const path: Path = [...prefix, ...raw.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const value = valueAt(context.data, path);
  const expected = () => (context.schema ? expectedTokens(schemaAt(context.schema, path, context.data)) : undefined);
  const error: MakeError = (code, params, hint, at = path, atKey = false) => ({
    issue: { path: at, severity: "error", code, params: { ...params, ...hint } },
    atKey,
  });
  const key = String(path[path.length - 1]);
  const missing = (what?: { expected: string[] } | { options: string[] }) =>
    error("schema.missing-key", { key, ...what }, undefined, path.slice(0, -1));
  const wrongType = (tokens: string[]) => {
    const found = valueTokens(value);
    return error("schema.wrong-type", { expected: tokens, found }, typeHint(value, tokens));
  };

  switch (raw.code) {
    case "unrecognized_keys": {
      const allowed = context.schema ? allowedKeysAt(context.schema, path, context.data) : undefined;
      return raw.keys.map((k) =>
        error("schema.unknown-key", { key: k }, unknownKeyHint(k, allowed), [...path, k], true),
      );
    }
    case "invalid_union": {
      if ("discriminator" in raw) {
        const options = ((raw as { options?: unknown[] }).options ?? []).map(String);
        if (value === undefined) return [missing({ options })];
        const guess = typeof value === "string" ? didYouMean(value, options) : undefined;
        const found = describeFound(value);
        return [error("schema.invalid-choice", { key, ...found, options }, guessHint(guess))];
      }
      // The branch the value was written for (the object whose keys it uses, or the one that got
      // past the type check) is what the author meant: report its problems.
      const meant = meantBranch(raw, path, context);
      if (meant) return meant.flatMap((i) => convert(i, path, context));
      const tokens = expected() ?? [
        ...new Set(raw.errors.flatMap((b) => b.map((i) => (i.code === "invalid_type" ? typeToken(i.expected) : "?")))),
      ];
      if (value === undefined) return [missing({ expected: tokens })];
      return [wrongType(tokens)];
    }
    case "invalid_key": {
      const inner = raw.issues[0];
      const badKey = String(raw.path[raw.path.length - 1]);
      const hint = inner?.code === "invalid_format" ? formatHint(inner, badKey) : undefined;
      const reason = inner ? customCode(inner.message) : undefined;
      return [
        error(
          "schema.invalid-key",
          // zod's own words, when no code says why, are kept for the English text.
          { key: badKey, ...(reason ? { reason } : inner ? { detail: cleanMessage(inner.message) } : {}) },
          hint,
          path,
          true,
        ),
      ];
    }
    case "invalid_type": {
      const tokens = expected() ?? [typeToken(raw.expected)];
      if (value === undefined) return [missing({ expected: tokens })];
      return [wrongType(tokens)];
    }
    case "invalid_value": {
      const options = raw.values.map((v) => JSON.stringify(v));
      const guess = typeof value === "string" ? didYouMean(value, raw.values.map(String)) : undefined;
      const found = valueTokens(value);
      return [error("schema.invalid-value", { options, found }, guessHint(guess))];
    }
    case "too_small":
    case "too_big":
      return [isDefaultMessage(raw.message) ? sizeIssue(raw, value, error) : custom(raw.message, error)];
    case "invalid_format": {
      const found = valueTokens(value);
      if (!isDefaultMessage(raw.message))
        return [
          customCode(raw.message)
            ? error(customCode(raw.message)!, { found }, formatHint(raw, value))
            : error("schema.other", { found, detail: raw.message }, formatHint(raw, value)),
        ];
      return [error("schema.invalid-format", { format: raw.format, found }, formatHint(raw, value))];
    }
    default:
      return [custom(raw.message, error)];
  }
}

/** What a hint needs, as parameters (src/text renders the hint). */
type Hint = Params;
type MakeError = (code: string, params: Params, hint?: Hint, at?: Path, atKey?: boolean) => SchemaIssue;

/**
 * The schemas' own messages (refinements, regexes, minimum sizes) are codes, so the catalogues
 * can say them in either language. A message that is not one of these has the code schema.other
 * and is shown as written.
 */
const CUSTOM_CODES = new Set([
  "schema.id-format",
  "schema.text-no-language",
  "schema.scale-inverted",
  "schema.element-no-questions",
  "schema.questionnaire-no-elements",
  "schema.questionnaire-no-profiles",
  "schema.level-key",
  "schema.count-key",
  "schema.hex",
  "answers.questionnaire-ref-unsafe",
]);

function customCode(message: string): string | undefined {
  const text = cleanMessage(message);
  return CUSTOM_CODES.has(text) ? text : undefined;
}

function custom(message: string, error: MakeError): SchemaIssue {
  const text = cleanMessage(message);
  const code = customCode(message);
  return code ? error(code, {}) : error("schema.other", { detail: text });
}

const guessHint = (guess: string | undefined): Hint | undefined => (guess ? { guess } : undefined);

const TYPE_TOKENS: Record<string, string> = {
  int: "whole-number",
  number: "number",
  string: "text",
  object: "mapping",
  array: "list",
  boolean: "boolean",
  null: "empty",
};
/** zod's type names as expected tokens. */
const typeToken = (t: string) => (Object.hasOwn(TYPE_TOKENS, t) ? TYPE_TOKENS[t]! : t);

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

function unknownKeyHint(key: string, allowed: string[] | undefined): Hint {
  if (key === "<<") return { hintKind: "merge" };
  if (!allowed) return { hintKind: "spelling" };
  const guess = didYouMean(key, allowed);
  return guess ? { guess } : { allowed };
}

/** The wrong value itself where it is short (`value`: `"levl"`, `3`), else what kind of value it is (`found`). */
function describeFound(value: unknown): Params {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? { value: JSON.stringify(value) }
    : { found: valueTokens(value) };
}

function typeHint(value: unknown, expected: readonly string[]): Hint | undefined {
  const numeric = expected.includes("number") || expected.includes("whole-number");
  if (typeof value === "string" && numeric && value.trim() !== "" && Number.isFinite(Number(value))) {
    return { hintKind: "unquote-number", number: value.trim(), written: value };
  }
  if (typeof value === "string" && expected[0] === "bilingual-text")
    return { hintKind: "bilingual", text: JSON.stringify(value) };
  if (typeof value === "number" && expected.length === 1 && expected[0] === "text") return { hintKind: "quote-text" };
  if (value === null) return { hintKind: "empty-value" };
  if (expected.length === 1 && expected[0] === "list" && !Array.isArray(value)) return { hintKind: "list-items" };
  return undefined;
}

function formatHint(
  raw: z.core.$ZodIssueInvalidStringFormat | Extract<ZodIssue, { code: "invalid_format" }>,
  value: unknown,
): Hint | undefined {
  if (typeof value !== "string" || !("pattern" in raw) || typeof raw.pattern !== "string") return undefined;
  const source = /^\/(.*)\/([a-z]*)$/.exec(raw.pattern);
  if (!source) return undefined;
  const slug = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug && slug !== value && new RegExp(source[1]!, source[2]).test(slug) ? { slug } : undefined;
}

function sizeIssue(
  raw: Extract<ZodIssue, { code: "too_small" | "too_big" }>,
  value: unknown,
  error: MakeError,
): SchemaIssue {
  const small = raw.code === "too_small";
  const bound = Number(
    small ? (raw as { minimum: number | bigint }).minimum : (raw as { maximum: number | bigint }).maximum,
  );
  const found = valueTokens(value);
  switch (raw.origin) {
    case "array": {
      const count = Array.isArray(value) ? value.length : undefined;
      return error(small ? "schema.too-few-items" : "schema.too-many-items", {
        bound,
        ...(count !== undefined ? { count } : { found }),
      });
    }
    case "string":
      return small && bound === 1
        ? error("schema.empty-text", {})
        : error(small ? "schema.text-too-short" : "schema.text-too-long", { bound });
    default: {
      const op = small ? (raw.inclusive ? "at-least" : "greater-than") : raw.inclusive ? "at-most" : "less-than";
      return error("schema.number-bound", { op, bound, found });
    }
  }
}

/** zod's own messages start with these; a schema's custom message is shown as written. */
const isDefaultMessage = (message: string) => /^(Invalid|Too small|Too big)\b/.test(message);

function cleanMessage(message: string): string {
  return message.replace(/^Invalid input: /, "").replace(/^Invalid string: /, "");
}

/** "unknown key tittle (did you mean title?)" explains "missing required key title": keep one diagnostic per mistake. */
function dropExplainedMissingKeys(issues: SchemaIssue[]): SchemaIssue[] {
  const explained = new Set<string>();
  for (const { issue } of issues) {
    const guess = issue.params?.guess;
    if (issue.code === "schema.unknown-key" && typeof guess === "string")
      explained.add(JSON.stringify([...issue.path.slice(0, -1), guess]));
  }
  return issues.filter(({ issue }) => {
    const key = issue.code === "schema.missing-key" ? issue.params?.key : undefined;
    return !(typeof key === "string" && explained.has(JSON.stringify([...issue.path, key])));
  });
}
