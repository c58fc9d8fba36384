import type { Comparison } from "../../engine/compare-results.js";
import type { ScoredFile } from "../../io/scored-file.js";
import type { Lang } from "../../model/common.js";
import { toFixed, type Exact } from "../../model/exact.js";
import { csvDialects, csvLine, csvText } from "../../text/csv.js";

/** Digits in CSV figures: enough to re-add the effects to the change in the total. */
const DIGITS = 6;

/**
 * One row per figure, for a spreadsheet: the total, each element, each pillar and each changed,
 * added or removed question, told apart by `section`. Headers are ids, the same in both
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
  ];
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
    ]),
    ...c.pillars.map((p) => ["pillar", p.id, "", "", "", "", "", n(p.old), n(p.new), n(p.change), "", "", ""]),
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
    ]),
  ];
  // Ids and statuses are text a spreadsheet must not run as a formula; figures are left as they are.
  const guarded = rows.map((r) => r.map((field, i) => (i >= 1 && i <= 4 ? csvText(field) : field)));
  return dialect.bom + [header, ...guarded].map((r) => csvLine(r, dialect.separator)).join("");
}
