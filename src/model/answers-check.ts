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
const LEVEL = /^-?\d+$/;

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

function checkAnswers(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (key === "__proto__") return undefined;
    const answer = value[key];
    if (answer === null || isNumber(answer)) out[key] = answer;
    else {
      const checked = checkAnswerObject(answer);
      if (!checked) return undefined;
      out[key] = checked;
    }
  }
  return out;
}

const ANSWER_KEYS = new Set(["score", "assessors", "survey", "value", "evidence", "note"]);

function checkAnswerObject(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  for (const key in value) if (!ANSWER_KEYS.has(key)) return undefined;
  const out: Record<string, unknown> = {};
  if (value.score !== undefined) {
    if (!isNumber(value.score)) return undefined;
    out.score = value.score;
  }
  if (value.assessors !== undefined) {
    const assessors = checkAssessors(value.assessors);
    if (!assessors) return undefined;
    out.assessors = assessors;
  }
  if (value.survey !== undefined) {
    const survey = checkSurvey(value.survey);
    if (!survey) return undefined;
    out.survey = survey;
  }
  if (value.value !== undefined) {
    if (!isNumber(value.value)) return undefined;
    out.value = value.value;
  }
  if (value.evidence !== undefined) {
    const evidence = nonEmptyStrings(value.evidence);
    if (!evidence) return undefined;
    out.evidence = evidence;
  }
  if (!optionalString(value, "note", out)) return undefined;
  return out;
}

/** z.array(z.string().min(1)): a copy, or undefined. */
function nonEmptyStrings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const item of value) if (typeof item !== "string" || item.length === 0) return undefined;
  return value.slice();
}

function checkAssessors(value: unknown): (number | Record<string, unknown>)[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const out: (number | Record<string, unknown>)[] = [];
  for (const entry of value) {
    if (isNumber(entry)) {
      out.push(entry);
      continue;
    }
    if (!isRecord(entry)) return undefined;
    for (const key in entry) if (key !== "name" && key !== "score" && key !== "note") return undefined;
    const name = trimmed(entry.name);
    if (name === undefined || !isNumber(entry.score)) return undefined;
    const copy: Record<string, unknown> = { name, score: entry.score };
    if (!optionalString(entry, "note", copy)) return undefined;
    out.push(copy);
  }
  return out;
}

function checkSurvey(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  if ("counts" in value) {
    for (const key in value) if (key !== "counts" && key !== "imported") return undefined;
    const counts = value.counts;
    if (!isRecord(counts)) return undefined;
    const copy: Record<string, number> = {};
    for (const level in counts) {
      const count = counts[level];
      if (!LEVEL.test(level) || !Number.isSafeInteger(count) || (count as number) < 0) return undefined;
      copy[level] = count as number;
    }
    const out: Record<string, unknown> = { counts: copy };
    if (value.imported !== undefined) {
      const imported = nonEmptyStrings(value.imported);
      if (!imported || imported.length === 0) return undefined;
      out.imported = imported;
    }
    return out;
  }
  for (const key in value) if (key !== "mean" && key !== "respondents") return undefined;
  const { mean, respondents } = value;
  if (!isNumber(mean) || !Number.isSafeInteger(respondents) || (respondents as number) < 0) return undefined;
  return { mean, respondents };
}
