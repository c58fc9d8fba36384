import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages as fillMessages } from "../../src/commands/fill/messages.js";
import { messages as promptMessages } from "../../src/prompt/messages.js";
import { messages as walkMessages } from "../../src/walk/messages.js";
import { scoreMessages } from "../../src/commands/score/messages.js";
import { historyMessages } from "../../src/commands/history/messages.js";
import { mergeMessages } from "../../src/commands/merge/messages.js";
import { messages as surveyMessages } from "../../src/commands/survey/messages.js";
import { messages as verifyMessages } from "../../src/commands/verify/messages.js";
import { compareMessages } from "../../src/commands/compare/messages.js";
import { adviseMessages } from "../../src/commands/advise/messages.js";
import { reportMessages } from "../../src/commands/report/messages.js";
import { labelsFor } from "../../src/text/score-labels.js";
import { optionProblem, optionProblemCodes } from "../../src/text/option-messages.js";
import { run } from "../../src/main.js";
import { diagnosticMessagesId } from "../../src/text/diagnostic-messages.js";
import { runKuesioner } from "../commands/score/score-harness.js";
import { input, ScriptedPrompter, scriptedIO, select, type Step } from "../commands/fill/scripted-prompter.js";

/**
 * No English word on the Indonesian screens of fill, score and validate: realistic runs,
 * error paths included, are made once with --lang en and once with --lang id; every word of
 * the English catalogues and of the English runs that the Indonesian catalogues do not use
 * too must be absent from the Indonesian run.
 */

/** Every string a catalogue can produce, its functions called with placeholder values. */
function catalogueTexts(catalogue: object): string[] {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === "string") texts.push(value);
    else if (typeof value === "function") {
      for (const args of [Array(6).fill(2), Array(6).fill(1), Array(6).fill(["x", "y"]), Array(6).fill(true)]) {
        try {
          texts.push(String((value as (...a: unknown[]) => unknown)(...args)));
          break;
        } catch {
          // another shape of arguments
        }
      }
    } else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(catalogue);
  return texts;
}

/**
 * Words that come from the data, not from kuesioner: region names in the answer files, the
 * questionnaires' Indonesian texts (whose element names Baseline, Output, Outcome, Impact are
 * the evaluation's own), ids, and the CSV header (ids, the same in both languages).
 */
async function dataWords(): Promise<Set<string>> {
  const texts: string[] = [];
  for (const folder of ["fixtures/answers/2023", "fixtures/answers/2022", "fixtures/compare"])
    for (const f of await readdir(folder)) texts.push(await readFile(join(folder, f), "utf8"));
  for (const q of [
    "questionnaires/smart-city-2023.yaml",
    "questionnaires/smart-city-2022.yaml",
    "fixtures/fill/mini.yaml",
  ]) {
    const text = await readFile(q, "utf8");
    texts.push(...(text.match(/\bid: .*$/gm) ?? []));
  }
  texts.push(
    "rank group file region year questionnaire version profile status complete missing total previous improvement verification verified unverified self",
    // What the runs below type: a region name shortened on purpose, the key of a map file.
    "Kota Tirtamuly columns",
  );
  // The file formats' own vocabulary (keys such as "help", kinds such as "percent"), named in hints as written.
  for (const schema of ["questionnaires/questionnaire.schema.json", "questionnaires/answers.schema.json"]) {
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (key === "properties" && value && typeof value === "object") texts.push(...Object.keys(value));
          if ((key === "enum" || key === "const") && value !== null) texts.push(...[value].flat().map(String));
          visit(value);
        }
      }
    };
    visit(JSON.parse(await readFile(schema, "utf8")));
  }
  const found = new Set<string>();
  for (const t of texts) for (const w of t.match(/\p{L}{4,}/gu) ?? []) found.add(w.toLowerCase());
  return found;
}
let data: Set<string>;

