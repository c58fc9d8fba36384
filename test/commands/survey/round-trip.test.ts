import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { runKuesioner, tempDir } from "../score/score-harness.js";

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await tempDir("survey-round-trip")));
afterEach(() => remove());

/** How a respondent may write each level: numbers, labels in both languages, and the variants forms produce. */
const WRITTEN: readonly (readonly (string | number)[])[] = [
  [0, "Sangat tidak setuju", "Strongly disagree", "STS", "sangat  TIDAK setuju.", "0 - Sangat tidak setuju"],
  [1, "Tidak setuju", "Disagree", "TS", "tdk setuju", "Tidak Setuju (1)"],
  [2, "Ragu-ragu", "Neutral", "Netral", "Cukup", "2. Ragu-ragu"],
  [3, "Setuju", "Agree", "S", " setuju ", "3 = Setuju"],
  [4, "Sangat setuju", "Strongly agree", "SS", "Sangat Setuju!", "4) Sangat setuju"],
];

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** The mean as the reduced fraction the score JSON prints ("14/5", or "3" when whole). */
function fraction(sum: number, n: number): string {
  const g = gcd(sum, n);
  return n / g === 1 ? String(sum / g) : `${sum / g}/${n / g}`;
}

it("template → answers typed into the sheet → import → score gives exactly the means computed by hand", async () => {
  const made = await runKuesioner(["survey", "template", "--out", "form.xlsx", "--pillar", "all", "--lang", "id"], dir);
  expect(made.code).toBe(0);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, "form.xlsx"));
  const expected = new Map<string, { sum: number; n: number }>();
  let respondent = 0;
  for (const sheet of workbook.worksheets.filter((w) => w.name !== "Skala")) {
    const ids = (sheet.getRow(5).values as unknown[]).slice(3).map(String);
    // 55 respondents per pillar, so no statement falls under the 50 the method asks for.
    for (let r = 0; r < 55; r++, respondent++) {
      const row = sheet.getRow(6 + r);
      row.getCell(1).value = `Responden ${respondent + 1}`;
      row.getCell(2).value = `0812${String(respondent).padStart(6, "0")}`;
      ids.forEach((id, s) => {
        const blank = (r * 7 + s * 3) % 11 === 0;
        const level = (r * r + 3 * s + respondent) % 5;
        const cell = row.getCell(3 + s);
        if (blank) {
          // A blank cell, sometimes as spaces.
          cell.value = r % 2 ? null : "  ";
          return;
        }
        const forms = WRITTEN[level]!;
        cell.value = forms[(r + s) % forms.length]!;
        const e = expected.get(id) ?? { sum: 0, n: 0 };
        e.sum += level;
        e.n += 1;
        expected.set(id, e);
      });
      row.commit();
    }
  }
  await workbook.xlsx.writeFile(join(dir, "filled.xlsx"));
  expect(expected.size).toBe(54);

  const imported = await runKuesioner(
    ["survey", "import", "filled.xlsx", "--all-sheets", "--into", "jawaban.yaml", "--format", "json"],
    dir,
  );
  expect(imported.stderr).not.toContain("error");
  expect(imported.stderr).not.toContain("fewer than");
  expect(imported.code).toBe(0);
  expect(JSON.parse(imported.stdout).respondents).toBe(330);

  const scored = await runKuesioner(["score", "jawaban.yaml", "--format", "json"], dir);
  expect(scored.code).toBe(0);
  const questions = JSON.parse(scored.stdout).questions as { id: string; scoreExact: string; respondents?: number }[];
  const impact = questions.filter((q) => q.id.startsWith("im-"));
  expect(impact).toHaveLength(54);
  for (const q of impact) {
    const e = expected.get(q.id)!;
    expect({ id: q.id, mean: q.scoreExact, respondents: q.respondents }).toEqual({
      id: q.id,
      mean: fraction(e.sum, e.n),
      respondents: e.n,
    });
  }
});
