import type { Lang } from "../model/common.js";

/**
 * commander's own usage errors (unknown option or command, missing argument, bad choice, too
 * many arguments, "did you mean") in Indonesian. commander writes them in English through
 * `outputError`; each of its messages is matched here by its fixed wording (commander's version
 * is pinned exactly, and test/text/commander-messages.test.ts provokes every one of them, so an
 * upgrade that rewords one fails there). A message not recognised stays as commander wrote it.
 */
const RULES: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^error: unknown option '(.*)'$/, (o) => `opsi '${o}' tidak dikenal`],
  [/^error: unknown command '(.*)'$/, (c) => `perintah '${c}' tidak dikenal`],
  [/^error: missing required argument '(.*)'$/, (a) => `argumen wajib '${a}' tidak diberikan`],
  [/^error: option '(.*)' argument missing$/, (o) => `opsi '${o}' memerlukan nilai`],
  [/^error: required option '(.*)' not specified$/, (o) => `opsi wajib '${o}' tidak diberikan`],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (o, v, choices) => `nilai '${v}' untuk opsi '${o}' tidak sah. Pilihan yang diizinkan: ${choices}.`,
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/,
    (v, a, choices) => `nilai '${v}' untuk argumen '${a}' tidak sah. Pilihan yang diizinkan: ${choices}.`,
  ],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (command, expected, got) =>
      `terlalu banyak argumen${command ? ` untuk '${command}'` : ""}: seharusnya ${expected}, diberikan ${got}.`,
  ],
  [
    /^error: option '(.*)' cannot be used with option '(.*)'$/,
    (a, b) => `opsi '${a}' tidak dapat dipakai bersama opsi '${b}'`,
  ],
  [/^\(Did you mean one of (.*)\?\)$/, (list) => `(Maksud Anda salah satu dari ${list}?)`],
  [/^\(Did you mean (.*)\?\)$/, (one) => `(Maksud Anda ${one}?)`],
];

/** One line of commander's error output in `lang`; `error:` becomes the language's word for it. */
function localizeLine(line: string, error: string): string {
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(line);
    if (m) {
      const text = say(...m.slice(1).map((g) => g ?? ""));
      return line.startsWith("error: ") ? `${error}: ${text}` : text;
    }
  }
  return line;
}

/** commander's error text (one or more lines) in `lang`. */
export function localizeCommanderError(text: string, lang: Lang, error: string): string {
  if (lang === "en") return text;
  return text
    .split("\n")
    .map((line) => localizeLine(line, error))
    .join("\n");
}
