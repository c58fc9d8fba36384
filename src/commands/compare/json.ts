import type { Comparison, ElementSide, QuestionSide } from "../../engine/compare-results.js";
import type { ScoredFile } from "../../io/scored-file.js";
import { elementVerification, verificationStatus } from "../../engine/summary.js";
import { equals, toFixed, toFraction, toNumber, type Exact } from "../../model/exact.js";

const value = (v: Exact | null | undefined) => (v ? toNumber(v) : null);
const fraction = (v: Exact | null | undefined) => (v ? toFraction(v) : null);
/** A number and its exact fraction side by side: `{ value: 0.0571, exact: "2/35" }`. */
const both = (v: Exact | null | undefined) => (v ? { value: toNumber(v), exact: toFraction(v) } : null);

/**
 * The comparison for other tools: language-independent, keys in a fixed order, every figure as
 * a JSON number and as an exact fraction, no timestamp, so the same files give the same bytes.
 */
export function renderCompareJson(input: { old: ScoredFile; new: ScoredFile; comparison: Comparison }): string {
  const c = input.comparison;
  const file = (f: ScoredFile) => ({
    file: f.file,
    region: f.region,
    year: f.year ?? null,
    questionnaire: {
      id: f.result.questionnaire.id,
      version: f.result.questionnaire.version,
      sha256: f.questionnaire.sha256,
    },
    profile: f.result.profile,
    total: both(f.result.total),
    totalRounded: toFixed(f.result.total, 2),
    verification: verificationStatus(f.result.verification),
    verified: f.result.verification.verified,
    unverified: f.result.verification.unverified.length,
  });
  const element = (e: ElementSide | null) =>
    e && {
      weight: toNumber(e.weight),
      score: both(e.score),
      contribution: both(e.contribution),
      questions: e.questions,
      answered: e.answered,
      verified: e.verified,
      verification: elementVerification(e),
    };
  const question = (q: QuestionSide | null) =>
    q && {
      element: q.element,
      score: value(q.score),
      scoreExact: fraction(q.score),
      source: q.source ?? null,
      ...(q.value !== undefined ? { value: q.value } : {}),
      ...(q.respondents !== undefined ? { respondents: q.respondents } : {}),
      verified: q.verified,
      share: both(q.share),
    };
  const r = c.reconciliation;
  const json = {
    old: file(input.old),
    new: file(input.new),
    notes: c.notes,
    total: { old: both(c.total.old), new: both(c.total.new), change: both(c.total.change) },
    elements: c.elements.map((e) => ({
      id: e.id,
      old: element(e.old),
      new: element(e.new),
      scoreChange: both(e.scoreChange),
      contributionChange: both(e.contributionChange),
    })),
    contributionSum: { ...both(c.contributionSum)!, equalsChange: equals(c.contributionSum, c.total.change) },
    reconciliation: {
      answers: both(r.answers),
      added: both(r.added),
      removed: both(r.removed),
      reweighting: both(r.reweighting),
      total: both(r.total),
    },
    pillars: c.pillars.map((p) => ({ id: p.id, old: both(p.old), new: both(p.new), change: both(p.change) })),
    questions: c.questions.map((q) => ({
      id: q.id,
      status: q.status,
      reason: q.reason ?? null,
      old: question(q.old),
      new: question(q.new),
      scoreChange: both(q.scoreChange),
      effect: both(q.effect),
    })),
    unchanged: c.unchanged,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