/**
 * Technical words Indonesian writing about YAML uses as they are (an "anchor", a "token", the
 * "parser"): allowed on Indonesian screens although the English texts use them too.
 */
const LOANWORDS = [
  "anchor",
  "alias",
  "token",
  "parser",
  "node",
  "merge",
  "escape",
  "named",
  "pipe",
  "socket",
  "device",
];

/** What `validate` prints for every case of fixtures/invalid/, in English and in Indonesian (both checked by the corpus test). */
async function corpus(lang: "id" | "en"): Promise<string> {
  const folder = lang === "en" ? "fixtures/invalid" : "fixtures/invalid-expected-id";
  const files = (await readdir(folder)).filter((f) =>
    lang === "en" ? f.endsWith(".expected.txt") : f.endsWith(".txt"),
  );
  return (await Promise.all(files.map((f) => readFile(join(folder, f), "utf8")))).join("\n");
}

/** Words of four letters or more, outside paths, ids, options and YAML keys, lower case. */
function words(text: string): Set<string> {
  return new Set((strip(text).match(/\p{L}{4,}/gu) ?? []).map((w) => w.toLowerCase()));
}

/** The text without paths, ids, options, quoted values and YAML keys: what kuesioner itself says. */
function strip(text: string): string {
  return text
    .replace(/((?:kesalahan|peringatan|error|warning): )[^\s:.]+(?:\.[^:\n]+)?: /g, "$1") // the key path in a file
    .replace(/\S*[/\\]\S*/g, " ") // paths
    .replace(/\S+\.(?:ya?ml|json|csv|md|html|xlsx)\b/g, " ")
    .replace(/--[\w-]+/g, " ") // options
    .replace(/"[^"\n]*"/g, " ") // quoted ids and values from the files
    .replace(/'[^'\n]*'/g, " ") // options, commands and arguments as typed, quoted by the usage errors
    .replace(/(?:Allowed choices are|Pilihan yang diizinkan:) [^\n]*/g, " ") // an option's values
    .replace(/\{[^}\n]*\}/g, " ") // YAML snippets to type
    .replace(/\b[\w]+(?:-[\w]+)+\b/g, " "); // kebab-case ids
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kuesioner-id-screens-"));
  await cp("fixtures/answers/2023", join(dir, "jawaban"), { recursive: true });
  await cp("fixtures/answers/2022", join(dir, "lalu"), { recursive: true });
  await mkdir(join(dir, "invalid"));
  for (const f of ["answers-outside-scale.yaml", "answers-few-respondents.yaml", "answers-wrong-kind.yaml"])
    await copyFile(join("fixtures/invalid", f), join(dir, "invalid", f));
  await cp("fixtures/valid", join(dir, "valid"), { recursive: true });
  await copyFile("fixtures/fill/mini.yaml", join(dir, "mini.yaml"));
  await mkdir(join(dir, "kosong"));
  await copyFile("fixtures/survey/excel-id.csv", join(dir, "survei.csv"));
  await writeFile(join(dir, "peta.yaml"), "columns:\n  Nama: nama-lengkap\n  E: im-gov-ps-onlien\n");
  await writeFile(join(dir, "peta-rusak.yaml"), "kolom: {}\n");
  await copyFile("fixtures/compare/kabupaten-malang-2022.yaml", join(dir, "malang-2022.yaml"));
  await copyFile("fixtures/compare/kabupaten-malang-2023.yaml", join(dir, "malang-2023.yaml"));
  data = await dataWords();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function scoreAndValidate(lang: "id" | "en"): Promise<string> {
  const runs = [
    [
      "validate",
      "invalid/answers-outside-scale.yaml",
      "invalid/answers-few-respondents.yaml",
      "invalid/answers-wrong-kind.yaml",
    ],
    ["score", "jawaban", "--fail-under", "3", "--require-complete"],
    ["score", "jawaban", "--format", "markdown", "--fail-under", "3", "--verbose"],
    ["score", "jawaban", "lalu", "--verbose"],
    ["score", "jawaban/kota-tirtamulya.yaml", "--format", "markdown"],
    ["score", "invalid/answers-outside-scale.yaml"],
    ["score", "invalid", "--format", "markdown"],
    ["score", "jawaban", "--fail-under", "tinggi"],
    ["score", "jawaban", "--previous", ""],
    ["score", "jawaban", "--format", "xlsx"],
    ["score", "jawaban", "--group-by", "profile"],
    ["validate", "valid", "kosong", "invalid"],
    ["score", "jawaban", "--format", "csv", "--previous", "lalu"],
    ["score", "jawaban/kota-tirtamulya.yaml", "--previous", "lalu/kabupaten-danau-biru.yaml"],
    ["score", "jawaban", "--profile", "kppn"],
    ["score", "jawaban", "--fail-under", "5"],
    ["score", "jawaban", "--out", "tidak-ada/x.csv"],
    ["score", "invalid"],
    ["score", "tidak-ada.yaml", "kosong", "tidak-*.yaml", "mini.yaml"],
    ["validate", "--frmat", "json", "mini.yaml"],
    ["score", "jawaban", "--format", "xml"],
    ["scor", "jawaban"],
    ["score", "jawaban/kota-tirtamulya.yaml", "lalu/kabupaten-danau-biru.yaml"],
    ["validate"],
    ["show", "mini.yaml", "lagi"],
  ];
  let out = "";
  for (const argv of runs) {
    const ran = await runKuesioner([...argv, "--lang", lang], dir, { columns: 160 });
    out += `${ran.stdout}\n${ran.stderr}\n`;
  }
  return out;
}

