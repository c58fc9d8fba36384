import type { Advice, QuestionAdvice, Step } from "../../engine/advise.js";
import type { PeerStanding, Standing } from "../../engine/peers.js";
import type { TargetPlan } from "../../engine/target-plan.js";
import type { ScoredFile } from "../../io/scored-file.js";
import type { Lang } from "../../model/common.js";
import type { Exact } from "../../model/exact.js";
import type { Question, Questionnaire } from "../../model/questionnaire.js";
import type { Block } from "../../text/blocks.js";
import { formatDecimal, formatPercent, formatScore, formatSigned, localize } from "../../text/format.js";
import { describeScoredAnswer } from "../../text/scored-answer.js";
import { elementVerification } from "../../engine/summary.js";
import { labelsFor } from "../../text/score-labels.js";
import { verificationLine } from "../../text/score-report.js";
import { adviseMessages } from "./messages.js";
import { pushAll } from "../../model/collections.js";

/** Gains are small: four decimals, so that a single step on a 33-question element still shows. */
const GAIN_DIGITS = 4;

export interface AdviseInput {
  scored: ScoredFile;
  advice: Advice;
  plan?: TargetPlan;
  peers?: PeerStanding;
}

/** A score a step reaches: a whole level as `3`, a survey mean as `2.88`. */
const stepScore = (value: Exact, lang: Lang) => (value.d === 1n ? value.n.toString() : formatScore(value, lang));

/** What the region must show to take a step: the level's descriptor, the value to reach, or the survey rating. */
function whatToShow(q: Questionnaire, question: Question, step: Step, lang: Lang): string {
  const M = adviseMessages(lang);
  const descriptor = question.kind === "survey" ? undefined : question.levels?.[String(step.level)];
  const described = descriptor ? M.levelDescriptor(step.level, localize(descriptor, lang)) : "";
  if (step.threshold) {
    const op = step.threshold.direction === "descending" ? "≤" : "≥";
    const unit = ("unit" in question ? localize(question.unit, lang) : "") || (question.kind === "percent" ? "%" : "");
    const value = M.valueNeeded(op, formatDecimal(step.threshold.at, lang), unit);
    return described ? `${value}. ${described}` : value;
  }
  if (question.kind === "survey") {
    const label = localize(q.surveyLabels?.[String(step.level)], lang);
    return label ? M.surveyNeeded(label, step.level) : "";
  }
  return described;
}

/** The advice as blocks, for the terminal table and Markdown alike. */
export function adviseBlocks(input: AdviseInput, lang: Lang): Block[] {
  const M = adviseMessages(lang);
  const L = labelsFor(lang);
  const { scored, advice } = input;
  const q = scored.questionnaire.questionnaire;
  const questions = new Map(q.elements.flatMap((e) => e.questions.map((x) => [x.id, x] as const)));
  const elementTitle = (id: string) => localize(q.elements.find((e) => e.id === id)?.title, lang) || id;
  const pillarTitle = (id: string) => localize(q.pillars?.find((p) => p.id === id)?.title, lang) || id;
  const gain = (v: Exact) => formatSigned(v, lang, GAIN_DIGITS);
  const now = (a: QuestionAdvice) =>
    describeScoredAnswer(
      {
        score: a.current,
        ...(a.source ? { source: a.source } : {}),
        ...(a.value !== undefined ? { value: a.value } : {}),
      },
      lang,
    );
  const r = scored.result;
  const verification = verificationLine(r, lang);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: M.title(scored.region, scored.year !== undefined ? String(scored.year) : "") },
    {
      kind: "fields",
      rows: [
        [M.file, M.fileLine(scored.file, r.questionnaire.id, r.questionnaire.version, r.profile)],
        [M.total, M.totalLine(formatScore(advice.total, lang), formatScore(advice.highest, lang))],
        ...(verification ? [[L.verificationLabel, verification] as [string, string]] : []),
      ],
    },
    { kind: "paragraph", text: M.stepRule, dim: true },
  ];
  // Once a panel has scored, the advice on a self-assessed score may not hold: say which are which.
  if (r.verification.verified > 0 && r.verification.unverified.length > 0)
    blocks.push({ kind: "paragraph", text: M.unverifiedNote(r.verification.unverified.length) });
  const unanswered = advice.questions.filter((a) => a.current === null);
  if (unanswered.length) {
    const list = unanswered.map((a) => `${a.id} (${elementTitle(a.element)})`).join(", ");
    blocks.push({ kind: "paragraph", text: M.unansweredFirst(unanswered.length, list) });
  }

  if (input.plan) pushAll(blocks, planBlocks(input.plan, input, lang));
  if (input.peers) pushAll(blocks, peerBlocks(input.peers, lang, elementTitle, pillarTitle));

  if (advice.questions.length === 0) {
    blocks.push({ kind: "paragraph", text: M.allAtTop });
    return blocks;
  }
  const verified = r.verification.verified > 0;
  const elementState = (id: string) => {
    const e = r.elements.find((x) => x.id === id);
    return e ? L.verificationStatus[elementVerification(e)] : "";
  };
  blocks.push(
    { kind: "heading", level: 2, text: M.elements },
    {
      kind: "table",
      headers: [M.element, M.weight, M.score, M.open, M.bestStep, M.toTop, ...(verified ? [L.verificationLabel] : [])],
      rows: advice.elements.map((e) => [
        elementTitle(e.id),
        formatPercent(e.weight, lang),
        formatScore(e.score, lang),
        M.openCount(e.open, e.questions),
        gain(e.bestGain),
        gain(e.maxGain),
        ...(verified ? [elementState(e.id)] : []),
      ]),
      right: [1, 2, 3, 4, 5],
    },
  );
  for (const e of advice.elements) {
    const open = advice.questions.filter((a) => a.element === e.id);
    if (!open.length) continue;
    blocks.push(
      {
        kind: "heading",
        level: 2,
        text: M.elementHeading(elementTitle(e.id), formatPercent(e.weight, lang), formatScore(e.score, lang)),
      },
      {
        kind: "table",
        headers: [M.gain, M.question, M.now, M.next],
        rows: open.map((a) => [gain(a.gain), a.id, now(a), stepScore(a.steps[0]!.to, lang)]),
        details: open.map((a) => whatToShow(q, questions.get(a.id)!, a.steps[0]!, lang)),
        detailHeader: M.toShow,
        right: [0, 3],
      },
    );
  }
  return blocks;
}

