import type { Issue } from "../errors.js";
import { assessorScoreOf } from "../model/assessor-score.js";
import type { Answer, AnswerObject } from "../model/answers.js";
import type { NumericQuestion, Question, Scale } from "../model/questionnaire.js";
import { effectiveRange, isNumeric } from "../model/numeric-question.js";
import { div, exact, fromNumber, ratio, sum, type Exact } from "../model/exact.js";

/** How a question's score was obtained, for reports and for `fill`'s review screen. */
export type ScoreSource = "score" | "assessors" | "survey" | "value";

/** What scoring one answer gives besides its issues: the fields AnswerScore and the engine's QuestionResult share. */
export interface ScoredFields {
  /**
   * The question's score: the verified one (the assessors' mean) where it exists, else the
   * self-assessed one. null: unanswered (counts as 0 in the element mean, listed as missing).
   */
  score: Exact | null;
  source?: ScoreSource;
  /** For survey answers: how many respondents the mean is over. */
  respondents?: number;
  /** For count/percent/number answers: the value entered. */
  value?: number;
  /** The region's own answer, scored; null when it gave none. */
  self: Exact | null;
  /** The panel's mean; null: not verified (the score, if any, is the self-assessed one). */
  verified: Exact | null;
  /** Number of assessor scores behind `verified`. */
  assessors: number;
}

export interface AnswerScore extends ScoredFields {
  issues: Issue[];
}

/** The level a measured value reaches under the question's thresholds. */
export function levelForValue(question: NumericQuestion, value: number, scale: Scale): number {
  let level = scale.min;
  for (const t of question.thresholds) {
    const reached = question.direction === "descending" ? value <= t.at : value >= t.at;
    if (reached) level = t.level;
  }
  return level;
}

/** The mean score of a survey's level counts, and how many respondents it is over; null if none. */
export function surveyMean(counts: Record<string, number>): { mean: Exact; respondents: number } | null {
  return meanOfTally(counts, tallySurvey(counts));
}

/** Levels a survey's counts are looked up at by index (0 to 15) before their keys are enumerated. */
const INDEXED_LEVELS = 16;

interface SurveyTally {
  respondents: number;
  /** The sum of level × count. */
  total: number;
  /** The first level, in key order, outside the scale tallySurvey was given. */
  outside?: string;
}

/**
 * Adds up a survey's counts. Levels are whole numbers (the answer schema checks the keys), so
 * the sum is an integer: one division at the end instead of a fraction per level (this runs 54
 * times per 2023 file), in doubles while they hold it exactly, as they do for any real survey.
 * The levels 0 to 15 are looked up by index first: enumerating the keys makes a string of each
 * (for-in costs several times as much), and when the counts found are all there are, no other
 * key is left (integer keys also come first, in ascending order, when keys are enumerated).
 */
function tallySurvey(counts: Record<string, number>, scale?: Scale): SurveyTally {
  let respondents = 0;
  let total = 0;
  let found = 0;
  let outside: number | undefined;
  for (let level = 0; level < INDEXED_LEVELS; level++) {
    const count = counts[level];
    if (count === undefined) continue;
    found++;
    respondents += count;
    total += level * count;
    if (outside === undefined && scale && !inScale(level, scale)) outside = level;
  }
  if (Object.values(counts).length === found)
    return outside === undefined ? { respondents, total } : { respondents, total, outside: String(outside) };
  respondents = 0;
  total = 0;
  for (const level in counts) {
    const at = Number(level);
    if (scale && !inScale(at, scale)) return { respondents, total, outside: level };
    const count = counts[level]!;
    respondents += count;
    total += at * count;
  }
  return { respondents, total };
}

/** surveyMean of a tally: in BigInt when the doubles could not hold the sums exactly. */
function meanOfTally(counts: Record<string, number>, tally: SurveyTally): { mean: Exact; respondents: number } | null {
  const { respondents, total } = tally;
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(respondents)) return surveyMeanBig(counts);
  return respondents === 0 ? null : { mean: ratio(total, respondents), respondents };
}

function surveyMeanBig(counts: Record<string, number>): { mean: Exact; respondents: number } | null {
  let respondents = 0;
  let total = 0n;
  for (const [level, count] of Object.entries(counts)) {
    respondents += count;
    total += BigInt(level) * BigInt(count);
  }
  return respondents === 0 ? null : { mean: exact(total, BigInt(respondents)), respondents };
}

type Params = NonNullable<Issue["params"]>;

