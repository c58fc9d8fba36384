import { compare, exact, fromNumber, sum, toNumber } from "./exact.js";
import { effectiveRange, isNumeric } from "./numeric-question.js";
import type { Issue } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";
import type { NumericQuestion, Questionnaire } from "./questionnaire.js";

type Path = (string | number)[];
type Params = NonNullable<Issue["params"]>;
/** A problem: where, its code and the values it names (src/text/definition-messages*.ts say it). */
type Report = (path: Path, code: string, params: Params) => void;

/** Scales wider than this cannot be described level by level (and would be slow to check). */
const MAX_SCALE_LEVELS = 101;

/**
 * Parts of a questionnaire that had schema errors and were left out before these rules ran, so
 * that rules which look things up in them stay quiet instead of reporting false problems.
 */
export interface Omitted {
  elements?: boolean;
  pillars?: boolean;
  profiles?: boolean;
  indicators?: boolean;
}

/** Rules the shape cannot express. Pure: returns every problem found, errors and warnings. */
export function checkQuestionnaire(q: Questionnaire, omitted: Omitted = {}): Issue[] {
  const issues: Issue[] = [];
  const error: Report = (path, code, params) => issues.push({ path, severity: "error", code, params });
  const warning: Report = (path, code, params) => issues.push({ path, severity: "warning", code, params });

  const levelCount = q.scale.max - q.scale.min + 1;
  const scaleOk = levelCount <= MAX_SCALE_LEVELS;
  if (!scaleOk)
    error(["scale"], "questionnaire.scale-too-wide", {
      min: q.scale.min,
      max: q.scale.max,
      levels: levelCount,
      limit: MAX_SCALE_LEVELS,
    });
  const scale: Scale = { min: q.scale.min, max: q.scale.max, values: scaleOk ? range(q.scale.min, q.scale.max) : [] };

  uniqueIds(q.elements, ["elements"], "element", error);
  uniqueIds(q.pillars ?? [], ["pillars"], "pillar", error);
  uniqueIds(q.profiles, ["profiles"], "profile", error);
  for (const [i, p] of (q.pillars ?? []).entries()) {
    uniqueIds(p.subdimensions ?? [], ["pillars", i, "subdimensions"], "sub-dimension", error);
  }

  // The first of two pillars with one id is the one the duplicate error points back to.
  const pillars = new Map<string, NonNullable<Questionnaire["pillars"]>[number]>();
  for (const p of q.pillars ?? []) if (!pillars.has(p.id)) pillars.set(p.id, p);
  const seenQuestions = new Map<string, { element: string; position: number }>();
  q.elements.forEach((element, e) => {
    uniqueIds(element.indicators ?? [], ["elements", e, "indicators"], "indicator", error);
    const indicators = new Set((element.indicators ?? []).map((i) => i.id));
    element.questions.forEach((question, k) => {
      const path: Path = ["elements", e, "questions", k];
      const first = seenQuestions.get(question.id);
      if (first)
        error([...path, "id"], "questionnaire.duplicate-question", {
          id: question.id,
          element: first.element,
          position: first.position,
        });
      else seenQuestions.set(question.id, { element: element.id, position: k + 1 });

      if (question.pillar !== undefined) {
        const pillar = pillars.get(question.pillar);
        if (!pillar) {
          if (!omitted.pillars)
            error([...path, "pillar"], "questionnaire.unknown-pillar", {
              pillar: question.pillar,
              ...knownParams([...pillars.keys()], question.pillar),
            });
        } else if (
          question.subdimension !== undefined &&
          !(pillar.subdimensions ?? []).some((s) => s.id === question.subdimension)
        ) {
          if (!omitted.pillars)
            error([...path, "subdimension"], "questionnaire.unknown-subdimension", {
              pillar: pillar.id,
              subdimension: question.subdimension,
              ...knownParams(
                (pillar.subdimensions ?? []).map((s) => s.id),
                question.subdimension,
              ),
            });
        }
      } else if (question.subdimension !== undefined) {
        error([...path, "subdimension"], "questionnaire.subdimension-without-pillar", {});
      }
      if (question.indicator !== undefined && !indicators.has(question.indicator) && !omitted.indicators) {
        error([...path, "indicator"], "questionnaire.unknown-indicator", {
          element: element.id,
          indicator: question.indicator,
          ...knownParams([...indicators], question.indicator),
        });
      }
      if (question.kind === "level")
        checkLevelMap(question.levels, [...path, "levels"], scale, "level descriptor", error);
      if (isNumeric(question)) {
        // Descriptors are optional beside thresholds; when given, a partial set is probably an oversight.
        if (question.levels)
          checkLevelMap(question.levels, [...path, "levels"], scale, "level descriptor", error, warning);
        checkThresholds(question, path, scale, error);
      }
    });
  });

  if (q.surveyLabels) checkLevelMap(q.surveyLabels, ["surveyLabels"], scale, "survey label", error);
  checkProfiles(q, omitted, error, warning);
  if (q.bands) checkBands(q.bands, scale, error, warning);
  checkTranslations(q, [], issues);
  return issues;
}

