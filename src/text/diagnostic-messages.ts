import type { Diagnostic } from "../errors.js";
import type { Lang } from "../model/common.js";
import { definitionMessagesId } from "./definition-messages.js";
import { definitionMessagesEn } from "./definition-messages-en.js";
import { fileMessagesEn, fileMessagesId } from "./file-messages.js";
import { type Catalogue, kindId, list, num } from "./message-parts.js";
import { optionProblem, optionProblemCodes } from "./option-messages.js";

/**
 * Diagnostics by code, in each language. The pure layers (src/model, src/engine) give codes and
 * parameters only, so every code they emit has an English and an Indonesian entry; a problem
 * found while reading a file (src/io) carries its English text as its message, and a code of
 * those without an Indonesian entry falls back to it.
 */
const answerMessagesEn: Catalogue = {
  "answer.score-outside-scale": {
    message: (p) => `score ${p.score} is outside the scale ${p.min}–${p.max}`,
    hint: (p) => (p.valueHint ? `to enter a measured value, write { value: ${p.score} }` : ""),
  },
  "answer.several-kinds": {
    message: (p) =>
      `give one of score, survey or value; found ${Array.isArray(p.found) ? p.found.join(" and ") : p.found}`,
  },
  "answer.assessor-outside-scale": {
    message: (p) => `assessor score ${p.score}${p.name ? ` (${p.name})` : ""} is outside the scale ${p.min}–${p.max}`,
  },
  "answer.assessor-twice": {
    message: (p) => `assessor "${p.name}" scored this question twice (also entry ${p.first})`,
  },
  "answer.not-survey": {
    message: (p) => `question "${p.question}" is a ${p.kind} question, not a survey`,
    hint: () => "give a score instead",
  },
  "answer.survey-level-outside-scale": { message: (p) => `level ${p.level} is outside the scale ${p.min}–${p.max}` },
  "answer.no-respondents": { message: () => "no respondents counted" },
  "answer.survey-mean-outside-scale": {
    message: (p) => `survey mean ${p.mean} is outside the scale ${p.min}–${p.max}`,
  },
  "answer.mean-without-respondents": { message: () => "a survey mean needs at least one respondent" },
  "answer.few-respondents": {
    message: (p) => `${p.respondents} respondents, fewer than the ${p.required} required`,
  },
  "answer.value-not-numeric": {
    message: (p) => `question "${p.question}" is a ${p.kind} question and takes a score, not a value`,
  },
  "answer.value-outside-range": {
    message: (p) => `value ${p.value} is outside the valid range ${p.min}–${p.max}`,
  },
  "answer.count-not-whole": { message: (p) => `a count is a whole number, found ${p.value}` },
  "answer.unknown-question": {
    message: (p) => `unknown question id "${p.id}" in questionnaire "${p.questionnaire}"`,
    hint: () => "check the id, or whether the answers belong to another questionnaire",
  },
  "answer.element-not-in-profile": {
    message: (p) =>
      `element "${p.element}" is not part of profile "${p.profile}": ${p.count} answer${p.count === 1 ? " is" : "s are"} not scored`,
    hint: (p) => {
      const others = Array.isArray(p.others) ? p.others : [];
      return others.length ? `profile${others.length === 1 ? "" : "s"} with this element: ${others.join(", ")}` : "";
    },
  },
  "profile.unknown": {
    message: (p) => `unknown profile "${p.profile}" for questionnaire "${p.questionnaire}"`,
    hint: (p) => `profiles: ${list(p.known)}`,
  },
};

