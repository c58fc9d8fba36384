import type { Lang } from "../../model/common.js";
import type { Messages as WalkMessages } from "../../walk/messages.js";

/**
 * Every string `verify` shows, in English and Indonesian: its start, screens and end, and the
 * walk's texts it says its own way (an assessor scores where an officer answers).
 */
const en = {
  savingTo: (name: string, file: string) => `The scores of ${name} are saved to ${file} after every score.`,
  resuming: (file: string, scored: number, total: number) =>
    `Resuming ${file}: ${scored} of ${total} questions scored.`,
  howToStop: "Ctrl-C or q saves and stops; run the same command again to continue.",
  finalReopen: (file: string) => `${file} is marked final. Reopen it to change scores?`,
  notReopened: (file: string) => `${file} was not changed.`,
  backupMade: (file: string, backup: string) =>
    `${file} had comments of its own, which verify does not keep when it saves; the original is copied to ${backup}.`,
  selfChanged: (file: string) =>
    `The region's answers in ${file} changed since this file was started; the copy here is brought up to date (see kuesioner history).`,

  regionAnswer: "Region's answer:",
  notAnswered: "not answered",
  yourScore: "Your score:",
  scorePrompt: (min: number, max: number) => `Your score (${min}–${max})`,

  saved: (file: string) => `Saved to ${file}.`,
  resumeWith: (command: string) => `Resume with: ${command}`,
  savedFinal: (file: string, command: string) => `Saved to ${file} and marked final. Run ${command} to reopen it.`,
  mergeNext: (command: string) => `When every assessor has finished: ${command}`,
  noTerminal:
    "verify needs a terminal; an assessor's file can also be written in YAML (see docs/verify.md) and checked with kuesioner validate",

  // Refusals
  assessorFileGiven: (file: string, name: string) => `${file} is the file of assessor ${name}, not a region's answers`,
  assessorFileGivenHint: "give the region's answer file (its self-assessment) as ANSWERS",
  sameFile: (file: string) => `--out ${file} is the region's answer file itself`,
  sameFileHint: "leave out --out, or name another file: the region's answers are never written by verify",
  notAssessorFile: (file: string) => `${file} is not an assessor's file (it has no assessor: line)`,
  otherAssessor: (file: string, other: string, name: string) =>
    `${file} holds the scores of assessor ${other}, not ${name}`,
  otherFileHint: "leave out --out to use your own file, or name another one",
  otherRegion: (file: string, what: string, theirs: string, ours: string) =>
    `${file} is for ${what} ${theirs}, but the answers are for ${ours}`,
  otherQuestionnaire: (file: string, theirs: string, ours: string) =>
    `${file} was started with questionnaire ${theirs}, but the answers use ${ours}`,
  fieldNames: { region: "region", year: "year" },
};

export type Messages = typeof en;

const id: Messages = {
  savingTo: (name, file) => `Nilai dari ${name} disimpan ke ${file} setiap kali menilai.`,
  resuming: (file, scored, total) => `Melanjutkan ${file}: ${scored} dari ${total} pertanyaan dinilai.`,
  howToStop: "Ctrl-C atau q menyimpan dan berhenti; jalankan perintah yang sama lagi untuk melanjutkan.",
  finalReopen: (file) => `${file} sudah ditandai final. Buka kembali untuk mengubah nilai?`,
  notReopened: (file) => `${file} tidak diubah.`,
  backupMade: (file, backup) =>
    `${file} berisi komentar sendiri yang tidak dipertahankan saat verify menyimpan; berkas aslinya disalin ke ${backup}.`,
  selfChanged: (file) =>
    `Jawaban daerah di ${file} berubah sejak berkas ini dimulai; salinannya di sini diperbarui (lihat kuesioner history).`,

  regionAnswer: "Jawaban daerah:",
  notAnswered: "tidak dijawab",
  yourScore: "Nilai Anda:",
  scorePrompt: (min, max) => `Nilai Anda (${min}–${max})`,

  saved: (file) => `Tersimpan di ${file}.`,
  resumeWith: (command) => `Lanjutkan dengan: ${command}`,
  savedFinal: (file, command) =>
    `Tersimpan di ${file} dan ditandai final. Jalankan ${command} untuk membukanya kembali.`,
  mergeNext: (command) => `Setelah semua asesor selesai: ${command}`,
  noTerminal:
    "verify membutuhkan terminal; berkas asesor juga dapat ditulis dalam YAML (lihat docs/verify.md) dan diperiksa dengan kuesioner validate",

  assessorFileGiven: (file, name) => `${file} adalah berkas asesor ${name}, bukan jawaban daerah`,
  assessorFileGivenHint: "berikan berkas jawaban daerah (penilaian mandirinya) sebagai JAWABAN",
  sameFile: (file) => `--out ${file} adalah berkas jawaban daerah itu sendiri`,
  sameFileHint: "hilangkan --out, atau sebut berkas lain: verify tidak pernah menulis jawaban daerah",
  notAssessorFile: (file) => `${file} bukan berkas asesor (tidak ada baris assessor:)`,
  otherAssessor: (file, other, name) => `${file} berisi nilai asesor ${other}, bukan ${name}`,
  otherFileHint: "hilangkan --out untuk memakai berkas Anda sendiri, atau sebut berkas lain",
  otherRegion: (file, what, theirs, ours) => `${file} untuk ${what} ${theirs}, tetapi jawabannya untuk ${ours}`,
  otherQuestionnaire: (file, theirs, ours) =>
    `${file} dimulai dengan kuesioner ${theirs}, tetapi jawabannya memakai ${ours}`,
  fieldNames: { region: "daerah", year: "tahun" },
};

