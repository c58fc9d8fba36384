import { Chalk } from "chalk";
import type { Lang } from "../../model/common.js";
import { escapeText } from "../../text/escape.js";
import { diagnosticWords } from "../../text/diagnostic-messages.js";
import { specialFileWords } from "../../text/file-messages.js";
import { columnLetter } from "./columns.js";
import type { SurveyDiagnostic } from "./tally.js";

type P = SurveyDiagnostic["params"];
type Described = [message: string, hint: string | undefined];
const letter = (column: unknown) => columnLetter(Number(column));
const list = (items: unknown, max = 20) => {
  const all = Array.isArray(items) ? (items as string[]) : [String(items)];
  return all.length > max ? `${all.slice(0, max).join(", ")}, … (${all.length})` : all.join(", ");
};

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

  // import
  scaleWidth: (given: string, scale: string) =>
    `--scale ${given}: lembar harus punya jumlah tingkat yang sama dengan skala kuesioner ${scale}`,
  failed: (errors: number, warnings: number, into: string | undefined) =>
    `${errors} kesalahan${warnings ? `, ${warnings} peringatan` : ""}: ${into ? `${into} tidak diubah` : "tidak ada yang ditulis"}.`,
  written: (into: string, statements: number, replaced: number, created: boolean) =>
    `${created ? "Dibuat" : "Diperbarui"} ${into}: ${statements} pernyataan${replaced ? ` (${replaced} jawaban lama diganti)` : ""}.`,
  unchanged: (into: string) => `${into} sudah berisi hasil ini; tidak diubah.`,
  reopened: "Berkas tadinya final; kini draf lagi karena jawabannya berubah.",
  changedMeanwhile: (file: string) => `${file} diubah oleh program lain selama impor; tidak ditimpa`,
  cannotWrite: (file: string, code: string) => `tidak dapat menulis ${file} (${code}); isinya tetap seperti semula`,
  previewHeading: "Tanpa --into; yang akan ditulis ke berkas jawaban:",
  summaryHeading: (rows: number, files: number) => `${rows} responden dari ${files} berkas`,
  colStatement: "Pernyataan",
  colRespondents: "Responden",
  colBlank: "Kosong",
  colMean: "Rata-rata",
  noColumn: "tidak ada kolom",
  diagnostic: {
    unmatched: (p: P) => [
      `kolom "${p.header}" tidak cocok dengan pernyataan mana pun; tidak diimpor`,
      p.closest
        ? `paling mirip: ${p.closest}; bila memang itu, tulis di berkas --map: "${p.header}": ${p.closest}`
        : "bila kolom ini berisi jawaban, tunjukkan pernyataannya dengan --map",
    ],
    ambiguous: (p: P) => [
      `judul kolom "${p.header}" cocok dengan beberapa pernyataan (${list(p.ids)})`,
      "tentukan pernyataannya dengan --map",
    ],
    "duplicate-column": (p: P) => [
      `kolom ini dan kolom ${letter(p.first)} sama-sama berisi ${list(p.ids)}`,
      "hapus salah satu kolom, atau tentukan dengan --map",
    ],
    "no-header": (p: P) => [
      `tidak ada baris judul: tidak satu pun kolom di ${p.rows} baris pertama cocok dengan pernyataan`,
      "judul kolom harus teks pernyataan atau id-nya (lihat kuesioner survey template), atau pakai --map",
    ],
    "unknown-label": (p: P) => [
      `jawaban tidak dikenal "${p.text}"`,
      "jawaban yang diterima: angka skala, atau Sangat tidak setuju, Tidak setuju, Ragu-ragu (Netral, Cukup), Setuju, Sangat setuju",
    ],
    "out-of-scale": (p: P) => [
      `${p.value} di luar skala ${p.min}–${p.max}`,
      p.suggest15 ? "bila lembar memakai skala 1–5, jalankan lagi dengan --scale 1-5" : undefined,
    ],
    "not-whole": (p: P) => [`"${p.text}" bukan bilangan bulat`, undefined],
    mismatch: (p: P) => [`"${p.text}": angka dan label tidak sesuai`, undefined],
    "not-an-answer": (p: P) => [`"${p.text}" bukan jawaban`, undefined],
    "ragged-short": (p: P) => [
      `baris berisi ${p.cells} sel, baris judul ${p.header}`,
      "baris terpotong, atau pemisahnya (, ; tab) berbeda",
    ],
    "ragged-long": (p: P) => [
      `nilai "${p.text}" di kolom tanpa judul`,
      "baris bergeser, atau pemisahnya (, ; tab) berbeda",
    ],
    "duplicate-row": (p: P) => [
      `baris ini sama persis dengan ${p.first}`,
      "hapus salah satunya; --allow-duplicates menghitung keduanya",
    ],
    "identical-answers": (p: P) => [`jawaban sama persis dengan ${p.first}, tanpa nama yang membedakan`, undefined],
    "duplicate-respondent": (p: P) => [
      `responden "${p.who}" sudah menjawab pernyataan yang sama di ${p.first}`,
      "hapus salah satunya; --allow-duplicates menghitung keduanya",
    ],
    "straight-lining": (p: P) => [
      `jawaban yang sama (${p.level}) untuk semua ${p.answered} pernyataan`,
      "periksa apakah responden benar-benar membaca pernyataannya",
    ],
    "no-answers": () => ["baris tanpa jawaban", undefined],
    "few-statement": (p: P) => [
      `${p.id}: ${p.respondents} responden, kurang dari ${p.required} yang diminta metode`,
      undefined,
    ],
    "few-pillar": (p: P) => [
      `pilar ${p.pillar}: ${p.respondents} responden, kurang dari ${p.required} yang diminta metode`,
      undefined,
    ],
    unfilled: (p: P) => [
      `${(p.ids as string[]).length} pernyataan tidak diisi kolom mana pun: ${list(p.ids, 12)}`,
      undefined,
    ],
    more: (p: P) => [`${p.count} temuan "${p.code}" lainnya tidak ditampilkan`, undefined],
    "sheet-skipped": (p: P) => [`tidak ada kolom pernyataan di ${p.rows} baris pertama; lembar dilewati`, undefined],
    "other-sheets": (p: P) => [
      `hanya lembar pertama yang dibaca; lembar lain: ${list(p.sheets)}`,
      "--all-sheets membaca semuanya, --sheet NAMA lembar tertentu",
    ],
    "file-not-found": () => ["berkas tidak ditemukan", undefined],
    "file-directory": () => ["ini folder, bukan berkas", undefined],
    "file-not-regular": (p: P) => [
      `${specialFileWords(p.detail, "id")}, bukan berkas CSV atau XLSX`,
      "simpan tanggapan ke sebuah berkas terlebih dahulu",
    ],
    "file-unreadable": (p: P) => [`berkas tidak dapat dibaca (${p.detail})`, undefined],
    "file-empty": () => ["berkas kosong", undefined],
    "file-binary": () => ["berkas biner, bukan CSV atau XLSX", undefined],
    "file-xls": () => ["format .xls lama tidak didukung", "simpan sebagai .xlsx atau CSV UTF-8"],
    "file-bad-xlsx": (p: P) => [
      `XLSX tidak dapat dibaca (${p.detail})`,
      "buka di Excel atau LibreOffice lalu simpan lagi sebagai .xlsx",
    ],
    "file-no-sheet": (p: P) => ["lembar yang diminta tidak ada", `lembar yang ada: ${p.detail}`],
    "file-xlsx-too-large": (p: P) => [
      `isi XLSX ini ${Math.round(Number(p.detail) / 1024 / 1024).toLocaleString("id-ID")} MiB setelah diekstrak, melebihi batas 256 MiB`,
      "ekspor tanggapan sebagai CSV (dibaca bertahap, tanpa batas ukuran)",
    ],
  } as Record<string, (p: P) => Described>,
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

  scaleWidth: (given, scale) =>
    `--scale ${given}: the sheet must have as many levels as the questionnaire's scale ${scale}`,
  failed: (errors, warnings, into) =>
    `${errors} error${errors === 1 ? "" : "s"}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}: ${into ? `${into} was not changed` : "nothing written"}.`,
  written: (into, statements, replaced, created) =>
    `${created ? "Created" : "Updated"} ${into}: ${statements} statement${statements === 1 ? "" : "s"}${replaced ? ` (${replaced} earlier answer${replaced === 1 ? "" : "s"} replaced)` : ""}.`,
  unchanged: (into) => `${into} already holds these results; not changed.`,
  reopened: "The file was final; it is a draft again because its answers changed.",
  changedMeanwhile: (file) => `${file} was changed by another program during the import; not overwriting it`,
  cannotWrite: (file, code) => `cannot write ${file} (${code}); it keeps its previous content`,
  previewHeading: "No --into; this is what would be written into the answer file:",
  summaryHeading: (rows, files) =>
    `${rows} respondent${rows === 1 ? "" : "s"} from ${files} file${files === 1 ? "" : "s"}`,
  colStatement: "Statement",
  colRespondents: "Respondents",
  colBlank: "Blank",
  colMean: "Mean",
  noColumn: "no column",
  diagnostic: {
    unmatched: (p) => [
      `column "${p.header}" matches no statement; not imported`,
      p.closest
        ? `closest statement: ${p.closest}; if it is that one, write in a --map file: "${p.header}": ${p.closest}`
        : "if it holds answers, name its statement with --map",
    ],
    ambiguous: (p) => [
      `header "${p.header}" matches several statements (${list(p.ids)})`,
      "name the statement with --map",
    ],
    "duplicate-column": (p) => [
      `this column and column ${letter(p.first)} both hold ${list(p.ids)}`,
      "remove one column, or choose with --map",
    ],
    "no-header": (p) => [
      `no header row: no column in the first ${p.rows} rows matches a statement`,
      "headers are the statements' text or ids (see kuesioner survey template), or use --map",
    ],
    "unknown-label": (p) => [
      `unknown answer "${p.text}"`,
      "answers are numbers on the scale, or Strongly disagree, Disagree, Neutral, Agree, Strongly agree (or the Indonesian labels)",
    ],
    "out-of-scale": (p) => [
      `${p.value} is outside the scale ${p.min}–${p.max}`,
      p.suggest15 ? "if the sheet uses a 1–5 scale, run again with --scale 1-5" : undefined,
    ],
    "not-whole": (p) => [`"${p.text}" is not a whole number`, undefined],
    mismatch: (p) => [`"${p.text}": the number and the label disagree`, undefined],
    "not-an-answer": (p) => [`"${p.text}" is not an answer`, undefined],
    "ragged-short": (p) => [
      `row has ${p.cells} cells, the header ${p.header}`,
      "a cut row, or a different separator (, ; tab)",
    ],
    "ragged-long": (p) => [
      `value "${p.text}" in a column without a header`,
      "a shifted row, or a different separator (, ; tab)",
    ],
    "duplicate-row": (p) => [`same row as ${p.first}`, "delete one of them; --allow-duplicates counts both"],
    "identical-answers": (p) => [`same answers as ${p.first}, with no name to tell them apart`, undefined],
    "duplicate-respondent": (p) => [
      `respondent "${p.who}" already answered the same statements at ${p.first}`,
      "delete one of them; --allow-duplicates counts both",
    ],
    "straight-lining": (p) => [
      `the same answer (${p.level}) to all ${p.answered} statements`,
      "check that the respondent read the statements",
    ],
    "no-answers": () => ["row without answers", undefined],
    "few-statement": (p) => [
      `${p.id}: ${p.respondents} respondents, fewer than the ${p.required} the method asks for`,
      undefined,
    ],
    "few-pillar": (p) => [
      `pillar ${p.pillar}: ${p.respondents} respondents, fewer than the ${p.required} the method asks for`,
      undefined,
    ],
    unfilled: (p) => [`${(p.ids as string[]).length} statements have no column: ${list(p.ids, 12)}`, undefined],
    more: (p) => [`${p.count} more "${p.code}" findings not shown`, undefined],
    "sheet-skipped": (p) => [`no statement columns in the first ${p.rows} rows; sheet skipped`, undefined],
    "other-sheets": (p) => [
      `only the first sheet was read; other sheets: ${list(p.sheets)}`,
      "--all-sheets reads them all, --sheet NAME a given one",
    ],
    "file-not-found": () => ["file not found", undefined],
    "file-directory": () => ["is a folder, expected a file", undefined],
    "file-not-regular": (p) => [
      `${specialFileWords(p.detail, "en")}, not a CSV or XLSX file`,
      "save the responses to a file first",
    ],
    "file-unreadable": (p) => [`cannot read the file (${p.detail})`, undefined],
    "file-empty": () => ["file is empty", undefined],
    "file-binary": () => ["binary file, not CSV or XLSX", undefined],
    "file-xls": () => ["the old .xls format is not supported", "save it as .xlsx or CSV UTF-8"],
    "file-bad-xlsx": (p) => [
      `cannot read the XLSX (${p.detail})`,
      "open it in Excel or LibreOffice and save it again as .xlsx",
    ],
    "file-no-sheet": (p) => ["no sheet with that name", `sheets: ${p.detail}`],
    "file-xlsx-too-large": (p) => [
      `this XLSX holds ${Math.round(Number(p.detail) / 1024 / 1024).toLocaleString("en")} MiB once inflated, more than the 256 MiB limit`,
      "export the responses as CSV (read as a stream, with no size limit)",
    ],
  },
};

