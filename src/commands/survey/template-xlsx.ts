import type { Lang } from "../../model/common.js";
import type { Questionnaire } from "../../model/questionnaire.js";
import { localize } from "../../text/format.js";
import { loadExcel } from "../../io/excel.js";
import { messages } from "./messages.js";
import { RESPONDENT_COLUMNS, type TemplateSheet } from "./template-layout.js";

/**
 * The respondent workbook: one sheet per group of statements, then a sheet listing the scale
 * (both languages), which the drop-down lists of every answer cell refer to. The header rows
 * stay frozen while scrolling; the id row is small and grey, there for `survey import`.
 */
export async function renderTemplateXlsx(
  questionnaire: Questionnaire,
  sheets: readonly TemplateSheet[],
  lang: Lang,
): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const t = messages[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kuesioner";
  // A fixed date keeps the file the same for the same input.
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
  const scaleName = t.scaleSheet;
  const labels = sheets[0]?.labels ?? [];
  const listRange = `'${scaleName}'!$B$2:$B$${labels.length + 1}`;
  const hasLabels = labels.every((l) => l.label !== "");

  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      views: [{ state: "frozen", xSplit: RESPONDENT_COLUMNS, ySplit: sheet.idRow }],
    });
    for (const row of sheet.rows) ws.addRow(row);
    ws.getColumn(1).width = 26;
    ws.getColumn(2).width = 24;
    const first = RESPONDENT_COLUMNS + 1;
    const last = RESPONDENT_COLUMNS + sheet.statements.length;
    for (let c = first; c <= last; c++) ws.getColumn(c).width = 30;
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.getRow(2).font = { italic: true };
    const place = ws.getRow(sheet.headerRow - 1);
    place.font = { italic: true, size: 9, color: { argb: "FF555555" } };
    place.alignment = { wrapText: true, vertical: "bottom" };
    const header = ws.getRow(sheet.headerRow);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "top" };
    header.height = 110;
    for (let c = 1; c <= last; c++) {
      header.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
      header.getCell(c).border = { bottom: { style: "thin" } };
    }
    ws.getRow(sheet.idRow).font = { size: 8, color: { argb: "FF888888" } };
    const validation = hasLabels
      ? {
          type: "list" as const,
          allowBlank: true,
          formulae: [listRange],
          showErrorMessage: true,
          errorStyle: "stop" as const,
          errorTitle: t.dropdownTitle,
          error: t.dropdownError,
        }
      : {
          type: "whole" as const,
          operator: "between" as const,
          allowBlank: true,
          formulae: [questionnaire.scale.min, questionnaire.scale.max],
          showErrorMessage: true,
        };
    for (let r = sheet.firstDataRow; r < sheet.firstDataRow + sheet.dataRows; r++) {
      for (let c = first; c <= last; c++) ws.getCell(r, c).dataValidation = validation;
    }
  }

  const scale = workbook.addWorksheet(scaleName);
  scale.addRow([t.scaleLevel, t.scaleLabel, messages[lang === "id" ? "en" : "id"].scaleLabel]);
  const other = lang === "id" ? "en" : "id";
  for (const { level, label } of labels) {
    scale.addRow([level, label, localize(questionnaire.surveyLabels?.[String(level)], other)]);
  }
  scale.getRow(1).font = { bold: true };
  scale.getColumn(2).width = 30;
  scale.getColumn(3).width = 30;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
