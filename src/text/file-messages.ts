import type { Lang } from "../model/common.js";
import { type Catalogue, foundId, type Params } from "./message-parts.js";
import { formatDecimal } from "./format.js";

/**
 * Diagnostics about reading a file in Indonesian, by code: the file itself (`file.*`), its YAML
 * (`yaml.*`, src/io/yaml-errors.ts and yaml-check.ts), the data it expands to (`data.*`), what
 * kind of document it is, and the answer file's questionnaire. The English text is each
 * diagnostic's own message.
 */

/** The yaml library's error codes (its `code`), said in Indonesian. */
const YAML_CODES: Record<string, string> = {
  ALIAS_PROPS: "alias tidak boleh memiliki tag atau anchor",
  BAD_ALIAS: "alias tidak sah",
  BAD_DIRECTIVE: "direktif YAML tidak sah",
  BAD_DQ_ESCAPE: "escape tidak sah dalam teks berkutip ganda",
  BAD_INDENT: "indentasi tidak sesuai",
  BAD_PROP_ORDER: "urutan anchor dan tag tidak sah",
  BAD_SCALAR_START: "nilai diawali karakter yang tidak boleh",
  BLOCK_AS_IMPLICIT_KEY: "pemetaan bersarang tidak boleh berada dalam pemetaan ringkas",
  BLOCK_IN_FLOW: "blok tidak boleh berada di dalam [ … ] atau { … }",
  IMPOSSIBLE: "dokumen tidak dapat diurai",
  KEY_OVER_1024_CHARS: "kunci lebih panjang dari 1024 karakter",
  MISSING_CHAR: "sebuah karakter yang diperlukan tidak ada",
  MULTILINE_IMPLICIT_KEY: "kunci tanpa tanda kutip tidak boleh lebih dari satu baris",
  MULTIPLE_ANCHORS: "satu node memiliki lebih dari satu anchor",
  MULTIPLE_TAGS: "satu node memiliki lebih dari satu tag",
  NON_STRING_KEY: "kunci bukan teks",
  TAG_RESOLVE_FAILED: "tag tidak dapat diuraikan",
  UNEXPECTED_TOKEN: "token tidak terduga",
  BAD_COLLECTION_TYPE: "jenis koleksi tidak sesuai dengan tag-nya",
};

const YAML_HINTS: Record<string, string> = {
  "multiline-key":
    'periksa apakah ": " setelah kunci terlewat (tulis "max: 4", bukan "max:4"), atau ada baris yang menjorok berbeda dari baris di sekitarnya',
  "unclosed-flow":
    "daftar [ atau pemetaan { yang dibuka di atas belum ditutup, atau ada baris di dalamnya yang kurang menjorok dibanding kuncinya",
  indent: "butir-butir satu pemetaan atau daftar dimulai pada kolom yang sama; butir bersarang menjorok lebih jauh",
  "compact-mapping": 'nilai yang berisi ": " harus diberi tanda kutip, mis. title: "Smart City: Kota"',
  "indent-line": "periksa indentasi baris ini dan baris di atasnya",
  "quote-special":
    "beri tanda kutip pada nilai yang berisi tanda kutip atau karakter khusus; di dalam '…' tulis '' untuk satu tanda kutip",
  "scalar-start": "nilai yang diawali @, `, %, | atau > harus diberi tanda kutip",
};

/** The parser's "unexpected … token …: ":"" ends with the token it met: kept, as it is the file's text. */
const token = (detail: unknown) => /: ("[^"]*")$/.exec(String(detail))?.[1];

const syntax = (text: string, severity?: string) => `${severity === "warning" ? "YAML" : "sintaks YAML"}: ${text}`;

const ALIAS_HINT = "tulis nilainya satu per satu, jangan memakai ulang anchor (&) lewat banyak alias (*)";
const RIGHT_FILE = "kuesioner dan berkas jawaban adalah berkas teks kecil; benarkah ini berkasnya?";

const SPECIAL_FILES: Record<string, string> = {
  fifo: "berupa named pipe (FIFO)",
  socket: "berupa socket",
  device: "berupa perangkat (device)",
  other: "bukan berkas biasa",
};

