import type { AnswerFile } from "./answers.js";
import { answerFileKeys } from "./document-keys.js";
import { unsafeCharacter } from "./unsafe-character.js";

/**
 * The fast path of reading an answer file: a hand-written check of `answerFileSchema` for the
 * files that pass it, which a batch spends most of its time on. It answers either the very
 * data zod would give (the same keys, in the same order, strings trimmed where the schema trims)
 * or `undefined`, and then the caller asks zod, which gives the diagnostics. It never decides
 * that a file is wrong: anything unusual (an unknown key, a null where an object is expected,
 * a `__proto__` key, NaN) is left to zod. test/model/answers-check.test.ts holds the two to
 * that over every fixture and thousands of generated and mutated files.
 *
 * What passes is given back as it came wherever it already is what zod gives (keys in the schema's
 * order, nothing to trim), and copied only where it is not: a batch checks a hundred answers a
 * file, and copying each answer, its survey and its lists made much of its garbage. The parsed
 * data is not read again once checked, so sharing it is safe.
 *
 * zod's rules, as checked here: a strict object is a plain object with no other keys, its output
 * has the schema's keys in the schema's order; a record keeps the input's order; z.number() is
 * finite; z.int() a safe integer; an optional key is absent, never null.
 */
export function checkAnswerFile(data: unknown): AnswerFile | undefined {
  if (!isRecord(data)) return undefined;
  for (const key in data) if (!FILE_KEYS.has(key)) return undefined;
  const out: Record<string, unknown> = {};
  const questionnaire = data.questionnaire;
  if (typeof questionnaire !== "string" || questionnaire.length === 0 || unsafeCharacter.test(questionnaire))
    return undefined;
  out.questionnaire = questionnaire;
  if (!optionalString(data, "questionnaireVersion", out)) return undefined;
  if (data.questionnaireSha256 !== undefined) {
    if (typeof data.questionnaireSha256 !== "string" || !SHA256.test(data.questionnaireSha256)) return undefined;
    out.questionnaireSha256 = data.questionnaireSha256;
  }
  if (!optionalString(data, "profile", out)) return undefined;
  if (data.status !== undefined) {
    if (data.status !== "draft" && data.status !== "final") return undefined;
    out.status = data.status;
  }
  if (data.assessor !== undefined) {
    const assessor = trimmed(data.assessor);
    if (assessor === undefined) return undefined;
    out.assessor = assessor;
  }
  if (data.respondent !== undefined) {
    const respondent = checkRespondent(data.respondent);
    if (!respondent) return undefined;
    out.respondent = respondent;
  }
  if (data.previous !== undefined) {
    const previous = data.previous;
    if (!isRecord(previous) || !isNumber(previous.total)) return undefined;
    for (const key in previous) if (key !== "total" && key !== "year") return undefined;
    const copy: Record<string, unknown> = { total: previous.total };
    if (previous.year !== undefined) {
      if (!Number.isSafeInteger(previous.year)) return undefined;
      copy.year = previous.year;
    }
    out.previous = copy;
  }
  if (!optionalString(data, "cursor", out)) return undefined;
  const answers = data.answers === undefined ? {} : checkAnswers(data.answers);
  if (!answers) return undefined;
  out.answers = answers;
  if (data.retiredAnswers !== undefined) {
    const retired = checkAnswers(data.retiredAnswers);
    if (!retired) return undefined;
    out.retiredAnswers = retired;
  }
  if (data.questionDigests !== undefined) {
    const digests = data.questionDigests;
    if (!isRecord(digests)) return undefined;
    const copy: Record<string, string> = {};
    for (const key in digests) {
      const digest = digests[key];
      if (key === "__proto__" || typeof digest !== "string" || !DIGEST.test(digest)) return undefined;
      copy[key] = digest;
    }
    out.questionDigests = copy;
  }
  return out as unknown as AnswerFile;
}