// Issues are built by these rather than by closures made on every call: scoreAnswer runs for
// every question of every file of a batch, and nearly always finds nothing to say.
function pushIssue(
  issues: Issue[],
  severity: Issue["severity"],
  path: readonly (string | number)[],
  at: readonly (string | number)[],
  code: string,
  params: Params,
): null {
  issues.push({ path: [...path, ...at], severity, code, params });
  return null;
}

/** NaN is in no scale. */
const inScale = (v: number, scale: Scale) => v >= scale.min && v <= scale.max;

/**
 * Scores one answer against its question. Pure; `path` is where the answer sits in the answer
 * file, so issues can be located.
 */
export function scoreAnswer(
  question: Question,
  answer: Answer | undefined,
  scale: Scale,
  path: readonly (string | number)[],
): AnswerScore {
  const issues: Issue[] = [];
  const outcome = scoreAnswerInto(question, answer, scale, path, issues, {} as AnswerScore);
  outcome.issues = issues;
  return outcome;
}

/**
 * scoreAnswer's work, written into `out` (in the order score, source, respondents, value, self,
 * verified, assessors) with its issues added to `issues`. The engine scores every question of
 * every file of a batch through this, into the object it keeps: no issue list, outcome or
 * self-score object per question.
 */
export function scoreAnswerInto<T extends ScoredFields>(
  question: Question,
  answer: Answer | undefined,
  scale: Scale,
  path: readonly (string | number)[],
  issues: Issue[],
  out: T,
): T {
  // Each issue carries a code and its parameters, said in the user's language by
  // src/text/diagnostic-messages.ts.
  if (answer === undefined || answer === null) return unscored(out);
  if (typeof answer === "number") {
    if (!inScale(answer, scale)) {
      pushIssue(issues, "error", path, [], "answer.score-outside-scale", {
        score: answer,
        min: scale.min,
        max: scale.max,
        ...(isNumeric(question) ? { valueHint: 1 } : {}),
      });
      return unscored(out);
    }
    const score = fromNumber(answer);
    out.score = score;
    out.source = "score";
    out.self = score;
    out.verified = null;
    out.assessors = 0;
    return out;
  }

  const before = issues.length;
  let verified: Exact | null = null;
  const scores = answer.assessors;
  const assessors = scores === undefined ? 0 : scores.length;
  if (scores !== undefined && assessors > 0) {
    let named = false;
    let whole = true;
    let total = 0;
    for (let i = 0; i < assessors; i++) {
      const entry = scores[i]!;
      const v = assessorScoreOf(entry);
      if (!inScale(v, scale)) {
        pushIssue(issues, "error", path, ["assessors", i], "answer.assessor-outside-scale", {
          score: v,
          min: scale.min,
          max: scale.max,
          ...(typeof entry === "number" ? {} : { name: entry.name }),
        });
        return unscored(out);
      }
      if (typeof entry !== "number") named = true;
      if (!Number.isSafeInteger(v)) whole = false;
      total += v;
    }
    if (named && twiceNamed(scores, path, issues)) return unscored(out);
    // Whole scores (nearly always) add up exactly in doubles; decimals are read as written.
    verified =
      whole && Number.isSafeInteger(total)
        ? ratio(total, assessors)
        : div(sum(scores.map((e) => fromNumber(assessorScoreOf(e)))), exact(BigInt(assessors)));
  }
  const self = scoreSelf(question, answer, scale, path, issues);
  for (let i = before; i < issues.length; i++) if (issues[i]!.severity === "error") return unscored(out);
  if (verified !== null) {
    out.score = verified;
    out.source = "assessors";
  } else if (self === null) {
    out.score = null;
    return settle(out, null, verified, assessors);
  } else {
    out.score = self;
    out.source = selfDetail.source;
  }
  if (self !== null && selfDetail.respondents !== undefined) out.respondents = selfDetail.respondents;
  if (self !== null && selfDetail.value !== undefined) out.value = selfDetail.value;
  return settle(out, self, verified, assessors);
}

function settle<T extends ScoredFields>(out: T, self: Exact | null, verified: Exact | null, assessors: number): T {
  out.self = self;
  out.verified = verified;
  out.assessors = assessors;
  return out;
}

/** An assessor named twice on one question: an error at the second time. */
function twiceNamed(
  scores: NonNullable<AnswerObject["assessors"]>,
  path: readonly (string | number)[],
  issues: Issue[],
): boolean {
  const seen = new Map<string, number>();
  for (let i = 0; i < scores.length; i++) {
    const entry = scores[i]!;
    if (typeof entry === "number") continue;
    const key = assessorKey(entry.name);
    const first = seen.get(key);
    if (first !== undefined) {
      pushIssue(issues, "error", path, ["assessors", i], "answer.assessor-twice", {
        name: entry.name,
        first: first + 1,
      });
      return true;
    }
    seen.set(key, i);
  }
  return false;
}

