import { type Catalogue, expectedEn, foundEn, joinOrEn, list, type Params } from "./message-parts.js";

/**
 * Questionnaire-definition diagnostics in English, by code: the shape check
 * (src/model/zod-issues.ts, `schema.*`) and the rules (src/model/questionnaire-rules.ts,
 * `questionnaire.*`), which return codes and parameters only. definition-messages.ts says the
 * same in Indonesian.
 */

const TYPE_HINTS: Record<string, (p: Params) => string> = {
  "unquote-number": (p) => `write numbers without quotes: ${p.number}, not "${p.written}"`,
  bilingual: (p) => `write the text in both languages: { id: ${p.text}, en: "…" }`,
  "quote-text": () => "write it in quotes, so YAML keeps it as text",
  "empty-value": () => "the value is empty: write it after the colon, or remove the key",
  "list-items": () => 'start each item of a list on its own line with "- "',
};
const typeHint = (p: Params) => {
  const kind = String(p.hintKind);
  return Object.hasOwn(TYPE_HINTS, kind) ? TYPE_HINTS[kind]!(p) : guess(p);
};
const guess = (p: Params) => (p.guess ? `did you mean "${p.guess}"?` : "");
const slugHint = (p: Params) => (p.slug ? `try "${p.slug}"` : "");
const found = (p: Params) => (p.found !== undefined ? `, found ${foundEn(p.found)}` : "");
const options = (p: Params) => (Array.isArray(p.options) ? p.options : []);
const plural = (n: unknown, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const scale = (p: Params) => `${p.min}–${p.max}`;

/** "known pillars: a, b" from the `known` and `guess` parameters. */
function known(what: string, p: Params): string {
  const ids = Array.isArray(p.known) ? p.known : [];
  if (!ids.length) return `no ${what} are defined`;
  return `${p.guess ? `did you mean "${p.guess}"? ` : ""}known ${what}: ${ids.join(", ")}`;
}

/** The messages the schemas themselves give, by code (src/model/zod-issues.ts, CUSTOM_CODES). */
const CUSTOM: Record<string, string> = {
  "schema.id-format": 'expected a lowercase kebab-case id such as "quick-win"',
  "schema.text-no-language": "expected a text in Indonesian (id) or English (en)",
  "schema.scale-inverted": "scale.max must be greater than scale.min",
  "schema.element-no-questions": "an element needs at least one question",
  "schema.questionnaire-no-elements": "a questionnaire needs at least one element",
  "schema.questionnaire-no-profiles": "a questionnaire needs at least one weight profile",
  "schema.level-key": "level keys are whole numbers on the scale",
  "schema.count-key": "count keys are levels on the scale",
  "schema.hex": "expected hex digits",
  "answers.questionnaire-ref-unsafe": "a questionnaire reference is one line without control characters",
};
const custom = Object.fromEntries(
  Object.entries(CUSTOM).map(([code, text]) => [
    code,
    { message: (p: Params) => `${text}${found(p)}`, hint: slugHint },
  ]),
);

export const definitionMessagesEn: Catalogue = {
  ...custom,
  "schema.other": { message: (p) => `${p.detail ?? "invalid value"}${found(p)}`, hint: slugHint },
  "schema.unknown-key": {
    message: (p) => `unknown key "${p.key}"`,
    hint: (p) =>
      p.hintKind === "merge"
        ? "YAML merge keys (<<: *anchor) are not supported; write the keys out"
        : p.hintKind === "spelling"
          ? "check the spelling; keys are case-sensitive (see docs/questionnaire-format.md)"
          : p.guess
            ? guess(p)
            : `allowed keys here: ${list(p.allowed)}`,
  },
  "schema.missing-key": {
    message: (p) =>
      `missing required key "${p.key}"${
        p.options !== undefined
          ? ` (one of ${joinOrEn(options(p))})`
          : p.expected !== undefined
            ? ` (${expectedEn(p.expected)})`
            : ""
      }`,
  },
  "schema.invalid-choice": {
    message: (p) => `invalid ${p.key} ${p.value ?? foundEn(p.found)}: expected one of ${joinOrEn(options(p))}`,
    hint: guess,
  },
  "schema.wrong-type": { message: (p) => `expected ${expectedEn(p.expected)}${found(p)}`, hint: typeHint },
  "schema.invalid-key": {
    message: (p) =>
      `invalid key "${p.key}": ${
        p.reason !== undefined && Object.hasOwn(CUSTOM, String(p.reason))
          ? CUSTOM[String(p.reason)]
          : (p.detail ?? "not allowed")
      }`,
    hint: slugHint,
  },
  "schema.invalid-value": {
    message: (p) => `expected ${options(p).length === 1 ? options(p)[0] : `one of ${joinOrEn(options(p))}`}${found(p)}`,
    hint: guess,
  },
  "schema.too-few-items": {
    message: (p) => `expected at least ${plural(p.bound, "item")}, found ${p.count ?? foundEn(p.found)}`,
  },
  "schema.too-many-items": {
    message: (p) => `expected at most ${plural(p.bound, "item")}, found ${p.count ?? foundEn(p.found)}`,
  },
  "schema.empty-text": { message: () => "expected a non-empty text" },
  "schema.text-too-short": { message: (p) => `expected at least ${p.bound} characters` },
  "schema.text-too-long": { message: (p) => `expected at most ${p.bound} characters` },
  "schema.number-bound": {
    message: (p) => `expected a number ${String(p.op).replace("-", " ")} ${p.bound}${found(p)}`,
  },
  "schema.invalid-format": { message: (p) => `expected ${p.format} format${found(p)}`, hint: slugHint },

  "questionnaire.scale-too-wide": {
    message: (p) => `the scale ${scale(p)} has ${p.levels} levels, more than ${p.limit}`,
    hint: () => "answers are levels on the scale, such as 0–4 or 1–5",
  },
  "questionnaire.duplicate-question": {
    message: (p) => `duplicate question id "${p.id}": question ${p.position} of element "${p.element}" has it too`,
    hint: () => "question ids must be unique in the whole questionnaire: answer files refer to them",
  },
  "questionnaire.duplicate-id": {
    message: (p) => `duplicate ${p.what} id "${p.id}": ${p.what} ${p.first} has it too`,
  },
  "questionnaire.unknown-pillar": {
    message: (p) => `unknown pillar "${p.pillar}"`,
    hint: (p) => known("pillars", p),
  },
  "questionnaire.unknown-subdimension": {
    message: (p) => `pillar "${p.pillar}" has no sub-dimension "${p.subdimension}"`,
    hint: (p) => known("sub-dimensions", p),
  },
  "questionnaire.subdimension-without-pillar": {
    message: () => "a sub-dimension needs a pillar",
    hint: () => "add the pillar the sub-dimension belongs to",
  },
  "questionnaire.unknown-indicator": {
    message: (p) => `element "${p.element}" has no indicator "${p.indicator}"`,
    hint: (p) => known("indicators", p),
  },
  "questionnaire.unknown-element": {
    message: (p) => `unknown element "${p.element}"`,
    hint: (p) => known("elements", p),
  },
  "questionnaire.weights-sum": {
    message: (p) => `weights of profile "${p.profile}" sum to ${p.total}, expected 100`,
    hint: (p) => (p.terms !== undefined ? `${p.terms} = ${p.total}` : "give each element's weight in percent"),
  },
  "questionnaire.unknown-default-profile": {
    message: (p) => `unknown profile "${p.profile}"`,
    hint: (p) => known("profiles", p),
  },
  "questionnaire.element-unweighted": {
    message: (p) => `element "${p.element}" has a weight in no profile, so it never counts`,
    hint: () => "add it to the weights of a profile",
  },
  "questionnaire.band-outside-scale": {
    message: (p) => `band minimum ${p.min} is outside the scale ${p.scaleMin}–${p.scaleMax}`,
  },
  "questionnaire.bands-same-start": {
    message: (p) => `two bands start at ${p.min} (bands ${p.first} and ${p.second})`,
  },
  "questionnaire.bands-no-minimum": {
    message: (p) => `no band starts at the scale minimum ${p.min}, so low totals get no predicate`,
  },
  "questionnaire.level-outside-scale": {
    message: (p) => `${p.what} for ${p.level}, which is outside the scale ${scale(p)}`,
  },
  "questionnaire.level-key-form": {
    message: (p) => `${p.what} key "${p.key}" should be written ${p.level}`,
  },
  "questionnaire.levels-missing": {
    message: (p) => `expected ${p.count} ${p.what}s (${list(p.levels)}), found ${p.found}; missing ${list(p.missing)}`,
    hint: (p) =>
      `describe what every level of the scale means${p.what === "survey label" ? " to a respondent" : " for this question"}`,
  },
  "questionnaire.range-inverted": {
    message: (p) => `range.min (${p.min}) must be below range.max (${p.max})`,
  },
  "questionnaire.threshold-level-outside-scale": {
    message: (p) => `threshold level ${p.level} is outside the scale ${scale(p)}`,
  },
  "questionnaire.threshold-outside-range": {
    message: (p) => `threshold ${p.at} is outside the valid range ${scale(p)} of a ${p.kind} question`,
    hint: (p) => (p.rangeHint ? "set range: { min, max } if other values are valid" : ""),
  },
  "questionnaire.thresholds-order": {
    message: (p) =>
      `thresholds must be strictly ${p.direction === "descending" ? "decreasing (direction: descending)" : "increasing"}: ${p.previous} then ${p.at}`,
    hint: (p) =>
      p.direction === "descending"
        ? ""
        : "for lower-is-better values, such as a poverty rate, set direction: descending",
  },
  "questionnaire.threshold-levels-order": {
    message: (p) => `threshold levels must increase: ${p.previous} then ${p.level}`,
  },
  "questionnaire.translation-missing": {
    message: (p) => `missing ${p.lang === "id" ? "Indonesian" : "English"} text (${p.lang})`,
  },
};
