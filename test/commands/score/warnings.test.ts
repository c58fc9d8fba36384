import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKuesioner, tempDir } from "./score-harness.js";

/**
 * An analyst's folder of 50 answer files (issue 8, item 13): most with a few Impact statements
 * asked of fewer than the 50 respondents the method requires, two with a 2022 questionnaire, one
 * region twice (a revised copy), and --previous with results for only some regions.
 */
const surveyItems = ["im-gov-ps-online", "im-gov-ps-transparent", "im-gov-ps-faster-cheaper"];
const regions = Array.from({ length: 48 }, (_, i) => `Kabupaten Contoh ${String(i + 1).padStart(2, "0")}`);

function answerFile(region: string, questionnaire: string, year: number, undersampled: number): string {
  const answers = [
    "  bl-masterplan-legal-basis: 3",
    "  bl-council-meeting: 2",
    ...surveyItems.map((id, i) => `  ${id}: { survey: { mean: 3.1, respondents: ${i < undersampled ? 20 : 50} } }`),
  ];
  return [
    `questionnaire: ${questionnaire}`,
    "respondent:",
    `  region: ${region}`,
    `  year: ${year}`,
    "answers:",
    ...(questionnaire === "smart-city-2023" ? answers : ["  bl-masterplan-legal-basis: 3"]),
    "",
  ].join("\n");
}

describe("score's warnings on a batch of 50 files", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await tempDir("warnings"));
    await mkdir(join(dir, "jawaban"));
    await mkdir(join(dir, "lalu"));
    for (const [i, region] of regions.entries()) {
      const slug = region.toLowerCase().replace(/\W+/g, "-");
      await writeFile(join(dir, "jawaban", `${slug}.yaml`), answerFile(region, "smart-city-2023", 2023, i % 4));
      // Last year's results for the first ten regions only.
      if (i < 10) await writeFile(join(dir, "lalu", `${slug}.yaml`), answerFile(region, "smart-city-2022", 2022, 0));
    }
    await writeFile(
      join(dir, "jawaban", "kabupaten-contoh-01-revisi.yaml"),
      answerFile(regions[0]!, "smart-city-2023", 2023, 3),
    );
    await writeFile(join(dir, "jawaban", "kota-lama.yaml"), answerFile("Kota Lama", "smart-city-2022", 2023, 0));
  }, 60_000);
  afterAll(async () => remove());

  const args = ["score", "jawaban", "--previous", "lalu", "--format", "csv"];

  it("says the batch-wide warnings first, then one line per file", { timeout: 120_000 }, async () => {
    const ran = await runKuesioner(args, dir);
    expect(ran.code).toBe(0);
    const lines = ran.stderr.trimEnd().split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "kuesioner: warning: one ranking mixes questionnaires smart-city-2022 and smart-city-2023; consider --group-by questionnaire",
      'kuesioner: warning: "Kabupaten Contoh 01" is ranked 2 times: jawaban/kabupaten-contoh-01-revisi.yaml, jawaban/kabupaten-contoh-01.yaml; a revised copy of a file? score only one',
      'kuesioner: warning: --previous has no result for 39 regions: "Kabupaten Contoh 11", "Kabupaten Contoh 12", "Kabupaten Contoh 13", "Kabupaten Contoh 14", "Kabupaten Contoh 15", …; their improvement is their file\'s own previous score, if any (--verbose names each)',
    ]);
    // One line for each file with several warnings; a file with one shows it as it is.
    const perFile = lines.slice(3);
    expect(perFile).toContain(
      "kuesioner: warning: jawaban/kabupaten-contoh-04.yaml: 3 survey items under-sampled (fewer respondents than required) (--verbose for details)",
    );
    expect(perFile).toContain(
      "jawaban/kabupaten-contoh-02.yaml:8:31: warning: answers.im-gov-ps-online.survey: 20 respondents, fewer than the 50 required",
    );
    expect(perFile.filter((l) => l.includes("kabupaten-contoh-04.yaml"))).toHaveLength(1);
    // 48 regions + the copy: 12 with no warning, 12 with one, 25 with two or three.
    expect(perFile).toHaveLength(12 + 25);
    expect(lines.length).toBeLessThan(50);
  });

  it("gives every warning in full with --verbose, still after the batch-wide ones", { timeout: 120_000 }, async () => {
    const ran = await runKuesioner([...args, "--verbose"], dir);
    const lines = ran.stderr.trimEnd().split("\n");
    expect(lines[0]).toContain("one ranking mixes questionnaires");
    expect(lines.filter((l) => l.includes("--previous has no result for"))).toHaveLength(39);
    expect(lines.filter((l) => l.includes("fewer than the 50 required"))).toHaveLength(12 * 1 + 12 * 2 + 13 * 3);
    expect(ran.stderr).not.toContain("--verbose for details");
  });

  it("says the summary in Indonesian", { timeout: 120_000 }, async () => {
    const ran = await runKuesioner([...args, "--lang", "id"], dir);
    expect(ran.stderr).toContain(
      "kuesioner: peringatan: jawaban/kabupaten-contoh-04.yaml: 3 butir survei dengan responden kurang dari yang dipersyaratkan (--verbose untuk rinciannya)",
    );
    expect(ran.stderr).toContain(
      "kuesioner: peringatan: satu peringkat mencampur kuesioner smart-city-2022 dan smart-city-2023",
    );
  });
});
