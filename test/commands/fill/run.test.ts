import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toFixed } from "../../../src/model/exact.js";
import { evaluateAnswerFile } from "../../../src/io/evaluate-answers.js";
import { defaultAnswerFileName } from "../../../src/commands/fill/open.js";
import { resumeCommand } from "../../../src/commands/fill/resume.js";
import { run } from "../../../src/main.js";
import { answerFileSchema } from "../../../src/model/answers.js";
import { cancel, confirm, input, ScriptedPrompter, scriptedIO, select, type Step } from "./scripted-prompter.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kuesioner-fill-"));
  await copyFile("fixtures/fill/mini.yaml", join(dir, "mini.yaml"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fill(argv: string[], steps: Step[], options: { tty?: boolean } = {}) {
  const prompter = new ScriptedPrompter(steps);
  const { io, stdout, stderr } = scriptedIO(dir, prompter, options);
  const code = await run(["fill", ...argv], io);
  if (prompter.remaining > 0)
    throw new Error(`fill exited ${code} with ${prompter.remaining} steps left\n${stdout()}\n${stderr()}`);
  return { code, stdout: stdout(), stderr: stderr(), prompter };
}

const read = (name: string) => readFile(join(dir, name), "utf8");
const answersIn = async (name: string) => answerFileSchema.parse(parse(await read(name)));
const noExtras: Step[] = [input(""), input("")];
const en = ["--lang", "en"];
/** Every question of the mini questionnaire: total 2.53 (see the walk tests). */
const allAnswers: Step[] = [
  select("level:3"),
  ...noExtras,
  input("7"),
  ...noExtras,
  input("1,5"),
  ...noExtras,
  input("0:1 1:4 2:10 3:20 4:15"),
  ...noExtras,
  select("level:2"),
  ...noExtras,
];

describe("kuesioner fill", () => {
  it("refuses to run without a terminal, at once and without touching anything", async () => {
    const result = await fill(["mini.yaml", "--out", "x.yaml", "--lang", "id"], [], { tty: false });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fill membutuhkan terminal");
    expect(await readdir(dir)).toEqual(["mini.yaml"]);
  });

  it("creates a file named after the region and year, says where, and how to resume", async () => {
    const result = await fill(
      ["mini.yaml", "--region", "Kabupaten Buleleng", "--year", "2024", ...en],
      [select("reguler", { message: /cohort/ }), select("cmd:quit")],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Answers are saved to jawaban-kabupaten-buleleng-2024.yaml after every answer.");
    expect(result.stdout).toContain("Resume with: kuesioner fill --out jawaban-kabupaten-buleleng-2024.yaml");
    const saved = await answersIn("jawaban-kabupaten-buleleng-2024.yaml");
    expect(saved).toMatchObject({
      questionnaire: "./mini.yaml",
      questionnaireVersion: "1.0",
      profile: "reguler",
      status: "draft",
      respondent: { region: "Kabupaten Buleleng", year: 2024 },
      cursor: "bl-masterplan",
      answers: {},
    });
    expect(saved.questionnaireSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(saved.questionDigests ?? {})).toHaveLength(5);
    expect(await read("jawaban-kabupaten-buleleng-2024.yaml")).toMatch(
      /^# yaml-language-server: \$schema=.*answers\.schema\.json\n/,
    );
  });

  it("asks the region, year and profile in Indonesian when they are not given", async () => {
    const result = await fill(
      ["mini.yaml", "--lang", "id"],
      [
        input("", { message: /Daerah/, rejected: /Ketik nama daerah/ }),
        input("Kota Kediri"),
        input("22", { message: /Tahun/, rejected: /Ketik tahun/ }),
        input("2022"),
        select("baseline-only", { message: /Angkatan mana/ }),
        select("cmd:quit", { message: /Pilih tingkat/ }),
      ],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Elemen 1 dari 1: Baseline");
    expect(await answersIn("jawaban-kota-kediri-2022.yaml")).toMatchObject({
      profile: "baseline-only",
      respondent: { region: "Kota Kediri", year: 2022 },
    });
  });

  it.each([
    [["--year", "24"], /--year: expected a year such as 2024/],
    [["--profile", "nope"], /--profile: unknown profile "nope"/],
    [["--lang", "fr"], /argument 'fr' is invalid/],
    [["--out", "no/such/folder/x.yaml"], /--out no\/such\/folder\/x.yaml: the folder no\/such\/folder does not exist/],
  ])("rejects bad options %j with exit 2", async (flags, message) => {
    const result = await fill(["mini.yaml", "--region", "X", "--year", "2024", ...flags], []);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await readdir(dir)).toEqual(["mini.yaml"]);
  });

  it("saves on Ctrl-C, exits 130 with the command that resumes, and resumes there", async () => {
    const first = await fill(
      ["mini.yaml", "--out", "x.yaml", "--region", "R", "--year", "2024", ...en],
      [select("reguler"), select("level:3"), input("SK 1/2024"), input(""), cancel()],
    );
    expect(first.code).toBe(130);
    expect(first.stderr).toBe("kuesioner: Saved to x.yaml.\nResume with: kuesioner fill --out x.yaml\n");
    expect((await answersIn("x.yaml")).answers).toEqual({ "bl-masterplan": { score: 3, evidence: ["SK 1/2024"] } });

    const second = await fill(
      ["--out", "x.yaml", ...en],
      [input("4", { message: /programmes/ }), ...noExtras, input("q")],
    );
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Resuming x.yaml: 1 of 5 questions answered.");
    expect((await answersIn("x.yaml")).answers).toEqual({
      "bl-masterplan": { score: 3, evidence: ["SK 1/2024"] },
      "bl-programmes": { value: 4 },
    });
  });

  it("continues the file named by region and year when it exists", async () => {
    const flags = ["mini.yaml", "--region", "Kabupaten Malang", "--year", "2023", "--profile", "reguler", ...en];
    await fill(flags, [select("level:1"), ...noExtras, input("q")]);
    const again = await fill(flags, [input("q")]);
    expect(again.stdout).toContain("jawaban-kabupaten-malang-2023.yaml already exists; continuing it.");
    expect(again.stdout).toContain("Resuming jawaban-kabupaten-malang-2023.yaml: 1 of 5 questions answered.");
  });

  it("finishes with the score report, and the saved file scores the same", async () => {
    const result = await fill(
      ["mini.yaml", "--out", "x.yaml", "--region", "R", "--year", "2024", "--profile", "reguler", ...en],
      [...allAnswers, select("finish")],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Final score\s+2\.53/);
    expect(result.stdout).toContain("Saved to x.yaml and marked final.");
    const evaluated = await evaluateAnswerFile(join(dir, "x.yaml"));
    expect(evaluated.diagnostics).toEqual([]);
    expect(toFixed(evaluated.result!.total)).toBe("2.53");
    expect((await answersIn("x.yaml")).status).toBe("final");
  });

  it("asks no evidence or note with --no-evidence", async () => {
    const result = await fill(
      [
        "mini.yaml",
        "--out",
        "x.yaml",
        "--region",
        "R",
        "--year",
        "2024",
        "--profile",
        "reguler",
        "--no-evidence",
        ...en,
      ],
      [select("level:3"), input("7"), input("q")],
    );
    expect(result.code).toBe(0);
    expect((await answersIn("x.yaml")).answers).toEqual({ "bl-masterplan": 3, "bl-programmes": { value: 7 } });
  });

  it("reopens a final file only when the officer agrees", async () => {
    await fill(
      ["mini.yaml", "--out", "x.yaml", "--region", "R", "--year", "2024", "--profile", "reguler", ...en],
      [...allAnswers, select("finish")],
    );
    const before = await read("x.yaml");
    const declined = await fill(["--out", "x.yaml", ...en], [confirm(false, /marked final\. Reopen it/)]);
    expect(declined.code).toBe(0);
    expect(declined.stdout).toContain("x.yaml was not changed.");
    expect(await read("x.yaml")).toBe(before);

    const reopened = await fill(
      ["--out", "x.yaml", ...en],
      [confirm(true), select("quit", { expectDefault: "finish" })],
    );
    expect(reopened.code).toBe(0);
    // Looking is not changing: the file stays final (it used to turn back into a draft).
    expect((await answersIn("x.yaml")).status).toBe("final");

    const walkedThrough = await fill(
      ["--out", "x.yaml", ...en],
      [confirm(true), select("element:0"), select("level:3"), ...noExtras, input("q")],
    );
    expect(walkedThrough.code).toBe(0);
    expect((await answersIn("x.yaml")).status).toBe("final");
  });

  it("turns a reopened final file into a draft when an answer changes", async () => {
    await fill(
      ["mini.yaml", "--out", "x.yaml", "--region", "R", "--year", "2024", "--profile", "reguler", ...en],
      [...allAnswers, select("finish")],
    );
    const changed = await fill(
      ["--out", "x.yaml", ...en],
      [confirm(true), select("element:0"), select("level:1"), ...noExtras, input("q")],
    );
    expect(changed.code).toBe(0);
    const saved = await answersIn("x.yaml");
    expect(saved.answers["bl-masterplan"]).toBe(1);
    expect(saved.status).toBe("draft");
  });

  describe("when the questionnaire changed since the file was started", () => {
    const editQuestionnaire = async () => {
      const text = await read("mini.yaml");
      const edited = text
        .replace(/ {6}- id: bl-budget[\s\S]*?(?= {2}- id: impact)/, "")
        .replace("Layanan menjadi lebih cepat dan murah.", "Layanan menjadi lebih cepat.")
        .replace(
          "      - id: bl-programmes",
          "      - id: bl-forum\n        kind: count\n        text: { id: Jumlah forum., en: Number of forums. }\n        thresholds: [{ at: 1, level: 4 }]\n      - id: bl-programmes",
        )
        .replace('version: "1.0"', 'version: "1.1"');
      await writeFile(join(dir, "mini.yaml"), edited);
    };
    const start = () =>
      fill(
        ["mini.yaml", "--out", "x.yaml", "--region", "R", "--year", "2024", "--profile", "reguler", ...en],
        [select("level:2"), ...noExtras, input("5"), ...noExtras, input("2"), ...noExtras, input("q")],
      );

    it("lists what changed and stops without touching the file when the officer declines", async () => {
      await start();
      await editQuestionnaire();
      const before = await read("x.yaml");
      const result = await fill(
        ["--out", "x.yaml", ...en],
        [confirm(false, /Continue with the questionnaire as it is now/)],
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        'Questionnaire "./mini.yaml" changed since this file was started (version 1.0 → 1.1).',
      );
      expect(result.stdout).toMatch(/Added questions:\n\s+bl-forum/);
      expect(result.stdout).toMatch(/Removed questions:\n\s+bl-budget/);
      expect(result.stdout).toMatch(/Changed questions \(check your answers\):\n\s+im-faster/);
      expect(result.stdout).toContain("Stopped; x.yaml was not changed.");
      expect(await read("x.yaml")).toBe(before);
    });

    it("keeps answers to removed questions aside unless told to delete them, and starts at the first new question", async () => {
      await start();
      await editQuestionnaire();
      const result = await fill(
        ["--out", "x.yaml", ...en],
        [
          confirm(true),
          select(true, { message: /What should happen/, expectDefault: true }),
          input("q", { message: /Value/ }),
        ],
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("1 answer belongs to questions the questionnaire does not have: bl-budget");
      expect(result.stdout).toContain("bl-forum\n  Number of forums.");
      const saved = await answersIn("x.yaml");
      expect(saved.answers).toEqual({ "bl-masterplan": 2, "bl-programmes": { value: 5 } });
      expect(saved.retiredAnswers).toEqual({ "bl-budget": { value: 2 } });
      expect(saved.questionnaireVersion).toBe("1.1");
      expect(Object.keys(saved.questionDigests ?? {})).toContain("bl-forum");
      // The file is valid for score again: nothing unknown left in `answers`.
      expect((await evaluateAnswerFile(join(dir, "x.yaml"))).diagnostics).toEqual([]);
    });

    it("deletes answers to removed questions when the officer chooses to", async () => {
      await start();
      await editQuestionnaire();
      await fill(["--out", "x.yaml", ...en], [confirm(true), select(false), input("q")]);
      const saved = await answersIn("x.yaml");
      expect(saved.retiredAnswers).toBeUndefined();
      expect(saved.answers["bl-budget"]).toBeUndefined();
    });
  });

  it.each([
    [
      "a YAML syntax error",
      "questionnaire: ./mini.yaml\nanswers: [\n  bl-masterplan: 3\n",
      /^x\.yaml:\d+:\d+: error: YAML syntax/m,
    ],
    [
      "a shape error",
      "questionnaire: ./mini.yaml\nanswers:\n  bl-masterplan: { level: 3 }\n",
      /^x\.yaml:3:\d+: error: answers\.bl-masterplan\.level: unknown key "level"/m,
    ],
    [
      "a missing questionnaire",
      "questionnaire: ./gone.yaml\nanswers: {}\n",
      /^x\.yaml:1:\d+: error: questionnaire: questionnaire file "\.\/gone\.yaml" not found/m,
    ],
    ["binary content", "questionnaire: x\0\n", /^x\.yaml: error: file is binary/m],
  ])("reports a file with %s, exits 1 and leaves it byte for byte", async (_what, content, message) => {
    await writeFile(join(dir, "x.yaml"), content);
    const result = await fill(["--out", "x.yaml", ...en], []);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(await read("x.yaml")).toBe(content);
    expect(await readdir(dir)).toEqual(["mini.yaml", "x.yaml"]);
  });

  it("refuses a questionnaire argument other than the one the file was started with", async () => {
    await writeFile(join(dir, "x.yaml"), "questionnaire: ./mini.yaml\nanswers: {}\n");
    const result = await fill(["smart-city-2023", "--out", "x.yaml", ...en], []);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('x.yaml was started with questionnaire "./mini.yaml", not "smart-city-2023"');
  });

  it("reports answers the scorer rejects, then asks those questions again", async () => {
    await writeFile(
      join(dir, "x.yaml"),
      "questionnaire: ./mini.yaml\ncursor: bl-masterplan\nanswers:\n  bl-masterplan: 7\n",
    );
    const result = await fill(
      ["--out", "x.yaml", ...en],
      [select("level:1", { expectDefault: undefined }), ...noExtras, input("q")],
    );
    expect(result.stderr).toContain("1 answer in the file is not valid; that question is asked again:");
    expect(result.stderr).toMatch(/^x\.yaml:4:18: error: answers\.bl-masterplan: score 7 is outside the scale 0–4/m);
    expect((await answersIn("x.yaml")).answers["bl-masterplan"]).toBe(1);
  });

  it("keeps a copy of a hand-written file whose comments the rewrite drops", async () => {
    const original =
      "# prepared by the planning office\nquestionnaire: ./mini.yaml\nanswers:\n  bl-masterplan: 2 # per the 2024 regulation\n";
    await writeFile(join(dir, "x.yaml"), original);
    const result = await fill(["--out", "x.yaml", ...en], [input("q")]);
    expect(result.stdout).toContain(
      "x.yaml had comments of its own, which fill does not keep when it saves; the original is copied to x.yaml.bak.",
    );
    expect(await read("x.yaml.bak")).toBe(original);
    expect((await answersIn("x.yaml")).answers).toEqual({ "bl-masterplan": 2 });
  });

  it("names answer files after the region and year", () => {
    expect(defaultAnswerFileName("Kabupaten Buleleng", 2024)).toBe("jawaban-kabupaten-buleleng-2024.yaml");
    expect(defaultAnswerFileName("Kota Bau-Bau (Sultra)", 2023)).toBe("jawaban-kota-bau-bau-sultra-2023.yaml");
    expect(defaultAnswerFileName("Kabupaten Pidië", 2023)).toBe("jawaban-kabupaten-pidie-2023.yaml");
    expect(defaultAnswerFileName("???", 2023)).toBe("jawaban-daerah-2023.yaml");
  });

  it("quotes a resume path the shell would split", () => {
    expect(resumeCommand("jawaban/kota kediri.yaml", "id", { LANG: "id_ID.UTF-8" })).toBe(
      "kuesioner fill --out 'jawaban/kota kediri.yaml'",
    );
    // --lang only when the same shell would otherwise get the other language.
    expect(resumeCommand("x.yaml", "en", {})).toBe("kuesioner fill --out x.yaml");
    expect(resumeCommand("x.yaml", "id", {})).toBe("kuesioner fill --out x.yaml --lang id");
    expect(resumeCommand("x.yaml", "en", { KUESIONER_LANG: "id" })).toBe("kuesioner fill --out x.yaml --lang en");
  });
});
