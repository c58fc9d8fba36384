import type { Lang } from "../model/common.js";
import { formatDecimal } from "./format.js";

const words = {
  id: {
    evidence: "bukti",
    note: "catatan",
    assessors: "asesor",
    survey: (mean: string, respondents: number) => `survei ${mean} (${respondents} responden)`,
    surveyCounts: (counts: string) => `survei ${counts}`,
    value: (value: string) => `nilai ${value}`,
    empty: "-",
  },
  en: {
    evidence: "evidence",
    note: "note",
    assessors: "assessors",
    survey: (mean: string, respondents: number) => `survey ${mean} (${respondents} respondents)`,
    surveyCounts: (counts: string) => `survey ${counts}`,
    value: (value: string) => `value ${value}`,
    empty: "-",
  },
} as const;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A stored answer (or any value the history holds) on one line, without its questionnaire:
 * `3 · bukti: SK 12/2024 · catatan: … · asesor: Ani 3, Budi 2`. Unknown shapes fall back to JSON.
 */
export function describeStoredValue(value: unknown, lang: Lang): string {
  const w = words[lang];
  if (value === null || value === undefined) return w.empty;
  if (typeof value === "number") return formatDecimal(value, lang);
  if (typeof value === "string") return value;
  if (!isRecord(value)) return JSON.stringify(value);
  const parts: string[] = [];
  const known = new Set(["score", "survey", "value", "evidence", "note", "assessors"]);
  if (!Object.keys(value).every((k) => known.has(k))) {
    // Other fields (respondent, previous): key: value pairs, JSON only for what is nested deeper.
    return Object.entries(value)
      .map(
        ([k, v]) =>
          `${k}: ${typeof v === "number" ? formatDecimal(v, lang) : typeof v === "string" ? v : JSON.stringify(v)}`,
      )
      .join(", ");
  }
  if (typeof value.score === "number") parts.push(formatDecimal(value.score, lang));
  if (isRecord(value.survey)) {
    const s = value.survey;
    if (typeof s.mean === "number" && typeof s.respondents === "number")
      parts.push(w.survey(formatDecimal(s.mean, lang), s.respondents));
    else if (isRecord(s.counts))
      parts.push(
        w.surveyCounts(
          Object.entries(s.counts)
            .map(([k, n]) => `${k}:${String(n)}`)
            .join(" "),
        ),
      );
  }
  if (typeof value.value === "number") parts.push(w.value(formatDecimal(value.value, lang)));
  if (Array.isArray(value.evidence)) parts.push(`${w.evidence}: ${value.evidence.join("; ")}`);
  if (typeof value.note === "string") parts.push(`${w.note}: ${value.note}`);
  if (Array.isArray(value.assessors)) {
    const scores = value.assessors.map((a: unknown) => {
      if (typeof a === "number") return formatDecimal(a, lang);
      if (!isRecord(a)) return JSON.stringify(a);
      const score = typeof a.score === "number" ? formatDecimal(a.score, lang) : "?";
      return `${String(a.name)} ${score}${typeof a.note === "string" ? ` (${a.note})` : ""}`;
    });
    parts.push(`${w.assessors}: ${scores.join(", ")}`);
  }
  return parts.length ? parts.join(" · ") : w.empty;
}
