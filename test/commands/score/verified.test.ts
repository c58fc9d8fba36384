import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner, tempDir } from "./score-harness.js";
import { assessorFiles as assessors, panel, panelDir, published, self } from "./panel-files.js";

const masked = (text: string) =>
  text.replace(/[0-9a-f]{64}/g, "<sha256>").replace(/sha256 [0-9a-f]{12}…/g, "sha256 <sha256>…");
const score = (...argv: string[]) => runKuesioner(["score", ...argv], repoRoot);

describe("score: self-assessed against verified", () => {
  it("is scoring the panel file that merge makes of the five assessors' files", async () => {
    const { dir, remove } = await tempDir("verified");
    onTestFinished(remove);
    await copyFile(join(repoRoot, self), join(dir, "self.yaml"));
    for (const file of assessors) await copyFile(join(repoRoot, panelDir, file), join(dir, file));
    const merged = await runKuesioner(["merge", "self.yaml", ...assessors, "--out", "panel.yaml"], dir);
    expect([merged.code, merged.stderr]).toEqual([0, ""]);
    // Merge writes the schema's relative path; the fixture sits two folders down.
    const made = (await readFile(join(dir, "panel.yaml"), "utf8")).replace(
      /\$schema=\S+/,
      "$schema=../../questionnaires/answers.schema.json",
    );
    expect(made).toBe(await readFile(join(repoRoot, panel), "utf8"));
  });

  it("gives bl-masterplan-legal-basis 2.8 from the panel's 3, 3, 3, 3, 2 beside the region's own 4", async () => {
    const json = JSON.parse((await score(panel, "--format", "json")).stdout);
    const q = json.questions.find((x: { id: string }) => x.id === "bl-masterplan-legal-basis");
    expect([q.scoreExact, q.selfExact, q.assessors]).toEqual(["14/5", "4", 5]);
    expect([json.verified, json.unverified.length]).toEqual([55, 56]);
  });

  it("shows the text report's self-assessed and verified scores in both languages", async () => {
    const en = await score(panel);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/Verification\s+56 unverified \(self-assessed score counts\)/);
    expect(en.stdout).toMatch(/bl-masterplan-legal-basis {2}4\.00 → 2\.80 {2}\(-1\.20\)/);
    await expect(masked(en.stdout)).toMatchFileSnapshot("__snapshots__/panel.en.txt");
    const id = await score(panel, "--lang", "id");
    expect(id.stdout).toMatch(/Nilai Final\s+3,29\s+2,96\s+-0,33/);
    await expect(masked(id.stdout)).toMatchFileSnapshot("__snapshots__/panel.id.txt");
  });

  it("shows the Markdown report's self-assessed and verified scores and the largest differences", async () => {
    const en = await score(panel, "--format", "markdown");
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain("| **Final score** | **3.29** | **2.96** | **-0.33** |");
    expect(en.stdout).toContain("| `bl-masterplan-legal-basis` |");
    await expect(masked(en.stdout)).toMatchFileSnapshot("__snapshots__/panel.en.md");
    const id = await score(panel, "--format", "markdown", "--lang", "id");
    expect(id.stdout).toContain("## Penilaian mandiri dan verifikasi");
    await expect(masked(id.stdout)).toMatchFileSnapshot("__snapshots__/panel.id.md");
    expect(id.stdout).toContain("| **Nilai Final** | **3,29** | **2,96** | **-0,33** |");
    // The self-assessment alone, and published scores without one, have no side-by-side section.
    for (const file of [self, published])
      expect((await score(file, "--format", "markdown")).stdout).not.toContain("Self-assessment and verification");
  });

  it("adds fixed verification columns to the CSV, self-assessed scores only where there is a self-assessment", async () => {
    const en = await score(panel, self, published, "--format", "csv");
    expect(en.code, en.stderr).toBe(0);
    await expect(masked(en.stdout)).toMatchFileSnapshot("__snapshots__/panel.en.csv");
    const [header, ...rows] = en.stdout.split("\r\n").filter(Boolean);
    const columns = header!.split(",");
    expect(columns.slice(columns.indexOf("improvement"))).toEqual([
      "improvement",
      "verification",
      "verified",
      "unverified",
      "self-baseline",
      "self-output",
      "self-outcome",
      "self-impact",
      "self-quick-win",
      "self-collaboration",
      "self-total",
    ]);
    const byRegion = new Map(
      rows.map((r) => {
        const cells = r.split(",");
        return [`${cells[2]} ${cells[1]}`, Object.fromEntries(columns.map((c, i) => [c, cells[i]]))];
      }),
    );
    const panelRow = byRegion.get(`Kota Sungai Jernih ${panel}`)!;
    expect(panelRow).toMatchObject({ verification: "partial", verified: "55", unverified: "56" });
    expect([panelRow.total, panelRow["self-total"], panelRow["self-baseline"]]).toEqual(["2.9649", "3.2923", "3.4000"]);
    const selfRow = byRegion.get(`Kota Sungai Jernih ${self}`)!;
    expect(selfRow).toMatchObject({ verification: "unverified", verified: "0", unverified: "111" });
    expect(selfRow["self-total"]).toBe(selfRow.total);
    expect(selfRow["self-total"]).toBe(panelRow["self-total"]);
    const publishedRow = byRegion.get(`Kota Tirtamulya ${published}`)!;
    expect(publishedRow).toMatchObject({ verification: "partial", "self-total": "", "self-baseline": "" });

    // Files without assessors keep their values: the columns before the new ones are as they were.
    const plain = await score("fixtures/compare/kabupaten-malang-2022.yaml", "--format", "csv");
    const [plainHeader, plainRow] = plain.stdout.split("\r\n");
    expect(plainHeader!.split(",").length).toBe(plainRow!.split(",").length);

    const id = await score(panel, self, "--format", "csv", "--lang", "id");
    expect(id.stdout).toContain(";sebagian;55;56;3,4000;");
    expect(id.stdout).toContain(";belum;0;111;3,4000;");
  });

  it("marks the ranking's partly and not verified totals, with their footnotes", async () => {
    const text = await score(panel, self, published, "--lang", "en");
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Kota Sungai Jernih .* 3\.29† /);
    await expect(text.stdout).toMatchFileSnapshot("__snapshots__/panel-ranking.en.txt");
    const md = await score(panel, self, published, "--format", "markdown", "--lang", "id");
    expect(md.stdout).toContain("| 2,96‡ |");
    await expect(md.stdout).toMatchFileSnapshot("__snapshots__/panel-ranking.id.md");
    // A ranking of self-assessments alone says so once instead of marking every row.
    const alone = await score(self, "fixtures/compare/kabupaten-malang-2022.yaml");
    expect(alone.stdout).not.toMatch(/[†‡]/);
    expect(alone.stdout).toContain("none of these results is verified by assessors: every score is a self-assessment");
  });
});
