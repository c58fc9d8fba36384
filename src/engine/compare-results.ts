import { compare, equals, mul, sub, sum, ZERO, type Exact } from "../model/exact.js";
import type { Questionnaire } from "../model/questionnaire.js";
import { regionKey } from "./compare.js";
import { questionShares } from "./question-share.js";
import type { ScoreSource } from "./score-answer.js";
import type { ScoreResult } from "./score.js";
import { elementVerification, verificationStatus, type VerificationStatus } from "./summary.js";

/** One scored answer file: what compare needs of it. */
export interface CompareSide {
  questionnaire: Questionnaire;
  result: ScoreResult;
  region?: string;
  year?: number;
}

export interface ElementSide {
  weight: Exact;
  score: Exact;
  contribution: Exact;
  questions: number;
  answered: number;
  /** Questions with the assessors' score. */
  verified: number;
}

export interface ElementChange {
  id: string;
  /** null: the element is not scored in that file (not in its questionnaire or its profile). */
  old: ElementSide | null;
  new: ElementSide | null;
  /** new score − old score, when both are scored. */
  scoreChange: Exact | null;
  /** new contribution − old contribution (a missing side contributes 0); these add up to the total's change. */
  contributionChange: Exact;
}

export interface PillarChange {
  id: string;
  old: Exact | null;
  new: Exact | null;
  change: Exact | null;
}

export interface QuestionSide {
  element: string;
  /** null: unanswered (scores 0). */
  score: Exact | null;
  source?: ScoreSource;
  value?: number;
  respondents?: number;
  /** Whether the score is the assessors' (else the region's self-assessed one). */
  verified: boolean;
  /** What one point of this question is worth in that file's total (see questionShares). */
  share: Exact;
}

export type QuestionStatus = "changed" | "added" | "removed";
/** Why a question is scored on one side only: its questionnaire lacks it, or its profile leaves the element out. */
export type AbsenceReason = "questionnaire" | "profile";

export interface QuestionChange {
  id: string;
  status: QuestionStatus;
  reason?: AbsenceReason;
  old: QuestionSide | null;
  new: QuestionSide | null;
  /** (new score) − (old score), unanswered as 0; null for added and removed questions. */
  scoreChange: Exact | null;
  /**
   * Effect on the total. changed: new share × score change (the answer's doing, at this year's
   * weights); added: new share × new score; removed: −old share × old score.
   */
  effect: Exact;
}

/**
 * The total's change split by cause; the parts add up to it exactly. `reweighting` is what
 * changed for answers that stayed the same: other element weights (another profile) or another
 * element size (another instrument) give the same score another share of the total.
 */
export interface Reconciliation {
  answers: Exact;
  added: Exact;
  removed: Exact;
  reweighting: Exact;
  total: Exact;
}

export type CompareNote =
  | { code: "region-differs"; old: string; new: string }
  | { code: "questionnaire-differs"; old: string; new: string }
  | { code: "version-differs"; old: string; new: string }
  | { code: "profile-differs"; old: string; new: string }
  | { code: "scale-differs"; old: string; new: string }
  | { code: "weights-differ"; elements: string[] }
  | { code: "element-size-differs"; elements: string[] }
  | { code: "elements-only-old"; elements: string[] }
  | { code: "elements-only-new"; elements: string[] }
  /**
   * Either file is verified by assessors, and the verification differs between them (in
   * total, or in the listed elements): a change may be the panel's correction, not the region's doing.
   */
  | { code: "verification-differs"; old: VerificationStatus; new: VerificationStatus; elements: string[] };

export interface Comparison {
  total: { old: Exact; new: Exact; change: Exact };
  elements: ElementChange[];
  /** Σ contributionChange over elements: equal to total.change, kept so reports can show the sum. */
  contributionSum: Exact;
  pillars: PillarChange[];
  /** Changed, added and removed questions in questionnaire order (NEW's, then those only in OLD). */
  questions: QuestionChange[];
  /** Questions scored on both sides whose answer did not change. */
  unchanged: number;
  reconciliation: Reconciliation;
  notes: CompareNote[];
}

