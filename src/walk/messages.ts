import type { Lang } from "../model/common.js";
import { formatDecimal } from "../text/format.js";

/**
 * Every string the walk through a questionnaire shows (fill's and verify's questions, answers,
 * review and prompt keys), in English and Indonesian. Numbers arrive already formatted for
 * the language (2,8 in Indonesian), so the functions only place them.
 */
const en = {
  // Screens
  elementHeading: (index: number, count: number, title: string) => `Element ${index} of ${count}: ${title}`,
  elementStats: (weight: string, questions: number, answered: number) =>
    `weight ${weight} · ${questions} questions · ${answered} answered`,
  progress: (element: number, elements: number, question: number, questions: number, percent: number) =>
    `element ${element} of ${elements} · question ${question} of ${questions} · ${percent} % of the questionnaire answered`,
  levelWord: "level",
  thresholdsHeading: (unit: string) => `The value${unit ? ` (${unit})` : ""} gives the level:`,
  atLeast: (at: string) => `≥ ${at}`,
  atMost: (at: string) => `≤ ${at}`,
  otherwise: "otherwise",
  surveyScale: "Rating scale:",
  surveyRequired: (n: number) => `The method needs ${n} respondents.`,
  surveyHowTo:
    "Type the mean and the number of respondents (2,8 50), or the respondents per level (0:1 1:4 2:10 3:20 4:15).",
  valueHowTo: "Type the value; a decimal comma (2,8) is fine.",
  countHowTo: "Type a whole number.",
  currentAnswer: "Current answer:",
  invalidAnswer: (message: string) => `The answer in the file is not valid (${message}); answer again.`,
  evidenceWord: "evidence",
  noteWord: "note",
  inputCommands: "Enter keeps the current answer · < back · > skip · ? review / jump · - clear · q save and quit",
  inputCommandsNew: "< back · > skip · ? review / jump · q save and quit",

  // Describing answers
  describeLevel: (level: string, descriptor: string) => `level ${level}${descriptor ? `: ${descriptor}` : ""}`,
  describeAssessors: (scores: string, mean: string) => `assessors ${scores} (mean ${mean})`,
  describeSurvey: (mean: string, respondents: number) => `mean ${mean} from ${respondents} respondents`,
  describeValue: (value: string, unit: string, level: string) => `${value}${unit ? ` ${unit}` : ""} → level ${level}`,
  valueGivesLevel: (level: string, descriptor: string) => `→ level ${level}${descriptor ? `: ${descriptor}` : ""}`,
  surveyGives: (mean: string, respondents: number) => `→ mean ${mean} from ${respondents} respondents`,
  importedHeading: (count: number, files: string) =>
    `${count === 1 ? "1 survey statement" : `${count} survey statements`} imported from ${files}; not asked again:`,
  importedLine: (mean: string, respondents: number, counts: string) =>
    `mean ${mean} · ${respondents} respondents · ${counts}`,
  importedHowToChange: "To change one, choose it in the review (?), or import the responses again.",
  surveyTooFew: (respondents: number, required: number) =>
    `Only ${respondents} respondents; the method needs ${required}. The answer is saved; add respondents if you can.`,

  // Prompts at a question
  levelPrompt: "Choose the level",
  valuePrompt: (unit: string) => `Value${unit ? ` (${unit})` : ""}`,
  surveyPrompt: "Survey result",
  surveyPromptWith: (respondents: number) => `Survey result (the mean alone counts ${respondents} respondents)`,
  detailsOffHint: "! stops asking for evidence and notes",
  detailsOff:
    "Evidence and notes are no longer asked in this run; add them from the review (? then Change an answer…).",
  evidencePrompt: "Evidence, optional: document numbers, links (; between items)",
  notePrompt: "Note, optional",
  editHint: "Enter keeps · Tab edits · - removes",
  choiceKeep: (answer: string) => `=  Keep the current answer (${answer})`,
  choiceBack: "<  Back to the previous question",
  choiceSkip: ">  Skip, leave it unanswered",
  choiceSkipAnswered: ">  Next question, keep the answer",
  choiceClear: "-  Clear this answer",
  choiceReview: "?  Review, change answers, jump to an element",
  choiceQuit: "q  Save and quit",
  atFirstQuestion: "This is the first question.",
  typeAnAnswer: "Type an answer, or a command: < back, > skip, ? review, q save and quit.",

  // Parsing
  notANumber: (text: string) => `"${text}" is not a number.`,
  notWholeNumber: (value: number) => `A count is a whole number, not ${value}.`,
  outsideRange: (value: number, min: number | undefined, max: number | undefined) =>
    `${value} is outside the valid range ${min ?? "-∞"}–${max ?? "∞"}.`,
  surveyNeedsRespondents: "Also give the number of respondents, e.g. 2,8 50.",
  surveyFormat: "Type the mean and the respondents (2,8 50) or the respondents per level (0:1 1:4 2:10 3:20 4:15).",
  meanOutsideScale: (mean: number, min: number, max: number) => `The mean ${mean} is outside the scale ${min}–${max}.`,
  badRespondents: (text: string) => `"${text}" is not a number of respondents (a whole number of at least 1).`,
  badCountToken: (token: string) => `"${token}" is not level:respondents, e.g. 3:20.`,
  levelOutsideScale: (level: number, min: number, max: number) => `Level ${level} is outside the scale ${min}–${max}.`,
  duplicateLevel: (level: number) => `Level ${level} is given twice.`,
  noRespondents: "No respondents counted.",

  // Review
  reviewTitle: (title: string, profile: string) => `Review: ${title} · ${profile}`,
  columnElement: "Element",
  columnWeight: "Weight",
  columnAnswered: "Answered",
  columnScore: "Score",
  provisionalTotal: (total: string) => `Provisional total: ${total} (unanswered questions count as 0)`,
  answeredCount: (answered: number, total: number, percent: number) =>
    `${answered} of ${total} questions answered (${percent} %).`,
  reviewPrompt: "What next?",
  continueAt: (id: string) => `Continue at question ${id}`,
  goToElement: (title: string, answered: number, total: number) => `Go to ${title} (${answered}/${total} answered)`,
  changeAnswer: "Change an answer…",
  finish: "Finish and show the report",
  pickQuestion: "Which question?",
  backToReview: "‹  Back to the review",
  unansweredWord: "unanswered",
  finishUnanswered: (count: number) =>
    `${count === 1 ? "1 question is" : `${count} questions are`} unanswered and count as 0. Finish anyway?`,
};