const thousands = (value: unknown) => (typeof value === "number" ? value.toLocaleString("id-ID") : String(value));

function omittedCounts(p: Params): string {
  const errors = Number(p.errors);
  const warnings = Number(p.warnings);
  return [errors ? `${thousands(errors)} kesalahan` : "", warnings ? `${thousands(warnings)} peringatan` : ""]
    .filter(Boolean)
    .join(", ");
}

export const fileMessagesId: Catalogue = {
  "file.not-found": {
    message: () => "berkas tidak ditemukan",
    hint: () => "periksa path-nya dan folder kerja saat ini",
  },
  "file.permission-denied": { message: () => "izin membaca ditolak" },
  "file.is-directory": {
    message: () => "ini folder, seharusnya berkas YAML atau JSON",
    hint: () => "berikan berkas di dalamnya, mis. folder/*.yaml",
  },
  "file.not-regular": {
    message: (p) => `${specialFileWords(p.kind, "id")}, seharusnya berkas YAML atau JSON`,
    hint: () => "kuesioner hanya membaca berkas biasa; simpan datanya ke sebuah berkas terlebih dahulu",
  },
  "file.unreadable": { message: (p) => `berkas tidak dapat dibaca (${p.reason})` },
  "file.too-large": {
    message: (p) =>
      `berkas berukuran ${p.atLeast ? "lebih dari " : ""}${formatDecimal(String(p.size), "id")}, melebihi batas ${formatDecimal(String(p.limit), "id")}`,
    hint: () => RIGHT_FILE,
  },
  "file.binary": { message: () => "berkas biner (berisi byte NUL), seharusnya teks YAML atau JSON" },
  "file.not-utf8": { message: () => "berkas bukan teks UTF-8 yang sah", hint: () => "simpan sebagai UTF-8" },
  "file.empty": { message: () => "berkas kosong" },
  "input.folder-empty": { message: () => "tidak ada berkas jawaban (*.yaml, *.yml, *.json) di folder ini" },
  "input.pattern-no-match": {
    message: () => "tidak ada berkas yang cocok dengan pola ini",
    hint: () => "pola dicocokkan oleh kuesioner: beri tanda kutip agar shell meneruskannya tanpa diubah",
  },
  "input.questionnaire-not-answers": {
    message: () => "ini kuesioner, bukan berkas jawaban",
    hint: () => "score menerima berkas jawaban; untuk memeriksa kuesioner, jalankan kuesioner validate padanya",
  },
  "input.not-answers": {
    message: () => "bukan berkas jawaban (tidak ada kunci questionnaire: atau answers:)",
    hint: () => "berkas jawaban menyebut questionnaire:-nya dan berisi answers:",
  },

  "yaml.syntax": {
    message: (p, severity) => {
      const code = String(p.yamlCode);
      const said = Object.hasOwn(YAML_CODES, code) ? YAML_CODES[code]! : "penulisan tidak sah";
      const met = code === "UNEXPECTED_TOKEN" ? token(p.detail) : undefined;
      return syntax(met ? `${said}: ${met}` : said, severity);
    },
    hint: (p) => (Object.hasOwn(YAML_HINTS, String(p.hintKind)) ? YAML_HINTS[String(p.hintKind)]! : ""),
  },
  "yaml.duplicate-key": {
    message: (p) =>
      `sintaks YAML: kunci "${p.key}" ganda${p.firstLine !== undefined ? ` (pertama di baris ${p.firstLine})` : ""}`,
    hint: () => "satu kunci hanya boleh muncul sekali dalam satu pemetaan: hapus salah satunya atau gabungkan",
  },
  "yaml.tab-indent": {
    message: (_, severity) => syntax("karakter tab dipakai untuk indentasi", severity),
    hint: () => "YAML hanya memakai spasi untuk indentasi: ganti tab dengan spasi",
  },
  "yaml.several-documents": {
    message: (_, severity) => syntax('berkas berisi lebih dari satu dokumen YAML ("---" kedua)', severity),
    hint: () => "simpan satu kuesioner atau berkas jawaban per berkas",
  },
  "yaml.unclosed-quote": {
    message: (p, severity) =>
      syntax(
        `tanda kutip penutup ${p.quote} tidak ada: nilai berkutip yang dimulai di sini tidak pernah ditutup`,
        severity,
      ),
    hint: (p) =>
      `parser mencari ${p.quote} penutup sampai baris ${p.line}, kolom ${p.column}; tutup di baris ini, atau kutip nilainya dengan tanda kutip yang lain`,
  },
  "yaml.missing-colon": {
    message: (_, severity) => syntax("kunci tanpa nilai: titik dua tidak ada", severity),
    hint: () => 'tulis "kunci: nilai"; butir daftar diawali "- "',
  },
  "yaml.too-deep": { message: (_, severity) => syntax("dokumen bersarang terlalu dalam untuk dibaca", severity) },
  "yaml.tag-unsupported": {
    message: (p) => `tag YAML ${p.tag} tidak didukung`,
    hint: () => "hapus tag itu: berkas kuesioner hanya berisi teks biasa, angka, daftar dan pemetaan",
  },
  "yaml.collection-key": {
    message: (p) => `YAML: sebuah ${p.kind === "mapping" ? "pemetaan" : "daftar"} dipakai sebagai kunci`,
    hint: () => 'kunci berupa teks biasa seperti "title"; periksa ":" yang terlewat atau "?" yang salah tempat',
  },
  "yaml.alias-cycle": {
    message: () => "alias YAML (*) merujuk ke node yang memuatnya sendiri, sehingga datanya tidak pernah berakhir",
    hint: () => "alias hanya boleh mengulang node yang didefinisikan sebelumnya dan di luarnya",
  },
  "yaml.alias-bomb": {
    message: () => "terlalu banyak perluasan alias YAML (berkas mengembang menjadi dokumen yang sangat besar)",
    hint: () => ALIAS_HINT,
  },
  "yaml.alias-undefined": {
    message: (p) => `alias YAML *${p.alias} tidak memiliki anchor &${p.alias} sebelumnya`,
    hint: () => "definisikan anchor (&nama) sebelum alias (*nama) yang mengulangnya",
  },
  "yaml.unreadable": { message: () => "YAML tidak dapat dibaca" },
  "data.too-deep": {
    message: (p) => `data bersarang lebih dari ${p.limit} tingkat`,
    hint: () => "kuesioner dan berkas jawaban hanya bersarang beberapa tingkat; benarkah ini berkasnya?",
  },
  "data.too-many-nodes": {
    message: (p) => `berkas berisi lebih dari ${thousands(p.limit)} kunci dan nilai; pemeriksaan berhenti di sini`,
    hint: () =>
      "kuesioner dan berkas jawaban yang nyata berisi beberapa ribu; benarkah ini berkasnya, dan bukan keluaran program yang berulang?",
  },
  "data.too-many-values": {
    message: (p) => `dokumen mengembang menjadi lebih dari ${thousands(p.limit)} nilai (alias YAML mengulang node)`,
    hint: () => ALIAS_HINT,
  },
  "document.not-mapping": {
    message: (p) =>
      `seharusnya pemetaan di tingkat teratas (kuesioner atau berkas jawaban), ditemukan ${foundId(p.found)}`,
  },
  "document.kind-unknown": {
    message: () => "tidak dapat dipastikan apakah ini kuesioner atau berkas jawaban",
    hint: () =>
      'kuesioner memiliki daftar "elements" di tingkat teratas; berkas jawaban menyebut "questionnaire"-nya dan memiliki "answers"',
  },
  "answers.questionnaire-invalid": {
    message: (p) => `kuesioner "${p.ref}" tidak sah`,
    hint: () => "jalankan kuesioner validate pada kuesioner itu",
  },
  "answers.questionnaire-changed": {
    message: (p) =>
      `kuesioner "${p.ref}" berubah sejak berkas ini dimulai (sha256 tercatat ${p.recorded}…, sekarang ${p.now}…)`,
    hint: () => "jalankan kuesioner fill pada berkas ini untuk meninjau perubahannya",
  },
  "answers.questionnaire-ref-unsafe": {
    message: () => "rujukan kuesioner harus satu baris tanpa karakter kendali",
  },
  "previous.not-a-result": {
    message: () => "bukan berkas jawaban maupun hasil yang ditulis oleh kuesioner score --format json",
    hint: () => "berikan berkas jawaban tahun lalu, atau JSON yang ditulis score untuknya",
  },
  "diagnostics.omitted": {
    message: (p) => `dan ${thousands(p.count)} masalah lagi mulai dari sini (${omittedCounts(p)}), tidak ditampilkan`,
    hint: (p) =>
      `hanya ${thousands(p.limit)} masalah pertama sebuah berkas yang ditampilkan; perbaiki itu dulu, sering kali itulah penyebab sisanya`,
  },
};