/**
 * What moved between two scored files of a region (OLD, then NEW): the total, each element and
 * pillar, each changed answer with its effect on the total, and the split of the total's change
 * into answers, added and removed questions and re-weighting. Works across profiles and
 * instruments: a contribution is weight × score / 100 under each file's own profile, and a
 * question's share under each file's own element size, so everything still adds up exactly.
 */
export function compareResults(oldSide: CompareSide, newSide: CompareSide): Comparison {
  const before = oldSide.result;
  const after = newSide.result;
  const elements = compareElements(before, after);
  const pillars = comparePillars(before, after);
  const { questions, unchanged, reconciliation } = compareQuestions(oldSide, newSide);
  const change = sub(after.total, before.total);
  return {
    total: { old: before.total, new: after.total, change },
    elements,
    contributionSum: sum(elements.map((e) => e.contributionChange)),
    pillars,
    questions,
    unchanged,
    reconciliation: { ...reconciliation, total: change },
    notes: compareNotes(oldSide, newSide, elements),
  };
}

function elementSide(e: ScoreResult["elements"][number] | undefined): ElementSide | null {
  return e
    ? {
        weight: e.weight,
        score: e.score,
        contribution: e.contribution,
        questions: e.questions,
        answered: e.answered,
        verified: e.verified,
      }
    : null;
}

function compareElements(before: ScoreResult, after: ScoreResult): ElementChange[] {
  const ids = unionInOrder(
    after.elements.map((e) => e.id),
    before.elements.map((e) => e.id),
  );
  return ids.map((id) => {
    const o = elementSide(before.elements.find((e) => e.id === id));
    const n = elementSide(after.elements.find((e) => e.id === id));
    return {
      id,
      old: o,
      new: n,
      scoreChange: o && n ? sub(n.score, o.score) : null,
      contributionChange: sub(n?.contribution ?? ZERO, o?.contribution ?? ZERO),
    };
  });
}

function comparePillars(before: ScoreResult, after: ScoreResult): PillarChange[] {
  const ids = unionInOrder(
    after.pillars.map((p) => p.id),
    before.pillars.map((p) => p.id),
  );
  return ids.map((id) => {
    const o = before.pillars.find((p) => p.id === id)?.score ?? null;
    const n = after.pillars.find((p) => p.id === id)?.score ?? null;
    return { id, old: o, new: n, change: o && n ? sub(n, o) : null };
  });
}

function compareQuestions(oldSide: CompareSide, newSide: CompareSide) {
  const oldShares = questionShares(oldSide.questionnaire, oldSide.result);
  const newShares = questionShares(newSide.questionnaire, newSide.result);
  const side = (q: ScoreResult["questions"][number], share: Exact): QuestionSide => ({
    element: q.element,
    score: q.score,
    ...(q.source ? { source: q.source } : {}),
    ...(q.value !== undefined ? { value: q.value } : {}),
    ...(q.respondents !== undefined ? { respondents: q.respondents } : {}),
    verified: q.verified !== null,
    share,
  });
  const oldById = new Map(oldSide.result.questions.map((q) => [q.id, q]));
  const newIds = new Set(newSide.result.questions.map((q) => q.id));
  const inQuestionnaire = (q: Questionnaire, id: string) =>
    q.elements.some((e) => e.questions.some((x) => x.id === id));
  const questions: QuestionChange[] = [];
  const parts = { answers: [] as Exact[], added: [] as Exact[], removed: [] as Exact[], reweighting: [] as Exact[] };
  let unchanged = 0;
  for (const q of newSide.result.questions) {
    const n = side(q, newShares.get(q.id) ?? ZERO);
    const previous = oldById.get(q.id);
    if (!previous) {
      const effect = mul(n.share, n.score ?? ZERO);
      parts.added.push(effect);
      const reason = inQuestionnaire(oldSide.questionnaire, q.id) ? "profile" : "questionnaire";
      questions.push({ id: q.id, status: "added", reason, old: null, new: n, scoreChange: null, effect });
      continue;
    }
    const o = side(previous, oldShares.get(q.id) ?? ZERO);
    const scoreChange = sub(n.score ?? ZERO, o.score ?? ZERO);
    parts.reweighting.push(mul(sub(n.share, o.share), o.score ?? ZERO));
    const effect = mul(n.share, scoreChange);
    parts.answers.push(effect);
    if (answerChanged(o, n)) questions.push({ id: q.id, status: "changed", old: o, new: n, scoreChange, effect });
    else unchanged++;
  }
  for (const q of oldSide.result.questions) {
    if (newIds.has(q.id)) continue;
    const o = side(q, oldShares.get(q.id) ?? ZERO);
    const effect = mul(o.share, o.score ?? ZERO);
    const negative = sub(ZERO, effect);
    parts.removed.push(negative);
    const reason = inQuestionnaire(newSide.questionnaire, q.id) ? "profile" : "questionnaire";
    questions.push({ id: q.id, status: "removed", reason, old: o, new: null, scoreChange: null, effect: negative });
  }
  return {
    questions,
    unchanged,
    reconciliation: {
      answers: sum(parts.answers),
      added: sum(parts.added),
      removed: sum(parts.removed),
      reweighting: sum(parts.reweighting),
    },
  };
}

