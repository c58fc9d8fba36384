import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner, tempDir } from "../score/score-harness.js";

const MINI = "fixtures/valid/mini.yaml";

describe("kuesioner show", () => {
  it.each([
    ["text", "en", "show-mini.en.txt"],
    ["text", "id", "show-mini.id.txt"],
    ["markdown", "en", "show-mini.en.md"],
    ["markdown", "id", "show-mini.id.md"],
    ["json", "en", "show-mini.en.json"],
  ])("renders --format %s --lang %s as in the golden file", async (format, lang, golden) => {
    const ran = await runKuesioner(["show", MINI, "--format", format, "--lang", lang], repoRoot);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    await expect(ran.stdout).toMatchFileSnapshot(`__snapshots__/${golden}`);
  });

  it("gives the 2023 instrument's structure as JSON: elements and questions in official order, exact weights", async () => {
    const ran = await runKuesioner(["show", "smart-city-2023", "--format", "json"], repoRoot);
    expect(ran.code).toBe(0);
    const json = JSON.parse(ran.stdout);
    expect(Object.keys(json)).toEqual([
      "id",
      "version",
      "title",
      "scale",
      "defaultProfile",
      "profiles",
      "pillars",
      "elements",
    ]);
    expect(json.id).toBe("smart-city-2023");
    expect(json.elements.map((e: { id: string; questions: unknown[] }) => [e.id, e.questions.length])).toEqual([
      ["baseline", 5],
      ["output", 7],
      ["outcome", 33],
      ["impact", 54],
      ["quick-win", 12],
      ["collaboration", 6],
    ]);
    expect(json.profiles).toEqual({
      reguler: { baseline: 10, output: 20, outcome: 30, impact: 20, "quick-win": 20 },
      "kppn-ikn": { baseline: 10, output: 20, outcome: 20, impact: 20, "quick-win": 20, collaboration: 10 },
    });
    const impact = json.elements[3].questions;
    expect(new Set(impact.map((q: { kind: string }) => q.kind))).toEqual(new Set(["survey"]));
    expect(impact[0]).toMatchObject({
      kind: "survey",
      pillar: "governance",
      subdimension: "public-services",
      respondents: 50,
    });
    expect(json.elements[0].questions[0]).toMatchObject({
      id: "bl-masterplan-legal-basis",
      kind: "level",
      pillar: null,
    });
    expect(
      json.elements.flatMap((e: { questions: { id: string }[] }) => e.questions.map((q) => q.id.slice(0, 3))),
    ).toEqual(["bl-", "op-", "oc-", "im-", "qw-", "co-"].flatMap((p, i) => Array([5, 7, 33, 54, 12, 6][i]).fill(p)));
  });

  it("writes the same JSON bytes every time", async () => {
    const a = await runKuesioner(["show", "smart-city-2022", "--format", "json", "--lang", "id"], repoRoot);
    const b = await runKuesioner(["show", "smart-city-2022", "--format", "json", "--lang", "id"], repoRoot);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).profiles["kppn-ikn"]).toEqual({
      baseline: 10,
      output: 20,
      outcome: 30,
      impact: 10,
      "quick-win": 30,
    });
  });

  it("prints the 2023 instrument for an officer: weights per profile, numbered questions with kind and pillar", async () => {
    const ran = await runKuesioner(["show", "smart-city-2023"], repoRoot);
    expect(ran.stdout).toMatch(
      /^Smart City Implementation Evaluation 2023\nsmart-city-2023 · version 2023\.1 · scale 0–4 · 6 elements · 117 questions\n/,
    );
    expect(ran.stdout).toContain("Collaboration          –         10\n");
    expect(ran.stdout).toContain("\n4. Impact · 54 questions · reguler 20% · kppn-ikn 20%\n");
    expect(ran.stdout).toMatch(/\n {3}1\. im-gov-ps-online · survey, 50 respondents\n/);
    expect(ran.stdout).toContain("Pillar: Smart Governance › Public services\n");
  });

  it("wraps question texts to the terminal width and colours only when asked", async () => {
    const narrow = await runKuesioner(["show", "smart-city-2023"], repoRoot, { columns: 60 });
    expect(
      Math.max(
        ...narrow.stdout
          .split("\n")
          .filter((l) => !l.includes(" · "))
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(60);
    expect(narrow.stdout).not.toContain("\u001b[");
    expect((await runKuesioner(["show", MINI], repoRoot, { color: true })).stdout).toContain("\u001b[1m");
  });

  it("names the shipped questionnaires when the id is unknown, exit 1", async () => {
    const ran = await runKuesioner(["show", "smart-city-2019"], repoRoot);
    expect(ran).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'kuesioner: unknown questionnaire "smart-city-2019"\n  hint: shipped questionnaires: smart-city-2022, smart-city-2023; or give a path to a YAML file\n',
    });
  });

  describe("with a broken questionnaire", () => {
    let dir: string;
    let remove: () => Promise<void>;
    beforeAll(async () => ({ dir, remove } = await tempDir("show")));
    afterAll(async () => remove());

    it("prints its diagnostics, not its structure, exit 1", async () => {
      await copyFile(join(repoRoot, "fixtures/invalid/weights-sum-95.yaml"), join(dir, "broken.yaml"));
      const ran = await runKuesioner(["show", "broken.yaml"], dir);
      expect(ran).toEqual({
        code: 1,
        stdout: "",
        stderr:
          'broken.yaml:35:14: error: profiles.0.weights: weights of profile "reguler" sum to 95, expected 100\n  hint: baseline 35 + outcome 60 = 95\n1 error in 1 file: cannot show broken.yaml\n',
      });
    });
  });

  it.each([
    [["show"], "error: missing required argument 'questionnaire'"],
    [["show", MINI, "--format", "html"], "error: option '--format <format>' argument 'html' is invalid"],
    [["show", MINI, "--lang", "fr"], "error: option '--lang <lang>' argument 'fr' is invalid"],
  ])("exits 2 on a usage error: %j", async (argv, message) => {
    const ran = await runKuesioner(argv, repoRoot);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
  });
});
