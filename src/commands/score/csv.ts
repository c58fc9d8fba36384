import { toFixed, type Exact } from "../../model/exact.js";
import type { Ranked } from "../../engine/rank.js";
import { selfAssessmentShown, verificationStatus, type ResultSummary } from "../../engine/summary.js";
import type { Lang } from "../../model/common.js";
import type { ElementColumn } from "../../text/ranking-cells.js";
import { csvField as quote, csvText as text } from "../../text/csv.js";
import { scoreMessages } from "./messages.js";

/**
 * The two CSV dialects. `en`: RFC 4180 with `,` between fields and `.` decimals, for tools and
 * English-locale spreadsheets. `id`: what Excel in the Indonesian locale opens by
 * double-click: `;` between fields, `,` decimals, and a UTF-8 byte-order mark so that names
 * with accents are not garbled. Both end lines with CRLF, as RFC 4180 asks.
 */
const dialects = {
  en: { separator: ",", decimal: ".", bom: "" },
  id: { separator: ";", decimal: ",", bom: "\ufeff" },
} as const;

/** Digits kept in CSV scores: enough to compare and re-add, while 0.1 + 0.2 stays 0.3. */
const CSV_DIGITS = 4;

/**
 * One row per result in rank order, with stable columns: rank, [group,] file, region, year,
 * questionnaire, version, profile, status, complete, missing, one column per element (its
 * score), total, previous, improvement; then the verification: verified, partly verified or
 * not, how many questions are verified and how many answered ones are not, and the
 * self-assessed score per element and in total (empty where the panel scored questions the
 * region did not answer itself). Headers are ids, the same in both languages.
 */
export function renderScoreCsv(
  ranked: readonly Ranked<ResultSummary>[],
  columns: readonly ElementColumn[],
  lang: Lang,
  grouped: boolean,
): string {
  return scoreCsvHeader(columns, lang, grouped) + scoreCsvRows(ranked, columns, lang, grouped);
}

/** The byte-order mark (Indonesian dialect) and the header line of renderScoreCsv. */
export function scoreCsvHeader(columns: readonly ElementColumn[], lang: Lang, grouped: boolean): string {
  const { separator, bom } = dialects[lang];
  const header = [
    "rank",
    ...(grouped ? ["group"] : []),
    "file",
    "region",
    "year",
    "questionnaire",
    "version",
    "profile",
    "status",
    "complete",
    "missing",
    ...columns.map((c) => c.id),
    "total",
    "previous",
    "improvement",
    "verification",
    "verified",
    "unverified",
    ...columns.map((c) => `self-${c.id}`),
    "self-total",
  ];
  return bom + line(header, separator);
}

/** The lines of `ranked` in renderScoreCsv, so that a large batch is written a part at a time. */
export function scoreCsvRows(
  ranked: readonly Ranked<ResultSummary>[],
  columns: readonly ElementColumn[],
  lang: Lang,
  grouped: boolean,
): string {
  let out = "";
  for (const { rank, group, item } of ranked)
    out += scoreCsvRowStart(rank, group, lang, grouped) + scoreCsvRowRest(item, columns, lang);
  return out;
}

/** A line's rank and (grouped) group with the separator after them: what scoreCsvRowRest's text follows. */
export function scoreCsvRowStart(rank: number, group: string | undefined, lang: Lang, grouped: boolean): string {
  const { separator } = dialects[lang];
  const start = quote(String(rank), separator) + separator;
  return grouped ? start + quote(text(group ?? ""), separator) + separator : start;
}

/**
 * A result's line of renderScoreCsv from its file on (its line end included): everything but the
 * rank and the group, which only the whole batch decides. A batch's threads render it as they
 * score (src/commands/score/batch-item.ts), so that writing the ranking is copying text.
 */
export function scoreCsvRowRest(s: ResultSummary, columns: readonly ElementColumn[], lang: Lang): string {
  const { separator, decimal } = dialects[lang];
  // Values in the reader's language too (ya/tidak, draf/final); the headers stay ids.
  const t = scoreMessages[lang];
  const number = (value: Exact | undefined | null) => (value ? toFixed(value, CSV_DIGITS).replace(".", decimal) : "");
  const scores = new Map(s.elements.map((e) => [e.id, e.score]));
  const self = selfAssessmentShown(s);
  const selfScores = new Map(s.elements.map((e) => [e.id, e.selfScore]));
  return line(
    [
      text(s.file),
      text(s.region),
      s.year !== undefined ? String(s.year) : "",
      text(s.questionnaire.id),
      text(s.questionnaire.version),
      text(s.profile),
      s.status !== undefined ? (t.csvStatus[s.status] ?? s.status) : "",
      s.complete ? t.csvYes : t.csvNo,
      String(s.missing.length),
      ...columns.map((c) => number(scores.get(c.id))),
      number(s.total),
      number(s.previous?.total),
      number(s.improvement),
      t.csvVerification[verificationStatus(s)],
      String(s.verified),
      String(s.unverified.length),
      ...columns.map((c) => (self ? number(selfScores.get(c.id)) : "")),
      self ? number(s.selfTotal) : "",
    ],
    separator,
  );
}

const line = (fields: readonly string[], separator: string) =>
  `${fields.map((field) => quote(field, separator)).join(separator)}\r\n`;