/** A different score, answered against unanswered, or another measured value at the same level. */
function answerChanged(o: QuestionSide, n: QuestionSide): boolean {
  if ((o.score === null) !== (n.score === null)) return true;
  if (o.score && n.score && !equals(o.score, n.score)) return true;
  return o.value !== n.value;
}

function compareNotes(oldSide: CompareSide, newSide: CompareSide, elements: ElementChange[]): CompareNote[] {
  const notes: CompareNote[] = [];
  const before = oldSide.result;
  const after = newSide.result;
  if (oldSide.region && newSide.region && regionKey(oldSide.region) !== regionKey(newSide.region)) {
    notes.push({ code: "region-differs", old: oldSide.region, new: newSide.region });
  }
  if (before.questionnaire.id !== after.questionnaire.id) {
    notes.push({ code: "questionnaire-differs", old: before.questionnaire.id, new: after.questionnaire.id });
  } else if (before.questionnaire.version !== after.questionnaire.version) {
    notes.push({ code: "version-differs", old: before.questionnaire.version, new: after.questionnaire.version });
  }
  if (before.profile !== after.profile)
    notes.push({ code: "profile-differs", old: before.profile, new: after.profile });
  const os = oldSide.questionnaire.scale;
  const ns = newSide.questionnaire.scale;
  if (os.min !== ns.min || os.max !== ns.max) {
    notes.push({ code: "scale-differs", old: `${os.min}–${os.max}`, new: `${ns.min}–${ns.max}` });
  }
  const both = elements.filter((e) => e.old && e.new);
  const reweighted = both.filter((e) => compare(e.old!.weight, e.new!.weight) !== 0).map((e) => e.id);
  if (reweighted.length) notes.push({ code: "weights-differ", elements: reweighted });
  const resized = both.filter((e) => e.old!.questions !== e.new!.questions).map((e) => e.id);
  if (resized.length) notes.push({ code: "element-size-differs", elements: resized });
  const onlyOld = elements.filter((e) => !e.new).map((e) => e.id);
  if (onlyOld.length) notes.push({ code: "elements-only-old", elements: onlyOld });
  const onlyNew = elements.filter((e) => !e.old).map((e) => e.id);
  if (onlyNew.length) notes.push({ code: "elements-only-new", elements: onlyNew });
  if (before.verification.verified > 0 || after.verification.verified > 0) {
    const old = verificationStatus(before.verification);
    const now = verificationStatus(after.verification);
    const differing = both.filter((e) => elementVerification(e.old!) !== elementVerification(e.new!)).map((e) => e.id);
    if (old !== now || differing.length)
      notes.push({ code: "verification-differs", old, new: now, elements: differing });
  }
  return notes;
}

function unionInOrder(first: readonly string[], second: readonly string[]): string[] {
  const seen = new Set(first);
  return [...first, ...second.filter((id) => !seen.has(id))];
}