const answerMessagesId: Catalogue = {
  "answer.score-outside-scale": {
    message: (p) => `nilai ${num(p.score)} di luar skala ${p.min}–${p.max}`,
    hint: (p) => (p.valueHint ? `untuk memasukkan nilai terukur, tulis { value: ${p.score} }` : ""),
  },
  "answer.several-kinds": {
    message: (p) => `berikan salah satu dari score, assessors, survey atau value; ditemukan ${list(p.found)}`,
  },
  "answer.assessor-outside-scale": {
    message: (p) => `nilai asesor ${num(p.score)}${p.name ? ` (${p.name})` : ""} di luar skala ${p.min}–${p.max}`,
  },
  "answer.assessor-twice": {
    message: (p) => `asesor "${p.name}" menilai pertanyaan ini dua kali (juga entri ke-${p.first})`,
  },
  "answer.not-survey": {
    message: (p) => `pertanyaan "${p.question}" adalah pertanyaan ${kindId(p.kind)}, bukan survei`,
    hint: () => "berikan score",
  },
  "answer.survey-level-outside-scale": { message: (p) => `tingkat ${p.level} di luar skala ${p.min}–${p.max}` },
  "answer.no-respondents": { message: () => "tidak ada responden yang dihitung" },
  "answer.survey-mean-outside-scale": {
    message: (p) => `rata-rata survei ${num(p.mean)} di luar skala ${p.min}–${p.max}`,
  },
  "answer.mean-without-respondents": { message: () => "rata-rata survei membutuhkan minimal satu responden" },
  "answer.few-respondents": {
    message: (p) => `${p.respondents} responden, kurang dari ${p.required} yang dipersyaratkan`,
  },
  "answer.value-not-numeric": {
    message: (p) => `pertanyaan "${p.question}" adalah pertanyaan ${kindId(p.kind)} dan menerima score, bukan value`,
  },
  "answer.value-outside-range": {
    message: (p) => `nilai ${num(p.value)} di luar rentang yang sah ${num(p.min)}–${num(p.max)}`,
  },
  "answer.count-not-whole": { message: (p) => `jumlah harus bilangan bulat, ditemukan ${num(p.value)}` },
  "answer.unknown-question": {
    message: (p) => `id pertanyaan "${p.id}" tidak ada di kuesioner "${p.questionnaire}"`,
    hint: () => "periksa id-nya, atau apakah jawaban ini milik kuesioner lain",
  },
  "answer.element-not-in-profile": {
    message: (p) => `elemen "${p.element}" tidak termasuk profil "${p.profile}": ${p.count} jawaban tidak dinilai`,
    hint: (p) => (Array.isArray(p.others) && p.others.length ? `profil dengan elemen ini: ${list(p.others)}` : ""),
  },
  "questionnaire.file-not-found": {
    message: (p) => `berkas kuesioner "${p.ref}" tidak ditemukan`,
    hint: (p) => `dicari di ${p.file}`,
  },
  "questionnaire.unknown": {
    message: (p) => `kuesioner "${p.ref}" tidak dikenal`,
    hint: (p) =>
      Array.isArray(p.shipped) && p.shipped.length
        ? `kuesioner bawaan: ${list(p.shipped)}; atau berikan path ke berkas YAML`
        : "berikan path ke berkas YAML",
  },
  "profile.unknown": {
    message: (p) => `profil "${p.profile}" tidak ada di kuesioner "${p.questionnaire}"`,
    hint: (p) => `profil: ${list(p.known)}`,
  },
  "map.unknown-statement": {
    message: (p) => `"${p.role}" bukan pernyataan survei kuesioner ini`,
    hint: (p) =>
      p.guess
        ? `maksud Anda ${p.guess}?`
        : "pakai id pernyataan (kuesioner show menampilkannya), skip, name atau contact",
  },
};

/** Every diagnostic code in Indonesian; a test checks that each code the program emits is here. */
export const diagnosticMessagesId: Readonly<Catalogue> = {
  ...answerMessagesId,
  ...definitionMessagesId,
  ...fileMessagesId,
};

/** Every code of the pure layers in English (and a few of src/io's). */
export const diagnosticMessagesEn: Readonly<Catalogue> = {
  ...answerMessagesEn,
  ...definitionMessagesEn,
  ...fileMessagesEn,
};

const catalogues: Readonly<Record<Lang, Readonly<Catalogue>>> = { en: diagnosticMessagesEn, id: diagnosticMessagesId };

const entryFor = (code: string | undefined, lang: Lang) =>
  code === undefined
    ? undefined
    : Object.hasOwn(catalogues[lang], code)
      ? catalogues[lang][code]
      : Object.hasOwn(diagnosticMessagesEn, code)
        ? diagnosticMessagesEn[code]
        : undefined;

/** A diagnostic as said: its message, and its hint when there is one. */
type Said<D> = D & { message: string; hint?: string };

type Localizable = Pick<Diagnostic, "code" | "params" | "message" | "hint"> & Partial<Pick<Diagnostic, "severity">>;

/**
 * The diagnostic with its message and hint in `lang`, from the catalogues by code; a diagnostic
 * no catalogue says keeps its own English text.
 */
export function localizeDiagnostic<D extends Localizable>(d: D, lang: Lang): Said<D> {
  const entry = entryFor(d.code, lang);
  if (!entry) return { ...d, message: d.message ?? d.code ?? "" };
  const params = d.params ?? {};
  const hint = entry.hint?.(params, d.severity);
  const { hint: _own, ...rest } = d;
  return { ...rest, message: entry.message(params, d.severity), ...(hint ? { hint } : {}) } as Said<D>;
}

/** The words around a diagnostic. */
export const diagnosticWords: Readonly<Record<Lang, { error: string; warning: string; hint: string; note: string }>> = {
  en: { error: "error", warning: "warning", hint: "hint", note: "note" },
  id: { error: "kesalahan", warning: "peringatan", hint: "petunjuk", note: "catatan" },
};