function planBlocks(plan: TargetPlan, input: AdviseInput, lang: Lang): Block[] {
  const M = adviseMessages(lang);
  const q = input.scored.questionnaire.questionnaire;
  const questions = new Map(q.elements.flatMap((e) => e.questions.map((x) => [x.id, x] as const)));
  const elementTitle = (id: string) => localize(q.elements.find((e) => e.id === id)?.title, lang) || id;
  const blocks: Block[] = [{ kind: "heading", level: 2, text: M.target(formatScore(plan.target, lang)) }];
  if (!plan.reachable) {
    blocks.push({
      kind: "paragraph",
      text: M.targetOutOfReach(formatScore(plan.target, lang), formatScore(plan.highest, lang)),
    });
    return blocks;
  }
  if (plan.steps === 0) {
    blocks.push({
      kind: "paragraph",
      text: M.targetReached(formatScore(plan.current, lang), formatScore(plan.target, lang)),
    });
    return blocks;
  }
  const advised = new Map(input.advice.questions.map((a) => [a.id, a]));
  blocks.push(
    {
      kind: "paragraph",
      text: M.targetPlan(plan.steps, formatScore(plan.reached, lang, GAIN_DIGITS), formatScore(plan.current, lang)),
    },
    {
      kind: "table",
      headers: [M.question, M.element, M.from, M.to, M.steps, M.gain],
      rows: plan.moves.map((m) => {
        const a = advised.get(m.id)!;
        const from = describeScoredAnswer(
          {
            score: m.from,
            ...(a.source ? { source: a.source } : {}),
            ...(a.value !== undefined ? { value: a.value } : {}),
          },
          lang,
        );
        return [
          m.id,
          elementTitle(m.element),
          from,
          stepScore(m.to, lang),
          String(m.steps),
          formatSigned(m.gain, lang, GAIN_DIGITS),
        ];
      }),
      details: plan.moves.map((m) => whatToShow(q, questions.get(m.id)!, m.last, lang)),
      detailHeader: M.toShow,
      right: [3, 4, 5],
    },
  );
  if (plan.moves.some((m) => m.from === null)) blocks.push({ kind: "paragraph", text: M.targetOrder, dim: true });
  return blocks;
}

function peerBlocks(
  standing: PeerStanding,
  lang: Lang,
  elementTitle: (id: string) => string,
  pillarTitle: (id: string) => string,
): Block[] {
  const M = adviseMessages(lang);
  if (standing.peers === 0)
    return [
      { kind: "heading", level: 2, text: M.peers(0) },
      { kind: "paragraph", text: M.peersNone },
    ];
  const title = (s: Standing) =>
    s.kind === "total" ? M.finalScore : s.kind === "element" ? elementTitle(s.id) : pillarTitle(s.id);
  const row = (s: Standing) => [
    title(s),
    formatScore(s.score, lang),
    M.rankOf(s.rank, s.of),
    s.percentile ? formatScore(s.percentile, lang, 0) : "–",
    s.peerMean ? formatScore(s.peerMean, lang) : "–",
    s.gap ? formatSigned(s.gap, lang) : "–",
  ];
  const item = (s: Standing) => M.strengthItem(title(s), formatSigned(s.gap!, lang), M.rankOf(s.rank, s.of));
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: M.peers(standing.peers) },
    {
      kind: "table",
      headers: [M.standing, M.score, M.rank, M.percentile, M.peerMean, M.gap],
      rows: [standing.total, ...standing.elements, ...standing.pillars].map(row),
      right: [1, 2, 3, 4, 5],
    },
    { kind: "paragraph", text: M.percentileNote, dim: true },
  ];
  if (standing.strongest.length)
    blocks.push(
      { kind: "heading", level: 3, text: M.strongest },
      { kind: "list", items: standing.strongest.map(item) },
    );
  if (standing.weakest.length)
    blocks.push({ kind: "heading", level: 3, text: M.weakest }, { kind: "list", items: standing.weakest.map(item) });
  return blocks;
}
