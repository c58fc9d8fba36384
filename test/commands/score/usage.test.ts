import { cp } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKuesioner, tempDir } from "./score-harness.js";

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempDir("score-usage"));
  await cp("fixtures/answers/2023", join(dir, "jawaban"), { recursive: true });
});
afterAll(() => remove());

describe("options that cannot apply are one usage error", () => {
  it("--profile with an unknown id: one error with the likely id, exit 2, however many files", async () => {
    const ran = await runKuesioner(["score", "jawaban", "--profile", "kppn"], dir);
    expect(ran).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'kuesioner: --profile kppn: questionnaire "smart-city-2023" has no such profile\n  hint: did you mean "kppn-ikn"? profiles: reguler, kppn-ikn\n',
    });
  });

  it("--fail-under above the scale: every result would fail, so it is a usage error", async () => {
    const ran = await runKuesioner(["score", "jawaban", "--fail-under", "5"], dir);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe(
      'kuesioner: --fail-under 5.00: above the scale of questionnaire "smart-city-2023" (0–4), so every result would fail\n  hint: give a score between 0 and 4\n',
    );
    expect((await runKuesioner(["score", "jawaban", "--fail-under", "4"], dir)).code).toBe(1);
  });

  it.each([
    [["score", "jawaban/kota-tirtamulya.yaml", "--out", "no-such-folder/x.csv"]],
    [["score", "jawaban", "--out", "jawaban"]],
  ])("%j: a bad --out is a usage error (exit 2), as in fill", async (argv) => {
    const ran = await runKuesioner(argv, dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^kuesioner: --out /);
  });
});
