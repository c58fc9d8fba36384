import type { Issue } from "../errors.js";
import type { Questionnaire, Question, NumericQuestion } from "./questionnaire.js";

type Path = (string | number)[];

/** Rules the shape cannot express. Pure: returns every problem found, errors and warnings. */
export function checkQuestionnaire(q: Questionnaire): Issue[] {
  const issues: Issue[] = [];
  const error = (path: Path, message: string, hint?: string) =>
    issues.push({ path, severity: "error", message, ...(hint ? { hint } : {}) });
  const warning = (path: Path, message: string, hint?: string) =>
    issues.push({ path, severity: "warning", message, ...(hint ? { hint } : {}) });

  const scaleValues: number[] = [];
  for (let v = q.scale.min; v <= q.scale.max; v++) scaleValues.push(v);
  const inScale = (v: number) => v >= q.scale.min && v <= q.scale.max;

  uniqueIds(q.elements, ["elements"], "element", error);
  uniqueIds(q.pillars ?? [], ["pillars"], "pillar", error);
  uniqueIds(q.profiles, ["profiles"], "profile", error);
  q.pillars?.forEach((p, i) => uniqueIds(p.subdimensions ?? [], ["pillars", i, "subdimensions"], "sub-dimension", error));

  const pillars = new Map((q.pillars ?? []).map((p) => [p.id, p]));
  const seenQuestions = new Map<string, Path>();
  q.elements.forEach((element, e) => {
    uniqueIds(element.indicators ?? [], ["elements", e, "indicators"], "indicator", error);
    const indicators = new Set((element.indicators ?? []).map((i) => i.id));
    element.questions.forEach((question, k) => {
      const path: Path = ["elements", e, "questions", k];
      const first = seenQuestions.get(question.id);
      if (first) error([...path, "id"], `duplicate question id "${question.id}" (first used at ${first.join(".")})`, "question ids must be unique in the whole questionnaire");
      else seenQuestions.set(question.id, path);

      if (question.pillar !== undefined) {
        const pillar = pillars.get(question.pillar);
        if (!pillar) error([...path, "pillar"], `unknown pillar "${question.pillar}"`, hintKnown("pillars", [...pillars.keys()]));
        else if (question.subdimension !== undefined && !(pillar.subdimensions ?? []).some((s) => s.id === question.subdimension)) {
          error([...path, "subdimension"], `pillar "${pillar.id}" has no sub-dimension "${question.subdimension}"`, hintKnown("sub-dimensions", (pillar.subdimensions ?? []).map((s) => s.id)));
        }
      } else if (question.subdimension !== undefined) {
        error([...path, "subdimension"], "a sub-dimension needs a pillar", "add the pillar the sub-dimension belongs to");
      }
      if (question.indicator !== undefined && !indicators.has(question.indicator)) {
        error([...path, "indicator"], `element "${element.id}" has no indicator "${question.indicator}"`, hintKnown("indicators", [...indicators]));
      }
      checkLevels(question, path, scaleValues, inScale, error);
      if (isNumeric(question)) checkThresholds(question, path, inScale, error);
    });
  });

  if (q.surveyLabels) checkLevelMap(q.surveyLabels, ["surveyLabels"], scaleValues, inScale, error, "survey label");

  const elementIds = new Set(q.elements.map((el) => el.id));
  const weighted = new Set<string>();
  q.profiles.forEach((profile, p) => {
    let sum = 0;
    for (const [elementId, weight] of Object.entries(profile.weights)) {
      if (!elementIds.has(elementId)) error(["profiles", p, "weights", elementId], `unknown element "${elementId}"`, hintKnown("elements", [...elementIds]));
      sum += weight;
      if (weight > 0) weighted.add(elementId);
    }
    // Weights are written with at most a few decimals; compare in hundredths of a percent.
    if (Math.round(sum * 10000) !== 1_000_000) {
      error(["profiles", p, "weights"], `weights of profile "${profile.id}" sum to ${+sum.toFixed(6)}, expected 100`);
    }
  });
  if (!q.profiles.some((p) => p.id === q.defaultProfile)) {
    error(["defaultProfile"], `unknown profile "${q.defaultProfile}"`, hintKnown("profiles", q.profiles.map((p) => p.id)));
  }
  q.elements.forEach((el, e) => {
    if (!weighted.has(el.id)) warning(["elements", e], `element "${el.id}" has a weight in no profile, so it never counts`);
  });

  if (q.bands) {
    const mins = new Map<number, number>();
    q.bands.forEach((band, b) => {
      if (!inScale(band.min)) error(["bands", b, "min"], `band minimum ${band.min} is outside the scale ${q.scale.min}–${q.scale.max}`);
      const other = mins.get(band.min);
      if (other !== undefined) error(["bands", b, "min"], `two bands start at ${band.min} (bands ${other} and ${b})`);
      mins.set(band.min, b);
    });
    if (q.bands.length > 0 && !q.bands.some((b) => b.min <= q.scale.min)) {
      warning(["bands"], `no band starts at the scale minimum ${q.scale.min}, so low totals get no predicate`);
    }
  }

  checkTranslations(q, [], issues);
  return issues;
}

