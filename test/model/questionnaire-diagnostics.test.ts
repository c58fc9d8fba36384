import { describe, expect, it } from "vitest";
import { checkQuestionnaireSource } from "../../src/io/check-questionnaire.js";
import { parseYamlText } from "../../src/io/source.js";
import { formatDiagnostics, sortDiagnostics } from "../../src/text/diagnostics.js";

// Line numbers below refer to this text (line 1 is "id: t").
const BASE = `id: t
version: "1"
title: { id: Contoh, en: Example }
scale: { min: 0, max: 4 }
pillars:
  - id: governance
    title: { id: Tata kelola, en: Governance }
elements:
  - id: baseline
    title: { id: Baseline, en: Baseline }
    questions:
      - id: bl-1
        kind: level
        pillar: governance
        text: { id: Ada masterplan?, en: Is there a masterplan? }
        levels:
          0: { id: Tidak ada, en: None }
          1: { id: Draf, en: Draft }
          2: { id: Dibahas, en: Discussed }
          3: { id: Perkada, en: Regulation }
          4: { id: Perda, en: Law }
      - id: bl-2
        kind: count
        text: { id: Jumlah program, en: Programmes }
        thresholds:
          - { at: 1, level: 1 }
          - { at: 5, level: 4 }
profiles:
  - id: reguler
    title: { id: Reguler, en: Regular }
    weights: { baseline: 100 }
defaultProfile: reguler
`;

/** The text diagnostics for BASE with each [from, to] replacement applied once. */
function diagnose(...replacements: [string, string][]): string {
  let text = BASE;
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`not in the base text: ${from}`);
    text = text.replace(from, to);
  }
  const parsed = parseYamlText("q.yaml", text);
  const diagnostics = parsed.ok
    ? [...parsed.diagnostics, ...checkQuestionnaireSource(parsed.source).diagnostics]
    : parsed.diagnostics;
  return formatDiagnostics(sortDiagnostics(diagnostics));
}

