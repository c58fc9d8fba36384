import type { Ranked } from "../../engine/rank.js";
import type { QuestionDifference, ScoreResult } from "../../engine/score.js";
import { selfAssessmentShown, verificationStatus, type ResultSummary } from "../../engine/summary.js";
import type { Lang, Text } from "../../model/common.js";
import { withFixedZipDates } from "../../io/stable-zip.js";
import { type Exact, toNumber } from "../../model/exact.js";
import type { Questionnaire } from "../../model/questionnaire.js";
import { localize } from "../../text/format.js";
import type { ElementColumn } from "../../text/ranking-cells.js";
import { labelsFor } from "../../text/score-labels.js";
import { comparable } from "../../text/score-report.js";
import { UsageError } from "../../errors.js";
import { xlsxMessages } from "./messages.js";

/** What a worksheet holds at most, in Excel as in LibreOffice (header row and columns included). */
const XLSX_MAX_ROWS = 1_048_576;
const XLSX_MAX_COLUMNS = 16_384;
/**
 * The most files a workbook can rank: its questions sheet has three columns of its own (id,
 * element, question) and then one per file.
 */
export const XLSX_MAX_FILES = XLSX_MAX_COLUMNS - 3;

/**
 * Refuses a workbook of more files than its questions sheet has columns: `score` asks before it
 * reads any file, and the renderer again for what it is given.
 */
export function checkWorkbookFiles(files: number, lang: Lang): void {
  if (files > XLSX_MAX_FILES)
    throw new UsageError(xlsxMessages(lang).xlsxTooManyFiles(files, XLSX_MAX_FILES, XLSX_MAX_COLUMNS));
}

/**
 * What the questions sheet needs beyond the summaries: each file's question scores, and the
 * questions and pillars in the order first met. Kept only when the workbook is asked for.
 */
export class WorkbookData {
  readonly questions = new Map<string, { element: string; text: Text }>();
  readonly pillars = new Map<string, Text>();
  readonly scores = new Map<string, Map<string, Exact | null>>();
  /** Per file, the questions where the panel's score differs from the region's, largest difference first. */
  readonly differences = new Map<string, (QuestionDifference & { assessors: number })[]>();

  collect(file: string, questionnaire: Questionnaire, result: ScoreResult): void {
    for (const element of questionnaire.elements)
      for (const q of element.questions)
        if (!this.questions.has(q.id)) this.questions.set(q.id, { element: element.id, text: q.text });
    for (const p of questionnaire.pillars ?? []) if (!this.pillars.has(p.id)) this.pillars.set(p.id, p.title);
    this.scores.set(file, new Map(result.questions.map((q) => [q.id, q.score])));
    if (comparable(result)) {
      const assessors = new Map(result.questions.map((q) => [q.id, q.assessors]));
      this.differences.set(
        file,
        result.verification.differences.map((d) => ({ ...d, assessors: assessors.get(d.id) ?? 0 })),
      );
    }
  }
}

/** Two decimals shown, the full value kept: Excel and LibreOffice sum and sort the real numbers. */
const SCORE_FORMAT = "0.00";
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } } as const;

type Cell = string | number | null;

/**
 * The score workbook: ranking (one row per file, in rank order), elements and pillars (one row
 * per file and element or pillar), questions (one row per question, one column per file), and
 * the differences between self-assessed and verified scores (one row per file and question where
 * the panel differed from the region, largest first). The ranking and elements sheets give the
 * self-assessed scores beside the verified ones, empty where the panel scored questions the
 * region did not answer itself.
 * Scores are numbers shown with two decimals; headers are in the report's language, frozen,
 * with filters on. Texts are written as texts (never formulas), whatever they start with.
 */