function unscored<T extends ScoredFields>(out: T): T {
  out.score = null;
  return settle(out, null, null, 0);
}

/** Assessor names compare without case and surrounding or repeated spaces. */
export function assessorKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("id");
}

/**
 * How the last self score was obtained, beside the score scoreSelf returns: one object for every
 * call rather than one per answered question (scoring is synchronous, so it is never shared).
 */
const selfDetail: { source: Exclude<ScoreSource, "assessors">; respondents?: number; value?: number } = {
  source: "score",
};

/**
 * The region's own answer: exactly one of score, survey or value; errors go to `issues` (and give
 * null, as no answer does). How it was obtained is left in selfDetail.
 */
function scoreSelf(
  question: Question,
  answer: AnswerObject,
  scale: Scale,
  path: readonly (string | number)[],
  issues: Issue[],
): Exact | null {
  selfDetail.respondents = undefined;
  selfDetail.value = undefined;
  const kinds =
    (answer.score !== undefined ? 1 : 0) + (answer.survey !== undefined ? 1 : 0) + (answer.value !== undefined ? 1 : 0);
  if (kinds === 0) return null;
  if (kinds > 1) {
    const given = (["score", "survey", "value"] as const).filter((k) => answer[k] !== undefined);
    return pushIssue(issues, "error", path, [given[1]!], "answer.several-kinds", { found: given });
  }
  if (answer.score !== undefined) {
    const v = answer.score;
    if (!inScale(v, scale))
      return pushIssue(issues, "error", path, ["score"], "answer.score-outside-scale", {
        score: v,
        min: scale.min,
        max: scale.max,
      });
    selfDetail.source = "score";
    return fromNumber(v);
  }
  if (answer.survey !== undefined) return scoreSurvey(question, answer.survey, scale, path, issues);
  const value = answer.value!;
  if (!isNumeric(question)) {
    return pushIssue(issues, "error", path, ["value"], "answer.value-not-numeric", {
      question: question.id,
      kind: question.kind,
    });
  }
  const range = effectiveRange(question);
  if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
    return pushIssue(issues, "error", path, ["value"], "answer.value-outside-range", {
      value,
      min: range.min ?? "-∞",
      max: range.max ?? "∞",
    });
  }
  if (question.kind === "count" && !Number.isInteger(value)) {
    return pushIssue(issues, "error", path, ["value"], "answer.count-not-whole", { value });
  }
  selfDetail.source = "value";
  selfDetail.value = value;
  return fromNumber(levelForValue(question, value, scale));
}

function scoreSurvey(
  question: Question,
  survey: NonNullable<AnswerObject["survey"]>,
  scale: Scale,
  path: readonly (string | number)[],
  issues: Issue[],
): Exact | null {
  if (question.kind !== "survey") {
    return pushIssue(issues, "error", path, ["survey"], "answer.not-survey", {
      question: question.id,
      kind: question.kind,
    });
  }
  let mean: Exact;
  let respondents: number;
  if ("counts" in survey) {
    const tally = tallySurvey(survey.counts, scale);
    if (tally.outside !== undefined) {
      return pushIssue(
        issues,
        "error",
        path,
        ["survey", "counts", tally.outside],
        "answer.survey-level-outside-scale",
        {
          level: tally.outside,
          min: scale.min,
          max: scale.max,
        },
      );
    }
    const computed = meanOfTally(survey.counts, tally);
    if (!computed) return pushIssue(issues, "error", path, ["survey", "counts"], "answer.no-respondents", {});
    ({ mean, respondents } = computed);
  } else {
    if (!inScale(survey.mean, scale)) {
      return pushIssue(issues, "error", path, ["survey", "mean"], "answer.survey-mean-outside-scale", {
        mean: survey.mean,
        min: scale.min,
        max: scale.max,
      });
    }
    if (survey.respondents === 0) {
      return pushIssue(issues, "error", path, ["survey", "respondents"], "answer.mean-without-respondents", {});
    }
    mean = fromNumber(survey.mean);
    respondents = survey.respondents;
  }
  if (respondents < question.respondents) {
    pushIssue(issues, "warning", path, ["survey"], "answer.few-respondents", {
      respondents,
      required: question.respondents,
    });
  }
  selfDetail.source = "survey";
  selfDetail.respondents = respondents;
  return mean;
}