/** Every other command: its screens, reports and refusals. */
async function otherCommands(lang: "id" | "en"): Promise<string> {
  const runs = [
    ["show", "mini.yaml"],
    ["show", "tidak-ada"],
    ["compare", "malang-2022.yaml", "malang-2023.yaml"],
    ["compare", "malang-2022.yaml", "malang-2023.yaml", "--format", "markdown"],
    ["compare", "malang-2022.yaml", "invalid/answers-outside-scale.yaml"],
    ["advise", "jawaban/kota-tirtamulya.yaml", "--target", "3,5", "--peers", "jawaban"],
    ["advise", "jawaban/kota-tirtamulya.yaml", "--target", "tiga"],
    ["report", "jawaban/kota-tirtamulya.yaml", "--out", `laporan-${lang}.html`],
    ["report", "jawaban", "--out", "laporan.pdf"],
    ["report", "jawaban", "--out", `peringkat-${lang}.html`, "--highlight", "Kota Tirtamuly"],
    ["survey", "import", "survei.csv"],
    ["survey", "import", "survei.csv", "--into", "kosong"],
    ["survey", "import", "survei.csv", "--into", "tidak-ada/jawaban.yaml"],
    ["survey", "import", "survei.csv", "--into", "invalid/answers-outside-scale.yaml"],
    ["survey", "import", "survei.csv", "--map", "peta.yaml"],
    ["survey", "import", "survei.csv", "--map", "peta-rusak.yaml"],
    ["survey", "import", "survei.csv", "--scale", "lima"],
    ["survey", "template", "--out", "lembar.txt"],
    ["survey", "template", "--out", "lembar.csv", "--rows", "0"],
    ["merge", "jawaban/kota-tirtamulya.yaml", "jawaban/kota-tirtamulya.yaml", "--out", "panel.yaml"],
    ["history", "jawaban/kota-tirtamulya.yaml"],
    ["history", "tidak-ada.yaml"],
    ["verify", "jawaban/kota-tirtamulya.yaml", "--assessor", "Ani"],
    ["fill", "--year", "24"],
  ];
  let out = "";
  for (const argv of runs) {
    const ran = await runKuesioner([...argv, "--lang", lang], dir, { columns: 160 });
    out += `${ran.stdout}\n${ran.stderr}\n`;
  }
  return out.replace(/<style>[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>|<[^>]*>/g, " ");
}

async function fill(lang: "id" | "en"): Promise<string> {
  // A file with an answer the scorer refuses: fill says so, asks again, and a wrong value is refused too.
  await writeFile(
    join(dir, `x-${lang}.yaml`),
    "questionnaire: ./mini.yaml\nprofile: reguler\nstatus: draft\nanswers:\n  bl-masterplan: 7\n",
  );
  const steps: Step[] = [
    select("level:3"),
    input("Perbup 27/2024"),
    input(""),
    input("2,5", { rejected: /bilangan bulat|whole number/ }),
    input("7"),
    input("!"),
    input("1,5"),
    input("2,8", { rejected: /responden|respondents/ }),
    input("2,8 40"),
    select("cmd:review"),
    select("quit"),
  ];
  const prompter = new ScriptedPrompter(steps);
  const { io, stdout, stderr } = scriptedIO(dir, prompter);
  await run(["fill", "--out", `x-${lang}.yaml`, "--lang", lang], io);
  const refused = prompter.transcript.map((e) => `${e.message} ${(e.choices ?? []).join(" ")}`).join("\n");
  return `${stdout()}\n${stderr()}\n${refused}`;
}

/** Every text an English catalogue holds. */
function englishCatalogues(lang: "id" | "en"): string[] {
  return [
    ...catalogueTexts(fillMessages[lang]),
    ...catalogueTexts(walkMessages[lang]),
    ...catalogueTexts(promptMessages[lang]),
    ...catalogueTexts(scoreMessages[lang]),
    ...catalogueTexts(historyMessages[lang]),
    ...catalogueTexts(mergeMessages[lang]),
    ...catalogueTexts(surveyMessages[lang]),
    ...catalogueTexts(verifyMessages[lang]),
    ...catalogueTexts(compareMessages(lang)),
    ...catalogueTexts(adviseMessages(lang)),
    ...catalogueTexts(reportMessages(lang)),
    ...catalogueTexts(labelsFor(lang)),
    ...optionProblemCodes.map((code) => optionProblem(code, "--x", lang)),
  ];
}

/**
 * Short English words that words() (four letters and more) does not see, but that no
 * Indonesian sentence holds.
 */
const SHORT_ENGLISH = /\b(?:the|and|not|is|are|of|for|was|has|an)\b/gi;

function englishLeft(english: string, indonesian: string): { left: string[]; where: string[] } {
  const shared = words([...englishCatalogues("id"), ...catalogueTexts(diagnosticMessagesId), ...LOANWORDS].join("\n"));
  const seen = words(indonesian);
  const left = [...words(english)].filter((w) => !shared.has(w) && !data.has(w) && seen.has(w));
  const lines = indonesian.split("\n");
  const short = new Set<string>();
  for (const line of lines) for (const m of strip(line).match(SHORT_ENGLISH) ?? []) short.add(m.toLowerCase());
  left.push(...short);
  left.sort();
  const where = lines.filter(
    (line) =>
      left.some((w) => words(line).has(w)) || [...short].some((w) => new RegExp(`\\b${w}\\b`, "i").test(strip(line))),
  );
  return { left, where: [...new Set(where)] };
}

describe("the Indonesian screens", () => {
  it("of fill, score and validate hold no English word", async () => {
    const english = [
      ...englishCatalogues("en"),
      await scoreAndValidate("en"),
      await fill("en"),
      await corpus("en"),
    ].join("\n");
    const indonesian = `${await scoreAndValidate("id")}\n${await fill("id")}\n${await corpus("id")}`;
    expect(englishLeft(english, indonesian)).toEqual({ left: [], where: [] });
  }, 180_000);

  it("of every other command hold no English word", async () => {
    const english = [...englishCatalogues("en"), await otherCommands("en")].join("\n");
    expect(englishLeft(english, await otherCommands("id"))).toEqual({ left: [], where: [] });
  }, 180_000);
});
