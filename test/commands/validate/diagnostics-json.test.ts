import { describe, expect, it } from "vitest";
import { diagnosticsJsonSchema } from "../../../src/model/diagnostic-json.js";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner } from "../score/score-harness.js";

const broken = "fixtures/answers/broken/out-of-scale.yaml";

describe("one diagnostics JSON shape for validate and score", () => {
  it("validate --format json prints diagnostics of the documented shape, every key present", async () => {
    const ran = await runKuesioner(["validate", "--format", "json", broken, "fixtures/invalid/empty.yaml"], repoRoot);
    expect(ran.code).toBe(1);
    const diagnostics = diagnosticsJsonSchema.parse(JSON.parse(ran.stdout));
    expect(diagnostics.length).toBeGreaterThan(3);
    for (const d of diagnostics) {
      expect(Object.keys(d)).toEqual([
        "file",
        "kind",
        "line",
        "column",
        "severity",
        "path",
        "code",
        "params",
        "message",
        "hint",
        "omitted",
      ]);
    }
    // A problem of the whole file has neither line nor column.
    expect(diagnostics.find((d) => d.file === "fixtures/invalid/empty.yaml")).toMatchObject({
      kind: "unknown",
      line: null,
      column: null,
    });
  });

  it("score --format json lists a failed file's diagnostics exactly as validate prints them", async () => {
    const validated = await runKuesioner(["validate", "--format", "json", broken], repoRoot);
    const scored = await runKuesioner(["score", "--format", "json", broken, "fixtures/answers/2023"], repoRoot);
    expect(scored.code).toBe(1);
    const failed = JSON.parse(scored.stdout).failed as { file: string; diagnostics: unknown }[];
    expect(failed.map((f) => f.file)).toEqual([broken]);
    const fromScore = diagnosticsJsonSchema.parse(failed[0]!.diagnostics);
    // score lists the errors that stopped the file; validate also prints warnings.
    const fromValidate = diagnosticsJsonSchema
      .parse(JSON.parse(validated.stdout))
      .filter((d) => d.severity === "error");
    expect(fromScore).toEqual(fromValidate);
    expect(fromScore.length).toBe(3);
  });
});
