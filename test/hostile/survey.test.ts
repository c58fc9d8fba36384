import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKuesioner, tempDir } from "../commands/score/score-harness.js";
import { repoRoot } from "../reference/reference-data.js";

/**
 * Issue 14, found by the input fuzzer (test/fuzz/inputs.test.ts): survey import echoed a
 * response sheet's headers and cells into its diagnostics with their control characters, bidi
 * marks and line separators.
 */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempDir("survey-hostile"));
  await copyFile(join(repoRoot, "fixtures/valid/mini.yaml"), join(dir, "mini.yaml"));
  await writeFile(
    join(dir, "responses.csv"),
    'No,Saran\u001b[2J\u200e,oc-2\n1,baik,"Setuju\u2028r.csv:9:A: error: forged"\n2,baik,\u001b]0;judul\u0007\n',
  );
});
afterAll(() => remove());

describe("survey import of a sheet with control characters", () => {
  it("shows the headers and cells it reports on escaped, one diagnostic per line", async () => {
    const ran = await runKuesioner(
      ["survey", "import", "responses.csv", "--questionnaire", "./mini.yaml", "--lang", "en"],
      dir,
    );
    expect(ran.code).toBe(1);
    expect(ran.stderr).not.toMatch(RAW);
    expect(ran.stderr).toContain('responses.csv:1:B: warning: column "Saran\\x1b[2J\\u200e" matches no statement');
    expect(ran.stderr).toContain('responses.csv:2:C: error: unknown answer "Setuju\\u2028r.csv:9:A: error: forged"');
    expect(ran.stderr).toContain('responses.csv:3:C: error: unknown answer "\\x1b]0;judul\\x07"');
  });
});

// Found by npm run fuzz (inputs, seed 822465376): a header with U+2029 reached --format json raw.
describe("survey import --format json", () => {
  it("writes a header's line separator and bidi marks as JSON escapes", async () => {
    await writeFile(join(dir, "headers.csv"), "No,Saran\u2029baru\u200e,oc-2\n1,baik,3\n");
    const ran = await runKuesioner(
      ["survey", "import", "headers.csv", "--questionnaire", "./mini.yaml", "--format", "json"],
      dir,
    );
    expect(ran.stdout).not.toMatch(RAW);
    expect(ran.stdout).toContain('"header": "Saran\\u2029baru\\u200e"');
    expect(JSON.parse(ran.stdout).diagnostics[0].params.header).toBe("Saran\u2029baru\u200e");
  });
});