describe("questionnaire diagnostics: file:line:column, path, message, hint", () => {
  it("finds nothing in the base text", () => {
    expect(diagnose()).toBe("");
  });

  it.each<[string, [string, string][], string]>([
    [
      "a wrong kind lists the kinds and guesses the intended one",
      [["kind: level", "kind: levl"]],
      'q.yaml:13:15: error: elements.0.questions.0.kind: invalid kind "levl": expected one of level, survey, count, percent or number\n  hint: did you mean "level"?\n',
    ],
    [
      "a kind that is not text",
      [["kind: count", "kind: 3"]],
      "q.yaml:23:15: error: elements.0.questions.1.kind: invalid kind 3: expected one of level, survey, count, percent or number\n",
    ],
    [
      "a missing kind points at the question's mapping",
      [["        kind: level\n", ""]],
      'q.yaml:12:9: error: elements.0.questions.0: missing required key "kind" (one of level, survey, count, percent or number)\n',
    ],
    [
      "a misspelt key suggests the allowed key, once (not also as a missing key)",
      [["title: { id: Contoh", "tittle: { id: Contoh"]],
      'q.yaml:3:1: error: tittle: unknown key "tittle"\n  hint: did you mean "title"?\n',
    ],
    [
      "an unknown key far from any lists the allowed keys of that object",
      [["        pillar: governance\n", "        pillar: governance\n        colour: red\n"]],
      'q.yaml:15:9: error: elements.0.questions.0.colour: unknown key "colour"\n  hint: allowed keys here: id, text, help, pillar, subdimension, indicator, weight, kind, levels\n',
    ],
    [
      "a key of another question kind",
      [["          - { at: 5, level: 4 }\n", "          - { at: 5, level: 4 }\n        respondents: 50\n"]],
      'q.yaml:28:9: error: elements.0.questions.1.respondents: unknown key "respondents"\n  hint: allowed keys here: id, text, help, pillar, subdimension, indicator, weight, unit, range, direction, thresholds, levels, kind\n',
    ],
    [
      "a number in quotes",
      [["max: 4 }", 'max: "4" }']],
      'q.yaml:4:23: error: scale.max: expected a whole number, found the text "4"\n  hint: write numbers without quotes: 4, not "4"\n',
    ],
    [
      "a word where a number is expected",
      [["at: 5, level: 4", "at: five, level: 4"]],
      'q.yaml:27:19: error: elements.0.questions.1.thresholds.1.at: expected a number, found the text "five"\n',
    ],
    [
      "a plain text where a bilingual one is expected",
      [["text: { id: Ada masterplan?, en: Is there a masterplan? }", "text: Ada masterplan?"]],
      'q.yaml:15:15: error: elements.0.questions.0.text: expected a bilingual text { id: …, en: … }, found the text "Ada masterplan?"\n  hint: write the text in both languages: { id: "Ada masterplan?", en: "…" }\n',
    ],
    [
      "a missing key points at its parent mapping",
      [["scale: { min: 0, max: 4 }", "scale: { min: 0 }"]],
      'q.yaml:4:8: error: scale: missing required key "max" (a whole number)\n',
    ],
    [
      "an empty value",
      [['version: "1"', "version:"]],
      "q.yaml:2:9: error: version: expected a text, found an empty value\n  hint: the value is empty: write it after the colon, or remove the key\n",
    ],
    [
      "an id that is not kebab-case suggests one",
      [["  - id: governance", "  - id: Smart Governance"]],
      'q.yaml:6:9: error: pillars.0.id: expected a lowercase kebab-case id such as "quick-win", found the text "Smart Governance"\n  hint: try "smart-governance"\n',
    ],
    [
      "a negative number of respondents",
      [
        ["kind: count", "kind: survey\n        respondents: -5"],
        ["        thresholds:\n          - { at: 1, level: 1 }\n          - { at: 5, level: 4 }\n", ""],
      ],
      "q.yaml:24:22: error: elements.0.questions.1.respondents: expected a number greater than 0, found the number -5\n",
    ],
    [
      "an empty question list",
      [["    questions:\n", "    questions: []\n    more:\n"]],
      'q.yaml:11:16: error: elements.0.questions: an element needs at least one question\nq.yaml:12:5: error: elements.0.more: unknown key "more"\n  hint: allowed keys here: id, title, description, indicators, questions\n',
    ],
    [
      "a missing level descriptor",
      [["          4: { id: Perda, en: Law }\n", ""]],
      "q.yaml:17:11: error: elements.0.questions.0.levels: expected 5 level descriptors (0, 1, 2, 3, 4), found 4; missing 4\n  hint: describe what every level of the scale means for this question\n",
    ],
    [
      "weights summing to 95",
      [["weights: { baseline: 100 }", "weights: { baseline: 95 }"]],
      'q.yaml:31:14: error: profiles.0.weights: weights of profile "reguler" sum to 95, expected 100\n  hint: baseline 95 = 95\n',
    ],
    [
      "a duplicate key, with the line of the first",
      [['version: "1"', 'version: "1"\nid: again']],
      'q.yaml:3:1: error: id: YAML syntax: duplicate key "id" (first at line 1)\n  hint: a key may appear only once in a mapping: remove one of them or merge them\n',
    ],
    [
      "a tab in the indentation, without the parser's follow-on errors",
      [["      - id: bl-2", "\t    - id: bl-2"]],
      "q.yaml:22:1: error: YAML syntax: tab character used for indentation\n  hint: YAML indents with spaces only: replace the tab with spaces\n",
    ],
    [
      "an unquoted value with a colon",
      [["title: { id: Tata kelola, en: Governance }", "title:\n      en: Smart: Governance"]],
      'q.yaml:8:11: error: YAML syntax: nested mappings are not allowed in compact mappings\n  hint: a value that contains ": " must be quoted, e.g. title: "Smart City: Kota"\n',
    ],
    [
      "a missing translation is a warning",
      [["title: { id: Contoh, en: Example }", "title: { id: Contoh }"]],
      "q.yaml:3:8: warning: title: missing English text (en)\n",
    ],
  ])("%s", (_name, replacements, expected) => {
    expect(diagnose(...replacements)).toBe(expected);
  });

  it("reports schema errors and rule errors of the rest in one run", () => {
    expect(
      diagnose(
        ["title: { id: Contoh", "tittle: { id: Contoh"],
        ["kind: count", "kind: cuont"],
        ["pillar: governance", "pillar: governanse"],
        ["weights: { baseline: 100 }", "weights: { baseline: 90, outcome: 5 }"],
      ),
    ).toBe(
      [
        'q.yaml:3:1: error: tittle: unknown key "tittle"\n  hint: did you mean "title"?',
        'q.yaml:14:17: error: elements.0.questions.0.pillar: unknown pillar "governanse"\n  hint: did you mean "governance"? known pillars: governance',
        'q.yaml:23:15: error: elements.0.questions.1.kind: invalid kind "cuont": expected one of level, survey, count, percent or number\n  hint: did you mean "count"?',
        'q.yaml:31:14: error: profiles.0.weights: weights of profile "reguler" sum to 95, expected 100\n  hint: baseline 90 + outcome 5 = 95',
        'q.yaml:31:39: error: profiles.0.weights.outcome: unknown element "outcome"\n  hint: known elements: baseline',
        "",
      ].join("\n"),
    );
  });

  it("keeps rule diagnostics at the file's positions after leaving out a broken question", () => {
    // bl-1 is left out for its bad kind; bl-2's problems must still point at bl-2 (index 1, line 26).
    const out = diagnose(["kind: level", "kind: nope"], ["- { at: 5, level: 4 }", "- { at: 5, level: 9 }"]);
    expect(out).toContain(
      "q.yaml:27:29: error: elements.0.questions.1.thresholds.1.level: threshold level 9 is outside the scale 0–4\n",
    );
  });

  it("does not invent reference errors for parts it left out", () => {
    // The pillar itself is broken, so the question's reference to it cannot be judged.
    const out = diagnose([
      "  - id: governance\n    title: { id: Tata kelola, en: Governance }",
      "  - id: governance\n    title: 7",
    ]);
    expect(out).toBe(
      "q.yaml:7:12: error: pillars.0.title: expected a bilingual text { id: …, en: … }, found the number 7\n",
    );
  });
});