/** The keys an answer file may have: the schema's own. */
const FILE_KEYS: ReadonlySet<string> = new Set(answerFileKeys);
const SHA256 = /^[0-9a-f]{64}$/;
const DIGEST = /^[0-9a-f]{8,64}$/;

/** A plain object, as YAML and JSON give (an array is not one). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** z.string().trim().min(1): the trimmed text, or undefined. */
function trimmed(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text.length > 0 ? text : undefined;
}

/** An optional z.string(): copies it to `out`; false when present and not a string. */
function optionalString(from: Record<string, unknown>, key: string, out: Record<string, unknown>): boolean {
  const value = from[key];
  if (value === undefined) return true;
  if (typeof value !== "string") return false;
  out[key] = value;
  return true;
}

function checkRespondent(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  for (const key in value)
    if (key !== "region" && key !== "year" && key !== "office" && key !== "officer") return undefined;
  const out: Record<string, unknown> = {};
  if (value.region !== undefined) {
    if (typeof value.region !== "string" || value.region.length === 0) return undefined;
    out.region = value.region;
  }
  if (value.year !== undefined) {
    if (!Number.isSafeInteger(value.year)) return undefined;
    out.year = value.year;
  }
  if (!optionalString(value, "office", out) || !optionalString(value, "officer", out)) return undefined;
  return out;
}

/** z.record of answers: `value` itself when every answer is as zod gives it, else a copy with those that are not. */
function checkAnswers(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  let changed: Map<string, unknown> | undefined;
  for (const key in value) {
    if (key === "__proto__") return undefined;
    const answer = value[key];
    if (answer === null || isNumber(answer)) continue;
    const checked = checkAnswerObject(answer);
    if (!checked) return undefined;
    if (checked === answer) continue;
    changed ??= new Map();
    changed.set(key, checked);
  }
  if (!changed) return value;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = changed.has(key) ? changed.get(key) : value[key];
  return out;
}

/**
 * Whether an object's keys are all known to `rank` (its key's place in the schema, -1 for none):
 * undefined when one is not; true when they are in the schema's order and none is undefined, so
 * that zod would give the object as it is; false when it is to be copied.
 */
function keysInOrder(value: Record<string, unknown>, rank: (key: string) => number): boolean | undefined {
  let same = true;
  let last = -1;
  for (const key in value) {
    const at = rank(key);
    if (at < 0) return undefined;
    if (at < last || value[key] === undefined) same = false;
    last = at;
  }
  return same;
}

/** An answer object's keys in the schema's order (zod's output order); -1: not one of them. */
function answerKeyRank(key: string): number {
  switch (key) {
    case "score":
      return 0;
    case "assessors":
      return 1;
    case "survey":
      return 2;
    case "value":
      return 3;
    case "evidence":
      return 4;
    case "note":
      return 5;
    default:
      return -1;
  }
}

function checkAnswerObject(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  // As it came, if its keys are in the schema's order, none is undefined and no part is copied.
  let same = keysInOrder(value, answerKeyRank);
  if (same === undefined) return undefined;
  if (value.score !== undefined && !isNumber(value.score)) return undefined;
  let assessors: unknown[] | undefined;
  if (value.assessors !== undefined) {
    assessors = checkAssessors(value.assessors);
    if (!assessors) return undefined;
    if (assessors !== value.assessors) same = false;
  }
  let survey: Record<string, unknown> | undefined;
  if (value.survey !== undefined) {
    survey = checkSurvey(value.survey);
    if (!survey) return undefined;
    if (survey !== value.survey) same = false;
  }
  if (value.value !== undefined && !isNumber(value.value)) return undefined;
  if (value.evidence !== undefined && !nonEmptyStrings(value.evidence)) return undefined;
  if (value.note !== undefined && typeof value.note !== "string") return undefined;
  if (same) return value;
  const out: Record<string, unknown> = {};
  if (value.score !== undefined) out.score = value.score;
  if (assessors) out.assessors = assessors;
  if (survey) out.survey = survey;
  if (value.value !== undefined) out.value = value.value;
  if (value.evidence !== undefined) out.evidence = (value.evidence as string[]).slice();
  if (value.note !== undefined) out.note = value.note;
  return out;
}

