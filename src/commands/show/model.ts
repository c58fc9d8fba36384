import { fromNumber, sum, toNumber } from "../../model/exact.js";
import type { Lang } from "../../model/common.js";
import type { Element, Question, Questionnaire } from "../../model/questionnaire.js";
import { localize } from "../../text/format.js";

/** Words of the `show` views, in both languages. */
const LABELS = {
  en: {
    version: "version",
    scale: "scale",
    questions: (n: number) => `${n} question${n === 1 ? "" : "s"}`,
    elements: (n: number) => `${n} element${n === 1 ? "" : "s"}`,
    weights: "Weights (%)",
    element: "Element",
    total: "Total",
    profiles: "Profiles",
    defaultProfile: "default",
    notInProfile: "not in this profile",
    pillar: "Pillar",
    kind: "Kind",
    question: "Question",
    respondents: (n: number) => `${n} respondents`,
    thresholds: "thresholds",
    unit: "unit",
    weight: "weight",
  },
  id: {
    version: "versi",
    scale: "skala",
    questions: (n: number) => `${n} pertanyaan`,
    elements: (n: number) => `${n} elemen`,
    weights: "Bobot (%)",
    element: "Elemen",
    total: "Jumlah",
    profiles: "Profil",
    defaultProfile: "bawaan",
    notInProfile: "tidak termasuk profil ini",
    pillar: "Pilar",
    kind: "Jenis",
    question: "Pertanyaan",
    respondents: (n: number) => `${n} responden`,
    thresholds: "ambang",
    unit: "satuan",
    weight: "bobot",
  },
} as const;
export type ShowLabels = (typeof LABELS)[Lang];
export const showLabels = (lang: Lang): ShowLabels => LABELS[lang];

import { formatDecimal as formatNumber } from "../../text/format.js";
import { own } from "../../model/own.js";
export { formatNumber };

/**
 * The weight table of the evaluation letter: one row per element in official order, one column
 * per profile ("–": not in that profile), and the total each profile's weights come to.
 */
export function weightRows(q: Questionnaire, lang: Lang): { elements: string[][]; total: string[] } {
  const cell = (weight: number | undefined) => (weight === undefined ? "–" : formatNumber(weight, lang));
  return {
    elements: q.elements.map((e) => [localize(e.title, lang), ...q.profiles.map((p) => cell(own(p.weights, e.id)))]),
    total: q.profiles.map((p) => formatNumber(toNumber(sum(Object.values(p.weights).map(fromNumber))), lang)),
  };
}

export const totalQuestions = (q: Questionnaire) => q.elements.reduce((n, e) => n + e.questions.length, 0);

/** "Smart Governance › Public services", or "" for a question outside the pillars. */
export function pillarLabel(q: Questionnaire, question: Question, lang: Lang): string {
  if (!question.pillar) return "";
  const pillar = q.pillars?.find((p) => p.id === question.pillar);
  const title = pillar ? localize(pillar.title, lang) : question.pillar;
  const sub = question.subdimension ? pillar?.subdimensions?.find((s) => s.id === question.subdimension) : undefined;
  return sub ? `${title} › ${localize(sub.title, lang)}` : title;
}

/** What the kind means for this question: "survey, 50 respondents", "percent, thresholds ≥0.5 → 1, ≥1 → 2". */
export function kindDetail(question: Question, lang: Lang): string {
  const L = showLabels(lang);
  switch (question.kind) {
    case "level":
      return "level";
    case "survey":
      return `survey, ${L.respondents(question.respondents)}`;
    default: {
      const op = question.direction === "descending" ? "≤" : "≥";
      const steps = question.thresholds.map((t) => `${op}${formatNumber(t.at, lang)} → ${t.level}`).join(", ");
      const unit = question.unit ? ` (${localize(question.unit, lang)})` : "";
      return `${question.kind}${unit}, ${L.thresholds} ${steps}`;
    }
  }
}

/** The element's questions with the indicator heading to print before each, when it changes. */
export function questionsWithHeadings(
  element: Element,
  lang: Lang,
): { question: Question; number: number; heading?: string }[] {
  let current: string | undefined;
  return element.questions.map((question, i) => {
    const indicator = question.indicator;
    const changed = indicator !== undefined && indicator !== current;
    current = indicator;
    const title = changed ? element.indicators?.find((x) => x.id === indicator)?.title : undefined;
    return { question, number: i + 1, ...(changed ? { heading: title ? localize(title, lang) : indicator } : {}) };
  });
}

/**
 * The structure as data (`show --format json`): elements and questions in official order,
 * each profile's weights as written. Keys always present and in a fixed order, so the output
 * is the same bytes for the same file.
 */
export function showJson(q: Questionnaire, lang: Lang) {
  return {
    id: q.id,
    version: q.version,
    title: localize(q.title, lang),
    scale: { min: q.scale.min, max: q.scale.max },
    defaultProfile: q.defaultProfile,
    profiles: Object.fromEntries(
      q.profiles.map((p) => [
        p.id,
        Object.fromEntries(
          q.elements.filter((e) => own(p.weights, e.id) !== undefined).map((e) => [e.id, own(p.weights, e.id)!]),
        ),
      ]),
    ),
    pillars: (q.pillars ?? []).map((p) => ({
      id: p.id,
      title: localize(p.title, lang),
      subdimensions: (p.subdimensions ?? []).map((s) => s.id),
    })),
    elements: q.elements.map((e) => ({
      id: e.id,
      title: localize(e.title, lang),
      questions: e.questions.map((question) => ({
        id: question.id,
        kind: question.kind,
        pillar: question.pillar ?? null,
        subdimension: question.subdimension ?? null,
        indicator: question.indicator ?? null,
        weight: question.weight ?? 1,
        text: localize(question.text, lang),
        ...(question.kind === "survey" ? { respondents: question.respondents } : {}),
        ...(question.kind !== "level" && question.kind !== "survey"
          ? {
              direction: question.direction ?? "ascending",
              thresholds: question.thresholds.map((t) => ({ at: t.at, level: t.level })),
            }
          : {}),
      })),
    })),
  };
}