type Report = (path: Path, message: string, hint?: string) => void;

function uniqueIds(items: readonly { id: string }[], base: Path, what: string, error: Report) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) error([...base, i, "id"], `duplicate ${what} id "${item.id}" (first at ${[...base, first].join(".")})`);
    else seen.set(item.id, i);
  });
}

function hintKnown(what: string, ids: string[]): string {
  return ids.length ? `known ${what}: ${ids.join(", ")}` : `no ${what} are defined`;
}

function isNumeric(question: Question): question is NumericQuestion {
  return question.kind === "count" || question.kind === "percent" || question.kind === "number";
}

function checkLevels(question: Question, path: Path, scaleValues: number[], inScale: (v: number) => boolean, error: Report) {
  if (question.kind === "level") {
    checkLevelMap(question.levels, [...path, "levels"], scaleValues, inScale, error, "level descriptor", true);
  } else if (isNumeric(question) && question.levels) {
    checkLevelMap(question.levels, [...path, "levels"], scaleValues, inScale, error, "level descriptor", false);
  }
}

function checkLevelMap(map: Record<string, unknown>, path: Path, scaleValues: number[], inScale: (v: number) => boolean, error: Report, what: string, complete = true) {
  for (const key of Object.keys(map)) {
    if (!inScale(Number(key))) error([...path, key], `${what} for ${key}, which is outside the scale ${scaleValues[0]}–${scaleValues[scaleValues.length - 1]}`);
  }
  const missing = scaleValues.filter((v) => !(String(v) in map));
  if (complete && missing.length > 0) {
    error(path, `expected ${scaleValues.length} ${what}s (${scaleValues.join(", ")}), found ${scaleValues.length - missing.length}; missing ${missing.join(", ")}`, "describe what every level means for this question");
  }
}

function checkThresholds(question: NumericQuestion, path: Path, inScale: (v: number) => boolean, error: Report) {
  const range = effectiveRange(question);
  if (range.min !== undefined && range.max !== undefined && range.min >= range.max) {
    error([...path, "range"], `range.min (${range.min}) must be below range.max (${range.max})`);
  }
  const descending = question.direction === "descending";
  question.thresholds.forEach((t, i) => {
    const tPath = [...path, "thresholds", i];
    if (!inScale(t.level)) error([...tPath, "level"], `threshold level ${t.level} is outside the scale`);
    if ((range.min !== undefined && t.at < range.min) || (range.max !== undefined && t.at > range.max)) {
      error([...tPath, "at"], `threshold ${t.at} is outside the valid range ${range.min ?? "-∞"}–${range.max ?? "∞"}`);
    }
    const prev = question.thresholds[i - 1];
    if (!prev) return;
    if (descending ? t.at >= prev.at : t.at <= prev.at) {
      error([...tPath, "at"], `thresholds must be strictly ${descending ? "decreasing (direction: descending)" : "increasing"}: ${prev.at} then ${t.at}`);
    }
    if (t.level <= prev.level) error([...tPath, "level"], `threshold levels must increase: ${prev.level} then ${t.level}`);
  });
}

/** The values an officer may enter for a numeric question. */
export function effectiveRange(question: NumericQuestion): { min?: number; max?: number } {
  const defaults = question.kind === "percent" ? { min: 0, max: 100 } : question.kind === "count" ? { min: 0 } : {};
  return { ...defaults, ...question.range };
}

const TEXT_KEYS = new Set(["title", "description", "text", "help", "unit", "label", "official", "nonOfficial"]);
const LEVEL_MAP_KEYS = new Set(["levels", "surveyLabels"]);

/** Warns about every bilingual text that lacks one of the two languages. */
function checkTranslations(node: unknown, path: Path, issues: Issue[]) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => checkTranslations(item, [...path, i], issues));
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (TEXT_KEYS.has(key)) missingLanguage(value, [...path, key], issues);
    else if (LEVEL_MAP_KEYS.has(key) && value && typeof value === "object") {
      for (const [level, text] of Object.entries(value)) missingLanguage(text, [...path, key, level], issues);
    } else checkTranslations(value, [...path, key], issues);
  }
}

function missingLanguage(text: unknown, path: Path, issues: Issue[]) {
  if (!text || typeof text !== "object") return;
  const t = text as { id?: string; en?: string };
  if (t.id === undefined) issues.push({ path, severity: "warning", message: "missing Indonesian text (id)" });
  if (t.en === undefined) issues.push({ path, severity: "warning", message: "missing English text (en)" });
}
