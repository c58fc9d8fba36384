import type { SurveyAnswer } from "../model/answers.js";
import type { NumericQuestion, Scale } from "../model/questionnaire.js";
import { effectiveRange } from "../model/numeric-question.js";
import type { Messages } from "./messages.js";

/** What an officer can type instead of an answer. */
const walkCommands = { "<": "back", ">": "skip", "?": "review", q: "quit", "-": "clear" } as const;
export type WalkCommand = (typeof walkCommands)[keyof typeof walkCommands];

export function parseCommand(text: string): WalkCommand | undefined {
  const key = text.trim().toLowerCase();
  return Object.hasOwn(walkCommands, key) ? walkCommands[key as keyof typeof walkCommands] : undefined;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);

/**
 * Reads a number written the Indonesian way (`2,8`, `1.234,5`) or the English way (`2.8`,
 * `1,234.5`). A single comma is a decimal comma. With `wholeNumber`, dots or commas in groups of
 * three are thousands separators (`1.234` is 1234 people, not 1.234 of a person).
 */
export function parseDecimal(text: string, options: { wholeNumber?: boolean } = {}): number | undefined {
  let s = text.trim().replace(/\s*%$/, "").replace(/^\+/, "");
  const negative = s.startsWith("-");
  if (negative) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined;
  const dots = s.split(".").length - 1;
  const commas = s.split(",").length - 1;
  let normalized: string;
  if (dots > 0 && commas > 0) {
    // The separator that comes last is the decimal one; the other groups thousands.
    const decimal = s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
    const group = decimal === "," ? "." : ",";
    const [int = "", frac = "", ...rest] = s.split(decimal);
    if (rest.length > 0 || !GROUPED(group).test(int)) return undefined;
    normalized = `${int.split(group).join("")}.${frac}`;
  } else if (dots + commas === 0) {
    normalized = s;
  } else {
    const sep = dots > 0 ? "." : ",";
    const count = dots + commas;
    if (count > 1 || (options.wholeNumber && GROUPED(sep).test(s))) {
      if (!GROUPED(sep).test(s)) return undefined;
      normalized = s.split(sep).join("");
    } else {
      normalized = s.replace(",", ".");
    }
  }
  if (normalized.startsWith(".") || normalized.endsWith(".")) return undefined;
  const value = Number(normalized);
  if (!Number.isFinite(value)) return undefined;
  return negative && value !== 0 ? -value : value;
}

import { formatDecimal } from "../text/format.js";
import { hasOwnKey, own } from "../model/own.js";
/** A number written for the officer's language: `2,8` in Indonesian, `2.8` in English. */
export { formatDecimal };

/** The measured value of a count/percent/number question, checked against its range. */
export function parseNumericValue(question: NumericQuestion, text: string, t: Messages): Parsed<number> {
  const whole = question.kind === "count";
  const value = parseDecimal(text, { wholeNumber: whole });
  if (value === undefined) return { ok: false, error: t.notANumber(text.trim()) };
  if (whole && !Number.isInteger(value)) return { ok: false, error: t.notWholeNumber(value) };
  const range = effectiveRange(question);
  if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
    return { ok: false, error: t.outsideRange(value, range.min, range.max) };
  }
  return { ok: true, value };
}

/**
 * A survey result, in one of two forms:
 * - the mean and the number of respondents: `2,8 50`, `2.8/50`, `2,8 n=50`; the mean alone
 *   when `defaultRespondents` gives the count to use (the last one typed for the same pillar);
 * - respondents per level: `0:1 1:4 2:10 3:20 4:15` (levels without respondents may be left out).
 */
export function parseSurvey(
  text: string,
  scale: Scale,
  t: Messages,
  defaultRespondents?: number,
): Parsed<SurveyAnswer> {
  const s = text.trim();
  if (/[:=]/.test(s) && !/n\s*=/i.test(s)) return parseCounts(s, scale, t);
  const match = /^(\S+?)\s*(?:\/|\s)\s*(?:n\s*=\s*)?(\S+)$/i.exec(s);
  if (!match) {
    const mean = parseDecimal(s);
    if (mean === undefined) return { ok: false, error: t.surveyFormat };
    if (defaultRespondents === undefined) return { ok: false, error: t.surveyNeedsRespondents };
    if (mean < scale.min || mean > scale.max)
      return { ok: false, error: t.meanOutsideScale(mean, scale.min, scale.max) };
    return { ok: true, value: { mean, respondents: defaultRespondents } };
  }
  const mean = parseDecimal(match[1]!);
  if (mean === undefined) return { ok: false, error: t.surveyFormat };
  if (mean < scale.min || mean > scale.max) return { ok: false, error: t.meanOutsideScale(mean, scale.min, scale.max) };
  const respondents = parseDecimal(match[2]!, { wholeNumber: true });
  if (respondents === undefined || !Number.isInteger(respondents) || respondents < 1) {
    return { ok: false, error: t.badRespondents(match[2]!) };
  }
  return { ok: true, value: { mean, respondents } };
}

function parseCounts(s: string, scale: Scale, t: Messages): Parsed<SurveyAnswer> {
  const counts: Record<string, number> = {};
  for (const token of s.split(/[\s,;]+/).filter(Boolean)) {
    const match = /^(-?\d+)\s*[:=]\s*(\d+)$/.exec(token);
    if (!match) return { ok: false, error: t.badCountToken(token) };
    const level = Number(match[1]);
    if (level < scale.min || level > scale.max)
      return { ok: false, error: t.levelOutsideScale(level, scale.min, scale.max) };
    if (hasOwnKey(counts, String(level))) return { ok: false, error: t.duplicateLevel(level) };
    counts[String(level)] = Number(match[2]);
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0) return { ok: false, error: t.noRespondents };
  // Keep the levels in scale order, so the file reads 0, 1, 2, … whatever order was typed.
  const ordered: Record<string, number> = {};
  for (let level = scale.min; level <= scale.max; level++) {
    const count = own(counts, String(level));
    if (count !== undefined) ordered[String(level)] = count;
  }
  return { ok: true, value: { counts: ordered } };
}

/** The text that, typed back, gives the same survey answer: the default shown on resume. */
export function formatSurvey(survey: SurveyAnswer, lang: "id" | "en"): string {
  if ("counts" in survey) {
    return Object.entries(survey.counts)
      .map(([level, count]) => `${level}:${count}`)
      .join(" ");
  }
  return `${formatDecimal(survey.mean, lang)} ${survey.respondents}`;
}

/** Evidence typed on one line: items separated by semicolons. */
export function parseEvidence(text: string): string[] {
  return text
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** How many respondents a survey answer counts. */
export function respondentsOf(survey: SurveyAnswer): number {
  return "counts" in survey ? Object.values(survey.counts).reduce((a, b) => a + b, 0) : survey.respondents;
}
