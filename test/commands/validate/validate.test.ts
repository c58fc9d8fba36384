import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner, tempDir } from "../score/score-harness.js";

describe("kuesioner validate", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await tempDir("validate"));
    await mkdir(join(dir, "q"));
    await copyFile(join(repoRoot, "fixtures/valid/mini.yaml"), join(dir, "q/mini.yaml"));
    await copyFile(join(repoRoot, "fixtures/invalid/weights-sum-95.yaml"), join(dir, "q/broken.yaml"));
    await writeFile(
      join(dir, "good.yaml"),
      "questionnaire: q/mini.yaml\nanswers:\n  bl-1: 3\n  oc-2: { survey: { mean: 2.8, respondents: 50 } }\n",
    );
    await writeFile(
      join(dir, "few.yaml"),
      "questionnaire: q/mini.yaml\nanswers:\n  oc-2: { survey: { mean: 2.8, respondents: 20 } }\n",
    );
    await writeFile(join(dir, "bad.yaml"), "questionnaire: q/mini.yaml\nanswers:\n  bl-1: 7\n  bl-9: 1\n");
    await writeFile(join(dir, "on-broken.yaml"), "questionnaire: q/broken.yaml\nanswers:\n  bl-1: 3\n");
    await writeFile(join(dir, "also-on-broken.yaml"), "questionnaire: q/broken.yaml\nanswers: {}\n");
    await writeFile(join(dir, "with, comma: and %.yaml"), "questionnaire: q/mini.yaml\nanswers:\n  bl-1: 9\n");
  });
  afterAll(async () => remove());

  it("names the questionnaire file it looked for relative to the working folder, in both languages", async () => {
    await mkdir(join(dir, "lain"), { recursive: true });
    await writeFile(join(dir, "lain/jawaban.yaml"), "questionnaire: ../q/tidak-ada.yaml\nanswers: {}\n");
    const en = await runKuesioner(["validate", "lain/jawaban.yaml"], dir);
    expect(en.stderr).toContain(
      'lain/jawaban.yaml:1:16: error: questionnaire: questionnaire file "../q/tidak-ada.yaml" not found\n  hint: looked for q/tidak-ada.yaml\n',
    );
    const id = await runKuesioner(["validate", "lain/jawaban.yaml", "--lang", "id"], dir);
    expect(id.stderr).toContain("  petunjuk: dicari di q/tidak-ada.yaml\n");
    expect(`${en.stderr}${id.stderr}`).not.toContain(dir);
  });

  it("validates the shipped questionnaires and prints only a summary", async () => {
    const ran = await runKuesioner(
      ["validate", "questionnaires/smart-city-2023.yaml", "questionnaires/smart-city-2022.yaml"],
      repoRoot,
    );
    expect(ran).toEqual({ code: 0, stdout: "", stderr: "no problems in 2 files (2 questionnaires)\n" });
  });

  it("reports every file in the order given, each by position, with a summary, exit 1", async () => {
    const ran = await runKuesioner(
      ["validate", "bad.yaml", "few.yaml", "good.yaml", "q/mini.yaml", "missing.yaml"],
      dir,
    );
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe(
      [
        "bad.yaml:3:9: error: answers.bl-1: score 7 is outside the scale 0–4",
        'bad.yaml:4:3: error: answers.bl-9: unknown question id "bl-9" in questionnaire "mini"',
        "  hint: check the id, or whether the answers belong to another questionnaire",
        "few.yaml:3:19: warning: answers.oc-2.survey: 20 respondents, fewer than the 50 required",
        "missing.yaml: error: file not found",
        "  hint: check the path and the current directory",
        "3 errors, 1 warning in 5 files (1 questionnaire, 3 answer files, 1 not recognised)",
        "",
      ].join("\n"),
    );
  });

  it("skips the JSON Schema files of questionnaires/* (as the shell expands it) with one note", async () => {
    const names = (await readdir(join(repoRoot, "questionnaires"))).sort().map((f) => `questionnaires/${f}`);
    expect(names.filter((f) => f.endsWith(".schema.json"))).toHaveLength(3);
    const ran = await runKuesioner(["validate", ...names], repoRoot);
    expect(ran).toEqual({
      code: 0,
      stdout: "",
      stderr: [
        "kuesioner: note: 3 JSON Schema files skipped (editor help for the formats, not a questionnaire or an answer file): questionnaires/answers.schema.json, questionnaires/diagnostics.schema.json, questionnaires/questionnaire.schema.json",
        "no problems in 2 files (2 questionnaires)",
        "",
      ].join("\n"),
    });
    const id = await runKuesioner(["validate", "--lang", "id", "questionnaires/answers.schema.json"], repoRoot);
    expect(id.stderr).toMatch(/^kuesioner: catatan: 1 berkas JSON Schema dilewati/);
  });

  it("takes folders (at any depth) and quoted patterns as score does, and says what they leave out", async () => {
    await mkdir(join(dir, "tree/2023/kota"), { recursive: true });
    await writeFile(join(dir, "tree/2023/kota/good.yml"), "questionnaire: ../../../q/mini.yaml\nanswers:\n  bl-1: 3\n");
    await writeFile(
      join(dir, "tree/2023/bad.yaml"),
      "questionnaire: ../../q/mini.yaml\nanswers:\n  bl-1: 7\n  bl-9: 1\n",
    );
    await writeFile(join(dir, "tree/2023/bukti.pdf"), "%PDF-1.4\n");
    const folder = await runKuesioner(["validate", "tree"], dir);
    expect(folder.code).toBe(1);
    expect(folder.stderr.split("\n")).toEqual([
      "kuesioner: note: 1 file not named *.yaml, *.yml or *.json left out: tree/2023/bukti.pdf",
      "tree/2023/bad.yaml:3:9: error: answers.bl-1: score 7 is outside the scale 0–4",
      'tree/2023/bad.yaml:4:3: error: answers.bl-9: unknown question id "bl-9" in questionnaire "mini"',
      "  hint: check the id, or whether the answers belong to another questionnaire",
      "2 errors in 2 files (2 answer files)",
      "",
    ]);
    const pattern = await runKuesioner(["validate", "tree/**/*.yml"], dir);
    expect(pattern).toEqual({
      code: 0,
      stdout: "",
      stderr: [
        "kuesioner: note: the pattern's extension leaves out 1 YAML or JSON file: tree/2023/bad.yaml; widen it (e.g. '*.y*ml') or name them",
        "no problems in 1 file (1 answer file)",
        "",
      ].join("\n"),
    });
  });

  it("exits 0 when there are only warnings", async () => {
    const ran = await runKuesioner(["validate", "few.yaml"], dir);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toMatch(/\n1 warning in 1 file \(1 answer file\)\n$/);
  });

  it("shows the errors of a broken questionnaire an answer file names, once per run", async () => {
    const ran = await runKuesioner(["validate", "on-broken.yaml", "also-on-broken.yaml", "q/broken.yaml"], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr.split("\n").filter((l) => !l.startsWith("  hint"))).toEqual([
      'on-broken.yaml:1:16: error: questionnaire: questionnaire "q/broken.yaml" is invalid',
      'q/broken.yaml:35:14: error: profiles.0.weights: weights of profile "reguler" sum to 95, expected 100',
      'also-on-broken.yaml:1:16: error: questionnaire: questionnaire "q/broken.yaml" is invalid',
      "3 errors in 3 files (1 questionnaire, 2 answer files)",
      "",
    ]);
  });

  it("prints files as typed, relative, never made absolute", async () => {
    const ran = await runKuesioner(["validate", "./bad.yaml", `../${dir.split("/").pop()}/few.yaml`], dir);
    expect(ran.stderr).toContain(`\n../${dir.split("/").pop()}/few.yaml:3:19: warning:`);
    expect(ran.stderr.startsWith("./bad.yaml")).toBe(true);
    expect(ran.stderr).not.toContain(dir);
  });

  it("writes a stable JSON array of diagnostics on stdout, nothing on stderr", async () => {
    const args = ["validate", "--format", "json", "bad.yaml", "on-broken.yaml", "good.yaml"];
    const ran = await runKuesioner(args, dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe("");
    const json = JSON.parse(ran.stdout);
    expect(json).toEqual([
      {
        file: "bad.yaml",
        kind: "answers",
        line: 3,
        column: 9,
        severity: "error",
        path: ["answers", "bl-1"],
        message: "score 7 is outside the scale 0–4",
        hint: null,
        code: "answer.score-outside-scale",
        params: { score: 7, min: 0, max: 4 },
        omitted: null,
      },
      {
        file: "bad.yaml",
        kind: "answers",
        line: 4,
        column: 3,
        severity: "error",
        path: ["answers", "bl-9"],
        message: 'unknown question id "bl-9" in questionnaire "mini"',
        hint: "check the id, or whether the answers belong to another questionnaire",
        code: "answer.unknown-question",
        params: { id: "bl-9", questionnaire: "mini" },
        omitted: null,
      },
      {
        file: "on-broken.yaml",
        kind: "answers",
        line: 1,
        column: 16,
        severity: "error",
        path: ["questionnaire"],
        message: 'questionnaire "q/broken.yaml" is invalid',
        hint: "run kuesioner validate on it",
        code: "answers.questionnaire-invalid",
        params: { ref: "q/broken.yaml" },
        omitted: null,
      },
      {
        file: "q/broken.yaml",
        kind: "questionnaire",
        line: 35,
        column: 14,
        severity: "error",
        path: ["profiles", 0, "weights"],
        message: 'weights of profile "reguler" sum to 95, expected 100',
        hint: "baseline 35 + outcome 60 = 95",
        code: "questionnaire.weights-sum",
        params: { profile: "reguler", total: 95, terms: "baseline 35 + outcome 60" },
        omitted: null,
      },
    ]);
    expect((await runKuesioner(args, dir)).stdout).toBe(ran.stdout);
    expect(ran.stdout).not.toContain(dir);
  });

  it("says which kind of file it found, in JSON, even when the YAML does not parse", async () => {
    const ran = await runKuesioner(
      [
        "validate",
        "--format",
        "json",
        "fixtures/invalid/yaml-tab-indent.yaml",
        "fixtures/invalid/root-list.yaml",
        "fixtures/invalid/answers-shape.yaml",
      ],
      repoRoot,
    );
    expect([
      ...new Set(JSON.parse(ran.stdout).map((d: { file: string; kind: string }) => `${d.file} ${d.kind}`)),
    ]).toEqual([
      "fixtures/invalid/yaml-tab-indent.yaml questionnaire",
      "fixtures/invalid/root-list.yaml unknown",
      "fixtures/invalid/answers-shape.yaml answers",
    ]);
  });

  it("prints an empty JSON array when all is well", async () => {
    const ran = await runKuesioner(["validate", "--format", "json", "good.yaml"], dir);
    expect(ran).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
  });

  it("writes GitHub annotations on stdout, escaped, and the summary on stderr", async () => {
    const ran = await runKuesioner(
      ["validate", "--format", "github", "bad.yaml", "few.yaml", "with, comma: and %.yaml"],
      dir,
    );
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe(
      [
        "::error file=bad.yaml,line=3,col=9,title=kuesioner::answers.bl-1: score 7 is outside the scale 0–4",
        '::error file=bad.yaml,line=4,col=3,title=kuesioner::answers.bl-9: unknown question id "bl-9" in questionnaire "mini"%0Ahint: check the id, or whether the answers belong to another questionnaire',
        "::warning file=few.yaml,line=3,col=19,title=kuesioner::answers.oc-2.survey: 20 respondents, fewer than the 50 required",
        "::error file=with%2C comma%3A and %25.yaml,line=3,col=9,title=kuesioner::answers.bl-1: score 9 is outside the scale 0–4",
        "",
      ].join("\n"),
    );
    expect(ran.stderr).toBe("3 errors, 1 warning in 3 files (3 answer files)\n");
  });

  it("colours the text only when asked", async () => {
    expect((await runKuesioner(["validate", "bad.yaml"], dir, { color: true })).stderr).toContain("\u001b[31m");
    expect((await runKuesioner(["validate", "bad.yaml"], dir)).stderr).not.toContain("\u001b[");
  });

  it.each([
    [["validate"], "error: missing required argument 'files'"],
    [["validate", "--format", "xml", "good.yaml"], "error: option '--format <format>' argument 'xml' is invalid"],
    [["validate", "--strict", "good.yaml"], "error: unknown option '--strict'"],
  ])("exits 2 on a usage error: %j", async (argv, message) => {
    const ran = await runKuesioner(argv, dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
  });
});
