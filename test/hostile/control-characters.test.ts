import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKuesioner, tempDir } from "../commands/score/score-harness.js";
import { repoRoot } from "../reference/reference-data.js";

/**
 * Issue 14, items 5, 6, 10 and 11: a file's keys and values never bring control characters,
 * bidi overrides or line separators to the terminal or into a document, and never split one
 * diagnostic into two lines that could pass for ours.
 */
// Raw characters no text output may hold (LF ends our lines; CSV ends them with CR LF).
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const rawIn = (text: string, csv = false) => RAW.test(csv ? text.replace(/\r\n/g, "\n") : text);

let dir: string;
let remove: () => Promise<void>;
const hostileRegion = "Kab\u001b[2J\rSuka\u2028maju\u202e|x\u0085y";
beforeAll(async () => {
  ({ dir, remove } = await tempDir("ctrl"));
  const sukamaju = await readFile(join(repoRoot, "fixtures/answers/2023/kabupaten-sukamaju.yaml"), "utf8");
  const region = JSON.stringify(hostileRegion).replace(/\\u001b/g, "\\e");
  await writeFile(
    join(dir, "hostile.yaml"),
    sukamaju.replace("region: Kabupaten Sukamaju", `region: ${region}`).replace(/^# .*\n/, ""),
  );
  await writeFile(
    join(dir, "fake.yaml"),
    'questionnaire: smart-city-2023\nanswers:\n  "x\\e[31m\\nfake.yaml:1:1: error: forged line": 2\n',
  );
  const tirtamulya = await readFile(join(repoRoot, "fixtures/answers/2023/kota-tirtamulya.yaml"), "utf8");
  await writeFile(join(dir, "tirtamulya.yaml"), tirtamulya);
});
afterAll(() => remove());

const run = (...argv: string[]) => runKuesioner(argv, dir);

describe("a key with ESC and a line break", () => {
  it("is one diagnostic on one line (and its hint), escaped, in text", async () => {
    const ran = await run("validate", "fake.yaml");
    expect(ran.code).toBe(1);
    expect(rawIn(ran.stderr)).toBe(false);
    const lines = ran.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'fake.yaml:3:3: error: answers.x\\x1b[31m\\nfake.yaml:1:1: error: forged line: unknown question id "x\\x1b[31m\\nfake.yaml:1:1: error: forged line" in questionnaire "smart-city-2023"',
    );
  });

  it("is escaped in GitHub annotations, and stays the same data in JSON", async () => {
    const github = await run("validate", "fake.yaml", "--format", "github");
    expect(rawIn(github.stdout)).toBe(false);
    expect(github.stdout.trimEnd().split("\n")).toHaveLength(1);
    const json = await run("validate", "fake.yaml", "--format", "json");
    expect(rawIn(json.stdout)).toBe(false);
    expect(JSON.parse(json.stdout)[0].path).toEqual(["answers", "x\u001b[31m\nfake.yaml:1:1: error: forged line"]);
  });
});

describe("a region name with ESC, CR, U+2028, U+202E and U+0085", () => {
  it.each(["table", "markdown", "csv"])("is escaped in the one-file report (%s)", async (format) => {
    const ran = await run("score", "hostile.yaml", "--format", format);
    expect(ran.code).toBe(0);
    expect(rawIn(ran.stdout, format === "csv")).toBe(false);
    expect(ran.stdout).toContain("Kab\\x1b[2J\\rSuka\\u2028maju\\u202e");
  });

  it.each(["table", "markdown", "csv"])("keeps the ranking's rows whole (%s)", async (format) => {
    const ran = await run("score", "hostile.yaml", "tirtamulya.yaml", "--format", format);
    expect(ran.code).toBe(0);
    expect(rawIn(ran.stdout, format === "csv")).toBe(false);
    const row = ran.stdout.split("\n").find((l) => l.includes("Suka"))!;
    expect(row).toMatch(/2[.,]0(2|181)/);
    if (format === "markdown") expect(row).toContain("\\u202e\\|x\\x85y |");
  });

  it("stays the same data in JSON, escaped so a terminal shows it safely", async () => {
    const ran = await run("score", "hostile.yaml", "--format", "json");
    expect(rawIn(ran.stdout)).toBe(false);
    expect(JSON.parse(ran.stdout).region).toBe(hostileRegion);
  });
});

describe("a questionnaire reference", () => {
  it("with a line break is an error at its position, not a file looked up", async () => {
    await writeFile(join(dir, "ref.yaml"), 'questionnaire: "smart-city-2023\\n"\nanswers: {}\n');
    const ran = await run("validate", "ref.yaml");
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(
      /^ref\.yaml:1:16: error: questionnaire: a questionnaire reference is one line without control characters\n/,
    );
  });
});
