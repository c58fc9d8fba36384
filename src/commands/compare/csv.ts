import type { Comparison, ElementSide, QuestionSide } from "../../engine/compare-results.js";
import { elementVerification, verificationStatus } from "../../engine/summary.js";
import type { ScoredFile } from "../../io/scored-file.js";
import type { Lang } from "../../model/common.js";
import { toFixed, type Exact } from "../../model/exact.js";
import { csvDialects, csvLine, csvText } from "../../text/csv.js";

/** Digits in CSV figures: enough to re-add the effects to the change in the total. */
const DIGITS = 6;

/**
 * One row per figure, for a spreadsheet: the total, each element, each pillar and each changed,
 * added or removed question, told apart by `section`; the last four columns say how many
 * questions behind each figure the assessors verified, and whether that makes it verified,
 * partial or unverified (ids, like `status`). Headers are ids, the same in both
 * languages; `--lang id` writes the Indonesian Excel dialect (`;` between fields, `,` decimals).
 */
export function renderCompareCsv(
  input: { old: ScoredFile; new: ScoredFile; comparison: Comparison },
  lang: Lang,
): string {
  const dialect = lang === "id" ? csvDialects[";"] : csvDialects[","];
  const decimal = lang === "id" ? "," : ".";
  const n = (v: Exact | null | undefined) => (v ? toFixed(v, DIGITS).replace(".", decimal) : "");
  const c = input.comparison;
  const header = [
    "section",
    "id",
    "element",
    "status",
    "reason",
    "old_weight",
    "new_weight",
    "old",
    "new",
    "change",
    "old_contribution",
    "new_contribution",
    "contribution_change",
    "old_verified",
    "new_verified",
    "old_verification",
    "new_verification",
  ];
  const o = input.old.result.verification;
  const nw = input.new.result.verification;
  // Questions with the assessors' score behind each figure, and what that makes it (verified, partial, unverified).
  const element = (e: ElementSide | null) => (e ? [String(e.verified), elementVerification(e)] : ["", ""]);
  const question = (q: QuestionSide | null) =>
    q?.score ? [q.verified ? "1" : "0", q.verified ? "verified" : "unverified"] : ["", ""];
  const pair = ([a, b]: string[], [c, d]: string[]) => [a!, c!, b!, d!];
  const rows: string[][] = [
    [
      "total",
      "total",
      "",
      "",
      "",
      "",
      "",
      n(c.total.old),
      n(c.total.new),
      n(c.total.change),
      n(c.total.old),
      n(c.total.new),
      n(c.total.change),
      String(o.verified),
      String(nw.verified),
      verificationStatus(o),
      verificationStatus(nw),
    ],
    ...c.elements.map((e) => [
      "element",
      e.id,
      e.id,
      "",
      "",
      n(e.old?.weight),
      n(e.new?.weight),
      n(e.old?.score),
      n(e.new?.score),
      n(e.scoreChange),
      n(e.old?.contribution),
      n(e.new?.contribution),
      n(e.contributionChange),
      ...pair(element(e.old), element(e.new)),
    ]),
    ...c.pillars.map((p) => [
      "pillar",
      p.id,
      "",
      "",
      "",
      "",
      "",
      n(p.old),
      n(p.new),
      n(p.change),
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ]),
    ...c.questions.map((q) => [
      "question",
      q.id,
      (q.new ?? q.old)!.element,
      q.status,
      q.reason ?? "",
      "",
      "",
      q.old ? n(q.old.score) : "",
      q.new ? n(q.new.score) : "",
      n(q.scoreChange),
      "",
      "",
      n(q.effect),
      ...pair(question(q.old), question(q.new)),
    ]),
  ];
  // Ids and statuses are text a spreadsheet must not run as a formula; figures are left as they are.
  const guarded = rows.map((r) => r.map((field, i) => (i >= 1 && i <= 4 ? csvText(field) : field)));
  return dialect.bom + [header, ...guarded].map((r) => csvLine(r, dialect.separator)).join("");
}