export type Messages = typeof en;

const id: Messages = {
  elementHeading: (index, count, title) => `Elemen ${index} dari ${count}: ${title}`,
  elementStats: (weight, questions, answered) => `bobot ${weight} · ${questions} pertanyaan · ${answered} terjawab`,
  progress: (element, elements, question, questions, percent) =>
    `elemen ${element} dari ${elements} · pertanyaan ${question} dari ${questions} · ${percent} % kuesioner terjawab`,
  levelWord: "tingkat",
  thresholdsHeading: (unit) => `Nilai${unit ? ` (${unit})` : ""} menentukan tingkat:`,
  atLeast: (at) => `≥ ${at}`,
  atMost: (at) => `≤ ${at}`,
  otherwise: "selain itu",
  surveyScale: "Skala penilaian:",
  surveyRequired: (n) => `Metode membutuhkan ${n} responden.`,
  surveyHowTo:
    "Ketik rata-rata dan jumlah responden (2,8 50), atau jumlah responden per tingkat (0:1 1:4 2:10 3:20 4:15).",
  valueHowTo: "Ketik nilainya; koma desimal (2,8) boleh.",
  countHowTo: "Ketik bilangan bulat.",
  currentAnswer: "Jawaban saat ini:",
  invalidAnswer: (message) => `Jawaban di berkas tidak valid (${message}); jawab lagi.`,
  evidenceWord: "bukti",
  noteWord: "catatan",
  inputCommands:
    "Enter mempertahankan jawaban · < kembali · > lewati · ? tinjau / pindah · - hapus · q simpan dan keluar",
  inputCommandsNew: "< kembali · > lewati · ? tinjau / pindah · q simpan dan keluar",

  describeLevel: (level, descriptor) => `tingkat ${level}${descriptor ? `: ${descriptor}` : ""}`,
  describeAssessors: (scores, mean) => `asesor ${scores} (rata-rata ${mean})`,
  describeSurvey: (mean, respondents) => `rata-rata ${mean} dari ${respondents} responden`,
  describeValue: (value, unit, level) => `${value}${unit ? ` ${unit}` : ""} → tingkat ${level}`,
  valueGivesLevel: (level, descriptor) => `→ tingkat ${level}${descriptor ? `: ${descriptor}` : ""}`,
  surveyGives: (mean, respondents) => `→ rata-rata ${mean} dari ${respondents} responden`,
  importedHeading: (count, files) => `${count} pernyataan survei diimpor dari ${files}; tidak ditanyakan lagi:`,
  importedLine: (mean, respondents, counts) => `rata-rata ${mean} · ${respondents} responden · ${counts}`,
  importedHowToChange: "Untuk mengubahnya, pilih di tinjauan (?), atau impor ulang jawaban responden.",
  surveyTooFew: (respondents, required) =>
    `Hanya ${respondents} responden; metode membutuhkan ${required}. Jawaban disimpan; tambahkan responden bila bisa.`,

  levelPrompt: "Pilih tingkat",
  valuePrompt: (unit) => `Nilai${unit ? ` (${unit})` : ""}`,
  surveyPrompt: "Hasil survei",
  surveyPromptWith: (respondents) => `Hasil survei (rata-rata saja dihitung ${respondents} responden)`,
  detailsOffHint: "! berhenti menanyakan bukti dan catatan",
  detailsOff:
    "Bukti dukung dan catatan tidak ditanyakan lagi dalam sesi ini; tambahkan dari tinjauan (? lalu Ubah jawaban…).",
  evidencePrompt: "Bukti dukung, opsional: nomor dokumen, tautan (pisahkan dengan ;)",
  notePrompt: "Catatan, opsional",
  editHint: "Enter mempertahankan · Tab menyunting · - menghapus",
  choiceKeep: (answer) => `=  Pertahankan jawaban saat ini (${answer})`,
  choiceBack: "<  Kembali ke pertanyaan sebelumnya",
  choiceSkip: ">  Lewati, biarkan belum terjawab",
  choiceSkipAnswered: ">  Pertanyaan berikutnya, jawaban tetap",
  choiceClear: "-  Hapus jawaban ini",
  choiceReview: "?  Tinjau, ubah jawaban, pindah ke elemen lain",
  choiceQuit: "q  Simpan dan keluar",
  atFirstQuestion: "Ini pertanyaan pertama.",
  typeAnAnswer: "Ketik jawaban, atau perintah: < kembali, > lewati, ? tinjau, q simpan dan keluar.",

  notANumber: (text) => `"${text}" bukan angka.`,
  notWholeNumber: (value) => `Jumlah harus bilangan bulat, bukan ${formatDecimal(value, "id")}.`,
  outsideRange: (value, min, max) =>
    `${formatDecimal(value, "id")} di luar rentang yang sah ${min ?? "-∞"}–${max ?? "∞"}.`,
  surveyNeedsRespondents: "Sertakan juga jumlah responden, mis. 2,8 50.",
  surveyFormat:
    "Ketik rata-rata dan jumlah responden (2,8 50) atau jumlah responden per tingkat (0:1 1:4 2:10 3:20 4:15).",
  meanOutsideScale: (mean, min, max) => `Rata-rata ${formatDecimal(mean, "id")} di luar skala ${min}–${max}.`,
  badRespondents: (text) => `"${text}" bukan jumlah responden (bilangan bulat, minimal 1).`,
  badCountToken: (token) => `"${token}" bukan tingkat:responden, mis. 3:20.`,
  levelOutsideScale: (level, min, max) => `Tingkat ${level} di luar skala ${min}–${max}.`,
  duplicateLevel: (level) => `Tingkat ${level} disebut dua kali.`,
  noRespondents: "Tidak ada responden yang dihitung.",

  reviewTitle: (title, profile) => `Tinjauan: ${title} · ${profile}`,
  columnElement: "Elemen",
  columnWeight: "Bobot",
  columnAnswered: "Terjawab",
  columnScore: "Nilai",
  provisionalTotal: (total) => `Nilai sementara: ${total} (pertanyaan yang belum terjawab bernilai 0)`,
  answeredCount: (answered, total, percent) => `${answered} dari ${total} pertanyaan terjawab (${percent} %).`,
  reviewPrompt: "Selanjutnya?",
  continueAt: (qid) => `Lanjut di pertanyaan ${qid}`,
  goToElement: (title, answered, total) => `Ke ${title} (${answered}/${total} terjawab)`,
  changeAnswer: "Ubah jawaban…",
  finish: "Selesai dan tampilkan laporan",
  pickQuestion: "Pertanyaan mana?",
  backToReview: "‹  Kembali ke tinjauan",
  unansweredWord: "belum terjawab",
  finishUnanswered: (count) => `${count} pertanyaan belum terjawab dan bernilai 0. Tetap selesai?`,
};

export const messages: Readonly<Record<Lang, Messages>> = { en, id };

/**
 * The walk's words in `lang`, with the texts a command says its own way put in (verify speaks
 * of scores where fill speaks of answers).
 */
export function wordsOf(options: { lang: Lang; words?: Partial<Messages> | undefined }): Messages {
  return options.words ? { ...messages[options.lang], ...options.words } : messages[options.lang];
}
