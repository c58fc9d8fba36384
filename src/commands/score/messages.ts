import type { Lang } from "../../model/common.js";
import type { VerificationStatus } from "../../engine/summary.js";

/** The words of score's workbook that the shared score labels do not have, Indonesian first. */
const id = {
  rankingSheet: "Peringkat",
  elementsSheet: "Elemen",
  pillarsSheet: "Pilar",
  questionsSheet: "Pertanyaan",
  differencesSheet: "Verifikasi",
  assessors: "Asesor",
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
  xlsxTooManyFiles: (files: number, most: number, columns: number) =>
    `--format xlsx memuat paling banyak ${most.toLocaleString("id")} berkas jawaban (lembar Pertanyaan memakai satu kolom per berkas, dan satu lembar paling banyak ${columns.toLocaleString("id")} kolom); masukan ini berisi ${files.toLocaleString("id")}: nilai per bagian (misalnya per folder), atau gunakan --format csv`,
  xlsxTooManyRows: (sheet: string, rows: number, most: number) =>
    `lembar ${sheet} akan berisi ${rows.toLocaleString("id")} baris, padahal satu lembar paling banyak ${most.toLocaleString("id")}: nilai per bagian (misalnya per folder), atau gunakan --format csv`,
};

const en: typeof id = {
  rankingSheet: "Ranking",
  elementsSheet: "Elements",
  pillarsSheet: "Pillars",
  questionsSheet: "Questions",
  differencesSheet: "Verification",
  assessors: "Assessors",
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
  xlsxTooManyFiles: (files, most, columns) =>
    `--format xlsx holds at most ${most.toLocaleString("en")} answer files (the Questions sheet has a column for each file, and a sheet at most ${columns.toLocaleString("en")} columns); these inputs are ${files.toLocaleString("en")}: score them in parts (a folder at a time, say), or use --format csv`,
  xlsxTooManyRows: (sheet, rows, most) =>
    `the ${sheet} sheet would have ${rows.toLocaleString("en")} rows, and a sheet holds at most ${most.toLocaleString("en")}: score in parts (a folder at a time, say), or use --format csv`,
};

export function xlsxMessages(lang: Lang): typeof id {
  return lang === "id" ? id : en;
}

/** What `score` says on standard error, in both languages. */
const enSaid = {
  warning: "warning",
  note: "note",
  previousNone: (region: string, usedOwn: boolean) =>
    `--previous has no result for "${region}"${usedOwn ? "; using the file's own previous score" : "; no improvement"}`,
  previousAmbiguous: (region: string, regions: readonly string[], usedOwn: boolean) =>
    `--previous has ${regions.length} results that fit "${region}" (${regions.map((r) => `"${r}"`).join(", ")}); none is used${usedOwn ? ", the file's own previous score is" : ""}`,
  previousOtherRegion: (other: string, region: string) => `--previous is for "${other}", this file for "${region}"`,
  previousNothing: (given: string) => `--previous ${given}: no previous score could be read`,
  previousNothingHint:
    "give last year's answer files (a file, a folder, or a quoted pattern such as 'jawaban/2022/*.yaml'), or the JSON that kuesioner score --format json wrote",
  duplicateRegion: (region: string, files: readonly string[]) =>
    `"${region}" is ranked ${files.length} times: ${files.join(", ")}; a revised copy of a file? score only one`,
  mixedQuestionnaires: (ids: readonly string[]) =>
    `one ranking mixes questionnaires ${ids.join(" and ")}; consider --group-by questionnaire`,
  progress: (done: number, total: number) =>
    `scored ${done.toLocaleString("en")} of ${total.toLocaleString("en")} files`,
  notScored: (failed: number, inputs: number) =>
    `${failed} of ${inputs} input${inputs === 1 ? "" : "s"} could not be scored`,
  belowFailUnder: (count: number, limit: string) =>
    `${count} result${count === 1 ? "" : "s"} below --fail-under ${limit}`,
  unanswered: (count: number) => `${count} unanswered`,
  incomplete: (count: number) => `${count} result${count === 1 ? "" : "s"} incomplete (--require-complete)`,
  csvYes: "yes",
  csvNo: "no",
  csvStatus: { draft: "draft", final: "final" } as Record<string, string>,
  csvVerification: { verified: "verified", partial: "partial", unverified: "unverified" } as Record<
    VerificationStatus,
    string
  >,
  mixedYears: (years: readonly number[]) =>
    `one ranking mixes the years ${years.join(" and ")}; give last year's files with --previous (quoted, or a folder), not as inputs`,
  previousNoneMany: (regions: readonly string[]) =>
    `--previous has no result for ${regions.length} regions: ${listSome(regions)}; their improvement is their file's own previous score, if any (--verbose names each)`,
  /** A file's warnings counted by kind, for the one line a file gets without --verbose. */
  warningCounts: {
    "answer.few-respondents": (n: number) =>
      `${n} survey item${n === 1 ? "" : "s"} under-sampled (fewer respondents than required)`,
  } as Record<string, (n: number) => string>,
  warnings: (n: number) => `${n} warning${n === 1 ? "" : "s"}`,
  otherWarnings: (n: number) => `${n} other warning${n === 1 ? "" : "s"}`,
  verboseForDetails: "(--verbose for details)",
};