interface Scale {
  min: number;
  max: number;
  /** Every level, or none when the scale is too wide to list. */
  values: number[];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const inScale = (scale: Scale, v: number) => v >= scale.min && v <= scale.max;

function checkProfiles(q: Questionnaire, omitted: Omitted, error: Report, warning: Report) {
  const elementIds = new Set(q.elements.map((el) => el.id));
  const weighted = new Set<string>();
  q.profiles.forEach((profile, p) => {
    const entries = Object.entries(profile.weights);
    for (const [elementId, weight] of entries) {
      if (!elementIds.has(elementId) && !omitted.elements)
        error(["profiles", p, "weights", elementId], "questionnaire.unknown-element", {
          element: elementId,
          ...knownParams([...elementIds], elementId),
        });
      if (weight > 0) weighted.add(elementId);
    }
    // Exactly 100, as the engine computes: 33.33 + 33.33 + 33.33 is not a full profile.
    const total = sum(entries.map(([, w]) => fromNumber(w)));
    if (compare(total, exact(100n)) !== 0) {
      const terms = entries.map(([id, w]) => `${id} ${w}`).join(" + ");
      error(["profiles", p, "weights"], "questionnaire.weights-sum", {
        profile: profile.id,
        total: toNumber(total),
        ...(entries.length ? { terms } : {}),
      });
    }
  });
  if (!q.profiles.some((p) => p.id === q.defaultProfile) && !omitted.profiles) {
    error(["defaultProfile"], "questionnaire.unknown-default-profile", {
      profile: q.defaultProfile,
      ...knownParams(
        q.profiles.map((p) => p.id),
        q.defaultProfile,
      ),
    });
  }
  if (omitted.profiles) return;
  q.elements.forEach((el, e) => {
    if (!weighted.has(el.id)) warning(["elements", e, "id"], "questionnaire.element-unweighted", { element: el.id });
  });
}

function checkBands(bands: NonNullable<Questionnaire["bands"]>, scale: Scale, error: Report, warning: Report) {
  const mins = new Map<number, number>();
  bands.forEach((band, b) => {
    if (!inScale(scale, band.min))
      error(["bands", b, "min"], "questionnaire.band-outside-scale", {
        min: band.min,
        scaleMin: scale.min,
        scaleMax: scale.max,
      });
    const other = mins.get(band.min);
    if (other !== undefined)
      error(["bands", b, "min"], "questionnaire.bands-same-start", { min: band.min, first: other + 1, second: b + 1 });
    mins.set(band.min, b);
  });
  if (bands.length > 0 && !bands.some((b) => b.min <= scale.min)) {
    warning(["bands"], "questionnaire.bands-no-minimum", { min: scale.min });
  }
}

function uniqueIds(items: readonly { id: string }[], base: Path, what: string, error: Report) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined)
      error([...base, i, "id"], "questionnaire.duplicate-id", { what, id: item.id, first: first + 1 });
    else seen.set(item.id, i);
  });
}

/** The known ids and the closest one, for the catalogues' hint. */
function knownParams(ids: string[], given: string): Params {
  const close = ids.length ? didYouMean(given, ids) : undefined;
  return { known: ids, ...(close ? { guess: close } : {}) };
}

/** A descriptor for every level of the scale; keys outside it are errors, missing ones `incomplete` (an error unless told otherwise). */
function checkLevelMap(
  map: Record<string, unknown>,
  path: Path,
  scale: Scale,
  what: string,
  error: Report,
  incomplete: Report = error,
) {
  if (scale.values.length === 0) return;
  for (const key of Object.keys(map)) {
    const level = Number(key);
    if (!inScale(scale, level))
      error([...path, key], "questionnaire.level-outside-scale", { what, level: key, min: scale.min, max: scale.max });
    else if (String(level) !== key) error([...path, key], "questionnaire.level-key-form", { what, key, level });
  }
  const missing = scale.values.filter((v) => !Object.hasOwn(map, String(v)));
  if (missing.length > 0) {
    incomplete(path, "questionnaire.levels-missing", {
      what,
      count: scale.values.length,
      levels: scale.values.map(String),
      found: scale.values.length - missing.length,
      missing: missing.map(String),
    });
  }
}

function checkThresholds(question: NumericQuestion, path: Path, scale: Scale, error: Report) {
  const valid = effectiveRange(question);
  if (valid.min !== undefined && valid.max !== undefined && valid.min >= valid.max) {
    error([...path, "range"], "questionnaire.range-inverted", { min: valid.min, max: valid.max });
  }
  const descending = question.direction === "descending";
  question.thresholds.forEach((t, i) => {
    const tPath = [...path, "thresholds", i];
    if (!inScale(scale, t.level))
      error([...tPath, "level"], "questionnaire.threshold-level-outside-scale", {
        level: t.level,
        min: scale.min,
        max: scale.max,
      });
    if ((valid.min !== undefined && t.at < valid.min) || (valid.max !== undefined && t.at > valid.max)) {
      error([...tPath, "at"], "questionnaire.threshold-outside-range", {
        at: t.at,
        min: valid.min ?? "-∞",
        max: valid.max ?? "∞",
        kind: question.kind,
        ...(question.range ? {} : { rangeHint: "yes" }),
      });
    }
    const prev = question.thresholds[i - 1];
    if (!prev) return;
    if (descending ? t.at >= prev.at : t.at <= prev.at) {
      error([...tPath, "at"], "questionnaire.thresholds-order", {
        direction: descending ? "descending" : "ascending",
        previous: prev.at,
        at: t.at,
      });
    }
    if (t.level <= prev.level)
      error([...tPath, "level"], "questionnaire.threshold-levels-order", { previous: prev.level, level: t.level });
  });
}

const TEXT_KEYS = new Set(["title", "description", "text", "help", "unit", "label", "official", "nonOfficial"]);
const LEVEL_MAP_KEYS = new Set(["levels", "surveyLabels"]);

/** Warns about every bilingual text that lacks one of the two languages. */
function checkTranslations(node: unknown, path: Path, issues: Issue[]) {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) checkTranslations(item, [...path, i], issues);
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
  for (const lang of ["id", "en"] as const)
    if (t[lang] === undefined)
      issues.push({
        path,
        severity: "warning",
        code: "questionnaire.translation-missing",
        params: { lang },
      });
}
