import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKuesioner, tempDir } from "../commands/score/score-harness.js";

/**
 * Issue 14, found by the input fuzzer (test/fuzz/inputs.test.ts): `history` echoed the question
 * it was asked for, and a log's texts (who, which question, the values), with their control
 * characters, and wrote U+2028 raw into its JSON.
 */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempDir("history-hostile"));
  await writeFile(
    join(dir, "x.yaml.history.jsonl"),
    `${[
      {
        seq: 1,
        time: "2024-10-28T09:00:01.000Z",
        by: "Sari\u001b[2J",
        command: "fill",
        field: "status",
        old: null,
        new: "draft",
      },
      {
        seq: 2,
        time: "2024-10-28T09:00:02.000Z",
        by: "Budi\u2028x.yaml:1:1: error: forged",
        command: "fill",
        question: "bl-\u202emasterplan",
        old: null,
        new: { score: 3, note: "catatan\u0085baru\u001b]0;judul\u0007" },
      },
    ]
      .map((e) => JSON.stringify(e))
      .join("\n")}\n`,
  );
});
afterAll(() => remove());

describe("history of a hostile log", () => {
  it("shows who, what and the values escaped in its table", async () => {
    const ran = await runKuesioner(["history", "x.yaml", "--lang", "en"], dir);
    expect(ran.code).toBe(0);
    expect(ran.stdout).not.toMatch(RAW);
    expect(ran.stdout).toContain("Sari\\x1b[2J");
    expect(ran.stdout).toContain("Budi\\u2028x.yaml:1:1: error: forged");
    expect(ran.stdout).toContain("bl-\\u202emasterplan");
  });

  it("keeps the texts in JSON, with the line separators escaped", async () => {
    const ran = await runKuesioner(["history", "x.yaml", "--format", "json"], dir);
    expect(ran.code).toBe(0);
    expect(ran.stdout).not.toMatch(RAW);
    const json = JSON.parse(ran.stdout);
    expect(json.entries[1].by).toBe("Budi\u2028x.yaml:1:1: error: forged");
  });

  it("escapes the question it was asked for when it has no change", async () => {
    const ran = await runKuesioner(["history", "x.yaml", "osc\u001b]0;judul\u0007", "--lang", "en"], dir);
    expect(ran.code).toBe(0);
    expect(ran.stderr).not.toMatch(RAW);
    expect(ran.stderr).toContain("No change recorded for osc\\x1b]0;judul\\x07.");
  });
});