/** The first few of a list, for a one-line summary. */
function listSome(items: readonly string[], shown = 5): string {
  const some = items.slice(0, shown).map((i) => `"${i}"`);
  return items.length > shown ? `${some.join(", ")}, …` : some.join(", ");
}

export type ScoreMessages = typeof enSaid;

const idSaid: ScoreMessages = {
  warning: "peringatan",
  note: "catatan",
  previousNone: (region, usedOwn) =>
    `--previous tidak memuat hasil untuk "${region}"${usedOwn ? "; dipakai nilai tahun lalu dari berkasnya sendiri" : "; tanpa indeks peningkatan"}`,
  previousAmbiguous: (region, regions, usedOwn) =>
    `--previous memuat ${regions.length} hasil yang cocok dengan "${region}" (${regions.map((r) => `"${r}"`).join(", ")}); tidak ada yang dipakai${usedOwn ? ", dipakai nilai tahun lalu dari berkasnya sendiri" : ""}`,
  previousOtherRegion: (other, region) => `--previous untuk "${other}", berkas ini untuk "${region}"`,
  previousNothing: (given) => `--previous ${given}: tidak ada nilai tahun lalu yang dapat dibaca`,
  previousNothingHint:
    "berikan berkas jawaban tahun lalu (berkas, folder, atau pola berpetik seperti 'jawaban/2022/*.yaml'), atau JSON yang ditulis kuesioner score --format json",
  duplicateRegion: (region, files) =>
    `"${region}" diperingkat ${files.length} kali: ${files.join(", ")}; salinan revisi sebuah berkas? nilai satu saja`,
  mixedQuestionnaires: (ids) =>
    `satu peringkat mencampur kuesioner ${ids.join(" dan ")}; pertimbangkan --group-by questionnaire`,
  progress: (done, total) => `${done.toLocaleString("id")} dari ${total.toLocaleString("id")} berkas sudah dinilai`,
  notScored: (failed, inputs) => `${failed} dari ${inputs} masukan tidak dapat dinilai`,
  belowFailUnder: (count, limit) => `${count} hasil di bawah --fail-under ${limit}`,
  unanswered: (count) => `${count} belum dijawab`,
  incomplete: (count) => `${count} hasil belum lengkap (--require-complete)`,
  csvYes: "ya",
  csvNo: "tidak",
  csvStatus: { draft: "draf", final: "final" },
  csvVerification: { verified: "terverifikasi", partial: "sebagian", unverified: "belum" },
  mixedYears: (years) =>
    `satu peringkat mencampur tahun ${years.join(" dan ")}; berikan berkas tahun lalu dengan --previous (berpetik, atau folder), bukan sebagai masukan`,
  previousNoneMany: (regions) =>
    `--previous tidak memuat hasil untuk ${regions.length} daerah: ${listSome(regions)}; indeks peningkatannya memakai nilai tahun lalu dari berkasnya sendiri, bila ada (--verbose menyebut satu per satu)`,
  warningCounts: {
    "answer.few-respondents": (n) => `${n} butir survei dengan responden kurang dari yang dipersyaratkan`,
  },
  warnings: (n) => `${n} peringatan`,
  otherWarnings: (n) => `${n} peringatan lain`,
  verboseForDetails: "(--verbose untuk rinciannya)",
};

export const scoreMessages: Readonly<Record<Lang, ScoreMessages>> = { en: enSaid, id: idSaid };
