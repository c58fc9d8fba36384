import type { Lang } from "../model/common.js";

/**
 * What is wrong with an option's value, by code: each command's zod options schema gives the
 * code as its message (`z.string().regex(…, "option.year")`), and parseOptions
 * (src/command-options.ts) says it in the run's language, after the option's name.
 */
const en = {
  "option.input-empty": "an input is empty",
  "option.inputs-none": "give at least one answer file, folder or pattern",
  "option.files-none": "give at least one file",
  "option.file-name": "expected a file name",
  "option.profile-id": "expected a profile id",
  "option.score": "expected a score such as 2.5",
  "option.total": "expected a total such as 3 or 3.25 (3,25)",
  "option.region": "expected the name of a region",
  "option.year": "expected a year such as 2024",
  "option.name": "expected a name",
  "option.name-one-line": "a name is one line without control characters",
  "option.assessor": "expected the assessor's name",
  "option.answer-file": "expected an answer file",
  "option.self-file": "expected the self-assessment file",
  "option.assessors-none": "give at least one assessor's file",
  "option.question-id": "expected a question id",
  "option.questionnaire": "expected a questionnaire id or a path",
  "option.report-out": "give the file to write, e.g. --out laporan.html",
  "option.report-pdf": "the report is HTML: write it to a .html file; --pdf adds the PDF beside it",
  "option.report-pdf-file":
    "with --pdf, give a file: the PDF is printed from it and written beside it, which a pipe or a device cannot be",
  "option.sheet-out": "the file name must end in .xlsx or .csv",
  "option.map-file": "expected a map file",
  "option.scale": "expected the sheet's scale as MIN-MAX, e.g. 1-5",
  "option.sheet": "expected a sheet name",
  "option.responses-none": "give at least one response file",
  "option.pillar": "expected a pillar id, or all",
  "option.rows": "expected a whole number from 1 to 10000",
  "option.invalid": "invalid value",
} as const;
type OptionProblem = keyof typeof en;

const id: Record<OptionProblem, string> = {
  "option.input-empty": "ada masukan yang kosong",
  "option.inputs-none": "berikan minimal satu berkas jawaban, folder atau pola",
  "option.files-none": "berikan minimal satu berkas",
  "option.file-name": "seharusnya nama berkas",
  "option.profile-id": "seharusnya id profil",
  "option.score": "seharusnya nilai seperti 2,5",
  "option.total": "seharusnya nilai total seperti 3 atau 3,25",
  "option.region": "seharusnya nama daerah",
  "option.year": "seharusnya tahun seperti 2024",
  "option.name": "seharusnya sebuah nama",
  "option.name-one-line": "nama ditulis dalam satu baris tanpa karakter kendali",
  "option.assessor": "seharusnya nama asesor",
  "option.answer-file": "seharusnya berkas jawaban",
  "option.self-file": "seharusnya berkas penilaian mandiri",
  "option.assessors-none": "berikan minimal satu berkas asesor",
  "option.question-id": "seharusnya id pertanyaan",
  "option.questionnaire": "seharusnya id kuesioner atau path",
  "option.report-out": "berikan berkas yang akan ditulis, misalnya --out laporan.html",
  "option.report-pdf": "laporan berupa HTML: tulis ke berkas .html; --pdf menambahkan PDF di sebelahnya",
  "option.report-pdf-file":
    "dengan --pdf, berikan sebuah berkas: PDF dicetak darinya dan ditulis di sebelahnya, yang tidak bisa dilakukan pada pipa atau perangkat",
  "option.sheet-out": "nama berkas harus berakhiran .xlsx atau .csv",
  "option.map-file": "seharusnya berkas peta kolom",
  "option.scale": "seharusnya skala lembar sebagai MIN-MAX, misalnya 1-5",
  "option.sheet": "seharusnya nama lembar",
  "option.responses-none": "berikan minimal satu berkas tanggapan",
  "option.pillar": "seharusnya id pilar, atau all",
  "option.rows": "seharusnya bilangan bulat dari 1 sampai 10000",
  "option.invalid": "nilai tidak sah",
};

const problems: Readonly<Record<Lang, Readonly<Record<OptionProblem, string>>>> = { en, id };

/** The problem's code as given by a schema, or option.invalid for one no catalogue entry names (zod's own). */
export function optionProblemCode(message: string): OptionProblem {
  return Object.hasOwn(en, message) ? (message as OptionProblem) : "option.invalid";
}

/** `--year: expected a year such as 2024`. */
export function optionProblem(code: string, option: string, lang: Lang): string {
  return `${option}: ${problems[lang][optionProblemCode(code)]}`;
}

/** Every code with its Indonesian text, for the errors' catalogue. */
export const optionProblemCodes = Object.keys(en) as OptionProblem[];