export async function renderScoreXlsx(
  ranked: readonly Ranked<ResultSummary>[],
  columns: readonly ElementColumn[],
  data: WorkbookData,
  lang: Lang,
): Promise<Uint8Array> {
  checkWorkbookFiles(ranked.length, lang);
  const M = xlsxMessages(lang);
  const { default: ExcelJS } = await import("exceljs");
  const L = labelsFor(lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kuesioner";
  // A fixed date keeps the file the same for the same input.
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
  const num = (value: Exact | null | undefined): Cell => (value ? toNumber(value) : null);
  const grouped = ranked.some((r) => r.group !== undefined);

  const sheet = (
    name: string,
    headers: readonly string[],
    rows: readonly Cell[][],
    numeric: (i: number) => boolean,
  ) => {
    // Past a sheet's limits exceljs stops with an error of its own, or Excel cannot open the file.
    if (rows.length + 1 > XLSX_MAX_ROWS) throw new UsageError(M.xlsxTooManyRows(name, rows.length + 1, XLSX_MAX_ROWS));
    const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow([...headers]);
    for (const row of rows) ws.addRow(row);
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: "top", wrapText: true };
    headers.forEach((h, i) => {
      header.getCell(i + 1).fill = HEADER_FILL;
      const column = ws.getColumn(i + 1);
      if (numeric(i)) column.numFmt = SCORE_FORMAT;
      const longest = Math.max(h.length, ...rows.slice(0, 200).map((r) => String(r[i] ?? "").length));
      column.width = Math.min(60, Math.max(8, longest + 2));
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: headers.length } };
    return ws;
  };

  const elementTitle = (id: string) => localize(columns.find((c) => c.id === id)?.title, lang) || id;
  const rankingHeaders = [
    L.rank,
    ...(grouped ? [M.group] : []),
    L.region,
    L.year,
    L.profile,
    L.total,
    L.selfTotal,
    ...columns.map((c) => elementTitle(c.id)),
    M.previousTotal,
    L.improvement,
    M.complete,
    M.missing,
    L.verificationLabel,
    L.verifiedQuestions,
    L.unverifiedQuestions,
    M.questionnaire,
    M.file,
  ];
  const firstScore = grouped ? 5 : 4;
  const rankingRows = ranked.map(({ rank, group, item: s }) => {
    const scores = new Map(s.elements.map((e) => [e.id, e.score]));
    return [
      rank,
      ...(grouped ? [group ?? ""] : []),
      s.region,
      s.year ?? null,
      s.profile,
      num(s.total),
      selfAssessmentShown(s) ? num(s.selfTotal) : null,
      ...columns.map((c) => num(scores.get(c.id))),
      num(s.previous?.total),
      num(s.improvement),
      s.complete ? M.yes : M.no,
      s.missing.length,
      L.verificationStatus[verificationStatus(s)],
      s.verified,
      s.unverified.length,
      `${s.questionnaire.id} ${s.questionnaire.version}`,
      s.file,
    ];
  });
  const rankingSheet = sheet(
    M.rankingSheet,
    rankingHeaders,
    rankingRows,
    (i) => i >= firstScore && i < firstScore + columns.length + 4,
  );
  rankingSheet.getColumn(1).numFmt = "0";

  sheet(
    M.elementsSheet,
    [
      L.rank,
      L.region,
      L.year,
      L.element,
      M.elementId,
      L.weight,
      L.score,
      L.contribution,
      M.answered,
      M.questions,
      L.selfAssessed,
      L.verifiedQuestions,
    ],
    ranked.flatMap(({ rank, item: s }) =>
      s.elements.map((e) => [
        rank,
        s.region,
        s.year ?? null,
        elementTitle(e.id),
        e.id,
        num(e.weight),
        num(e.score),
        num(e.contribution),
        e.answered,
        e.questions,
        selfAssessmentShown(s) ? num(e.selfScore) : null,
        e.verified,
      ]),
    ),
    (i) => (i >= 5 && i <= 7) || i === 10,
  );

  sheet(
    M.pillarsSheet,
    [L.rank, L.region, L.year, M.pillar, M.pillarId, M.pillarIndex],
    ranked.flatMap(({ rank, item: s }) =>
      s.pillars.map((p) => [
        rank,
        s.region,
        s.year ?? null,
        localize(data.pillars.get(p.id), lang) || p.id,
        p.id,
        num(p.score),
      ]),
    ),
    (i) => i === 5,
  );

  // One column per file, headed by its region; the same region twice (two years) gets its file too.
  const names = ranked.map((r) => r.item.region);
  const headerOf = (r: Ranked<ResultSummary>, i: number) =>
    names.indexOf(names[i]!) !== names.lastIndexOf(names[i]!) ? `${r.item.region} (${r.item.file})` : r.item.region;
  sheet(
    M.questionsSheet,
    [M.questionId, L.element, M.question, ...ranked.map(headerOf)],
    [...data.questions].map(([id, q]) => [
      id,
      elementTitle(q.element),
      localize(q.text, lang),
      ...ranked.map((r) => num(data.scores.get(r.item.file)?.get(id))),
    ]),
    (i) => i >= 3,
  ).views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];

  sheet(
    M.differencesSheet,
    [
      L.rank,
      L.region,
      L.year,
      M.questionId,
      L.element,
      M.question,
      L.selfAssessed,
      L.verified,
      L.difference,
      M.assessors,
    ],
    ranked.flatMap(({ rank, item: s }) =>
      (data.differences.get(s.file) ?? []).map((d) => [
        rank,
        s.region,
        s.year ?? null,
        d.id,
        elementTitle(d.element),
        localize(data.questions.get(d.id)?.text, lang),
        num(d.self),
        num(d.verified),
        num(d.difference),
        d.assessors,
      ]),
    ),
    (i) => i >= 6 && i <= 8,
  );

  return withFixedZipDates(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