const SPECIAL_FILES_EN: Record<string, string> = {
  fifo: "is a named pipe (FIFO)",
  socket: "is a socket",
  device: "is a device",
  other: "is not a regular file",
};

/** What a path is when it is not a regular file (src/io/source.ts's kinds): "is a named pipe (FIFO)". */
export function specialFileWords(kind: unknown, lang: Lang): string {
  const words = lang === "id" ? SPECIAL_FILES : SPECIAL_FILES_EN;
  return Object.hasOwn(words, String(kind)) ? words[String(kind)]! : words.other!;
}

/** The problems of reading a file (src/io/source.ts) in English; they carry no text of their own. */
export const fileMessagesEn: Catalogue = {
  "file.not-found": { message: () => "file not found", hint: () => "check the path and the current directory" },
  "file.permission-denied": { message: () => "permission denied" },
  "file.is-directory": {
    message: () => "is a directory, expected a YAML or JSON file",
    hint: () => "give the files in it, e.g. folder/*.yaml",
  },
  "file.not-regular": {
    message: (p) => `${specialFileWords(p.kind, "en")}, expected a YAML or JSON file`,
    hint: () => "kuesioner reads regular files only; save the data to a file first",
  },
  "file.unreadable": { message: (p) => `cannot read the file (${p.reason})` },
  "file.too-large": {
    message: (p) => `file is ${p.atLeast ? "more than " : ""}${p.size}, larger than the ${p.limit} limit`,
    hint: () => "questionnaires and answer files are small text files; is this the right file?",
  },
  "file.binary": { message: () => "file is binary (contains NUL bytes), expected YAML or JSON text" },
  "file.not-utf8": { message: () => "file is not valid UTF-8 text", hint: () => "save it as UTF-8" },
  "file.empty": { message: () => "file is empty" },
  "yaml.alias-cycle": {
    message: () => "a YAML alias (*) refers to a node that contains it, so the data never ends",
    hint: () => "an alias may only repeat a node defined before and outside it",
  },
  "data.too-deep": {
    message: (p) => `the data is nested more than ${p.limit} levels deep`,
    hint: () => "questionnaires and answer files nest a few levels; is this the right file?",
  },
  "data.too-many-nodes": {
    message: (p) =>
      `the file holds more than ${Number(p.limit).toLocaleString("en")} keys and values; checking stops here`,
    hint: () =>
      "real questionnaires and answer files hold a few thousand; is this the right file, and not a program's runaway output?",
  },
  "data.too-many-values": {
    message: (p) =>
      `the document expands to more than ${Number(p.limit).toLocaleString("en")} values (YAML aliases repeat nodes)`,
    hint: () => ALIAS_HINT_EN,
  },
  "yaml.alias-bomb": {
    message: () => "too many YAML alias expansions (the file expands to an enormous document)",
    hint: () => ALIAS_HINT_EN,
  },
  "yaml.alias-undefined": {
    message: (p) => `YAML alias *${p.alias} has no anchor &${p.alias} before it`,
    hint: () => "define the anchor (&name) before the alias (*name) that repeats it",
  },
  "yaml.unreadable": { message: (p) => `cannot read the YAML: ${p.detail}` },
};

const ALIAS_HINT_EN = "write the values out instead of reusing anchors (&) through many aliases (*)";
