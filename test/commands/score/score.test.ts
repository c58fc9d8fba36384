import { readFile, writeFile, mkdir, copyFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner, tempDir } from "./score-harness.js";

/** Output with the questionnaire's content hash masked, so goldens follow scores, not wording. */
const masked = (text: string) =>
  text.replace(/[0-9a-f]{64}/g, "<sha256>").replace(/sha256 [0-9a-f]{12}…/g, "sha256 <sha256>…");
const score = (...argv: string[]) => runKuesioner(["score", ...argv], repoRoot);
const example = "examples/kabupaten-contoh-2023.yaml";

describe("score: one file", () => {
  it("prints the full report of the README example", async () => {
    const ran = await score(example);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    await expect(masked(ran.stdout)).toMatchFileSnapshot("__snapshots__/score-example.en.txt");
  });

  it("prints it in Indonesian with decimal commas", async () => {
    const ran = await score(example, "--lang", "id");
    expect(ran.stdout).toMatch(/Nilai Final\s+2,91/);
    expect(ran.stdout).toMatch(/Indeks Peningkatan\s+\+0,10 \(sebelumnya 2,81, 2022\)/);
    await expect(masked(ran.stdout)).toMatchFileSnapshot("__snapshots__/score-example.id.txt");
  });

  it("writes JSON with the documented keys in a fixed order, and the same bytes every time", async () => {
    const first = await score(example, "--format", "json");
    const second = await score(example, "--format", "json");
    expect(first.stdout).toBe(second.stdout);
    const json = JSON.parse(first.stdout);
    expect(Object.keys(json)).toEqual([
      "file",
      "region",
      "year",
      "status",
      "questionnaire",
      "profile",
      "total",
      "totalExact",
      "totalRounded",
      "band",
      "complete",
      "missing",
      "elements",
      "pillars",
      "previous",
      "improvement",
      "improvementExact",
      "selfTotal",
      "selfTotalExact",
      "verified",
      "unverified",
      "questions",
    ]);
    expect(json).toMatchObject({
      file: example,
      region: "Kabupaten Contoh",
      year: 2023,
      profile: "reguler",
      totalRounded: "2.91",
      complete: false,
      missing: ["oc-soc-education-map", "qw-risk-mitigation"],
    });
    expect(json.questionnaire).toEqual({
      id: "smart-city-2023",
      version: "2023.1",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(json.elements[0]).toEqual({
      id: "baseline",
      weight: 10,
      score: 3.2,
      scoreExact: "16/5",
      contribution: 0.32,
      answered: 5,
      questions: 5,
      // Two of the five are the panel's means without a self-assessed answer (0 on the self side).
      selfScore: 2,
      selfScoreExact: "2",
      verified: 2,
    });
    expect(json.previous).toEqual({ total: 2.81, year: 2022, region: null });
    expect(json.questions).toHaveLength(111);
    expect(json.questions.find((q: { id: string }) => q.id === "bl-council-meeting")).toEqual({
      id: "bl-council-meeting",
      element: "baseline",
      pillar: null,
      score: 2.8,
      scoreExact: "14/5",
      source: "assessors",
      self: null,
      selfExact: null,
      verified: 2.8,
      verifiedExact: "14/5",
      assessors: 5,
    });
    expect(first.stdout).not.toContain(repoRoot);
  });

  it("gives a questionnaire's CSV the same columns whatever the batch: every element, empty where not weighed", async () => {
    const header = (csv: string) => csv.split("\r\n")[0];
    const reguler = await score(
      "fixtures/answers/2023/kota-tirtamulya.yaml",
      "fixtures/answers/2023/kabupaten-sukamaju.yaml",
      "--format",
      "csv",
    );
    const mixed = await score("fixtures/answers/2023", "--format", "csv");
    expect(header(reguler.stdout)).toBe(header(mixed.stdout));
    expect(header(reguler.stdout)).toContain(",quick-win,collaboration,total,");
    const row = reguler.stdout.split("\r\n")[1]!.split(",");
    const at = header(reguler.stdout)!.split(",").indexOf("collaboration");
    expect(row[at]).toBe("");
  });

  it("renders Markdown and a one-row CSV", async () => {
    const md = await score(example, "--format", "markdown");
    expect(md.stdout).toContain("| **Final score** | | | **2.91** |");
    await expect(masked(md.stdout)).toMatchFileSnapshot("__snapshots__/score-example.md");
    const csv = await score(example, "--format", "csv");
    const [header, row, end] = csv.stdout.split("\r\n");
    expect(header).toBe(
      "rank,file,region,year,questionnaire,version,profile,status,complete,missing,baseline,output,outcome,impact,quick-win,collaboration,total,previous,improvement,verification,verified,unverified,self-baseline,self-output,self-outcome,self-impact,self-quick-win,self-collaboration,self-total",
    );
    expect(row).toMatch(
      /^1,examples\/kabupaten-contoh-2023\.yaml,Kabupaten Contoh,2023,smart-city-2023,2023\.1,reguler,draft,no,2,3\.2000,/,
    );
    expect(end).toBe("");
  });

  it("fails with located diagnostics and no output when the file has errors", async () => {
    const ran = await score("fixtures/answers/broken/out-of-scale.yaml");
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain(
      "fixtures/answers/broken/out-of-scale.yaml:6:30: error: answers.bl-masterplan-legal-basis: score 5 is outside the scale 0–4",
    );
  });

  it("reports a missing file with exit 1", async () => {
    const ran = await score("nowhere/malang.yaml");
    expect(ran).toMatchObject({ code: 1, stdout: "" });
    expect(ran.stderr).toContain("nowhere/malang.yaml: error: file not found");
  });
});

describe("score: many files", () => {
  it("ranks a folder, lists the files it could not score, and exits 1", async () => {
    const ran = await score("fixtures/answers");
    expect(ran.code).toBe(1);
    await expect(masked(ran.stdout)).toMatchFileSnapshot("__snapshots__/score-fixtures.txt");
    expect(ran.stderr).toContain("fixtures/answers/broken/syntax-error.yaml:6:3: error: YAML syntax");
    expect(ran.stderr).toContain("kuesioner: 4 of 11 inputs could not be scored");
    expect(ran.stderr).toContain("warning: one ranking mixes questionnaires smart-city-2022 and smart-city-2023");
  });

  it("ranks only the files a quoted pattern matches", async () => {
    const ran = await score("fixtures/answers/2023/*.y*ml", "--format", "json");
    expect(ran.code).toBe(0);
    const { results } = JSON.parse(ran.stdout);
    expect(results.map((r: { file: string }) => r.file)).toEqual([
      "fixtures/answers/2023/kota-tirtamulya.yaml",
      "fixtures/answers/2023/kabupaten-lembah-hijau.yaml",
      "fixtures/answers/2023/kabupaten-sukamaju.yaml",
      "fixtures/answers/2023/kabupaten-gunung-sari.yml",
    ]);
    expect(results.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it("writes batch JSON sorted by rank, with the failures and their diagnostics", async () => {
    const ran = await score("fixtures/answers", "--format", "json");
    const json = JSON.parse(ran.stdout);
    expect(Object.keys(json)).toEqual(["results", "failed"]);
    expect(Object.keys(json.results[0]).slice(0, 3)).toEqual(["rank", "file", "region"]);
    expect(json.results.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(json.failed.map((f: { file: string }) => f.file)).toEqual([
      "fixtures/answers/broken/out-of-scale.yaml",
      "fixtures/answers/broken/syntax-error.yaml",
      "fixtures/answers/broken/unknown-profile.yaml",
      "fixtures/answers/broken/unknown-questionnaire.yaml",
    ]);
    expect(json.failed[0].diagnostics[0]).toEqual({
      file: "fixtures/answers/broken/out-of-scale.yaml",
      line: 6,
      column: 30,
      path: ["answers", "bl-masterplan-legal-basis"],
      severity: "error",
      message: "score 5 is outside the scale 0–4",
      hint: null,
      kind: "answers",
      code: "answer.score-outside-scale",
      params: { score: 5, min: 0, max: 4 },
      omitted: null,
    });
  });

  it("ranks within profiles with --group-by profile", async () => {
    const ran = await score("fixtures/answers/2023", "--group-by", "profile", "--format", "json");
    const { results } = JSON.parse(ran.stdout);
    expect(
      results.map((r: { group: string; rank: number; region: string }) => `${r.group} ${r.rank} ${r.region}`),
    ).toEqual([
      "kppn-ikn 1 Kabupaten Lembah Hijau",
      "kppn-ikn 2 Kota Pelabuhan Baru",
      "reguler 1 Kota Tirtamulya",
      "reguler 2 Kabupaten Sukamaju",
      "reguler 3 Kabupaten Gunung Sari",
    ]);
    const table = await score("fixtures/answers/2023", "--group-by", "profile");
    expect(table.stdout).toContain("Profile kppn-ikn (KPPN & IKN cohort)\n");
  });

  it("writes CSV for English spreadsheets and for Excel in the Indonesian locale", async () => {
    const en = await score("fixtures/answers/2023", "--format", "csv");
    await expect(masked(en.stdout)).toMatchFileSnapshot("__snapshots__/score-2023.en.csv");
    const id = await score("fixtures/answers/2023", "--format", "csv", "--lang", "id");
    expect(id.stdout.startsWith("\ufeffrank;file;region;")).toBe(true);
    expect(id.stdout).toContain(";Kota Tirtamulya;2023;smart-city-2023;2023.1;reguler;final;ya;0;3,2800;");
    const lines = en.stdout.split("\r\n").filter(Boolean);
    expect(new Set(lines.map((l) => l.split(",").length))).toEqual(new Set([29]));
  });

  it("renders the ranking as Markdown", async () => {
    const ran = await score("fixtures/answers/2023", "--format", "markdown", "--lang", "id");
    await expect(masked(ran.stdout)).toMatchFileSnapshot("__snapshots__/score-2023.id.md");
  });
});

describe("score: ties, names and previous results", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const answersFile = (region: string | undefined, level: number, extra = "") =>
    `questionnaire: smart-city-2022\nprofile: kppn-ikn\n${region ? `respondent: { region: "${region}", year: 2022 }\n` : ""}${extra}answers:\n  bl-masterplan-legal-basis: ${level}\n  bl-council-meeting: { assessors: [3, 3, 2, 2] }\n`;

  beforeAll(async () => {
    ({ dir, remove: cleanup } = await tempDir("score-cmd"));
    await mkdir(join(dir, "batch"));
    await writeFile(join(dir, "batch/b.yaml"), answersFile("Kota Beta", 3));
    await writeFile(join(dir, "batch/a.yaml"), answersFile("Kota Alfa", 3));
    await writeFile(join(dir, "batch/c.yaml"), answersFile("Kota Gama", 4));
    await writeFile(join(dir, "batch/kab-tanpa-nama.yaml"), answersFile(undefined, 1));
    await writeFile(join(dir, "batch/rumus.yaml"), answersFile('=HYPERLINK(\\"x\\")', 0));
  });
  afterAll(async () => cleanup?.());

  it("names in JSON a questionnaire file looked for as the user would, relative to the working folder", async () => {
    await mkdir(join(dir, "lain"), { recursive: true });
    await writeFile(join(dir, "lain/x.yaml"), "questionnaire: ./tidak-ada.yaml\nanswers: {}\n");
    const ran = await runKuesioner(["score", "lain", "batch/a.yaml", "--format", "json"], dir);
    const [failed] = JSON.parse(ran.stdout).failed;
    expect(failed.diagnostics[0]).toMatchObject({
      file: "lain/x.yaml",
      code: "questionnaire.file-not-found",
      params: { ref: "./tidak-ada.yaml", file: "lain/tidak-ada.yaml" },
    });
    expect(ran.stdout).not.toContain(dir);
  });

  it("shares a rank between equal exact totals and orders the tie by region", async () => {
    const ran = await runKuesioner(["score", "batch", "--format", "json"], dir);
    const { results } = JSON.parse(ran.stdout);
    expect(results.map((r: { rank: number; region: string }) => `${r.rank} ${r.region}`)).toEqual([
      "1 Kota Gama",
      "2 Kota Alfa",
      "2 Kota Beta",
      "4 kab-tanpa-nama",
      '5 =HYPERLINK("x")',
    ]);
  });

  it("keeps spreadsheet formulas out of CSV text cells", async () => {
    const ran = await runKuesioner(["score", "batch", "--format", "csv"], dir);
    expect(ran.stdout).toContain(`,"'=HYPERLINK(""x"")",`);
  });

  it("computes the improvement against a previous answer file or a saved JSON result", async () => {
    await writeFile(join(dir, "2023.yaml"), answersFile("Kota Alfa", 4).replace("year: 2022", "year: 2023"));
    const fromAnswers = await runKuesioner(
      ["score", "2023.yaml", "--previous", "batch/a.yaml", "--format", "json"],
      dir,
    );
    const a = JSON.parse(fromAnswers.stdout);
    expect(a.previous).toEqual({ total: 0.11, year: 2022, region: "Kota Alfa" });
    expect(a.improvementExact).toBe("1/50");
    const saved = await runKuesioner(["score", "batch", "--format", "json"], dir);
    await writeFile(join(dir, "previous.json"), saved.stdout);
    const fromJson = await runKuesioner(
      ["score", "2023.yaml", "batch/c.yaml", "--previous", "previous.json", "--format", "json"],
      dir,
    );
    expect(fromJson.stderr).toBe(
      "kuesioner: warning: one ranking mixes the years 2022 and 2023; give last year's files with --previous (quoted, or a folder), not as inputs\n",
    );
    const results = JSON.parse(fromJson.stdout).results as { region: string; improvementExact: string | null }[];
    expect(results.map((r) => [r.region, r.improvementExact])).toEqual([
      ["Kota Alfa", "1/50"],
      ["Kota Gama", "0"],
    ]);
  });

  it("matches --previous on the region's usual spellings, from a folder, a pattern or several options, and warns for every miss", async () => {
    const year = (text: string, y: number) => text.replace("year: 2022", `year: ${y}`);
    await mkdir(join(dir, "lalu"));
    await mkdir(join(dir, "kini"));
    await writeFile(join(dir, "lalu/baubau.yaml"), answersFile("Kota Bau-Bau", 1));
    await writeFile(join(dir, "lalu/malang.yaml"), answersFile("KAB. MALANG", 1));
    await writeFile(join(dir, "lalu/malang-kota.yaml"), answersFile("Kota Malang", 1));
    await writeFile(join(dir, "kini/baubau.yaml"), year(answersFile("Kota Baubau", 3), 2023));
    await writeFile(join(dir, "kini/malang.yaml"), year(answersFile("Kabupaten Malang", 3), 2023));
    await writeFile(
      join(dir, "kini/batu.yaml"),
      year(answersFile("Kota Batu", 2, "previous: { total: 0.05 }\n"), 2023),
    );
    await writeFile(join(dir, "kini/tanpa-kind.yaml"), year(answersFile("Malang", 2), 2023));
    const expected = [
      ["Kota Baubau", "1/25"],
      ["Kabupaten Malang", "1/25"],
      ["Kota Batu", expect.any(String)],
      ["Malang", null],
    ];
    for (const previous of [
      ["lalu"],
      ["lalu/*.yaml"],
      ["lalu/baubau.yaml", "lalu/malang.yaml", "lalu/malang-kota.yaml"],
    ]) {
      const ran = await runKuesioner(
        ["score", "kini", ...previous.flatMap((p) => ["--previous", p]), "--format", "json"],
        dir,
      );
      const results = JSON.parse(ran.stdout).results as { region: string; improvementExact: string | null }[];
      expect(results.map((r) => [r.region, r.improvementExact]).sort()).toEqual([...expected].sort());
      expect(ran.stderr).toBe(
        [
          `kuesioner: warning: --previous has no result for "Kota Batu"; using the file's own previous score`,
          `kuesioner: warning: --previous has 2 results that fit "Malang" ("KAB. MALANG", "Kota Malang"); none is used`,
          "",
        ].join("\n"),
      );
    }
  });

  it("warns when one region is ranked twice, naming both files", async () => {
    await mkdir(join(dir, "revisi"));
    await writeFile(join(dir, "revisi/alfa.yaml"), answersFile("Kota Alfa", 3));
    await writeFile(join(dir, "revisi/alfa-revisi.yaml"), answersFile("KOTA ALFA", 4));
    await writeFile(join(dir, "revisi/beta.yaml"), answersFile("Kota Beta", 2));
    const ran = await runKuesioner(["score", "revisi", "--format", "csv"], dir);
    expect(ran.stderr).toBe(
      'kuesioner: warning: "KOTA ALFA" is ranked 2 times: revisi/alfa-revisi.yaml, revisi/alfa.yaml; a revised copy of a file? score only one\n',
    );
  });

  it("uses the answer file's own previous total when --previous has none for it", async () => {
    await writeFile(join(dir, "own.yaml"), answersFile("Kota Delta", 2, "previous: { total: 0.05, year: 2021 }\n"));
    const ran = await runKuesioner(["score", "own.yaml", "--format", "json"], dir);
    expect(JSON.parse(ran.stdout)).toMatchObject({
      previous: { total: 0.05, year: 2021, region: null },
      improvement: 0.04,
    });
  });

  it("refuses a --previous file it cannot read", async () => {
    await writeFile(join(dir, "nonsense.json"), '{ "hello": 1 }');
    const ran = await runKuesioner(["score", "batch/a.yaml", "--previous", "nonsense.json"], dir);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain(
      "nonsense.json: error: not an answer file nor a result written by kuesioner score --format json",
    );
  });
});

describe("score: gates, output file and usage", () => {
  it("exits 1 under --fail-under, naming the results below it", async () => {
    const below = await score("fixtures/answers/2023", "--fail-under", "2,5");
    expect(below.code).toBe(1);
    expect(below.stderr).toContain(
      "kuesioner: 4 results below --fail-under 2.50:\n  fixtures/answers/2023/kabupaten-lembah-hijau.yaml: 2.45\n",
    );
    expect((await score("fixtures/answers/2023", "--fail-under", "1.3")).code).toBe(0);
  });

  it("exits 1 with --require-complete when a result has unanswered questions", async () => {
    const ran = await score(example, "--require-complete");
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain("Final score");
    expect(ran.stderr).toContain(
      "examples/kabupaten-contoh-2023.yaml: 2 unanswered (oc-soc-education-map, qw-risk-mitigation)",
    );
    expect((await score("fixtures/answers/2023/kota-tirtamulya.yaml", "--require-complete")).code).toBe(0);
  });

  it("writes --out atomically, and refuses a folder that does not exist", async () => {
    const { dir, remove } = await tempDir("score-out");
    try {
      await copyFile(join(repoRoot, example), join(dir, "contoh.yaml"));
      const ran = await runKuesioner(["score", "contoh.yaml", "--format", "csv", "--out", "report.csv"], dir);
      expect(ran).toMatchObject({ code: 0, stdout: "" });
      expect(await readFile(join(dir, "report.csv"), "utf8")).toMatch(/^rank,file,region/);
      const missing = await runKuesioner(["score", "contoh.yaml", "--out", "reports/2023/report.txt"], dir);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(
        "kuesioner: --out reports/2023/report.txt: the folder reports/2023 does not exist\n  hint: create the folder first, or write to an existing one\n",
      );
    } finally {
      await remove();
    }
  });

  it.each([
    [["--format", "xml"], /argument 'xml' is invalid/],
    [["--fail-under", "tinggi"], /--fail-under: expected a score such as 2\.5/],
    [["--group-by", "region"], /argument 'region' is invalid/],
    [["--lang", "jv"], /argument 'jv' is invalid/],
  ])("treats %j as a usage error (exit 2)", async (args, message) => {
    const ran = await score(example, ...args);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(message);
  });

  it("needs at least one input", async () => {
    expect((await runKuesioner(["score"], repoRoot)).code).toBe(2);
  });
});

describe("score: files that are not answer files, and profiles", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove: cleanup } = await tempDir("score-kinds"));
    await mkdir(join(dir, "jawaban"));
    await copyFile(
      join(repoRoot, "fixtures/answers/2023/kota-tirtamulya.yaml"),
      join(dir, "jawaban/kota-tirtamulya.yaml"),
    );
    await copyFile(join(repoRoot, "questionnaires/smart-city-2022.yaml"), join(dir, "jawaban/kuesioner.yaml"));
    await writeFile(join(dir, "jawaban/catatan.json"), '{ "catatan": "rapat 3 Mei" }\n');
  });
  afterAll(async () => cleanup?.());

  it("skips a questionnaire or other data found in a folder, with a note", async () => {
    const ran = await runKuesioner(["score", "jawaban", "--format", "json"], dir);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).results).toHaveLength(1);
    expect(ran.stderr).toBe(
      "kuesioner: note: skipped jawaban/catatan.json: not an answer file (no questionnaire: or answers: key)\n" +
        "kuesioner: note: skipped jawaban/kuesioner.yaml: a questionnaire, not an answer file\n",
    );
  });

  it("refuses a questionnaire named on the command line", async () => {
    const ran = await runKuesioner(["score", "jawaban/kuesioner.yaml"], dir);
    expect(ran).toMatchObject({ code: 1, stdout: "" });
    expect(ran.stderr).toBe(
      "jawaban/kuesioner.yaml: error: a questionnaire, not an answer file\n  hint: score takes answer files; to check a questionnaire, run kuesioner validate on it\n",
    );
    expect((await runKuesioner(["score", "jawaban/kota-tirtamulya.yaml", "jawaban/catatan.json"], dir)).code).toBe(1);
  });

  it("scores every file with --profile", async () => {
    const kppn = JSON.parse(
      (await runKuesioner(["score", "jawaban/kota-tirtamulya.yaml", "--profile", "kppn-ikn", "--format", "json"], dir))
        .stdout,
    );
    expect(kppn.profile).toBe("kppn-ikn");
    expect(kppn.elements.find((e: { id: string }) => e.id === "collaboration")).toMatchObject({
      answered: 0,
      questions: 6,
      score: 0,
    });
  });

  it("warns when the one previous score is for another region", async () => {
    await writeFile(join(dir, "lalu.json"), JSON.stringify({ region: "Kota Lain", year: 2022, total: 3 }));
    const ran = await runKuesioner(
      ["score", "jawaban/kota-tirtamulya.yaml", "--previous", "lalu.json", "--format", "json"],
      dir,
    );
    expect(ran.stderr).toBe('kuesioner: warning: --previous is for "Kota Lain", this file for "Kota Tirtamulya"\n');
    expect(JSON.parse(ran.stdout).previous).toEqual({ total: 3, year: 2022, region: "Kota Lain" });
  });
});
