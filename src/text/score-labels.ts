import type { Lang } from "../model/common.js";

/** Every fixed word the score reports print, in both languages. */
const labels = {
  en: {
    region: "Region",
    year: "Year",
    instrument: "Instrument",
    version: "version",
    profile: "Profile",
    file: "File",
    status: "Status",
    element: "Element",
    weight: "Weight",
    score: "Score",
    contribution: "Contribution",
    total: "Total",
    finalScore: "Final score",
    band: "Predicate",
    pillars: "Pillar indices",
    pillarsNote: "computed by kuesioner as the mean of the questions tagged with each pillar; not an official figure",
    noPillarQuestions: "no questions in this profile",
    missing: "Missing answers",
    missingNote: (n: number, of: number) => `${n} of ${of} questions unanswered; each counts as 0`,
    complete: "complete",
    incomplete: (n: number) => `incomplete (${n} unanswered)`,
    improvement: "Improvement",
    change: "Change",
    previous: "previous",
    firstEvaluation: "no previous score (first evaluation)",
    rank: "Rank",
    failed: "Not scored",
    failedNote: (n: number) => `${n} file${n === 1 ? "" : "s"} with errors (diagnostics on standard error)`,
    results: (n: number) => `${n} result${n === 1 ? "" : "s"}`,
    incompleteFootnote: "* incomplete: unanswered questions count as 0",
    elementsLeftOut: (width: number) =>
      `element scores left out to fit ${width} columns: a wider terminal, or --format csv, shows them`,
    draft: "draft",
    final: "final",
    unverifiedAll: "not verified (self-assessment)",
    unverifiedSome: (n: number) => `${n} unverified (self-assessed score counts)`,
    verifiedAll: "verified by the assessors",
    verification: "Self-assessment and verification",
    verificationNote:
      "self-assessed: the region's own answers; verified: the assessors' mean where they scored, else the self-assessed score",
    selfAssessed: "Self-assessed",
    verified: "Verified",
    difference: "Difference",
    largestDifferences: (n: number) => `Largest differences (${n} of the verified questions differ)`,
    unverifiedList: "Unverified",
    verificationLabel: "Verification",
    andMore: (n: number) => `… and ${n} more (score --format json lists them)`,
    verificationStatus: { verified: "verified", partial: "partly verified", unverified: "not verified" },
    notVerifiedFootnote: "† not verified: every score is the region's self-assessment",
    partlyVerifiedFootnote: "‡ partly verified: the self-assessed score counts where the assessors did not score",
    noneVerifiedNote: "none of these results is verified by assessors: every score is a self-assessment",
    selfTotal: "Self-assessed total",
    verifiedQuestions: "Verified questions",
    unverifiedQuestions: "Unverified questions",
    question: "Question",
  },
  id: {
    region: "Daerah",
    year: "Tahun",
    instrument: "Instrumen",
    version: "versi",
    profile: "Profil",
    file: "Berkas",
    status: "Status",
    element: "Elemen",
    weight: "Bobot",
    score: "Nilai",
    contribution: "Kontribusi",
    total: "Total",
    finalScore: "Nilai Final",
    band: "Predikat",
    pillars: "Indeks pilar",
    pillarsNote:
      "dihitung oleh kuesioner sebagai rata-rata pertanyaan yang ditandai dengan pilar tersebut; bukan angka resmi",
    noPillarQuestions: "tidak ada pertanyaan dalam profil ini",
    missing: "Jawaban belum diisi",
    missingNote: (n: number, of: number) => `${n} dari ${of} pertanyaan belum dijawab; masing-masing bernilai 0`,
    complete: "lengkap",
    incomplete: (n: number) => `belum lengkap (${n} belum dijawab)`,
    improvement: "Indeks Peningkatan",
    change: "Peningkatan",
    previous: "sebelumnya",
    firstEvaluation: "tidak ada nilai sebelumnya (evaluasi pertama)",
    rank: "Peringkat",
    failed: "Tidak dinilai",
    failedNote: (n: number) => `${n} berkas berisi kesalahan (rinciannya di keluaran galat, stderr)`,
    results: (n: number) => `${n} hasil`,
    incompleteFootnote: "* belum lengkap: pertanyaan yang belum dijawab bernilai 0",
    elementsLeftOut: (width: number) =>
      `nilai elemen tidak ditampilkan agar muat dalam ${width} kolom: terminal yang lebih lebar, atau --format csv, menampilkannya`,
    draft: "draf",
    final: "final",
    unverifiedAll: "belum diverifikasi (penilaian mandiri)",
    unverifiedSome: (n: number) => `${n} belum diverifikasi (nilai mandiri yang dihitung)`,
    verifiedAll: "diverifikasi oleh asesor",
    verification: "Penilaian mandiri dan verifikasi",
    verificationNote:
      "mandiri: jawaban daerah sendiri; terverifikasi: rata-rata asesor bila dinilai, selain itu nilai mandiri",
    selfAssessed: "Mandiri",
    verified: "Terverifikasi",
    difference: "Selisih",
    largestDifferences: (n: number) => `Selisih terbesar (${n} pertanyaan terverifikasi berbeda)`,
    unverifiedList: "Belum diverifikasi",
    verificationLabel: "Verifikasi",
    andMore: (n: number) => `… dan ${n} lagi (score --format json mendaftar semuanya)`,
    verificationStatus: {
      verified: "terverifikasi",
      partial: "sebagian terverifikasi",
      unverified: "belum diverifikasi",
    },
    notVerifiedFootnote: "† belum diverifikasi: semua nilai adalah penilaian mandiri daerah",
    partlyVerifiedFootnote: "‡ sebagian terverifikasi: nilai mandiri dihitung bila asesor tidak menilai",
    noneVerifiedNote: "belum ada hasil yang diverifikasi oleh asesor: semua nilai adalah penilaian mandiri",
    selfTotal: "Total mandiri",
    verifiedQuestions: "Pertanyaan terverifikasi",
    unverifiedQuestions: "Pertanyaan belum diverifikasi",
    question: "Pertanyaan",
  },
} as const;

export type Labels = (typeof labels)[Lang];

export function labelsFor(lang: Lang): Labels {
  return labels[lang];
}

/** What a ranking can be grouped by. */
export const groupKinds = ["profile", "questionnaire"] as const;
export type GroupKind = (typeof groupKinds)[number];

/** The heading above one group of a ranking: "Profile reguler (Regular cohort)". */
export function groupHeading(lang: Lang, kind: GroupKind, id: string, title: string): string {
  const L = labels[lang];
  return `${kind === "profile" ? L.profile : L.instrument} ${id}${title ? ` (${title})` : ""}`;
}
