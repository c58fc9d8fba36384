import type { Comparison, QuestionChange } from "../../engine/compare-results.js";
import { elementVerification, verificationStatus, type VerificationStatus } from "../../engine/summary.js";
import type { ScoredFile } from "../../io/scored-file.js";
import type { Lang } from "../../model/common.js";
import { compare, toFraction, type Exact } from "../../model/exact.js";
import type { Block } from "../../text/blocks.js";
import { formatPercent, formatScore, formatSigned, localize } from "../../text/format.js";
import { labelsFor } from "../../text/score-labels.js";
import { describeScoredAnswer } from "../../text/scored-answer.js";
import { compareMessages } from "./messages.js";

/** Contributions and effects are small: four decimals, so that a 1 → 3 change on one question still shows. */
const EFFECT_DIGITS = 4;

export interface CompareInput {
  old: ScoredFile;
  new: ScoredFile;
  comparison: Comparison;
}

/** Titles in the report's language: the new questionnaire's, else the old one's, else the id. */
function titler(input: CompareInput, lang: Lang) {
  const qs = [input.new.questionnaire.questionnaire, input.old.questionnaire.questionnaire];
  return {
    element: (id: string) =>
      localize(qs.map((q) => q.elements.find((e) => e.id === id)?.title).find(Boolean), lang) || id,
    pillar: (id: string) =>
      localize(qs.map((q) => q.pillars?.find((p) => p.id === id)?.title).find(Boolean), lang) || id,
  };
}

/** The comparison as blocks, for the terminal table and Markdown alike. */
export function compareBlocks(input: CompareInput, lang: Lang): Block[] {
  const M = compareMessages(lang);
  const L = labelsFor(lang);
  const { comparison: c } = input;
  const title = titler(input, lang);
  const score = (v: Exact | null | undefined) => (v ? formatScore(v, lang) : "–");
  const signed = (v: Exact | null | undefined, digits = 2) => (v ? formatSigned(v, lang, digits) : "–");
  const label = (f: ScoredFile, fallback: string) => (f.year !== undefined ? String(f.year) : fallback);
  const side = (f: ScoredFile) =>
    M.fileLine(f.file, f.result.questionnaire.id, f.result.questionnaire.version, f.result.profile);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: M.title(input.new.region, label(input.old, M.old), label(input.new, M.new)) },
    {
      kind: "fields",
      rows: [
        [M.oldFile, side(input.old)],
        [M.newFile, side(input.new)],
      ],
    },
  ];
  if (c.notes.length) {
    const list = (ids: readonly string[]) => ids.map(title.element).join(", ");
    blocks.push(
      { kind: "heading", level: 2, text: M.notes },
      { kind: "list", items: c.notes.map((n) => M.note(n, list)) },
    );
  }

  const weight = (e: Comparison["elements"][number]) => {
    const o = e.old ? formatPercent(e.old.weight, lang) : "–";
    const n = e.new ? formatPercent(e.new.weight, lang) : "–";
    return o === n ? n : `${o} → ${n}`;
  };
  // Where either file is verified, each element says whose scores it compares.
  const verified = input.old.result.verification.verified > 0 || input.new.result.verification.verified > 0;
  const states = (o: VerificationStatus | undefined, n: VerificationStatus | undefined) => {
    const word = (s: VerificationStatus | undefined) => (s ? L.verificationStatus[s] : "–");
    return o === n ? word(n) : `${word(o)} → ${word(n)}`;
  };
  const verification = (e: Comparison["elements"][number]) =>
    verified
      ? [states(e.old ? elementVerification(e.old) : undefined, e.new ? elementVerification(e.new) : undefined)]
      : [];
  blocks.push(
    { kind: "heading", level: 2, text: M.elements },
    {
      kind: "table",
      headers: [
        L.element,
        L.weight,
        M.old,
        M.new,
        M.change,
        M.contributionChange,
        ...(verified ? [M.verification] : []),
      ],
      rows: c.elements.map((e) => [
        title.element(e.id),
        weight(e),
        score(e.old?.score),
        score(e.new?.score),
        signed(e.scoreChange),
        signed(e.contributionChange, EFFECT_DIGITS),
        ...verification(e),
      ]),
      footer: [
        [
          L.finalScore,
          "",
          score(c.total.old),
          score(c.total.new),
          signed(c.total.change),
          signed(c.contributionSum, EFFECT_DIGITS),
          ...(verified
            ? [
                states(
                  verificationStatus(input.old.result.verification),
                  verificationStatus(input.new.result.verification),
                ),
              ]
            : []),
        ],
      ],
      right: [1, 2, 3, 4, 5],
    },
    {
      kind: "paragraph",
      text: M.contributionsAddUp(signed(c.contributionSum, EFFECT_DIGITS), toFraction(c.contributionSum)),
    },
  );

  const r = c.reconciliation;
  blocks.push(
    { kind: "heading", level: 2, text: M.why },
    {
      kind: "table",
      headers: ["", M.effect],
      rows: [
        [M.whyAnswers, signed(r.answers, EFFECT_DIGITS)],
        [M.whyAdded, signed(r.added, EFFECT_DIGITS)],
        [M.whyRemoved, signed(r.removed, EFFECT_DIGITS)],
        [M.whyReweighting, signed(r.reweighting, EFFECT_DIGITS)],
      ],
      footer: [[M.whyTotal, signed(r.total, EFFECT_DIGITS)]],
      right: [1],
    },
  );

  if (c.pillars.length) {
    blocks.push(
      { kind: "heading", level: 2, text: L.pillars },
      { kind: "paragraph", text: `(${L.pillarsNote})`, dim: true },
      {
        kind: "table",
        headers: ["", M.old, M.new, M.change],
        rows: c.pillars.map((p) => [title.pillar(p.id), score(p.old), score(p.new), signed(p.change)]),
        right: [1, 2, 3],
      },
    );
  }

  const byEffect = (a: QuestionChange, b: QuestionChange) => compare(b.effect, a.effect);
  const changed = c.questions.filter((q) => q.status === "changed").sort(byEffect);
  blocks.push({ kind: "heading", level: 2, text: M.changed(changed.length) });
  if (changed.length) {
    blocks.push(
      { kind: "paragraph", text: M.effectNote, dim: true },
      {
        kind: "table",
        headers: [M.question, L.element, M.old, M.new, M.scoreChange, M.effect],
        rows: changed.map((q) => [
          q.id,
          title.element(q.new!.element),
          describeScoredAnswer(q.old!, lang),
          describeScoredAnswer(q.new!, lang),
          signed(q.scoreChange),
          signed(q.effect, EFFECT_DIGITS),
        ]),
        right: [4, 5],
      },
    );
  } else blocks.push({ kind: "paragraph", text: M.noneChanged });
  if (c.unchanged) blocks.push({ kind: "paragraph", text: M.unchanged(c.unchanged) });

  for (const status of ["added", "removed"] as const) {
    const list = c.questions.filter((q) => q.status === status);
    if (!list.length) continue;
    blocks.push(
      { kind: "heading", level: 2, text: status === "added" ? M.added(list.length) : M.removed(list.length) },
      {
        kind: "table",
        headers: [M.question, L.element, M.answer, M.effect, M.reason],
        rows: list.map((q) => {
          const s = (q.new ?? q.old)!;
          const reasons = q.reason === "profile" ? M.reasonProfile : M.reasonQuestionnaire;
          return [
            q.id,
            title.element(s.element),
            describeScoredAnswer(s, lang),
            signed(q.effect, EFFECT_DIGITS),
            reasons[status],
          ];
        }),
        right: [3],
      },
    );
  }
  return blocks;
}
