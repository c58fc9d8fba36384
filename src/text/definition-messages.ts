import {
  type Catalogue,
  expectedId,
  foundId,
  guessId,
  joinOrId,
  kindId,
  knownId,
  list,
  num,
  type Params,
} from "./message-parts.js";

/**
 * Questionnaire-definition diagnostics in Indonesian, by code: the shape check
 * (src/model/zod-issues.ts, `schema.*`) and the rules (src/model/questionnaire-rules.ts,
 * `questionnaire.*`); definition-messages-en.ts says them in English.
 */

const TYPE_HINTS: Record<string, (p: Params) => string> = {
  "unquote-number": (p) => `tulis angka tanpa tanda kutip: ${p.number}, bukan "${p.written}"`,
  bilingual: (p) => `tulis teksnya dalam dua bahasa: { id: ${p.text}, en: "…" }`,
  "quote-text": () => "beri tanda kutip, agar YAML membacanya sebagai teks",
  "empty-value": () => "nilainya kosong: tulis nilainya setelah titik dua, atau hapus kuncinya",
  "list-items": () => 'tulis setiap butir daftar di barisnya sendiri, diawali "- "',
};
const typeHint = (p: Params) => {
  const kind = String(p.hintKind);
  return Object.hasOwn(TYPE_HINTS, kind) ? TYPE_HINTS[kind]!(p) : guessId(p);
};

const ID_FORMAT = 'seharusnya id huruf kecil kebab-case seperti "quick-win"';
const slugHint = (p: Params) => (p.slug ? `coba "${p.slug}"` : "");

/** Why a map key is refused (schema.invalid-key's `reason`). */
const KEY_REASONS: Record<string, string> = {
  "schema.id-format": ID_FORMAT,
  "schema.level-key": "kunci tingkat adalah bilangan bulat pada skala",
  "schema.count-key": "kunci jumlah adalah tingkat pada skala",
  "schema.hex": "seharusnya digit heksadesimal",
};

const BOUNDS: Record<string, string> = {
  "at-least": "paling sedikit",
  "greater-than": "lebih dari",
  "at-most": "paling banyak",
  "less-than": "kurang dari",
};

/** The `what` of duplicate ids and level maps. */
const THINGS: Record<string, string> = {
  element: "elemen",
  pillar: "pilar",
  profile: "profil",
  "sub-dimension": "subdimensi",
  indicator: "indikator",
  "level descriptor": "deskripsi tingkat",
  "survey label": "label survei",
};
const thing = (what: unknown) => (Object.hasOwn(THINGS, String(what)) ? THINGS[String(what)]! : String(what));
const scale = (p: Params) => `${num(p.min)}–${num(p.max)}`;
const found = (p: Params) => (p.found !== undefined ? `, ditemukan ${foundId(p.found)}` : "");

