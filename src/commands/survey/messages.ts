import type { Lang } from "../../model/common.js";

/** Every word `survey` shows, Indonesian first; numbers arrive formatted for the language. */
const id = {
  // template
  sheetName: "Responden",
  sheetTitle: (questionnaire: string) => `Survei Impact · ${questionnaire}`,
  sheetTitlePillar: (questionnaire: string, pillar: string) => `Survei Impact · ${questionnaire} · ${pillar}`,
  sheetInstructions: (legend: string) =>
    `Satu baris untuk setiap responden. Jawaban: ${legend}. Pilih label dari daftar atau ketik angkanya; kosongkan bila responden tidak menjawab. Jangan ubah baris id.`,
  nameHeader: "Nama responden",
  contactHeader: "Kontak (HP/e-mail)",
  scaleSheet: "Skala",
  scaleLevel: "Nilai",
  scaleLabel: "Label",
  otherStatements: "Lainnya",
  noSurveyQuestions: (q: string) => `kuesioner ${q} tidak memiliki pertanyaan survei`,
  unknownPillar: (p: string) => `--pillar ${p}: pilar tidak dikenal`,
  knownPillars: (ids: readonly string[]) => `pilar yang ada: ${ids.join(", ")}; atau all untuk satu lembar per pilar`,
  templateWritten: (files: readonly string[], statements: number, sheets: number, xlsx: boolean) =>
    `Ditulis ${files.join(", ")}: ${statements} pernyataan${xlsx && sheets > 1 ? ` dalam ${sheets} lembar` : ""}.`,
  dropdownTitle: "Jawaban",
  dropdownError: "Pilih salah satu label dari daftar.",
};

export type Messages = typeof id;

const en: Messages = {
  sheetName: "Respondents",
  sheetTitle: (questionnaire) => `Impact survey · ${questionnaire}`,
  sheetTitlePillar: (questionnaire, pillar) => `Impact survey · ${questionnaire} · ${pillar}`,
  sheetInstructions: (legend) =>
    `One row per respondent. Answers: ${legend}. Pick a label from the list or type its number; leave blank when the respondent did not answer. Do not change the id row.`,
  nameHeader: "Respondent name",
  contactHeader: "Contact (phone/e-mail)",
  scaleSheet: "Scale",
  scaleLevel: "Level",
  scaleLabel: "Label",
  otherStatements: "Other",
  noSurveyQuestions: (q) => `questionnaire ${q} has no survey questions`,
  unknownPillar: (p) => `--pillar ${p}: unknown pillar`,
  knownPillars: (ids) => `pillars: ${ids.join(", ")}; or all for one sheet per pillar`,
  templateWritten: (files, statements, sheets, xlsx) =>
    `Wrote ${files.join(", ")}: ${statements} statements${xlsx && sheets > 1 ? ` on ${sheets} sheets` : ""}.`,
  dropdownTitle: "Answer",
  dropdownError: "Pick one of the labels in the list.",
};

export const messages: Readonly<Record<Lang, Messages>> = { id, en };
