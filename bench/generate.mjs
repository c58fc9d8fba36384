// Realistic answer files for the benchmark (and, seeded, for fixtures): every answer form the
// format allows, values spread around the thresholds, evidence strings and notes, and a
// region "capacity" so that scores differ between regions the way real results do.

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same files. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Evidence an officer would cite, by what the question asks about (matched on its id). */
const EVIDENCE = [
  ["masterplan", "Perbup No. 27 Tahun 2024 tentang Masterplan Smart City 2024–2033"],
  ["council", "SK Bupati No. 188/245/KEP/2023 tentang Dewan Smart City; notulen rapat 14 Maret 2023"],
  ["management", "Undangan dan notulen rapat koordinasi Tim Pelaksana dengan OPD, 2 Agustus 2023"],
  ["programs-realised", "Laporan realisasi program Smart City Tahun 2022"],
  ["action-plans", "Laporan pelaksanaan Rencana Aksi Smart City Triwulan IV 2022"],
  ["regulation", "Perda No. 5 Tahun 2022 tentang Penyelenggaraan Kota Cerdas"],
  ["implementation-team", "SK Tim Pelaksana Smart City No. 050/112/2023"],
  ["opd-participation", "Renstra Dinas Kesehatan dan Dinas Perhubungan 2021–2026, Bab IV"],
  ["forum", "Dokumentasi Forum Smart City Daerah, Juni 2023"],
  ["budget", "APBD 2023: belanja program Smart City di 9 OPD (rekapitulasi Bappeda)"],
  ["non-apbd", "Perjanjian kerja sama CSR Bank Daerah No. 12/PKS/2023"],
  ["bpk", "LHP BPK atas LKPD Tahun 2022 (opini WTP)"],
  ["lkppd", "Keputusan Mendagri tentang status kinerja penyelenggaraan pemerintahan daerah"],
  ["spbe", "Hasil evaluasi SPBE 2022, Kementerian PANRB"],
  ["lakip", "LHE SAKIP 2022 dari Kementerian PANRB"],
  ["poverty", "BPS: Persentase Penduduk Miskin Maret 2023"],
  ["ipm", "BPS: Indeks Pembangunan Manusia 2022"],
  ["liv-", "Profil Kesehatan Kabupaten 2022 (Dinas Kesehatan)"],
  ["soc-", "Dapodik dan data BPBD Tahun 2022"],
  ["env-", "Laporan bank sampah dan TPS3R, DLH 2023"],
  ["qw-", "Profil inovasi quick win 2023 dan testimoni pengguna layanan"],
  ["", "https://smartcity.example.go.id/bukti-dukung-2023.pdf"],
];
const evidenceFor = (id) => EVIDENCE.find(([key]) => id.includes(key))[1];
const NOTES = [
  "Bukti dukung diunggah ke folder bersama Diskominfo.",
  "Menunggu tanda tangan Sekda.",
  "Angka dari BPS kabupaten, rilis terakhir.",
  "Sudah dikonfirmasi dengan Bappeda.",
];

const clampLevel = (v, scale) => Math.max(scale.min, Math.min(scale.max, Math.round(v)));

/** A whole level drawn around the region's capacity (0..1 of the scale). */
function drawLevel(rand, capacity, scale) {
  const centre = scale.min + capacity * (scale.max - scale.min);
  return clampLevel(centre + (rand() + rand() + rand() - 1.5) * 1.6, scale);
}

function levelAnswer(rand, capacity, scale, id) {
  const form = rand();
  if (form < 0.45) return drawLevel(rand, capacity, scale);
  if (form < 0.75) {
    const answer = { score: drawLevel(rand, capacity, scale), evidence: [evidenceFor(id)] };
    if (rand() < 0.3) answer.note = NOTES[Math.floor(rand() * NOTES.length)];
    return answer;
  }
  return { assessors: Array.from({ length: rand() < 0.7 ? 5 : 4 }, () => drawLevel(rand, capacity, scale)) };
}

function surveyAnswer(rand, capacity, scale, respondents) {
  if (rand() < 0.3) {
    const mean = Math.round((scale.min + capacity * (scale.max - scale.min) + (rand() - 0.5)) * 100) / 100;
    return { survey: { mean: Math.max(scale.min, Math.min(scale.max, mean)), respondents } };
  }
  const counts = {};
  for (let i = 0; i < respondents; i++) {
    const level = drawLevel(rand, capacity, scale);
    counts[level] = (counts[level] ?? 0) + 1;
  }
  return { survey: { counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => Number(a) - Number(b))) } };
}

/** A measured value near the thresholds, better regions reaching higher levels. */
function numericAnswer(rand, capacity, question) {
  const ats = question.thresholds.map((t) => t.at);
  const lo = Math.min(...ats);
  const hi = Math.max(...ats);
  const span = hi - lo || 1;
  const descending = question.direction === "descending";
  const position = Math.max(-0.3, Math.min(1.3, capacity + (rand() - 0.5) * 0.6));
  let value = descending ? hi + span * 0.25 - position * span * 1.5 : lo - span * 0.25 + position * span * 1.5;
  const min = question.range?.min ?? 0;
  const max = question.range?.max ?? (question.kind === "percent" ? 100 : Infinity);
  value = Math.max(min, Math.min(max, value));
  value = question.kind === "count" ? Math.round(value) : Math.round(value * 100) / 100;
  const answer = { value };
  if (rand() < 0.4) answer.evidence = [evidenceFor(question.id)];
  return answer;
}

/**
 * One answer file for `questionnaire` (parsed YAML). `capacity` in 0..1 moves every answer;
 * `missing` is the share of questions left unanswered.
 */
export function generateAnswers(
  questionnaire,
  { region, year, profile, seed, capacity, missing = 0, status = "final" },
) {
  const rand = random(seed);
  const chosen = questionnaire.profiles.find((p) => p.id === (profile ?? questionnaire.defaultProfile));
  const answers = {};
  for (const element of questionnaire.elements) {
    if (chosen.weights[element.id] === undefined) continue;
    for (const question of element.questions) {
      if (rand() < missing) continue;
      if (question.kind === "survey")
        answers[question.id] = surveyAnswer(rand, capacity, questionnaire.scale, question.respondents);
      else if (question.kind === "level")
        answers[question.id] = levelAnswer(rand, capacity, questionnaire.scale, question.id);
      else answers[question.id] = numericAnswer(rand, capacity, question);
    }
  }
  return {
    questionnaire: questionnaire.id,
    questionnaireVersion: questionnaire.version,
    ...(profile ? { profile } : {}),
    status,
    respondent: { region, year, office: "Dinas Komunikasi dan Informatika", officer: "Tim Smart City" },
    answers,
  };
}
