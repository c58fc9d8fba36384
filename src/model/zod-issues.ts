import type { z } from "zod";
import type { Issue } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";
import {
  allowedKeysAt,
  expectedText,
  expectedTokens,
  foundText,
  joinOr,
  optionsOf,
  pickOption,
  schemaAt,
  valueAt,
  valueTokens,
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

type Params = NonNullable<Issue["params"]>;

function convert(raw: ZodIssue, prefix: Path, context: ZodIssueContext): SchemaIssue[] {
  const path: Path = [...prefix, ...raw.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const value = valueAt(context.data, path);
  const expected = () => (context.schema ? expectedTokens(schemaAt(context.schema, path, context.data)) : undefined);
  const error: MakeError = (code, params, message, hint, at = path, atKey = false) => ({
    issue: {
      path: at,
      severity: "error",
      code,
      params: { ...params, ...hint?.params },
      message,
      ...(hint?.text ? { hint: hint.text } : {}),
    },
    atKey,
  });
  const key = String(path[path.length - 1]);
  const missing = (what?: { expected: string[] } | { options: string[] }) =>
    error(
      "schema.missing-key",
      { key, ...what },
      `missing required key "${key}"${what ? ` (${"options" in what ? `one of ${joinOr(what.options)}` : expectedText(what.expected)})` : ""}`,
      undefined,
      path.slice(0, -1),
    );
  const wrongType = (tokens: string[]) => {
    const found = valueTokens(value);
    return error(
      "schema.wrong-type",
      { expected: tokens, found },
      `expected ${expectedText(tokens)}, found ${foundText(found)}`,
      typeHint(value, tokens),
    );
  };

  switch (raw.code) {
    case "unrecognized_keys": {
      const allowed = context.schema ? allowedKeysAt(context.schema, path, context.data) : undefined;
      return raw.keys.map((k) =>
        error("schema.unknown-key", { key: k }, `unknown key "${k}"`, unknownKeyHint(k, allowed), [...path, k], true),
      );
    }
    case "invalid_union": {
      if ("discriminator" in raw) {
        const options = ((raw as { options?: unknown[] }).options ?? []).map(String);
        if (value === undefined) return [missing({ options })];
        const guess = typeof value === "string" ? didYouMean(value, options) : undefined;
        const found = describeFound(value);
        return [
          error(
            "schema.invalid-choice",
            { key, value: found, options },
            `invalid ${key} ${found}: expected one of ${joinOr(options)}`,
            guessHint(guess),
          ),
        ];
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
          { key: badKey, ...(reason ? { reason } : {}) },
          `invalid key "${badKey}": ${inner ? cleanMessage(inner.message) : "not allowed"}`,
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
      return [
        error(
          "schema.invalid-value",
          { options, found },
          `expected ${options.length === 1 ? options[0] : `one of ${joinOr(options)}`}, found ${foundText(found)}`,
          guessHint(guess),
        ),
      ];
    }
    case "too_small":
    case "too_big":
      return [isDefaultMessage(raw.message) ? sizeIssue(raw, value, error) : custom(raw.message, error)];
    case "invalid_format": {
      const found = valueTokens(value);
      if (!isDefaultMessage(raw.message))
        return [
          error(
            customCode(raw.message) ?? "schema.other",
            { found, detail: raw.message },
            `${raw.message}, found ${foundText(found)}`,
            formatHint(raw, value),
          ),
        ];
      return [
        error(
          "schema.invalid-format",
          { format: raw.format, found },
          `expected ${raw.format} format, found ${foundText(found)}`,
          formatHint(raw, value),
        ),
      ];
    }
    default:
      return [custom(raw.message, error)];
  }
}

type Hint = { text: string; params?: Params };
type MakeError = (
  code: string,
  params: Params,
  message: string,
  hint?: Hint,
  at?: Path,
  atKey?: boolean,
) => SchemaIssue;

/**
 * The messages the schemas themselves give (refinements, regexes, minimum sizes), by code, so
 * the catalogues can say them in either language. A message not listed has the code
 * schema.other and is shown as written.
 */
const CUSTOM_CODES: Record<string, string> = {
  'expected a lowercase kebab-case id such as "quick-win"': "schema.id-format",
  "expected a text in Indonesian (id) or English (en)": "schema.text-no-language",
  "scale.max must be greater than scale.min": "schema.scale-inverted",
  "an element needs at least one question": "schema.element-no-questions",
  "a questionnaire needs at least one element": "schema.questionnaire-no-elements",
  "a questionnaire needs at least one weight profile": "schema.questionnaire-no-profiles",
  "level keys are whole numbers on the scale": "schema.level-key",
  "count keys are levels on the scale": "schema.count-key",
  "expected hex digits": "schema.hex",
  "a questionnaire reference is one line without control characters": "answers.questionnaire-ref-unsafe",
};

function customCode(message: string): string | undefined {
  const text = cleanMessage(message);
  return Object.hasOwn(CUSTOM_CODES, text) ? CUSTOM_CODES[text] : undefined;
}

function custom(message: string, error: MakeError): SchemaIssue {
  const text = cleanMessage(message);
  const code = customCode(message);
  return code ? error(code, {}, text) : error("schema.other", { detail: text }, text);
}

const guessHint = (guess: string | undefined): Hint | undefined =>
  guess ? { text: `did you mean "${guess}"?`, params: { guess } } : undefined;

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
  if (key === "<<")
    return {
      text: "YAML merge keys (<<: *anchor) are not supported; write the keys out",
      params: { hintKind: "merge" },
    };
  if (!allowed)
    return {
      text: "check the spelling; keys are case-sensitive (see docs/questionnaire-format.md)",
      params: { hintKind: "spelling" },
    };
  const guess = didYouMean(key, allowed);
  return guess
    ? { text: `did you mean "${guess}"?`, params: { guess } }
    : { text: `allowed keys here: ${allowed.join(", ")}`, params: { allowed } };
}

/** The wrong value itself where it is short: `"levl"`, `3`. */
function describeFound(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? JSON.stringify(value)
    : foundText(valueTokens(value));
}

function typeHint(value: unknown, expected: readonly string[]): Hint | undefined {
  const numeric = expected.includes("number") || expected.includes("whole-number");
  if (typeof value === "string" && numeric && value.trim() !== "" && Number.isFinite(Number(value))) {
    return {
      text: `write numbers without quotes: ${value.trim()}, not "${value}"`,
      params: { hintKind: "unquote-number", number: value.trim(), written: value },
    };
  }
  if (typeof value === "string" && expected[0] === "bilingual-text") {
    const shown = JSON.stringify(value);
    return {
      text: `write the text in both languages: { id: ${shown}, en: "…" }`,
      params: { hintKind: "bilingual", text: shown },
    };
  }
  if (typeof value === "number" && expected.length === 1 && expected[0] === "text")
    return { text: "write it in quotes, so YAML keeps it as text", params: { hintKind: "quote-text" } };
  if (value === null)
    return {
      text: "the value is empty: write it after the colon, or remove the key",
      params: { hintKind: "empty-value" },
    };
  if (expected.length === 1 && expected[0] === "list" && !Array.isArray(value))
    return { text: 'start each item of a list on its own line with "- "', params: { hintKind: "list-items" } };
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
  return slug && slug !== value && new RegExp(source[1]!, source[2]).test(slug)
    ? { text: `try "${slug}"`, params: { slug } }
    : undefined;
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
      return error(
        small ? "schema.too-few-items" : "schema.too-many-items",
        { bound, ...(count !== undefined ? { count } : { found }) },
        `expected ${small ? "at least" : "at most"} ${bound} item${bound === 1 ? "" : "s"}, found ${count ?? foundText(found)}`,
      );
    }
    case "string":
      return small && bound === 1
        ? error("schema.empty-text", {}, "expected a non-empty text")
        : error(
            small ? "schema.text-too-short" : "schema.text-too-long",
            { bound },
            `expected ${small ? "at least" : "at most"} ${bound} characters`,
          );
    default: {
      const op = small ? (raw.inclusive ? "at-least" : "greater-than") : raw.inclusive ? "at-most" : "less-than";
      return error(
        "schema.number-bound",
        { op, bound, found },
        `expected a number ${op.replace("-", " ")} ${bound}, found ${foundText(found)}`,
      );
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