export const definitionMessagesId: Catalogue = {
  "schema.unknown-key": {
    message: (p) => `kunci "${p.key}" tidak dikenal`,
    hint: (p) =>
      p.hintKind === "merge"
        ? "kunci merge YAML (<<: *anchor) tidak didukung; tulis kuncinya satu per satu"
        : p.hintKind === "spelling"
          ? "periksa ejaannya; huruf besar dan kecil dibedakan (lihat docs/questionnaire-format.md)"
          : p.guess
            ? guessId(p)
            : `kunci yang diizinkan di sini: ${list(p.allowed)}`,
  },
  "schema.missing-key": {
    message: (p) =>
      `kunci wajib "${p.key}" tidak ada${
        p.options !== undefined
          ? ` (salah satu dari ${joinOrId(Array.isArray(p.options) ? p.options : [])})`
          : p.expected !== undefined
            ? ` (${expectedId(p.expected)})`
            : ""
      }`,
  },
  "schema.invalid-choice": {
    message: (p) =>
      `${p.key} ${p.value ?? foundId(p.found)} tidak sah: seharusnya salah satu dari ${joinOrId(Array.isArray(p.options) ? p.options : [])}`,
    hint: guessId,
  },
  "schema.wrong-type": { message: (p) => `seharusnya ${expectedId(p.expected)}${found(p)}`, hint: typeHint },
  "schema.invalid-key": {
    message: (p) =>
      `kunci "${p.key}" tidak sah: ${
        p.reason !== undefined && Object.hasOwn(KEY_REASONS, String(p.reason))
          ? KEY_REASONS[String(p.reason)]
          : "tidak diizinkan"
      }`,
    hint: slugHint,
  },
  "schema.invalid-value": {
    message: (p) => {
      const options = Array.isArray(p.options) ? p.options : [];
      return `seharusnya ${options.length === 1 ? options[0] : `salah satu dari ${joinOrId(options)}`}${found(p)}`;
    },
    hint: guessId,
  },
  "schema.too-few-items": {
    message: (p) => `seharusnya paling sedikit ${p.bound} butir, ditemukan ${p.count ?? foundId(p.found)}`,
  },
  "schema.too-many-items": {
    message: (p) => `seharusnya paling banyak ${p.bound} butir, ditemukan ${p.count ?? foundId(p.found)}`,
  },
  "schema.empty-text": { message: () => "seharusnya teks yang tidak kosong" },
  "schema.text-too-short": { message: (p) => `seharusnya paling sedikit ${p.bound} karakter` },
  "schema.text-too-long": { message: (p) => `seharusnya paling banyak ${p.bound} karakter` },
  "schema.number-bound": {
    message: (p) => `seharusnya angka ${BOUNDS[String(p.op)] ?? p.op} ${num(p.bound)}${found(p)}`,
  },
  "schema.invalid-format": { message: (p) => `seharusnya berformat ${p.format}${found(p)}` },
  "schema.id-format": { message: (p) => `${ID_FORMAT}${found(p)}`, hint: slugHint },
  "schema.text-no-language": { message: () => "seharusnya teks dalam bahasa Indonesia (id) atau Inggris (en)" },
  "schema.scale-inverted": { message: () => "scale.max harus lebih besar dari scale.min" },
  "schema.element-no-questions": { message: () => "sebuah elemen memerlukan minimal satu pertanyaan" },
  "schema.questionnaire-no-elements": { message: () => "kuesioner memerlukan minimal satu elemen" },
  "schema.questionnaire-no-profiles": { message: () => "kuesioner memerlukan minimal satu profil bobot" },
  "schema.level-key": { message: (p) => `${KEY_REASONS["schema.level-key"]}${found(p)}` },
  "schema.count-key": { message: (p) => `${KEY_REASONS["schema.count-key"]}${found(p)}` },
  "schema.hex": { message: (p) => `${KEY_REASONS["schema.hex"]}${found(p)}` },
  "schema.other": { message: (p) => `nilai tidak sah${found(p)}` },

  "questionnaire.scale-too-wide": {
    message: (p) => `skala ${scale(p)} memiliki ${p.levels} tingkat, lebih dari ${p.limit}`,
    hint: () => "jawaban adalah tingkat pada skala, seperti 0–4 atau 1–5",
  },
  "questionnaire.duplicate-question": {
    message: (p) =>
      `id pertanyaan "${p.id}" ganda: pertanyaan ${p.position} pada elemen "${p.element}" juga memakainya`,
    hint: () => "id pertanyaan harus unik di seluruh kuesioner: berkas jawaban merujuk kepadanya",
  },
  "questionnaire.duplicate-id": {
    message: (p) => `id ${thing(p.what)} "${p.id}" ganda: ${thing(p.what)} ke-${p.first} juga memakainya`,
  },
  "questionnaire.unknown-pillar": {
    message: (p) => `pilar "${p.pillar}" tidak dikenal`,
    hint: (p) => knownId("pilar", p),
  },
  "questionnaire.unknown-subdimension": {
    message: (p) => `pilar "${p.pillar}" tidak memiliki subdimensi "${p.subdimension}"`,
    hint: (p) => knownId("subdimensi", p),
  },
  "questionnaire.subdimension-without-pillar": {
    message: () => "subdimensi memerlukan pilar",
    hint: () => "tambahkan pilar tempat subdimensi itu berada",
  },
  "questionnaire.unknown-indicator": {
    message: (p) => `elemen "${p.element}" tidak memiliki indikator "${p.indicator}"`,
    hint: (p) => knownId("indikator", p),
  },
  "questionnaire.unknown-element": {
    message: (p) => `elemen "${p.element}" tidak dikenal`,
    hint: (p) => knownId("elemen", p),
  },
  "questionnaire.weights-sum": {
    message: (p) => `bobot profil "${p.profile}" berjumlah ${num(p.total)}, seharusnya 100`,
    hint: (p) => (p.terms !== undefined ? `${p.terms} = ${num(p.total)}` : "berikan bobot setiap elemen dalam persen"),
  },
  "questionnaire.unknown-default-profile": {
    message: (p) => `profil "${p.profile}" tidak dikenal`,
    hint: (p) => knownId("profil", p),
  },
  "questionnaire.element-unweighted": {
    message: (p) => `elemen "${p.element}" tidak berbobot di profil mana pun, sehingga tidak pernah dihitung`,
    hint: () => "tambahkan elemen itu ke bobot sebuah profil",
  },
  "questionnaire.band-outside-scale": {
    message: (p) => `batas bawah predikat ${num(p.min)} di luar skala ${num(p.scaleMin)}–${num(p.scaleMax)}`,
  },
  "questionnaire.bands-same-start": {
    message: (p) => `dua predikat dimulai dari ${num(p.min)} (predikat ke-${p.first} dan ke-${p.second})`,
  },
  "questionnaire.bands-no-minimum": {
    message: (p) =>
      `tidak ada predikat yang dimulai dari nilai minimum skala ${num(p.min)}, sehingga total yang rendah tidak mendapat predikat`,
  },
  "questionnaire.level-outside-scale": {
    message: (p) => `${thing(p.what)} untuk ${p.level}, yang berada di luar skala ${scale(p)}`,
  },
  "questionnaire.level-key-form": {
    message: (p) => `kunci ${thing(p.what)} "${p.key}" seharusnya ditulis ${p.level}`,
  },
  "questionnaire.levels-missing": {
    message: (p) =>
      `seharusnya ${p.count} ${thing(p.what)} (${list(p.levels)}), ditemukan ${p.found}; yang belum ada: ${list(p.missing)}`,
    hint: (p) =>
      p.what === "survey label"
        ? "jelaskan arti setiap tingkat skala bagi responden"
        : "jelaskan arti setiap tingkat skala untuk pertanyaan ini",
  },
  "questionnaire.range-inverted": {
    message: (p) => `range.min (${num(p.min)}) harus lebih kecil dari range.max (${num(p.max)})`,
  },
  "questionnaire.threshold-level-outside-scale": {
    message: (p) => `tingkat ambang ${p.level} di luar skala ${scale(p)}`,
  },
  "questionnaire.threshold-outside-range": {
    message: (p) => `ambang ${num(p.at)} di luar rentang sah ${scale(p)} untuk pertanyaan ${kindId(p.kind)}`,
    hint: (p) => (p.rangeHint ? "tetapkan range: { min, max } jika nilai lain juga sah" : ""),
  },
  "questionnaire.thresholds-order": {
    message: (p) =>
      p.direction === "descending"
        ? `ambang harus terus menurun (direction: descending): ${num(p.previous)} lalu ${num(p.at)}`
        : `ambang harus terus naik: ${num(p.previous)} lalu ${num(p.at)}`,
    hint: (p) =>
      p.direction === "descending"
        ? ""
        : "untuk nilai yang makin rendah makin baik, seperti angka kemiskinan, tetapkan direction: descending",
  },
  "questionnaire.threshold-levels-order": {
    message: (p) => `tingkat ambang harus naik: ${p.previous} lalu ${p.level}`,
  },
  "questionnaire.translation-missing": {
    message: (p) => (p.lang === "id" ? "teks bahasa Indonesia (id) belum ada" : "teks bahasa Inggris (en) belum ada"),
  },
};
