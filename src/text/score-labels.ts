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
    draft: "draft",
    final: "final",
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
    failedNote: (n: number) => `${n} berkas berisi kesalahan (rincian di standard error)`,
    results: (n: number) => `${n} hasil`,
    incompleteFootnote: "* belum lengkap: pertanyaan yang belum dijawab bernilai 0",
    draft: "draf",
    final: "final",
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