export const messages: Readonly<Record<Lang, Messages>> = { en, id };

/** The walk's texts as verify says them: scores, not answers. */
export const walkWords: Readonly<Record<Lang, Partial<WalkMessages>>> = {
  en: {
    elementStats: (weight, questions, scored) => `weight ${weight} · ${questions} questions · ${scored} scored`,
    progress: (element, elements, question, questions, percent) =>
      `element ${element} of ${elements} · question ${question} of ${questions} · ${percent} % of the questionnaire scored`,
    columnAnswered: "Scored",
    provisionalTotal: (total) => `Your provisional total: ${total} (questions you have not scored count as 0)`,
    answeredCount: (scored, total, percent) => `${scored} of ${total} questions scored (${percent} %).`,
    goToElement: (title, scored, total) => `Go to ${title} (${scored}/${total} scored)`,
    changeAnswer: "Change a score…",
    unansweredWord: "not scored",
    finishUnanswered: (count) =>
      `${count === 1 ? "1 question is" : `${count} questions are`} not scored by you. Finish anyway?`,
    choiceKeep: (score) => `=  Keep your score (${score})`,
    choiceSkip: ">  Skip, leave it unscored",
    choiceSkipAnswered: ">  Next question, keep your score",
    choiceClear: "-  Clear your score",
    choiceReview: "?  Review, change scores, jump to an element",
    notePrompt: "Your note, optional: what you saw in the evidence, or found missing",
    detailsOffHint: "! stops asking for notes",
    detailsOff: "Notes are no longer asked in this run; add them from the review (? then Change a score…).",
  },
  id: {
    elementStats: (weight, questions, scored) => `bobot ${weight} · ${questions} pertanyaan · ${scored} dinilai`,
    progress: (element, elements, question, questions, percent) =>
      `elemen ${element} dari ${elements} · pertanyaan ${question} dari ${questions} · ${percent} % kuesioner dinilai`,
    columnAnswered: "Dinilai",
    provisionalTotal: (total) => `Nilai sementara Anda: ${total} (pertanyaan yang belum Anda nilai bernilai 0)`,
    answeredCount: (scored, total, percent) => `${scored} dari ${total} pertanyaan dinilai (${percent} %).`,
    goToElement: (title, scored, total) => `Ke ${title} (${scored}/${total} dinilai)`,
    changeAnswer: "Ubah nilai…",
    unansweredWord: "belum dinilai",
    finishUnanswered: (count) => `${count} pertanyaan belum Anda nilai. Tetap selesai?`,
    choiceKeep: (score) => `=  Pertahankan nilai Anda (${score})`,
    choiceSkip: ">  Lewati, biarkan belum dinilai",
    choiceSkipAnswered: ">  Pertanyaan berikutnya, nilai tetap",
    choiceClear: "-  Hapus nilai Anda",
    choiceReview: "?  Tinjau, ubah nilai, pindah ke elemen lain",
    notePrompt: "Catatan Anda, opsional: apa yang terlihat di bukti dukung, atau yang kurang",
    detailsOffHint: "! berhenti menanyakan catatan",
    detailsOff: "Catatan tidak ditanyakan lagi dalam sesi ini; tambahkan dari tinjauan (? lalu Ubah nilai…).",
  },
};
