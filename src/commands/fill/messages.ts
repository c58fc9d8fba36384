import type { Lang } from "../../model/common.js";

/**
 * What `fill` itself says: starting and resuming a file, questionnaire changes, the end. The
 * walk's screens and prompts (shared with verify) are in src/walk/messages.ts.
 */
const en = {
  // Start and resume
  regionPrompt: "Region (kabupaten/kota), e.g. Kabupaten Buleleng",
  regionRequired: "Type the name of the region.",
  yearPrompt: "Evaluation year",
  yearInvalid: "Type a year such as 2024.",
  profilePrompt: "Which cohort (weight profile)?",
  savingTo: (file: string) => `Answers are saved to ${file} after every answer.`,
  resuming: (file: string, answered: number, total: number) =>
    `Resuming ${file}: ${answered} of ${total} questions answered.`,
  howToStop: "Ctrl-C or q saves and stops; run the same command again to continue.",
  finalReopen: (file: string) => `${file} is marked final. Reopen it to change answers?`,
  notReopened: (file: string) => `${file} was not changed.`,
  backupMade: (file: string, backup: string) =>
    `${file} had comments of its own, which fill does not keep when it saves; the original is copied to ${backup}.`,
  invalidAnswers: (count: number) =>
    `${count === 1 ? "1 answer" : `${count} answers`} in the file ${count === 1 ? "is" : "are"} not valid; ${count === 1 ? "that question is" : "those questions are"} asked again:`,
  respondentChanged: (what: string, from: string, to: string) =>
    `The file says ${what} ${from}; using ${to} from the command line.`,
  fieldNames: { region: "region", year: "year", profile: "profile" },
  unknownProfileInFile: (profile: string) =>
    `The file names profile "${profile}", which the questionnaire does not have; choose one.`,
  foundExisting: (file: string) => `${file} already exists; continuing it.`,

  // Questionnaire changed since the file was started
  questionnaireChanged: (ref: string, from: string, to: string) =>
    `Questionnaire "${ref}" changed since this file was started (version ${from} → ${to}).`,
  addedQuestions: "Added questions:",
  removedQuestions: "Removed questions:",
  changedQuestions: "Changed questions (check your answers):",
  onlyOtherChanges: "No question changed; other parts did (weights, titles, scale or profiles).",
  notDetailed: "This file does not record question fingerprints, so added and changed questions cannot be listed.",
  continueChanged: "Continue with the questionnaire as it is now?",
  stoppedUnchanged: (file: string) => `Stopped; ${file} was not changed.`,
  orphans: (count: number) =>
    `${count === 1 ? "1 answer belongs" : `${count} answers belong`} to questions the questionnaire does not have:`,
  orphanPrompt: "What should happen to these answers?",
  orphanKeep: "Keep them in the file under retiredAnswers (not scored)",
  orphanDrop: "Delete them",

  // Ending
  saved: (file: string) => `Saved to ${file}.`,
  resumeWith: (command: string) => `Resume with: ${command}`,
  savedFinal: (file: string, command: string) => `Saved to ${file} and marked final. Run ${command} to reopen it.`,
  noTerminal:
    "fill needs a terminal; to score a file use kuesioner score; to prepare answers without a terminal write the YAML answer file (see README)",
};

export type Messages = typeof en;

const id: Messages = {
  regionPrompt: "Daerah (kabupaten/kota), mis. Kabupaten Buleleng",
  regionRequired: "Ketik nama daerah.",
  yearPrompt: "Tahun evaluasi",
  yearInvalid: "Ketik tahun, mis. 2024.",
  profilePrompt: "Angkatan mana (profil bobot)?",
  savingTo: (file) => `Jawaban disimpan ke ${file} setiap kali menjawab.`,
  resuming: (file, answered, total) => `Melanjutkan ${file}: ${answered} dari ${total} pertanyaan terjawab.`,
  howToStop: "Ctrl-C atau q menyimpan dan berhenti; jalankan perintah yang sama lagi untuk melanjutkan.",
  finalReopen: (file) => `${file} sudah ditandai final. Buka kembali untuk mengubah jawaban?`,
  notReopened: (file) => `${file} tidak diubah.`,
  backupMade: (file, backup) =>
    `${file} berisi komentar sendiri yang tidak dipertahankan saat fill menyimpan; berkas aslinya disalin ke ${backup}.`,
  invalidAnswers: (count) => `${count} jawaban dalam berkas tidak valid; pertanyaannya ditanyakan lagi:`,
  respondentChanged: (what, from, to) => `Berkas mencatat ${what} ${from}; dipakai ${to} dari baris perintah.`,
  fieldNames: { region: "daerah", year: "tahun", profile: "profil" },
  unknownProfileInFile: (profile) =>
    `Berkas menyebut profil "${profile}" yang tidak ada di kuesioner; pilih salah satu.`,
  foundExisting: (file) => `${file} sudah ada; dilanjutkan.`,

  questionnaireChanged: (ref, from, to) =>
    `Kuesioner "${ref}" berubah sejak berkas ini dimulai (versi ${from} → ${to}).`,
  addedQuestions: "Pertanyaan baru:",
  removedQuestions: "Pertanyaan yang dihapus:",
  changedQuestions: "Pertanyaan yang berubah (periksa jawaban Anda):",
  onlyOtherChanges: "Tidak ada pertanyaan yang berubah; bagian lain berubah (bobot, judul, skala, atau profil).",
  notDetailed: "Berkas ini tidak mencatat sidik pertanyaan, jadi pertanyaan baru dan yang berubah tidak dapat dirinci.",
  continueChanged: "Lanjutkan dengan kuesioner versi sekarang?",
  stoppedUnchanged: (file) => `Berhenti; ${file} tidak diubah.`,
  orphans: (count) => `${count} jawaban milik pertanyaan yang tidak ada di kuesioner:`,
  orphanPrompt: "Apa yang dilakukan dengan jawaban ini?",
  orphanKeep: "Simpan di berkas pada retiredAnswers (tidak dinilai)",
  orphanDrop: "Hapus",

  saved: (file) => `Tersimpan di ${file}.`,
  resumeWith: (command) => `Lanjutkan dengan: ${command}`,
  savedFinal: (file, command) =>
    `Tersimpan di ${file} dan ditandai final. Jalankan ${command} untuk membukanya kembali.`,
  noTerminal:
    "fill membutuhkan terminal; untuk menilai berkas gunakan kuesioner score; untuk menyiapkan jawaban tanpa terminal tulis berkas jawaban YAML (lihat README)",
};

export const messages: Readonly<Record<Lang, Messages>> = { en, id };
