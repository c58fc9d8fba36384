import type { Lang } from "../model/common.js";
import { escapeText } from "./escape.js";

/** What a command found but did not read (see src/io/expand-inputs.ts), to say in one note each. */
export interface LeftOut {
  /** Found by a folder or a pattern, not named .yaml, .yml or .json. */
  notData?: readonly string[];
  /** YAML or JSON files beside a pattern's matches that its extension left out. */
  otherExtension?: readonly string[];
  /** JSON Schema files (editor help), which `validate` recognises and skips. */
  jsonSchema?: readonly string[];
}

const SHOWN = 3;
const some = (files: readonly string[]) =>
  files
    .slice(0, SHOWN)
    .map((f) => escapeText(f))
    .join(", ") + (files.length > SHOWN ? ", …" : "");

/** Why a folder's or a pattern's file was not scored (src/io/score-inputs.ts). */
export type SkippedKind = "questionnaire" | "not-answer-file";

const en = {
  note: "note",
  skipped: (file: string, kind: SkippedKind) =>
    `skipped ${file}: ${kind === "questionnaire" ? "a questionnaire, not an answer file" : "not an answer file (no questionnaire: or answers: key)"}`,
  notData: (n: number, files: string) =>
    `${n} file${n === 1 ? "" : "s"} not named *.yaml, *.yml or *.json left out: ${files}`,
  otherExtension: (n: number, files: string) =>
    `the pattern's extension leaves out ${n} YAML or JSON file${n === 1 ? "" : "s"}: ${files}; widen it (e.g. '*.y*ml') or name them`,
  jsonSchema: (n: number, files: string) =>
    `${n} JSON Schema file${n === 1 ? "" : "s"} skipped (editor help for the formats, not a questionnaire or an answer file): ${files}`,
};

const id: typeof en = {
  note: "catatan",
  skipped: (file, kind) =>
    `${file} dilewati: ${kind === "questionnaire" ? "kuesioner, bukan berkas jawaban" : "bukan berkas jawaban (tanpa kunci questionnaire: atau answers:)"}`,
  notData: (n, files) => `${n} berkas yang namanya bukan *.yaml, *.yml atau *.json tidak dibaca: ${files}`,
  otherExtension: (n, files) =>
    `ekstensi pada pola tidak mencakup ${n} berkas YAML atau JSON: ${files}; perluas polanya (mis. '*.y*ml') atau sebut berkasnya`,
  jsonSchema: (n, files) =>
    `${n} berkas JSON Schema dilewati (bantuan editor untuk format, bukan kuesioner atau berkas jawaban): ${files}`,
};

/** One `kuesioner: note: …` line per kind of file left out, none when nothing was. */
export function leftOutNotes(left: LeftOut, lang: Lang): string {
  const t = lang === "id" ? id : en;
  const lines: string[] = [];
  const say = (files: readonly string[] | undefined, text: (n: number, files: string) => string) => {
    if (files?.length) lines.push(`kuesioner: ${t.note}: ${text(files.length, some(files))}\n`);
  };
  say(left.otherExtension, t.otherExtension);
  say(left.notData, t.notData);
  say(left.jsonSchema, t.jsonSchema);
  return lines.join("");
}

/** Why a file a folder or a pattern found was skipped, as text (the caller escapes and prefixes it). */
export function skippedText(file: string, kind: SkippedKind, lang: Lang): string {
  return (lang === "id" ? id : en).skipped(file, kind);
}

/** The whole `kuesioner: note: …` line for such a file. */
export function skippedNote(file: string, kind: SkippedKind, lang: Lang): string {
  return `kuesioner: ${(lang === "id" ? id : en).note}: ${escapeText(skippedText(file, kind, lang))}\n`;
}
