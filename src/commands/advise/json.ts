import type { Step } from "../../engine/advise.js";
import type { Standing } from "../../engine/peers.js";
import { toFraction, toNumber, type Exact } from "../../model/exact.js";
import type { AdviseInput } from "./report.js";
import { verificationStatus } from "../../engine/summary.js";

/** A number and its exact fraction side by side: `{ value: 0.0571, exact: "2/35" }`. */
const both = (v: Exact | null | undefined) => (v ? { value: toNumber(v), exact: toFraction(v) } : null);

const step = (s: Step) => ({
  to: both(s.to),
  level: s.level,
  threshold: s.threshold ? { at: s.threshold.at, direction: s.threshold.direction } : null,
});

const standing = (s: Standing) => ({
  kind: s.kind,
  id: s.id,
  score: both(s.score),
  rank: s.rank,
  of: s.of,
  percentile: both(s.percentile),
  peerMean: both(s.peerMean),
  gap: both(s.gap),
  best: both(s.best),
});

/**
 * The advice for other tools (issue 12's HTML report, a spreadsheet): language-independent,
 * keys in a fixed order, figures as numbers and exact fractions, the same bytes for the same input.
 */
export function renderAdviseJson(input: AdviseInput): string {
  const { scored, advice, plan, peers } = input;
  const json = {
    file: scored.file,
    region: scored.region,
    year: scored.year ?? null,
    questionnaire: { ...advice.questionnaire, sha256: scored.questionnaire.sha256 },
    profile: advice.profile,
    total: both(advice.total),
    highest: both(advice.highest),
    verification: verificationStatus(scored.result.verification),
    verified: scored.result.verification.verified,
    unverified: scored.result.verification.unverified.length,
    elements: advice.elements.map((e) => ({
      id: e.id,
      weight: toNumber(e.weight),
      score: both(e.score),
      questions: e.questions,
      open: e.open,
      bestGain: both(e.bestGain),
      maxGain: both(e.maxGain),
    })),
    questions: advice.questions.map((a) => ({
      id: a.id,
      element: a.element,
      pillar: a.pillar ?? null,
      kind: a.kind,
      current: both(a.current),
      source: a.source ?? null,
      ...(a.value !== undefined ? { value: a.value } : {}),
      share: both(a.share),
      gain: both(a.gain),
      next: step(a.steps[0]!),
      stepsToTop: a.steps.length,
      maxGain: both(a.maxGain),
    })),
    target: plan
      ? {
          target: both(plan.target),
          reachable: plan.reachable,
          steps: plan.steps,
          reached: both(plan.reached),
          highest: both(plan.highest),
          moves: plan.moves.map((m) => ({
            id: m.id,
            element: m.element,
            from: both(m.from),
            to: both(m.to),
            steps: m.steps,
            gain: both(m.gain),
            last: step(m.last),
          })),
        }
      : null,
    peers: peers
      ? {
          count: peers.peers,
          total: standing(peers.total),
          elements: peers.elements.map(standing),
          pillars: peers.pillars.map(standing),
          strongest: peers.strongest.map((s) => ({ kind: s.kind, id: s.id })),
          weakest: peers.weakest.map((s) => ({ kind: s.kind, id: s.id })),
        }
      : null,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
