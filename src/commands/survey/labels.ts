import type { Lang } from "../../model/common.js";
import type { Questionnaire, Scale } from "../../model/questionnaire.js";
import { localize } from "../../text/format.js";

/**
 * Likert labels respondents and online forms write, by position on a five-level scale
 * (0 = most negative). Indonesian first; the middle level has the most variants because
 * Indonesian forms name it in many ways (Ragu-ragu, Netral, Cukup, Kurang Setuju).
 */
const FIVE_LEVEL_LABELS: readonly (readonly string[])[] = [
  ["sangat tidak setuju", "sts", "strongly disagree", "sangat tidak puas", "very dissatisfied"],
  ["tidak setuju", "ts", "disagree", "tidak puas", "dissatisfied"],
  [
    "ragu ragu",
    "ragu",
    "netral",
    "cukup",
    "cukup setuju",
    "kurang setuju",
    "ks",
    "rr",
    "n",
    "neutral",
    "neither agree nor disagree",
    "neither",
    "undecided",
    "not sure",
    "tidak tahu",
    "cukup puas",
  ],
  ["setuju", "s", "agree", "puas", "satisfied"],
  ["sangat setuju", "ss", "strongly agree", "sangat puas", "very satisfied"],
];

/** Canonical names of the five levels when a questionnaire has no labels of its own. */
const FIVE_LEVEL_NAMES: Record<Lang, readonly string[]> = {
  id: ["Sangat tidak setuju", "Tidak setuju", "Ragu-ragu", "Setuju", "Sangat setuju"],
  en: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
};

/** Case, accents, punctuation, spacing and the usual abbreviations (tdk, sgt) do not matter. */
export function normalizeLabel(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/\btdk\b/g, "tidak")
    .replace(/\bsgt\b/g, "sangat")
    .replace(/\bstj\b/g, "setuju");
}

/** The label of every level, in the template's language: the questionnaire's own, else the usual Likert names. */
export function scaleLabels(questionnaire: Questionnaire, lang: Lang): { level: number; label: string }[] {
  const { min, max } = questionnaire.scale;
  const out: { level: number; label: string }[] = [];
  for (let level = min; level <= max; level++) {
    const own = localize(questionnaire.surveyLabels?.[String(level)], lang);
    const generic = max - min === 4 ? FIVE_LEVEL_NAMES[lang][level - min]! : "";
    out.push({ level, label: own || generic });
  }
  return out;
}

/** Normalised label → level on the questionnaire's scale; the questionnaire's own labels win. */
export function labelLookup(questionnaire: Questionnaire): Map<string, number> {
  const { min, max } = questionnaire.scale;
  const map = new Map<string, number>();
  if (max - min === 4) {
    FIVE_LEVEL_LABELS.forEach((variants, i) => {
      for (const v of variants) map.set(normalizeLabel(v), min + i);
    });
  }
  for (const [key, text] of Object.entries(questionnaire.surveyLabels ?? {})) {
    for (const t of [text.id, text.en]) if (t) map.set(normalizeLabel(t), Number(key));
  }
  return map;
}

export type CellValue = string | number | boolean | Date | null | undefined;

export type ParsedCell =
  | { kind: "blank" }
  | { kind: "level"; level: number }
  | { kind: "error"; code: "unknown-label"; text: string }
  | { kind: "error"; code: "out-of-scale"; value: number; min: number; max: number; suggest15: boolean }
  | { kind: "error"; code: "not-whole"; text: string }
  | { kind: "error"; code: "mismatch"; text: string }
  | { kind: "error"; code: "not-an-answer"; text: string };

export interface CellRules {
  labels: Map<string, number>;
  /** The questionnaire's scale: what the counts are on. */
  scale: Scale;
  /** The scale numbers on the sheet are on (`--scale 1-5`); the questionnaire's otherwise. */
  sheetScale: Scale;
  /** Whether the user chose the sheet scale (a 5 on a 0–4 sheet then gets no hint). */
  scaleGiven: boolean;
}

const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
const NUMBER_THEN_LABEL = /^(\d+)\s*[.):=-]?\s+(.*\p{L}.*)$/u;
const LABEL_THEN_NUMBER = /^(.*\p{L}.*?)\s*[([]\s*(\d+)\s*[)\]]$/u;

/** One answer cell → a level on the questionnaire's scale, a blank, or why it is not an answer. */
export function parseCell(value: CellValue, rules: CellRules): ParsedCell {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") return fromNumber(value, String(value), rules);
  if (typeof value === "boolean" || value instanceof Date)
    return { kind: "error", code: "not-an-answer", text: String(value) };
  const text = value.trim();
  if (text === "") return { kind: "blank" };
  if (NUMBER.test(text)) return fromNumber(Number(text.replace(",", ".")), text, rules);
  const label = rules.labels.get(normalizeLabel(text));
  if (label !== undefined) return { kind: "level", level: label };
  // "4 - Sangat setuju", "Sangat setuju (4)": the number is on the sheet's scale and must agree.
  const both = NUMBER_THEN_LABEL.exec(text) ?? LABEL_THEN_NUMBER.exec(text);
  if (both) {
    const [n, l] = NUMBER_THEN_LABEL.test(text) ? [both[1]!, both[2]!] : [both[2]!, both[1]!];
    const byLabel = rules.labels.get(normalizeLabel(l));
    if (byLabel !== undefined) {
      const byNumber = fromNumber(Number(n), n, rules);
      if (byNumber.kind === "level" && byNumber.level !== byLabel) return { kind: "error", code: "mismatch", text };
      return { kind: "level", level: byLabel };
    }
  }
  return { kind: "error", code: "unknown-label", text };
}

function fromNumber(value: number, text: string, rules: CellRules): ParsedCell {
  if (!Number.isInteger(value)) return { kind: "error", code: "not-whole", text };
  const { sheetScale, scale } = rules;
  if (value < sheetScale.min || value > sheetScale.max) {
    const suggest15 = !rules.scaleGiven && value === sheetScale.max + 1;
    return { kind: "error", code: "out-of-scale", value, min: sheetScale.min, max: sheetScale.max, suggest15 };
  }
  return { kind: "level", level: value - sheetScale.min + scale.min };
}