/** z.array(z.string().min(1)). */
function nonEmptyStrings(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== "string" || item.length === 0) return false;
  return true;
}

/** The assessors as zod gives them: `value` itself when no entry needs copying. */
function checkAssessors(value: unknown): unknown[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  let out: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    let checked: unknown = entry;
    if (!isNumber(entry)) {
      checked = checkNamedAssessor(entry);
      if (!checked) return undefined;
    }
    if (checked !== entry && !out) out = value.slice(0, i);
    out?.push(checked);
  }
  return out ?? value;
}

const assessorKeyRank = (key: string) => (key === "name" ? 0 : key === "score" ? 1 : key === "note" ? 2 : -1);
const countsKeyRank = (key: string) => (key === "counts" ? 0 : key === "imported" ? 1 : -1);

/** A named assessor's entry: itself when its keys are in order and its name needs no trimming. */
function checkNamedAssessor(entry: unknown): Record<string, unknown> | undefined {
  if (!isRecord(entry)) return undefined;
  const same = keysInOrder(entry, assessorKeyRank);
  if (same === undefined) return undefined;
  const name = trimmed(entry.name);
  if (name === undefined || !isNumber(entry.score)) return undefined;
  if (entry.note !== undefined && typeof entry.note !== "string") return undefined;
  if (same && name === entry.name) return entry;
  const copy: Record<string, unknown> = { name, score: entry.score };
  if (entry.note !== undefined) copy.note = entry.note;
  return copy;
}

/** A survey as zod gives it: `value` itself when its keys are in the schema's order. */
function checkSurvey(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  if ("counts" in value) {
    const same = keysInOrder(value, countsKeyRank);
    if (same === undefined) return undefined;
    const counts = value.counts;
    if (!isRecord(counts) || !validCounts(counts)) return undefined;
    if (value.imported !== undefined && (!nonEmptyStrings(value.imported) || value.imported.length === 0))
      return undefined;
    if (same) return value;
    const out: Record<string, unknown> = { counts: copyRecord(counts) };
    if (value.imported !== undefined) out.imported = (value.imported as string[]).slice();
    return out;
  }
  let order = 0;
  for (const key in value) {
    if (key !== "mean" && key !== "respondents") return undefined;
    order = order * 2 + (key === "mean" ? 1 : 2);
  }
  const { mean, respondents } = value;
  if (!isNumber(mean) || !Number.isSafeInteger(respondents) || (respondents as number) < 0) return undefined;
  // order 4: "mean" then "respondents", the schema's order.
  return order === 4 ? value : { mean, respondents };
}

/** Levels looked up by index before the keys are enumerated (see validCounts). */
const INDEXED_LEVELS = 8;

/** A survey's counts: each key a level (/^-?\d+$/), each count a whole number ≥ 0. */
function validCounts(counts: Record<string, unknown>): boolean {
  // Levels are nearly always the small whole numbers 0, 1, 2…: looked up by index they need no
  // key strings, which enumerating the keys makes (for-in costs several times as much). When
  // the counts found that way are all there are, every key is such a level.
  let found = 0;
  for (let level = 0; level < INDEXED_LEVELS; level++) {
    const count = counts[level];
    if (count === undefined) continue;
    if (!isCount(count)) return false;
    found++;
  }
  if (Object.values(counts).length === found) return true;
  for (const level in counts) if (!isCount(counts[level]) || !isLevel(level)) return false;
  return true;
}

const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

function copyRecord(record: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in record) copy[key] = record[key];
  return copy;
}

/** /^-?\d+$/ without a pattern: a survey has a few levels a question and a batch thousands of surveys. */
function isLevel(key: string): boolean {
  let i = key.charCodeAt(0) === 45 ? 1 : 0;
  if (i === key.length) return false;
  for (; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
