import type { Lang } from "../../model/common.js";

/**
 * Every word the HTML report shows that the score labels (src/text/score-labels.ts) do not
 * already have, Indonesian first. Numbers arrive formatted for the language.
 */
/** Why a folder's or a pattern's file was skipped (the reasons src/io/score-inputs.ts gives, in English). */
const skippedWhyId: Record<string, string> = {
  "a questionnaire, not an answer file": "kuesioner, bukan berkas jawaban",
  "not an answer file (no questionnaire: or answers: key)":
    "bukan berkas jawaban (tanpa kunci questionnaire: atau answers:)",
};

const id = {
  documentTitle: (region: string) => `Laporan Evaluasi: ${region}`,
  rankingTitle: (n: number) => `Peringkat ${n} daerah`,
  generatedBy:
    "Dibuat dengan kuesioner dari berkas jawaban; nilai dihitung persis dan dibulatkan hanya untuk tampilan.",
  summary: "Ringkasan",
  elements: "Nilai per elemen",
  elementsChart: "Nilai tiap elemen pada skala",
  contributionChart: "Kontribusi tiap elemen terhadap Nilai Final (batang putih: kontribusi maksimum menurut bobot)",
  maximum: "Maksimum",
  maxContribution: "Kontribusi maks.",
  answered: "Dijawab",
  contributionChange: "Perubahan kontribusi",
  pillarsChart: "Indeks pilar (angka kuesioner, bukan angka resmi)",
  improvementTitle: "Peningkatan dari tahun sebelumnya",
  improvementElements: "Per elemen",
  improvementChart: "Nilai elemen: tahun sebelumnya dan tahun ini",
  previousYear: "Tahun sebelumnya",
  thisYear: "Tahun ini",
  noElementComparison:
    "Nilai sebelumnya berasal dari hasil total saja; berikan berkas jawaban tahun lalu dengan --previous untuk perbandingan per elemen.",
  missingNone: "Semua pertanyaan sudah dijawab.",
  reconciliation: (parts: string, total: string) => `Perubahan Nilai Final ${total} = ${parts}.`,
  changeAnswers: "jawaban yang berubah",
  changeAdded: "pertanyaan baru",
  changeRemoved: "pertanyaan yang dihapus",
  changeReweighting: "perubahan bobot",
  questionChanges: (n: number, unchanged: number) => `Per pertanyaan: ${n} berubah, ${unchanged} tetap`,
  noQuestionChanges: "Tidak ada jawaban yang berubah.",
  effect: "Pengaruh pada Nilai Final",
  added: "pertanyaan baru",
  removed: "dihapus",
  nextPoints: "Dari mana poin berikutnya",
  nextPointsNote: (shown: number, open: number, highest: string) =>
    `${shown} dari ${open} pertanyaan yang belum di puncak skala, menurut tambahan Nilai Final bila jawabannya naik satu level (survei: rata-rata naik 0,1); pertanyaan yang belum dijawab didahulukan bila tambahannya sama. Nilai Final tertinggi yang dapat dicapai: ${highest}.`,
  allAtTop: "Semua jawaban sudah di puncak skala.",
  current: "Sekarang",
  nextStep: "Langkah berikutnya",
  gain: "Tambahan",
  surveyStep: (mean: string) => `rata-rata survei ${mean}`,
  annex: "Lampiran: semua pertanyaan dan jawaban",
  question: "Pertanyaan",
  answer: "Jawaban",
  descriptor: "Deskripsi level",
  evidence: "Bukti dukung",
  note: "Catatan",
  unanswered: "belum dijawab",
  level: (n: string) => `level ${n}`,
  valueAnswer: (value: string, level: string) => `nilai ${value} → level ${level}`,
  assessorsAnswer: (scores: string, mean: string) => `penilai: ${scores} → rata-rata ${mean}`,
  surveyAnswer: (mean: string, respondents: number) => `survei: rata-rata ${mean} dari ${respondents} responden`,
  selfLevel: (n: string) => `mandiri: level ${n}`,
  verifiedAnswered: "Terverifikasi / dijawab",
  verificationChart: "Nilai tiap elemen: penilaian mandiri dan terverifikasi",
  toLearn: "Yang perlu dipelajari untuk tahun depan",
  toLearnNote: (shown: number, differing: number) =>
    `${shown} dari ${differing} pertanyaan yang nilai panelnya berbeda dari penilaian mandiri daerah, selisih terbesar lebih dahulu, dengan catatan asesor.`,
  assessorNotes: "Catatan asesor",
  verificationDiffers: (old: string, now: string, elements: string) =>
    `Verifikasi asesor berbeda antara kedua tahun (tahun sebelumnya ${old}, tahun ini ${now}${elements ? `; elemen ${elements}` : ""}): perubahan antara nilai panel asesor dan penilaian mandiri bukan seluruhnya kemajuan daerah.`,
  // Ranking
  rankingSection: "Peringkat",
  statistics: "Sebaran Nilai Final",
  count: "Jumlah daerah",
  mean: "Rata-rata",
  median: "Median",
  lowest: "Terendah",
  highest: "Tertinggi",
  distributionChart: "Sebaran Nilai Final (jumlah daerah per rentang 0,25)",
  regions: "Jumlah daerah",
  spreadChart: "Sebaran nilai tiap elemen antar daerah (kotak: kuartil; garis: terendah sampai tertinggi)",
  spreadTable: "Sebaran nilai tiap elemen",
  highlighted: (region: string, rank: number, of: number) => `Disorot: ${region}, peringkat ${rank} dari ${of}`,
  highlightMark: "daerah yang disorot",
  highlightedRow: "disorot",
  mixedQuestionnaires: (ids: string) =>
    `Peringkat ini mencampur kuesioner ${ids}; nilai dari instrumen berbeda tidak sepenuhnya sebanding.`,
  failedFiles: (n: number) => `${n} berkas tidak dapat dinilai`,
  // Standard error
  wrote: (file: string, size: string) => `menulis ${file} (${size})`,
  wrotePdf: (file: string) => `menulis ${file}`,
  noBrowser: (html: string) =>
    `tidak ada Chromium, Chrome atau Edge di komputer ini untuk mencetak PDF. Buka ${html} di peramban, pilih Cetak (Ctrl+P), tujuan "Simpan sebagai PDF", ukuran kertas A4; atau pasang Chromium (Debian/Ubuntu: sudo apt-get install chromium) atau tunjuk peramban dengan KUESIONER_BROWSER=/path/ke/chrome.`,
  pdfFailed: (reason: string, html: string) =>
    `PDF tidak dapat dicetak: ${reason}. Laporan HTML tetap tertulis; cetak dari peramban: buka ${html}, Ctrl+P, "Simpan sebagai PDF", A4.`,
  highlightUnknown: (region: string) => `--highlight ${region}: tidak ada daerah dengan nama ini dalam peringkat`,
  highlightHint: (near: string) => `maksud Anda "${near}"?`,
  highlightSingle: "--highlight hanya berlaku untuk laporan beberapa berkas; diabaikan",
  skipped: (file: string, why: string) => `catatan: ${file} dilewati: ${skippedWhyId[why] ?? why}`,
  previousOtherRegion: (other: string, region: string) =>
    `peringatan: --previous untuk "${other}", berkas ini untuk "${region}"`,
  nothingScored: "tidak ada berkas yang dapat dinilai; laporan tidak ditulis",
  previousNothing: (given: string) => `--previous ${given}: tidak ada nilai tahun lalu yang dapat dibaca`,
  previousNothingHint:
    "berikan berkas jawaban tahun lalu (berkas, folder, atau pola berpetik seperti 'jawaban/2022/*.yaml'), atau JSON yang ditulis kuesioner score --format json",
};

