import type { CompareNote } from "../../engine/compare-results.js";
import type { Lang } from "../../model/common.js";
import { labelsFor } from "../../text/score-labels.js";

const idStatus = labelsFor("id").verificationStatus;
const enStatus = labelsFor("en").verificationStatus;

/** Every fixed word `compare` prints, Indonesian first. Numbers and names arrive formatted. */
const id = {
  title: (region: string, from: string, to: string) => `Perbandingan ${region}: ${from} → ${to}`,
  old: "Lama",
  new: "Baru",
  oldFile: "Berkas lama",
  newFile: "Berkas baru",
  fileLine: (file: string, questionnaire: string, version: string, profile: string) =>
    `${file} (${questionnaire} versi ${version}, profil ${profile})`,
  notes: "Catatan",
  note: (n: CompareNote, list: (ids: readonly string[]) => string): string => {
    switch (n.code) {
      case "region-differs":
        return `Kedua berkas untuk daerah yang berbeda: ${n.old} dan ${n.new}.`;
      case "questionnaire-differs":
        return `Instrumen berbeda (${n.old} → ${n.new}): pertanyaan dicocokkan menurut id, dan setiap berkas dihitung dengan bobot dan jumlah pertanyaan elemennya sendiri.`;
      case "version-differs":
        return `Versi kuesioner berbeda: ${n.old} → ${n.new}.`;
      case "profile-differs":
        return `Profil bobot berbeda (${n.old} → ${n.new}): total setiap berkas memakai bobot profilnya sendiri.`;
      case "scale-differs":
        return `Skala berbeda (${n.old} → ${n.new}): nilai kedua berkas tidak dapat dibandingkan langsung.`;
      case "weights-differ":
        return `Bobot elemen berubah: ${list(n.elements)}.`;
      case "element-size-differs":
        return `Jumlah pertanyaan berubah: ${list(n.elements)}; jawaban yang sama kini berbobot lain dalam total.`;
      case "elements-only-old":
        return `Hanya dinilai dalam berkas lama: ${list(n.elements)}.`;
      case "elements-only-new":
        return `Hanya dinilai dalam berkas baru: ${list(n.elements)}.`;
      case "verification-differs":
        return `Verifikasi asesor berbeda (lama: ${idStatus[n.old]}, baru: ${idStatus[n.new]}${n.elements.length ? `; elemen ${list(n.elements)}` : ""}): perubahan antara nilai panel asesor dan penilaian mandiri bukan seluruhnya kemajuan daerah.`;
    }
  },
  verification: "Verifikasi",
  elements: "Elemen",
  change: "Perubahan",
  contributionChange: "Perubahan kontribusi",
  contributionsAddUp: (sum: string, fraction: string) =>
    `Perubahan kontribusi elemen berjumlah tepat sama dengan perubahan total: Σ = ${sum} (nilai eksak ${fraction}).`,
  why: "Sumber perubahan total",
  whyAnswers: "Jawaban yang berubah",
  whyAdded: "Pertanyaan yang baru dinilai",
  whyRemoved: "Pertanyaan yang tidak dinilai lagi",
  whyReweighting: "Perubahan bobot atas jawaban yang sama",
  whyTotal: "Perubahan total (Indeks Peningkatan)",
  changed: (n: number) => `Jawaban yang berubah (${n})`,
  noneChanged: "Tidak ada jawaban yang berubah.",
  unchanged: (n: number) => `${n} jawaban lain tidak berubah.`,
  added: (n: number) => `Pertanyaan yang baru dinilai (${n})`,
  removed: (n: number) => `Pertanyaan yang tidak dinilai lagi (${n})`,
  question: "Pertanyaan",
  answer: "Jawaban",
  scoreChange: "Perubahan nilai",
  effect: "Dampak pada total",
  reason: "Sebab",
  reasonQuestionnaire: { added: "tidak ada di kuesioner lama", removed: "tidak ada di kuesioner baru" },
  reasonProfile: { added: "elemen tidak dinilai dalam profil lama", removed: "elemen tidak dinilai dalam profil baru" },
  effectNote:
    "Dampak jawaban yang berubah dihitung dengan bobot berkas baru: bobot elemen ÷ (100 × jumlah pertanyaan elemen) × perubahan nilai.",
};

const en: typeof id = {
  title: (region, from, to) => `Comparison for ${region}: ${from} → ${to}`,
  old: "Old",
  new: "New",
  oldFile: "Old file",
  newFile: "New file",
  fileLine: (file, questionnaire, version, profile) =>
    `${file} (${questionnaire} version ${version}, profile ${profile})`,
  notes: "Notes",
  note: (n, list) => {
    switch (n.code) {
      case "region-differs":
        return `The files are for different regions: ${n.old} and ${n.new}.`;
      case "questionnaire-differs":
        return `Different instruments (${n.old} → ${n.new}): questions are matched by id, and each file is counted with its own weights and element sizes.`;
      case "version-differs":
        return `Different questionnaire versions: ${n.old} → ${n.new}.`;
      case "profile-differs":
        return `Different weight profiles (${n.old} → ${n.new}): each file's total uses its own profile's weights.`;
      case "scale-differs":
        return `Different scales (${n.old} → ${n.new}): the two files' scores are not directly comparable.`;
      case "weights-differ":
        return `Element weights changed: ${list(n.elements)}.`;
      case "element-size-differs":
        return `Number of questions changed: ${list(n.elements)}; the same answer now weighs differently in the total.`;
      case "elements-only-old":
        return `Scored in the old file only: ${list(n.elements)}.`;
      case "elements-only-new":
        return `Scored in the new file only: ${list(n.elements)}.`;
      case "verification-differs":
        return `Verification by assessors differs (old: ${enStatus[n.old]}, new: ${enStatus[n.new]}${n.elements.length ? `; elements ${list(n.elements)}` : ""}): a change between an assessors' score and a self-assessment is not all the region's progress.`;
    }
  },
  verification: "Verification",
  elements: "Elements",
  change: "Change",
  contributionChange: "Contribution change",
  contributionsAddUp: (sum, fraction) =>
    `The elements' contribution changes add up exactly to the change in the total: Σ = ${sum} (exact value ${fraction}).`,
  why: "Where the change in the total comes from",
  whyAnswers: "Changed answers",
  whyAdded: "Questions scored only in the new file",
  whyRemoved: "Questions scored only in the old file",
  whyReweighting: "Re-weighting of unchanged answers",
  whyTotal: "Change in the total (Indeks Peningkatan)",
  changed: (n) => `Changed answers (${n})`,
  noneChanged: "No answer changed.",
  unchanged: (n) => `${n} other answers unchanged.`,
  added: (n) => `Questions scored only in the new file (${n})`,
  removed: (n) => `Questions scored only in the old file (${n})`,
  question: "Question",
  answer: "Answer",
  scoreChange: "Score change",
  effect: "Effect on total",
  reason: "Why",
  reasonQuestionnaire: { added: "not in the old questionnaire", removed: "not in the new questionnaire" },
  reasonProfile: { added: "element not scored in the old profile", removed: "element not scored in the new profile" },
  effectNote:
    "A changed answer's effect uses the new file's weights: element weight ÷ (100 × questions in the element) × score change.",
};

export type CompareMessages = typeof id;

export function compareMessages(lang: Lang): CompareMessages {
  return lang === "id" ? id : en;
}
