import { existsSync, linkSync, writeFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import YAML from "yaml";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner, tempDir } from "./score-harness.js";
import { UsageError } from "../../../src/errors.js";
import { renderScoreXlsx, WorkbookData, XLSX_MAX_FILES } from "../../../src/commands/score/xlsx.js";
import { panel, published, self } from "./panel-files.js";

const answers2023 = join(repoRoot, "fixtures/answers/2023");
const englishSheets = ["Ranking", "Elements", "Pillars", "Questions", "Verification"];

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A sheet's rows as arrays of cell values (index 0 is column A). */
function rows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => {
    out.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return out;
}

describe("score --format xlsx", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await tempDir("xlsx"));
  });
  afterAll(async () => remove());

  it("writes ranking, elements, pillars and questions sheets whose numbers are numbers equal to score --format json", async () => {
    const out = join(dir, "skor.xlsx");
    const ran = await runKuesioner(["score", answers2023, "--format", "xlsx", "--out", out, "--lang", "id"], repoRoot);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toBe("");
    const json = JSON.parse((await runKuesioner(["score", answers2023, "--format", "json"], repoRoot)).stdout) as {
      results: {
        rank: number;
        region: string;
        total: number;
        elements: { id: string; score: number }[];
        pillars: { score: number | null }[];
      }[];
    };
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Peringkat",
      "Elemen",
      "Pilar",
      "Pertanyaan",
      "Verifikasi",
    ]);

    const ranking = workbook.getWorksheet("Peringkat")!;
    const [header, ...body] = rows(ranking);
    expect(header!.slice(0, 5)).toEqual(["Peringkat", "Daerah", "Tahun", "Profil", "Total"]);
    expect(body).toHaveLength(json.results.length);
    body.forEach((row, i) => {
      const expected = json.results[i]!;
      expect(row[0]).toBe(expected.rank);
      expect(row[1]).toBe(expected.region);
      expect(typeof row[4]).toBe("number");
      expect(row[4]).toBe(expected.total);
    });
    expect(ranking.getColumn(5).numFmt).toBe("0.00");
    expect(ranking.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ranking.autoFilter).toBeTruthy();

    const elements = rows(workbook.getWorksheet("Elemen")!);
    expect(elements[0]).toContain("Kontribusi");
    const first = json.results[0]!;
    const scores = elements
      .slice(1)
      .filter((r) => r[1] === first.region)
      .map((r) => r[6]);
    expect(scores).toEqual(first.elements.map((e) => e.score));

    const questions = rows(workbook.getWorksheet("Pertanyaan")!);
    expect(questions[0]!.slice(3)).toEqual(json.results.map((r) => r.region));
    expect(questions).toHaveLength(1 + 117);
    for (const row of questions.slice(1))
      for (const cell of row.slice(3))
        expect(cell === null || cell === undefined || typeof cell === "number").toBe(true);

    const pillars = rows(workbook.getWorksheet("Pilar")!);
    for (const row of pillars.slice(1))
      expect(row[5] === null || row[5] === undefined || typeof row[5] === "number").toBe(true);
  });

  it("gives the same bytes for the same input, and English headers with --lang en", async () => {
    const a = join(dir, "a.xlsx");
    const b = join(dir, "b.xlsx");
    await runKuesioner(["score", answers2023, "--format", "xlsx", "--out", a, "--lang", "en"], repoRoot);
    // The second workbook is written a year and a day later by the clock (only Date is faked, and
    // only for this run): exceljs stamps each zip entry with the time of writing, in two-second steps.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 366 * 24 * 60 * 60 * 1000);
      await runKuesioner(["score", answers2023, "--format", "xlsx", "--out", b, "--lang", "en"], repoRoot);
    } finally {
      vi.useRealTimers();
    }
    expect(Buffer.compare(await readFile(a), await readFile(b))).toBe(0);
    const workbook = await readWorkbook(a);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(englishSheets);
  });

  it("writes one file's workbook, and a region name that looks like a formula stays text", async () => {
    const text = await readFile(join(answers2023, "kabupaten-sukamaju.yaml"), "utf8");
    const data = YAML.parse(text);
    data.respondent.region = '=HYPERLINK("https://example.org","x")';
    data.questionnaire = "smart-city-2023";
    const file = join(dir, "formula.yaml");
    await writeFile(file, YAML.stringify(data));
    const out = join(dir, "one.xlsx");
    const ran = await runKuesioner(["score", file, "--format", "xlsx", "--out", out], repoRoot);
    expect(ran.code, ran.stderr).toBe(0);
    const ranking = (await readWorkbook(out)).getWorksheet("Ranking")!;
    expect(ranking.getCell(2, 2).value).toBe('=HYPERLINK("https://example.org","x")');
    expect(ranking.getCell(2, 2).formula).toBeUndefined();
  });

  it("writes the verification into the workbook: ranking, elements and the differences sheet", async () => {
    const out = join(dir, "panel.xlsx");
    const ran = await runKuesioner(
      ["score", panel, self, published, "--format", "xlsx", "--out", out, "--lang", "en"],
      repoRoot,
    );
    expect(ran.code, ran.stderr).toBe(0);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(englishSheets);
    const values = (name: string) => rows(workbook.getWorksheet(name)!);
    const [header, ...body] = values("Ranking");
    const at = (h: string) => header!.indexOf(h);
    const panelRow = body.find((r) => r[at("File")] === panel)!;
    expect(panelRow[at("Self-assessed total")]).toBeCloseTo(3.2923, 4);
    expect([
      panelRow[at("Verification")],
      panelRow[at("Verified questions")],
      panelRow[at("Unverified questions")],
    ]).toEqual(["partly verified", 55, 56]);
    const publishedRow = body.find((r) => r[at("File")] === published)!;
    expect(publishedRow[at("Self-assessed total")] ?? null).toBeNull();

    const [elementHeader, ...elementRows] = values("Elements");
    const baseline = elementRows.find((r) => r[1] === "Kota Sungai Jernih" && r[4] === "baseline" && r[0] === 3)!;
    expect(baseline[elementHeader!.indexOf("Self-assessed")]).toBe(3.4);
    expect(baseline[elementHeader!.indexOf("Verified questions")]).toBe(5);

    const [differenceHeader, ...differences] = values("Verification");
    expect(differenceHeader).toEqual([
      "Rank",
      "Region",
      "Year",
      "Question id",
      "Element",
      "Question",
      "Self-assessed",
      "Verified",
      "Difference",
      "Assessors",
    ]);
    const masterplan = differences.find((r) => r[3] === "bl-masterplan-legal-basis")!;
    expect(masterplan.slice(6)).toEqual([4, 2.8, -1.2, 5]);
    // Only the file with a self-assessment beside its panel's scores has rows.
    expect(new Set(differences.map((r) => r[1]))).toEqual(new Set(["Kota Sungai Jernih"]));
  });
  it("refuses to write a workbook to the terminal (usage error)", async () => {
    const ran = await runKuesioner(["score", answers2023, "--format", "xlsx"], repoRoot);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("--format xlsx writes a binary workbook: give --out FILE.xlsx");
    expect(ran.stdout).toBe("");
  });

  // A sheet has at most 16,384 columns, and the questions sheet has one for each file after its
  // own three: past 16,381 files exceljs stopped with an internal error (exit 70) after scoring them all.
  it("refuses more files than a sheet has columns, before reading any, in both languages", async () => {
    const many = join(dir, "banyak");
    await mkdir(many);
    // Not answer files at all: the check comes before any file is read. Names of one empty file
    // (hard links, each a plain file in the folder's listing): creating 16,382 files took up to a
    // second of system time, a link a tenth of that.
    const empty = join(dir, "empty.yaml");
    writeFileSync(empty, "");
    for (let i = 0; i <= XLSX_MAX_FILES; i++) linkSync(empty, join(many, `daerah-${String(i).padStart(5, "0")}.yaml`));
    const out = join(dir, "banyak.xlsx");
    const en = await runKuesioner(["score", many, "--format", "xlsx", "--out", out, "--lang", "en"], repoRoot);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe("");
    expect(en.stderr).toContain("--format xlsx holds at most 16,381 answer files");
    expect(en.stderr).toContain("these inputs are 16,382");
    expect(en.stderr).toContain("--format csv");
    expect(en.stderr).not.toContain("bug");
    const id = await runKuesioner(["score", many, "--format", "xlsx", "--out", out, "--lang", "id"], repoRoot);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain("--format xlsx memuat paling banyak 16.381 berkas jawaban");
    expect(id.stderr).toContain("masukan ini berisi 16.382");
    expect(existsSync(out)).toBe(false);
  });

  it("the renderer itself refuses a ranking wider than a sheet", async () => {
    expect(XLSX_MAX_FILES).toBe(16_384 - 3);
    const ranked = Array.from({ length: XLSX_MAX_FILES + 1 }, () => ({ rank: 1, item: {} as never }));
    await expect(renderScoreXlsx(ranked, [], new WorkbookData(), "en")).rejects.toThrow(UsageError);
    await expect(renderScoreXlsx(ranked, [], new WorkbookData(), "id")).rejects.toThrow(/16\.382/);
  });
});