const en: typeof id = {
  documentTitle: (region) => `Evaluation report: ${region}`,
  rankingTitle: (n) => `Ranking of ${n} region${n === 1 ? "" : "s"}`,
  generatedBy: "Made by kuesioner from the answer files; scores are computed exactly and rounded only for display.",
  summary: "Summary",
  elements: "Scores by element",
  elementsChart: "Each element's score on the scale",
  contributionChart: "Each element's contribution to the final score (white bar: the most its weight allows)",
  maximum: "Maximum",
  maxContribution: "Max. contribution",
  answered: "Answered",
  contributionChange: "Change in contribution",
  pillarsChart: "Pillar indices (kuesioner's figure, not an official one)",
  improvementTitle: "Improvement on last year",
  improvementElements: "By element",
  improvementChart: "Element scores: last year and this year",
  previousYear: "Last year",
  thisYear: "This year",
  noElementComparison:
    "The previous score is a total only; give last year's answer file with --previous to compare element by element.",
  missingNone: "Every question is answered.",
  reconciliation: (parts, total) => `Change in the final score ${total} = ${parts}.`,
  changeAnswers: "changed answers",
  changeAdded: "new questions",
  changeRemoved: "removed questions",
  changeReweighting: "re-weighting",
  questionChanges: (n, unchanged) => `By question: ${n} changed, ${unchanged} unchanged`,
  noQuestionChanges: "No answer changed.",
  effect: "Effect on the final score",
  added: "new question",
  removed: "removed",
  nextPoints: "Where the next points come from",
  nextPointsNote: (shown, open, highest) =>
    `${shown} of the ${open} questions below the top of the scale, by what one more level of the answer adds to the final score (a survey item: +0.1 in its mean); unanswered questions first among equal gains. The highest final score reachable: ${highest}.`,
  allAtTop: "Every answer is at the top of the scale.",
  current: "Now",
  nextStep: "Next step",
  gain: "Gain",
  surveyStep: (mean) => `survey mean ${mean}`,
  annex: "Annex: every question and answer",
  question: "Question",
  answer: "Answer",
  descriptor: "Level descriptor",
  evidence: "Evidence",
  note: "Note",
  unanswered: "unanswered",
  level: (n) => `level ${n}`,
  valueAnswer: (value, level) => `value ${value} → level ${level}`,
  assessorsAnswer: (scores, mean) => `assessors: ${scores} → mean ${mean}`,
  surveyAnswer: (mean, respondents) => `survey: mean ${mean} of ${respondents} respondents`,
  selfLevel: (n) => `self-assessed: level ${n}`,
  verifiedAnswered: "Verified / answered",
  verificationChart: "Each element's score: self-assessed and verified",
  toLearn: "What to learn for next year",
  toLearnNote: (shown, differing) =>
    `${shown} of the ${differing} questions where the panel's score differs from the region's self-assessment, largest difference first, with the assessors' notes.`,
  assessorNotes: "Assessors' notes",
  verificationDiffers: (old, now, elements) =>
    `Verification by assessors differs between the years (last year ${old}, this year ${now}${elements ? `; elements ${elements}` : ""}): a change between an assessors' score and a self-assessment is not all the region's progress.`,
  rankingSection: "Ranking",
  statistics: "Spread of the final scores",
  count: "Regions",
  mean: "Mean",
  median: "Median",
  lowest: "Lowest",
  highest: "Highest",
  distributionChart: "Distribution of the final scores (regions per 0.25 band)",
  regions: "Regions",
  spreadChart: "Each element's spread across regions (box: quartiles; whiskers: lowest to highest)",
  spreadTable: "Spread of each element",
  highlighted: (region, rank, of) => `Highlighted: ${region}, rank ${rank} of ${of}`,
  highlightMark: "highlighted region",
  highlightedRow: "highlighted",
  mixedQuestionnaires: (ids) =>
    `This ranking mixes questionnaires ${ids}; scores from different instruments are not fully comparable.`,
  failedFiles: (n) => `${n} file${n === 1 ? "" : "s"} could not be scored`,
  wrote: (file, size) => `wrote ${file} (${size})`,
  wrotePdf: (file) => `wrote ${file}`,
  noBrowser: (html) =>
    `no Chromium, Chrome or Edge found on this machine to print the PDF. Open ${html} in a browser, choose Print (Ctrl+P), destination "Save as PDF", paper size A4; or install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or point to a browser with KUESIONER_BROWSER=/path/to/chrome.`,
  pdfFailed: (reason, html) =>
    `the PDF could not be printed: ${reason}. The HTML report is written; print it from a browser: open ${html}, Ctrl+P, "Save as PDF", A4.`,
  highlightUnknown: (region) => `--highlight ${region}: no region of that name in the ranking`,
  highlightHint: (near) => `did you mean "${near}"?`,
  highlightSingle: "--highlight applies to a report of several files; ignored",
  skipped: (file, why) => `note: skipped ${file}: ${why}`,
  previousOtherRegion: (other, region) => `warning: --previous is for "${other}", this file for "${region}"`,
  nothingScored: "no file could be scored; no report written",
  previousNothing: (given) => `--previous ${given}: no previous score could be read`,
  previousNothingHint:
    "give last year's answer files (a file, a folder, or a quoted pattern such as 'jawaban/2022/*.yaml'), or the JSON that kuesioner score --format json wrote",
};

export type ReportMessages = typeof id;

export function reportMessages(lang: Lang): ReportMessages {
  return lang === "id" ? id : en;
}
