import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../commands/score/score-harness.js";
import { repoRoot } from "../reference/reference-data.js";
import { spawnKuesioner } from "./cli-harness.js";

describe("kuesioner validate (built binary)", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir("validate-e2e")));
  afterAll(async () => remove());

  it("validates every shipped questionnaire, as CI does: exit 0, nothing on stdout", async () => {
    const files = readdirSync(join(repoRoot, "questionnaires"))
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => `questionnaires/${f}`);
    const ran = await spawnKuesioner(["validate", ...files]);
    expect(ran).toEqual({
      code: 0,
      stdout: "",
      stderr: `no problems in ${files.length} files (${files.length} questionnaires)\n`,
    });
  });

  it("reports the whole corpus in one run, exactly as the expected files say, exit 1", async () => {
    const cases = readdirSync(join(repoRoot, "fixtures/invalid"))
      .filter((f) => !f.endsWith(".expected.txt"))
      .sort();
    const ran = await spawnKuesioner(["validate", ...cases.map((c) => `fixtures/invalid/${c}`)]);
    const expected = cases
      .map((c) => readFileSync(join(repoRoot, "fixtures/invalid", `${c.replace(/\.[^.]+$/, "")}.expected.txt`), "utf8"))
      .join("");
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    // A broken questionnaire named by an answer file is shown once: where it is first reached.
    // (Blocks are a diagnostic line with its hint lines.)
    const seen = new Set<string>();
    const firstTimes = (block: string) => block === "" || (!seen.has(block) && seen.add(block) !== undefined);
    const deduplicated = expected
      .split(/\n(?! )/)
      .filter(firstTimes)
      .join("\n");
    expect(ran.stderr.slice(0, ran.stderr.lastIndexOf("\n", ran.stderr.length - 2) + 1)).toBe(deduplicated);
    expect(ran.stderr).toMatch(
      new RegExp(
        `\\n\\d+ errors, \\d+ warnings in ${cases.length} files \\(\\d+ questionnaires, \\d+ answer files, \\d+ not recognised\\)\\n$`,
      ),
    );
  });

  it("refuses a 6 MiB file, an empty folder and a missing file, and still checks the rest", async () => {
    await writeFile(join(dir, "huge.yaml"), Buffer.alloc(6 * 1024 * 1024, "x: 1\n"));
    await mkdir(join(dir, "folder"));
    await writeFile(join(dir, "ok.yaml"), readFileSync(join(repoRoot, "fixtures/valid/mini.yaml")));
    const ran = await spawnKuesioner(["validate", "huge.yaml", "folder", "nope.yaml", "ok.yaml"], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe(
      [
        "huge.yaml: error: file is 6.0 MiB, larger than the 5.0 MiB limit",
        "  hint: questionnaires and answer files are small text files; is this the right file?",
        "folder: error: no answer files (*.yaml, *.yml, *.json) in this folder",
        "nope.yaml: error: file not found",
        "  hint: check the path and the current directory",
        "3 errors in 4 files (1 questionnaire, 3 not recognised)",
        "",
      ].join("\n"),
    );
  });

  it("writes JSON to stdout and GitHub annotations for CI", async () => {
    const json = await spawnKuesioner([
      "validate",
      "--format",
      "json",
      "fixtures/invalid/alias-bomb.yaml",
      "fixtures/invalid/translation-missing.yaml",
    ]);
    expect(json.code).toBe(1);
    expect(
      JSON.parse(json.stdout).map((d: { file: string; severity: string; line: number | null }) => [
        d.file,
        d.severity,
        d.line,
      ]),
    ).toEqual([
      ["fixtures/invalid/alias-bomb.yaml", "error", null],
      ["fixtures/invalid/translation-missing.yaml", "warning", 4],
      ["fixtures/invalid/translation-missing.yaml", "warning", 18],
    ]);
    const github = await spawnKuesioner([
      "validate",
      "--format",
      "github",
      "fixtures/invalid/translation-missing.yaml",
    ]);
    expect(github.code).toBe(0);
    expect(github.stdout).toBe(
      "::warning file=fixtures/invalid/translation-missing.yaml,line=4,col=8,title=kuesioner::title: missing English text (en)\n" +
        "::warning file=fixtures/invalid/translation-missing.yaml,line=18,col=15,title=kuesioner::elements.0.questions.0.text: missing Indonesian text (id)\n",
    );
  });
});