/** Errors that end a command (main prints them), in Indonesian by code; English is the error's own message. */
const errorsId: Catalogue = {
  "out.folder-missing": {
    message: (p) => `--out ${p.out}: folder ${p.folder} tidak ada`,
    hint: () => "buat foldernya dulu, atau tulis ke folder yang sudah ada",
  },
  "out.is-folder": { message: (p) => `--out ${p.out}: ini folder, seharusnya nama berkas` },
  "save.cannot-read": { message: (p) => `${p.file} tidak dapat dibaca sebelum disimpan (${p.reason})` },
  "save.changed-elsewhere": {
    message: (p) => `${p.file} diubah oleh program lain selama fill berjalan; berkas itu tidak ditimpa`,
    hint: () =>
      "jawaban terakhir Anda belum tersimpan; jalankan kuesioner fill lagi untuk melanjutkan dari berkas sebagaimana adanya sekarang",
  },
  "save.failed": {
    message: (p) =>
      `${p.file} tidak dapat disimpan: ${SAVE_REASONS[String(p.reason)] ?? p.reason}${p.kept ? "; isi berkas sebelumnya tetap utuh" : ""}`,
  },
  "fill.questionnaire-mismatch": {
    message: (p) => `${p.file} dimulai dengan kuesioner "${p.recorded}", bukan "${p.given}"`,
    hint: () => "hilangkan argumen kuesioner untuk melanjutkan berkas ini, atau berikan --out yang lain",
  },
  "out.cannot-write": { message: (p) => `--out ${p.out}: berkas tidak dapat ditulis (${p.reason})` },
  "option.profile-unknown": {
    message: (p) => `--profile ${p.profile}: kuesioner "${p.questionnaire}" tidak memiliki profil itu`,
    hint: (p) => `${p.guess ? `maksud Anda "${p.guess}"? ` : ""}profil: ${list(p.known)}`,
  },
  "audit.cannot-read": { message: (p) => `${p.file} tidak dapat dibaca (${p.reason})` },
  "audit.not-regular": {
    message: (p) =>
      `${p.file} tidak dapat dibaca: ${Object.hasOwn(LOG_KINDS, String(p.kind)) ? LOG_KINDS[String(p.kind)] : LOG_KINDS.device}, seharusnya catatan riwayat (berkas teks)`,
  },
  "audit.too-large": {
    message: (p) => `${p.file} lebih besar dari ${p.limit} MiB: terlalu besar untuk catatan riwayat`,
    hint: () => "pindahkan berkas itu (jawaban tidak tersimpan di dalamnya), kuesioner akan memulai catatan baru",
  },
  "audit.cannot-record": {
    message: (p) => `perubahan tidak dapat dicatat di ${p.file} (${p.reason}); berkas jawaban tidak diubah`,
  },
  "survey.into-folder-missing": { message: (p) => `--into ${p.file}: folder ${p.folder} tidak ada` },
  "survey.into-is-folder": { message: (p) => `--into ${p.file}: ini folder, seharusnya berkas jawaban` },
  "survey.into-invalid": {
    message: (p) => `--into ${p.file}: bukan berkas jawaban yang sah; tidak ada yang diimpor`,
  },
  "survey.into-questionnaire-invalid": {
    message: (p) => `--into ${p.file}: kuesionernya tidak dapat dimuat; tidak ada yang diimpor`,
  },
  "survey.into-questionnaire-mismatch": {
    message: (p) => `--questionnaire ${p.given}: ${p.file} adalah berkas untuk kuesioner ${p.recorded}`,
    hint: () => "hilangkan --questionnaire: berkas jawaban menyebut kuesionernya sendiri",
  },
  "survey.map-invalid": {
    message: (p) => `--map ${p.file}: bukan berkas peta kolom yang sah; tidak ada yang diimpor`,
  },
  "survey.questionnaire-invalid": {
    message: (p) => `kuesioner ${p.ref} tidak sah:\n${p.diagnostics}`,
    hint: () => "jalankan kuesioner validate padanya",
  },
  "option.fail-under-above-scale": {
    message: (p) =>
      `--fail-under ${p.limit}: di atas skala kuesioner "${p.questionnaire}" (${p.min}–${p.max}), jadi setiap hasil akan gagal`,
    hint: (p) => `berikan nilai antara ${p.min} dan ${p.max}`,
  },
};

for (const code of optionProblemCodes) errorsId[code] = { message: (p) => optionProblem(code, String(p.option), "id") };

/** What a history log is when it is not a file (src/io/audit-log.ts). */
const LOG_KINDS: Record<string, string> = {
  folder: "ini folder",
  fifo: "ini pipa bernama (FIFO)",
  socket: "ini soket",
  device: "ini perangkat",
};

const SAVE_REASONS: Record<string, string> = {
  ENOENT: "foldernya tidak ada",
  EACCES: "izin ditolak",
  EPERM: "izin ditolak",
  ENOSPC: "disk penuh",
};

/** An error's message and hint in `lang`. */
export function localizeError(
  error: { message: string; hint?: string | undefined; code?: string | undefined; params?: Diagnostic["params"] },
  lang: Lang,
): { message: string; hint?: string } {
  const entry = lang === "id" && error.code !== undefined ? errorsId[error.code] : undefined;
  if (!entry) return { message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  const hint = entry.hint?.(error.params ?? {});
  return { message: entry.message(error.params ?? {}), ...(hint ? { hint } : {}) };
}
