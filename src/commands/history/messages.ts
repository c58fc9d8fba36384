import type { Lang } from "../../model/common.js";

/** Every word `kuesioner history` prints, Indonesian first. */
const id = {
  title: (file: string, count: number) => `Riwayat ${file}: ${count} perubahan (waktu dalam UTC)`,
  titleQuestion: (file: string, question: string, count: number) =>
    `Riwayat ${file}, ${question}: ${count} perubahan (waktu dalam UTC)`,
  columnTime: "Waktu",
  columnBy: "Oleh",
  columnCommand: "Perintah",
  columnWhat: "Pertanyaan/isian",
  columnChange: "Sebelum → sesudah",
  reconcile: "rekonsiliasi",
  reasonUnsaved: "tidak sempat tersimpan (proses terhenti)",
  reasonOutside: "diubah di luar kuesioner",
  pending: "belum tercatat",
  pendingNote: (command: string) =>
    `Berkas berbeda dari riwayatnya; baris "belum tercatat" akan dicatat saat berkas dibuka lagi dengan ${command}.`,
  none: "-",
  unknownUser: "-",
  noHistory: (file: string) => `${file} belum punya riwayat: belum pernah diubah oleh kuesioner fill atau verify.`,
  noChanges: (question: string) => `Tidak ada perubahan tercatat untuk ${question}.`,
  badLine: (file: string, line: number, message: string) => `${file}:${line}: peringatan: ${message}; baris dilewati`,
  moreBadLines: (file: string, line: number, count: number) =>
    `${file}:${line}: peringatan: ${count.toLocaleString("id-ID")} baris lagi dilewati mulai dari sini, tidak ditampilkan`,
  notJson: "bukan baris JSON",
  notEntry: "bukan entri riwayat",
  fileMissing: (file: string) => `${file} tidak ada, dan tidak ada riwayatnya`,
  answerFileMissing: (file: string) => `peringatan: ${file} tidak ada lagi; riwayatnya tetap ditampilkan`,
  answerFileInvalid: (file: string) =>
    `peringatan: ${file} tidak dapat dibaca sebagai berkas jawaban; riwayat tidak dibandingkan dengan isinya`,
};
export type HistoryMessages = typeof id;

const en: HistoryMessages = {
  title: (file, count) => `History of ${file}: ${count} changes (times in UTC)`,
  titleQuestion: (file, question, count) => `History of ${file}, ${question}: ${count} changes (times in UTC)`,
  columnTime: "Time",
  columnBy: "By",
  columnCommand: "Command",
  columnWhat: "Question/field",
  columnChange: "Before → after",
  reconcile: "reconcile",
  reasonUnsaved: "never reached the file (process stopped)",
  reasonOutside: "changed outside kuesioner",
  pending: "not yet recorded",
  pendingNote: (command) =>
    `The file differs from its history; the "not yet recorded" rows are recorded when the file is next opened with ${command}.`,
  none: "-",
  unknownUser: "-",
  noHistory: (file) => `${file} has no history yet: kuesioner fill or verify never changed it.`,
  noChanges: (question) => `No change recorded for ${question}.`,
  badLine: (file, line, message) => `${file}:${line}: warning: ${message}; line skipped`,
  moreBadLines: (file, line, count) =>
    `${file}:${line}: warning: and ${count.toLocaleString("en")} more lines skipped from here on, not shown`,
  notJson: "not a JSON line",
  notEntry: "not a history entry",
  fileMissing: (file) => `${file} does not exist, and it has no history`,
  answerFileMissing: (file) => `warning: ${file} no longer exists; its history is shown all the same`,
  answerFileInvalid: (file) =>
    `warning: ${file} cannot be read as an answer file; the history is not compared with its content`,
};

export const historyMessages: Readonly<Record<Lang, HistoryMessages>> = { id, en };
