import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner } from "../score/score-harness.js";

/**
 * The broken-input corpus: each file in fixtures/invalid/ is one mistake, and the
 * `<case>.expected.txt` beside it is exactly what `kuesioner validate` prints for it from the
 * repository root (the summary line aside); `fixtures/invalid-expected-id/<case>.txt` is the same
 * in Indonesian (`--lang id`). Regenerate after a deliberate change with
 * `npx vitest run test/commands/validate/corpus.test.ts -u`, then read the diff.
 */
const cases = readdirSync(`${repoRoot}/fixtures/invalid`)
  .filter((f) => !f.endsWith(".expected.txt"))
  .sort();

describe("the broken-input corpus (fixtures/invalid)", () => {
  it("has a case for every kind of mistake the issue lists", () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  it.each(cases)("%s", async (name) => {
    const file = `fixtures/invalid/${name}`;
    const ran = await runKuesioner(["validate", file], repoRoot);
    const lines = ran.stderr.split("\n");
    const summary = lines.splice(-2, 1)[0];
    const diagnostics = lines.join("\n");
    await expect(diagnostics).toMatchFileSnapshot(
      `../../../fixtures/invalid/${name.replace(/\.[^.]+$/, "")}.expected.txt`,
    );

    // Every case is broken somehow; only warnings leave the exit code at 0.
    expect(diagnostics).toMatch(new RegExp(`^${file.replace(/[.]/g, "\\.")}(:\\d+:\\d+)?: (error|warning): `));
    expect(ran.code).toBe(/: error: /.test(diagnostics) ? 1 : 0);
    expect(summary).toMatch(/^(\d+ errors?)?(, )?(\d+ warnings?)? in 1 file \(/);
    expect(ran.stdout).toBe("");
  });
});

describe("the broken-input corpus in Indonesian (--lang id)", () => {
  it.each(cases)("%s", async (name) => {
    const file = `fixtures/invalid/${name}`;
    const ran = await runKuesioner(["validate", file, "--lang", "id"], repoRoot);
    const lines = ran.stderr.split("\n");
    const summary = lines.splice(-2, 1)[0];
    const diagnostics = lines.join("\n");
    await expect(diagnostics).toMatchFileSnapshot(
      `../../../fixtures/invalid-expected-id/${name.replace(/\.[^.]+$/, "")}.txt`,
    );
    expect(diagnostics).toMatch(new RegExp(`^${file.replace(/[.]/g, "\\.")}(:\\d+:\\d+)?: (kesalahan|peringatan): `));
    expect(summary).toMatch(/^(\d+ kesalahan)?(, )?(\d+ peringatan)? dalam 1 berkas \(/);
  });
});
