import type { PanelProblem } from "../../engine/merge.js";
import type { Lang } from "../../model/common.js";

/** Every word `kuesioner merge` prints, Indonesian first. */
const id = {
  problem: (p: PanelProblem): string => {
    switch (p.code) {
      case "same-assessor":
        return `asesor "${p.name}" ada dua kali: di ${p.other} dan di ${p.file}`;
      case "anonymous-scores":
        return `nilai asesor tanpa nama, sehingga asesor yang sama tidak dapat dikenali; buat berkas asesor dengan kuesioner verify --assessor NAMA`;
      case "different-region":
        return `daerah "${p.region}", bukan "${p.expected}"`;
      case "different-year":
        return `tahun ${p.year}, bukan ${p.expected}`;
      case "different-questionnaire":
        return `kuesioner "${p.id}", bukan "${p.expected}"`;
      case "different-version":
        return `kuesioner versi ${p.version}, bukan ${p.expected}`;
      case "different-content":
        return `kuesioner versi ${p.version} dengan isi yang berbeda (sha256 lain)`;
      case "different-profile":
        return `profil bobot "${p.profile}", bukan "${p.expected}"`;
      case "no-scores":
        return "tidak ada pertanyaan yang dinilai";
      case "self-answer-differs":
        return `asesor menilai jawaban mandiri yang berbeda dari berkas penilaian mandiri`;
      case "partly-scored":
        return `${p.questions.length} pertanyaan tidak dinilai oleh ke-${p.assessors} asesor (nilainya rata-rata asesor yang menilai): ${p.questions.join(", ")}`;
    }
  },
  error: "galat",
  warning: "peringatan",
  refused: (count: number) => `kuesioner: tidak ada yang ditulis: ${count} konflik harus diselesaikan dahulu`,
  invalidInputs: "kuesioner: tidak ada yang ditulis: perbaiki dahulu galat pada berkas di atas",
  outExists: (file: string) => `--out ${file} sudah ada`,
  outNotFile: (file: string) =>
    `--out ${file}: bukan berkas biasa (pipa, perangkat atau soket), seharusnya berkas jawaban`,
  outExistsHint: "pakai --force untuk menimpanya (riwayatnya mencatat perubahannya), atau nama lain",
  merged: (file: string, count: number, names: string) => `${count} asesor digabung ke ${file}: ${names}.`,
  verified: (verified: number, total: number) => `${verified} dari ${total} pertanyaan terverifikasi.`,
  totals: (self: string, verified: string) => `Nilai akhir: penilaian mandiri ${self}, terverifikasi ${verified}.`,
};
export type MergeMessages = typeof id;

const en: MergeMessages = {
  problem: (p) => {
    switch (p.code) {
      case "same-assessor":
        return `assessor "${p.name}" appears twice: in ${p.other} and in ${p.file}`;
      case "anonymous-scores":
        return `assessor scores without names, so the same assessor cannot be recognised; create assessor files with kuesioner verify --assessor NAME`;
      case "different-region":
        return `region "${p.region}", not "${p.expected}"`;
      case "different-year":
        return `year ${p.year}, not ${p.expected}`;
      case "different-questionnaire":
        return `questionnaire "${p.id}", not "${p.expected}"`;
      case "different-version":
        return `questionnaire version ${p.version}, not ${p.expected}`;
      case "different-content":
        return `questionnaire version ${p.version} with different content (another sha256)`;
      case "different-profile":
        return `weight profile "${p.profile}", not "${p.expected}"`;
      case "no-scores":
        return "scores no question";
      case "self-answer-differs":
        return `the assessor scored a self-assessed answer that differs from the self-assessment file's`;
      case "partly-scored":
        return `${p.questions.length} questions not scored by all ${p.assessors} assessors (their score is the mean of those who did): ${p.questions.join(", ")}`;
    }
  },
  error: "error",
  warning: "warning",
  refused: (count) => `kuesioner: nothing written: ${count} conflicts to resolve first`,
  invalidInputs: "kuesioner: nothing written: fix the errors in the files above first",
  outExists: (file) => `--out ${file} exists`,
  outNotFile: (file) => `--out ${file}: not a regular file (a pipe, a device or a socket), expected an answer file`,
  outExistsHint: "use --force to replace it (its history records the change), or another name",
  merged: (file, count, names) => `Merged ${count} assessors into ${file}: ${names}.`,
  verified: (verified, total) => `${verified} of ${total} questions verified.`,
  totals: (self, verified) => `Final score: self-assessed ${self}, verified ${verified}.`,
};

export const mergeMessages: Readonly<Record<Lang, MergeMessages>> = { id, en };
