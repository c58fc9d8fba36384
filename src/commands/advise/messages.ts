import type { Lang } from "../../model/common.js";

/** Every fixed word `advise` prints, Indonesian first. Numbers, names and levels arrive formatted. */
const id = {
  title: (region: string, year: string) => `Dari mana tambahan nilai berikutnya: ${region}${year ? ` (${year})` : ""}`,
  file: "Berkas",
  fileLine: (file: string, questionnaire: string, version: string, profile: string) =>
    `${file} (${questionnaire} versi ${version}, profil ${profile})`,
  total: "Nilai Final",
  totalLine: (total: string, highest: string) => `${total}; bila semua pertanyaan di level tertinggi: ${highest}`,
  stepRule:
    "Satu langkah = naik satu level; untuk butir survei, rata-ratanya naik 0,1 (paling tinggi sampai puncak skala). Tambahan nilai = bobot elemen ÷ (100 × jumlah pertanyaan elemen) × kenaikan nilai pertanyaan.",
  allAtTop: "Semua pertanyaan yang dinilai sudah di level tertinggi.",
  unverifiedNote: (n: number) =>
    `${n} jawaban belum diverifikasi: nilai mandirinya yang dihitung, dan panel asesor dapat menilainya lain. Nilai panel ditandai "(asesor)".`,
  unansweredFirst: (n: number, list: string) =>
    `${n} pertanyaan belum dijawab dan bernilai 0; jawab lebih dulu: ${list}.`,
  elements: "Elemen, menurut langkah terbaiknya",
  element: "Elemen",
  weight: "Bobot",
  score: "Nilai",
  open: "Di bawah puncak",
  openCount: (open: number, of: number) => `${open} dari ${of}`,
  bestStep: "Langkah terbaik",
  toTop: "Sampai puncak",
  elementHeading: (title: string, weight: string, score: string) => `${title} (bobot ${weight}, nilai ${score})`,
  gain: "Tambahan",
  question: "Pertanyaan",
  now: "Sekarang",
  next: "Berikutnya",
  toShow: "Yang perlu ditunjukkan",
  levelDescriptor: (level: number, text: string) => `Level ${level}: ${text}`,
  valueNeeded: (op: string, at: string, unit: string) =>
    `capaian ${op} ${at}${unit === "%" ? "%" : unit ? ` ${unit}` : ""}`,
  surveyNeeded: (label: string, level: number) =>
    `lebih banyak responden menjawab "${label}" (${level}) atau lebih tinggi`,
  unanswered: "belum dijawab",
  target: (target: string) => `Target ${target}`,
  targetReached: (total: string, target: string) => `Nilai ${total} sudah mencapai target ${target}.`,
  targetPlan: (steps: number, reached: string, from: string) =>
    `Paling sedikit ${steps} langkah untuk mencapai target: nilai menjadi ${reached} (dari ${from}). Tidak ada rencana dengan langkah lebih sedikit yang mencapainya.`,
  targetOutOfReach: (target: string, highest: string) =>
    `Target ${target} tidak dapat dicapai: bila semua pertanyaan di level tertinggi, nilainya ${highest}.`,
  targetOrder: "Pertanyaan yang belum dijawab didahulukan, karena bernilai 0.",
  from: "Dari",
  to: "Ke",
  steps: "Langkah",
  peers: (n: number) => `Di antara ${n} daerah pembanding`,
  peersNone: "Tidak ada daerah pembanding yang dapat dinilai.",
  standing: "Elemen / pilar",
  rank: "Peringkat",
  rankOf: (rank: number, of: number) => `${rank} dari ${of}`,
  percentile: "Persentil",
  peerMean: "Rata-rata pembanding",
  gap: "Selisih",
  finalScore: "Nilai Final",
  percentileNote:
    "Persentil: persentase daerah pembanding yang nilainya lebih rendah. Peringkat seperti pada kuesioner score (nilai sama, peringkat sama).",
  strongest: "Paling kuat dibandingkan daerah pembanding",
  weakest: "Paling lemah dibandingkan daerah pembanding",
  strengthItem: (title: string, gap: string, rank: string) => `${title} (${gap} terhadap rata-rata, peringkat ${rank})`,
};

const en: typeof id = {
  title: (region, year) => `Where the next points come from: ${region}${year ? ` (${year})` : ""}`,
  file: "File",
  fileLine: (file, questionnaire, version, profile) =>
    `${file} (${questionnaire} version ${version}, profile ${profile})`,
  total: "Final score",
  totalLine: (total, highest) => `${total}; with every question at the top: ${highest}`,
  stepRule:
    "One step = one more level; for a survey item, 0.1 more in its mean (up to the top of the scale). Gain = element weight ÷ (100 × questions in the element) × the question's rise.",
  allAtTop: "Every scored question is at the top of the scale.",
  unverifiedNote: (n) =>
    `${n} answers are not verified: their self-assessed score counts, and the assessors may score them otherwise. The panel's scores are marked "(assessors)".`,
  unansweredFirst: (n, list) =>
    `${n} unanswered question${n === 1 ? "" : "s"}, scored 0; answer ${n === 1 ? "it" : "them"} first: ${list}.`,
  elements: "Elements, by their best step",
  element: "Element",
  weight: "Weight",
  score: "Score",
  open: "Below the top",
  openCount: (open, of) => `${open} of ${of}`,
  bestStep: "Best step",
  toTop: "Up to the top",
  elementHeading: (title, weight, score) => `${title} (weight ${weight}, score ${score})`,
  gain: "Gain",
  question: "Question",
  now: "Now",
  next: "Next",
  toShow: "What to show",
  levelDescriptor: (level, text) => `Level ${level}: ${text}`,
  valueNeeded: (op, at, unit) => `value ${op} ${at}${unit === "%" ? "%" : unit ? ` ${unit}` : ""}`,
  surveyNeeded: (label, level) => `more respondents answering "${label}" (${level}) or higher`,
  unanswered: "unanswered",
  target: (target) => `Target ${target}`,
  targetReached: (total, target) => `The total ${total} already reaches the target ${target}.`,
  targetPlan: (steps, reached, from) =>
    `The fewest steps that reach the target: ${steps}, for a total of ${reached} (from ${from}). No plan with fewer steps reaches it.`,
  targetOutOfReach: (target, highest) =>
    `The target ${target} is out of reach: with every question at the top the total is ${highest}.`,
  targetOrder: "Unanswered questions come first: they score 0.",
  from: "From",
  to: "To",
  steps: "Steps",
  peers: (n) => `Among ${n} peer regions`,
  peersNone: "No peer region could be scored.",
  standing: "Element / pillar",
  rank: "Rank",
  rankOf: (rank, of) => `${rank} of ${of}`,
  percentile: "Percentile",
  peerMean: "Peers' mean",
  gap: "Gap",
  finalScore: "Final score",
  percentileNote:
    "Percentile: the percentage of peers scoring lower. Ranks as kuesioner score ranks (equal scores share a rank).",
  strongest: "Strongest relative to the peers",
  weakest: "Weakest relative to the peers",
  strengthItem: (title, gap, rank) => `${title} (${gap} against the mean, rank ${rank})`,
};

export type AdviseMessages = typeof id;

export function adviseMessages(lang: Lang): AdviseMessages {
  return lang === "id" ? id : en;
}
