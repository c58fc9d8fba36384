import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bin, neutralLocale } from "../e2e/cli-harness.js";
import { repoRoot } from "../reference/reference-data.js";
import { type DocExample, extractExamples, matchesShown, outputLines } from "./doc-examples.js";

const docFiles = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync(join(repoRoot, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
];
const examples: DocExample[] = docFiles.flatMap((file) =>
  extractExamples(file, readFileSync(join(repoRoot, file), "utf8")),
);

// `kuesioner` on the PATH is the built binary of this checkout, whatever else is installed.
const scratch = mkdtempSync(join(tmpdir(), "kuesioner-docs-"));
writeFileSync(join(scratch, "kuesioner"), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
chmodSync(join(scratch, "kuesioner"), 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * What each command printed in the repository's folder. The README and docs/ show some of the
 * same commands (the README's tour, then the command's own page): one run answers for all.
 * Commands of `in-temp` examples may depend on the files the example made, so they always run.
 */
const shownInRepo = new Map<string, string[]>();

function runShown(command: string, cwd: string): string[] {
  if (cwd !== repoRoot) return runCommand(command, cwd);
  const known = shownInRepo.get(command);
  if (known) return known;
  const lines = runCommand(command, cwd);
  shownInRepo.set(command, lines);
  return lines;
}

function runCommand(command: string, cwd: string): string[] {
  const result = spawnSync("sh", ["-c", `{ ${command}\n} 2>&1`], {
    cwd,
    encoding: "utf8",
    maxBuffer: 32 * 1024 * 1024,
    env: {
      ...process.env,
      ...neutralLocale,
      PATH: `${scratch}${delimiter}${process.env.PATH ?? ""}`,
      NO_COLOR: "1",
      FORCE_COLOR: undefined,
      COLUMNS: undefined,
    },
  });
  return outputLines(result.stdout.split(cwd).join("<tmp>"));
}

describe("the examples in the README and docs/", () => {
  it("finds the examples (one per command in the README at least)", () => {
    const inReadme = examples.filter((e) => e.file === "README.md").map((e) => e.commands[0]?.command.split(" ")[1]);
    expect(new Set(inReadme)).toEqual(
      new Set(["validate", "show", "schema", "score", "compare", "advise", "survey", "report"]),
    );
    expect(examples.length).toBeGreaterThan(8);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))("%s prints what it shows", (_, example) => {
    const cwd = example.inTemp ? mkdtempSync(join(scratch, "run-")) : repoRoot;
    for (const { command, expected } of example.commands) {
      const actual = runShown(command, cwd);
      // On a mismatch, show the whole output next to the documented one.
      if (!matchesShown(expected, actual)) expect(actual.join("\n")).toBe(expected.join("\n"));
    }
  });
});

describe("matching an example's output", () => {
  it.each([
    [["a", "b"], ["a", "b"], true],
    [["a", "b"], ["a", "c"], false],
    [["a"], ["a", "b"], false],
    [["a", "…"], ["a", "b", "c"], true],
    [["a", "…", "d"], ["a", "b", "c", "d"], true],
    [["a", "…", "d"], ["a", "b", "c"], false],
    [["  …", "c"], ["c"], true],
    [["a  "], ["a"], true],
    [["a… b"], ["a x b"], false],
  ])("%j against %j is %s", (expected, actual, result) => {
    expect(matchesShown(expected, actual)).toBe(result);
  });

  it("reads commands and their output from console blocks only", () => {
    const md = [
      "```sh",
      "kuesioner score x",
      "```",
      "```console in-temp",
      "$ kuesioner a",
      "out 1",
      "$ kuesioner b",
      "```",
      "```console",
      "$ ls",
      "```",
    ].join("\n");
    expect(extractExamples("X.md", md)).toEqual([
      {
        file: "X.md",
        line: 4,
        inTemp: true,
        commands: [
          { command: "kuesioner a", expected: ["out 1"] },
          { command: "kuesioner b", expected: [] },
        ],
      },
    ]);
  });
});
