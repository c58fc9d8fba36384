import type { Lang } from "../../model/common.js";

/** The words of score's workbook that the shared score labels do not have, Indonesian first. */
const id = {
  rankingSheet: "Peringkat",
  elementsSheet: "Elemen",
  pillarsSheet: "Pilar",
  questionsSheet: "Pertanyaan",
  group: "Kelompok",
  previousTotal: "Nilai sebelumnya",
  complete: "Lengkap",
  missing: "Belum dijawab",
  questionnaire: "Kuesioner",
  file: "Berkas",
  yes: "ya",
  no: "tidak",
  elementId: "Id elemen",
  answered: "Dijawab",
  questions: "Pertanyaan",
  pillar: "Pilar",
  pillarId: "Id pilar",
  pillarIndex: "Indeks (angka kuesioner, bukan resmi)",
  questionId: "Id pertanyaan",
  question: "Pertanyaan",
  xlsxNeedsOut: "--format xlsx menulis buku kerja biner: berikan --out BERKAS.xlsx",
};

const en: typeof id = {
  rankingSheet: "Ranking",
  elementsSheet: "Elements",
  pillarsSheet: "Pillars",
  questionsSheet: "Questions",
  group: "Group",
  previousTotal: "Previous total",
  complete: "Complete",
  missing: "Unanswered",
  questionnaire: "Questionnaire",
  file: "File",
  yes: "yes",
  no: "no",
  elementId: "Element id",
  answered: "Answered",
  questions: "Questions",
  pillar: "Pillar",
  pillarId: "Pillar id",
  pillarIndex: "Index (kuesioner's figure, not official)",
  questionId: "Question id",
  question: "Question",
  xlsxNeedsOut: "--format xlsx writes a binary workbook: give --out FILE.xlsx",
};

export function xlsxMessages(lang: Lang): typeof id {
  return lang === "id" ? id : en;
}
