import { describe, expect, it } from "vitest";
import { repoRoot } from "../reference/reference-data.js";
import { runKuesioner } from "../commands/score/score-harness.js";

/**
 * commander's own usage errors in Indonesian. Each case provokes one of commander's messages;
 * src/text/commander-messages.ts recognises them by their wording, so a commander upgrade that
 * rewords one fails here (commander's version is pinned exactly in package.json).
 */
const cases: [string[], string, string][] = [
  [
    ["score", "--formt", "json", "x.yaml"],
    "error: unknown option '--formt'\n(Did you mean --format?)",
    "kesalahan: opsi '--formt' tidak dikenal\n(Maksud Anda --format?)",
  ],
  [
    ["scor", "x.yaml"],
    "error: unknown command 'scor'\n(Did you mean score?)",
    "kesalahan: perintah 'scor' tidak dikenal\n(Maksud Anda score?)",
  ],
  [["validate"], "error: missing required argument 'files'", "kesalahan: argumen wajib 'files' tidak diberikan"],
  [
    ["score", "x.yaml", "--out"],
    "error: option '--out <file>' argument missing",
    "kesalahan: opsi '--out <file>' memerlukan nilai",
  ],
  [
    ["survey", "template"],
    "error: required option '--out <file>' not specified",
    "kesalahan: opsi wajib '--out <file>' tidak diberikan",
  ],
  [
    ["validate", "x.yaml", "--format", "xml"],
    "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, github.",
    "kesalahan: nilai 'xml' untuk opsi '--format <format>' tidak sah. Pilihan yang diizinkan: text, json, github.",
  ],
  [
    ["show", "smart-city-2023", "extra"],
    "error: too many arguments for 'show'. Expected 1 argument but got 2.",
    "kesalahan: terlalu banyak argumen untuk 'show': seharusnya 1, diberikan 2.",
  ],
  [
    ["survey", "imprt"],
    "error: unknown command 'imprt'\n(Did you mean import?)",
    "kesalahan: perintah 'imprt' tidak dikenal\n(Maksud Anda import?)",
  ],
];

describe("commander's usage errors", () => {
  it.each(cases)("%j in English and in Indonesian, exit 2", async (argv, en, id) => {
    const english = await runKuesioner([...argv], repoRoot, { env: { KUESIONER_LANG: "en" } });
    expect(english).toMatchObject({ code: 2, stdout: "", stderr: `${en}\n` });
    const indonesian = await runKuesioner([...argv], repoRoot, { env: { KUESIONER_LANG: "id" } });
    expect(indonesian).toMatchObject({ code: 2, stdout: "", stderr: `${id}\n` });
  });
});