export const messages: Readonly<Record<Lang, Messages>> = { id, en };

const painters = [new Chalk({ level: 0 }), new Chalk({ level: 1 })] as const;

/** `FILE:ROW:COLUMN: severity: message`, the column as a spreadsheet letter; the hint on the next line. */
export function formatSurveyDiagnostic(d: SurveyDiagnostic, lang: Lang, color = false): string {
  const paint = painters[color ? 1 : 0];
  const describe = messages[lang].diagnostic[d.code];
  // Headers and cells are a file's text: shown escaped, as every text output shows a file's text.
  const [message, hint] = (describe ? describe(d.params) : [d.code, undefined]).map((s) =>
    s === undefined ? undefined : escapeText(s),
  );
  const at = [
    d.where === undefined ? undefined : escapeText(d.where),
    d.row,
    d.column === undefined ? undefined : columnLetter(d.column),
  ]
    .filter((x) => x !== undefined)
    .join(":");
  const words = diagnosticWords[lang];
  const severity =
    d.severity === "error"
      ? paint.red.bold(words.error)
      : d.severity === "warning"
        ? paint.yellow.bold(words.warning)
        : paint.cyan(words.note);
  return `${at ? `${paint.bold(at)}: ` : ""}${severity}: ${message}${hint ? `\n  ${paint.cyan(words.hint)}: ${hint}` : ""}`;
}
