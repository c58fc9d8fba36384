import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/errors.js";
import { capDiagnostics } from "../../src/io/diagnostic-cap.js";
import { maxOf, pushAll } from "../../src/model/collections.js";
import { summarizeDiagnostics } from "../../src/text/diagnostics.js";
import { runKuesioner, tempDir } from "../commands/score/score-harness.js";
import { repoRoot } from "../reference/reference-data.js";

/**
 * Issue 14, item 2: a questionnaire with 150,000 diagnostics (one question with 50,000
 * thresholds) crashed every answer file that named it with "Maximum call stack size exceeded".
 * Such a file now holds more nodes than a file may (MAX_NODES, test/io/crowded.test.ts), so the
 * case here has 40,000 thresholds: 120,000 diagnostics, still far past what the stack took.
 */
describe("a file with a hundred thousand mistakes", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await tempDir("many"));
    const mini = await readFile(join(repoRoot, "fixtures/valid/mini.yaml"), "utf8");
    const steps = "        thresholds:\n          - { at: 1, level: 1 }\n          - { at: 3, level: 2 }\n";
    const at = mini.indexOf(steps);
    expect(at).toBeGreaterThan(0);
    const many = `        thresholds:\n${"          - { at: 1, level: 9 }\n".repeat(40_000)}`;
    const end = mini.indexOf("  - id: outcome");
    await writeFile(join(dir, "q.yaml"), `${mini.slice(0, at)}${many}${mini.slice(end)}`);
    await writeFile(join(dir, "a.yaml"), "questionnaire: ./q.yaml\nanswers:\n  bl-1: 2\n");
  });
  afterAll(() => remove());

  // score crashed on the same path (evaluateAnswerFile); one run of the real case is enough here.
  it("validates an answer file naming it: the first 1,000, then one line for the rest", async () => {
    const ran = await runKuesioner(["validate", "a.yaml"], dir);
    expect(ran.code).toBe(1);
    const lines = ran.stderr.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("q.yaml:"))).toHaveLength(1001);
    expect(ran.stderr).toMatch(
      /\nq\.yaml:\d+:\d+: error: and 118,998 more problems from here on \(118,998 errors\), not shown\n {2}hint: only the first 1,000 problems of a file are listed/,
    );
    expect(lines.at(-1)).toBe("119999 errors in 1 file (1 answer file)");
  });
});

describe("capDiagnostics", () => {
  const at = (file: string, line: number, severity: Diagnostic["severity"] = "error"): Diagnostic => ({
    file,
    line,
    column: 1,
    path: [],
    severity,
    message: `m${line}`,
  });

  it("keeps the first by position, counts the rest where they start, and leaves other files alone", () => {
    const own = [at("a", 5), at("a", 1, "warning"), at("a", 4, "warning"), at("a", 2), at("a", 3)];
    const capped = capDiagnostics("a", [...own, at("q", 9)], 2);
    expect(capped.map((d) => `${d.file}:${d.line} ${d.severity} ${d.message}`)).toEqual([
      "a:1 warning m1",
      "a:2 error m2",
      "a:3 error and 3 more problems from here on (2 errors, 1 warning), not shown",
      "q:9 error m9",
    ]);
    expect(summarizeDiagnostics(capped, 1)).toBe("4 errors, 2 warnings in 1 file");
    expect(capDiagnostics("a", capped, 2)).toEqual(capped);
  });

  it("leaves a file under the limit as it is", () => {
    const few = [at("a", 2), at("a", 1)];
    expect(capDiagnostics("a", few, 2)).toBe(few);
  });
});

describe("lists as long as the input", () => {
  it("are appended and measured without spreading them onto the call stack", () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    expect(pushAll([-1], many)).toHaveLength(500_001);
    expect(maxOf(many)).toBe(499_999);
    expect(maxOf([])).toBe(0);
  });
});
