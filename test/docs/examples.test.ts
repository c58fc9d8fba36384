import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bin, neutralLocale, runBuiltTogether } from "../e2e/cli-harness.js";
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

const env = {
  ...process.env,
  ...neutralLocale,
  PATH: `${scratch}${delimiter}${process.env.PATH ?? ""}`,
  NO_COLOR: "1",
  FORCE_COLOR: undefined,
  COLUMNS: undefined,
};

/** A command line a shell would pass to kuesioner word for word: plain words and "quoted words", nothing else. */
const plain = /^kuesioner(?: +(?:[^\s"'\\$`<>|&;*?~#(){}[\]]+|"[^"\\$`]*"))+ *$/;
const words = (command: string) => [...command.matchAll(/"([^"]*)"|(\S+)/g)].slice(1).map((m) => m[1] ?? m[2] ?? "");

/** What a command printed, stdout and stderr together, the folder it ran in written <tmp>. */
const shown = (output: string, cwd: string) => outputLines(output.split(cwd).join("<tmp>"));

/** Runs a command line through sh, with the built binary as `kuesioner` on the PATH. */
function runInShell(command: string, cwd: string): string[] {
  const result = spawnSync("sh", ["-c", `{ ${command}\n} 2>&1`], {
    cwd,
    encoding: "utf8",
    maxBuffer: 32 * 1024 * 1024,
    env,
  });
  return shown(result.stdout, cwd);
}

/**
 * Most examples are a plain `kuesioner ARGS`: those all run in one process of the built program
 * (test/e2e/one-process.mjs), one after the other, instead of one launch each. Examples with anything a
 * shell does (redirections, pipes) run through sh and the binary, and so does the first plain
 * one again, which must print the same in both ways. The README and docs/ show some of the same
 * commands in the repository's folder: one run answers for all. The commands of an `in-temp`
 * example run in its own new folder, in order.
 */
const sharedRuns = new Map<string, string[]>();
const key = (command: string, cwd: string) => `${cwd}\0${command}`;
const folders = new Map<DocExample, string>();
const inShared = (example: DocExample) => example.commands.every(({ command }) => plain.test(command));

beforeAll(async () => {
  const batch: { args: string[]; cwd: string; key: string }[] = [];
  for (const example of examples.filter(inShared)) {
    const cwd = example.inTemp ? mkdtempSync(join(scratch, "run-")) : repoRoot;
    folders.set(example, cwd);
    for (const { command } of example.commands) {
      const k = key(command, cwd);
      if (!batch.some((b) => b.key === k)) batch.push({ args: words(command), cwd, key: k });
    }
  }
  const results = await runBuiltTogether(batch, env);
  for (const [i, b] of batch.entries()) sharedRuns.set(b.key, shown(results[i]!.output, b.cwd));
});

const runShown = (command: string, cwd: string) => sharedRuns.get(key(command, cwd)) ?? runInShell(command, cwd);

describe("the examples in the README and docs/", () => {
  it("finds the examples (one per command in the README at least)", () => {
    const inReadme = examples.filter((e) => e.file === "README.md").map((e) => e.commands[0]?.command.split(" ")[1]);
    expect(new Set(inReadme)).toEqual(
      new Set(["validate", "show", "schema", "score", "compare", "advise", "survey", "report"]),
    );
    expect(examples.length).toBeGreaterThan(8);
    // Both ways of running are used: shell features through the binary, plain commands together.
    expect(examples.filter(inShared).length).toBeGreaterThan(8);
    expect(examples.filter((e) => !inShared(e)).length).toBeGreaterThan(2);
  });

  it("prints the same in the shared process as through sh and the binary", () => {
    const first = examples.find((e) => inShared(e) && !e.inTemp)!;
    const { command } = first.commands[0]!;
    const shared = sharedRuns.get(key(command, repoRoot));
    expect(shared?.length).toBeGreaterThan(2);
    expect(runInShell(command, repoRoot)).toEqual(shared);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))("%s prints what it shows", (_, example) => {
    const cwd = folders.get(example) ?? (example.inTemp ? mkdtempSync(join(scratch, "run-")) : repoRoot);
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
