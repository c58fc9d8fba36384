import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner, tempDir } from "../score/score-harness.js";

const OLD = "fixtures/compare/kabupaten-malang-2022.yaml";
const NEW = "fixtures/compare/kabupaten-malang-2023.yaml";
const compare = (...args: string[]) => runKuesioner(["compare", ...args], repoRoot);

interface Both {
  value: number;
  exact: string;
}

describe("compare: Malang 2022 → 2023", () => {
  it("prints the element table, the exact sum of contributions and every changed answer", async () => {
    const ran = await compare(OLD, NEW);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    await expect(ran.stdout).toMatchFileSnapshot("__snapshots__/malang.en.txt");
    expect(ran.stdout).toContain("Σ = +0.0307 (exact value 7923803/257796000)");
    expect(ran.stdout).toMatch(/op-council-functioning\s+Output\s+1\s+3\s+\+2\.00\s+\+0\.0571/);
  });

  it("speaks Indonesian with decimal commas", async () => {
    const ran = await compare(OLD, NEW, "--lang", "id");
    expect(ran.code).toBe(0);
    await expect(ran.stdout).toMatchFileSnapshot("__snapshots__/malang.id.txt");
    expect(ran.stdout).toContain("Perbandingan Kabupaten Malang: 2022 → 2023");
    expect(ran.stdout).toContain("+0,0571");
  });

  it("writes Markdown in both languages", async () => {
    const en = await compare(OLD, NEW, "--format", "markdown");
    await expect(en.stdout).toMatchFileSnapshot("__snapshots__/malang.en.md");
    const id = await compare(OLD, NEW, "--format", "markdown", "--lang", "id");
    await expect(id.stdout).toMatchFileSnapshot("__snapshots__/malang.id.md");
    expect(id.stdout).toContain("| Elemen | Bobot | Lama | Baru | Perubahan | Perubahan kontribusi |");
  });

  it("writes JSON whose contributions and causes add up exactly to the change", async () => {
    const ran = await compare(OLD, NEW, "--format", "json");
    const json = JSON.parse(ran.stdout);
    expect(Object.keys(json)).toEqual([
      "old",
      "new",
      "notes",
      "total",
      "elements",
      "contributionSum",
      "reconciliation",
      "pillars",
      "questions",
      "unchanged",
    ]);
    expect(json.contributionSum).toEqual({ ...json.total.change, equalsChange: true });
    expect(json.total.old.exact).toBe("434729/173600");
    const q = json.questions.find((x: { id: string }) => x.id === "op-council-functioning");
    expect(q).toMatchObject({ status: "changed", effect: { exact: "2/35" }, scoreChange: { exact: "2" } });
    const byStatus = (s: string) =>
      json.questions.filter((x: { status: string }) => x.status === s).map((x: { effect: Both }) => x.effect.exact);
    expect(byStatus("removed")).toHaveLength(4);
    expect(byStatus("added")).toHaveLength(62);
    // The same bytes every time, in either language.
    expect((await compare(OLD, NEW, "--format", "json", "--lang", "id")).stdout).toBe(ran.stdout);
  });

  it("writes CSV in the English and the Indonesian Excel dialects", async () => {
    const en = await compare(OLD, NEW, "--format", "csv");
    const lines = en.stdout.split("\r\n");
    expect(lines[0]).toBe(
      "section,id,element,status,reason,old_weight,new_weight,old,new,change,old_contribution,new_contribution,contribution_change,old_verified,new_verified,old_verification,new_verification",
    );
    // Verified questions behind each figure: none in the published 2022 scores, 30 of 2023's answered 117.
    expect(lines[1]).toMatch(/,0,30,unverified,partial$/);
    expect(lines).toContain(
      "element,baseline,baseline,,,10.000000,10.000000,1.400000,2.760000,1.360000,0.140000,0.276000,0.136000,0,2,unverified,partial",
    );
    expect(lines[1]).toMatch(/^total,total,,,,,,2\.504199,2\.534936,0\.030737,/);
    expect(lines).toContain(
      "question,op-council-functioning,output,changed,,,,1.000000,3.000000,2.000000,,,0.057143,0,0,unverified,unverified",
    );
    const id = await compare(OLD, NEW, "--format", "csv", "--lang", "id");
    expect(id.stdout.startsWith("\ufeffsection;id;element;")).toBe(true);
    expect(id.stdout).toContain(
      "question;op-council-functioning;output;changed;;;;1,000000;3,000000;2,000000;;;0,057143;0;0;unverified;unverified",
    );
  });

  it("writes the report to --out", async () => {
    const { dir, remove } = await tempDir("compare-out");
    try {
      const ran = await runKuesioner(
        ["compare", join(repoRoot, OLD), join(repoRoot, NEW), "--out", "perbandingan.md", "--format", "markdown"],
        dir,
      );
      expect(ran).toMatchObject({ code: 0, stdout: "", stderr: "" });
    } finally {
      await remove();
    }
  });
});

describe("compare: the same instrument", () => {
  it("says nothing about instruments or weights, and every change is an answer's", async () => {
    const ran = await compare("fixtures/answers/2022/kabupaten-lembah-hijau.yaml", OLD, "--format", "json");
    const json = JSON.parse(ran.stdout);
    expect(json.notes).toEqual([
      { code: "region-differs", old: "Kabupaten Lembah Hijau", new: "Kabupaten Malang" },
      // Lembah Hijau's fixture holds some panel scores, Malang's published 2022 scores none.
      {
        code: "verification-differs",
        old: "partial",
        new: "unverified",
        elements: ["baseline", "outcome", "impact", "quick-win"],
      },
    ]);
    expect(json.reconciliation.reweighting.exact).toBe("0");
    expect(json.reconciliation.answers.exact).toBe(json.total.change.exact);
  });

  it("compares under another profile with --new-profile, and says so", async () => {
    const ran = await compare(OLD, OLD, "--new-profile", "reguler");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("Different weight profiles (kppn-ikn → reguler)");
    expect(ran.stdout).toContain("No answer changed.");
  });
});

describe("compare: bad input", () => {
  it("exits 1 with file:line:column when a file has errors, and compares nothing", async () => {
    const ran = await compare(OLD, "fixtures/answers/broken/syntax-error.yaml");
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain("fixtures/answers/broken/syntax-error.yaml:6:3: error: YAML syntax");
  });

  it("exits 1 for a missing file and for a questionnaire given as an answer file", async () => {
    const missing = await compare(OLD, "nowhere.yaml");
    expect(missing).toMatchObject({ code: 1, stdout: "" });
    expect(missing.stderr).toContain("nowhere.yaml: error: file not found");
    const questionnaire = await compare(OLD, "questionnaires/smart-city-2023.yaml");
    expect(questionnaire.code).toBe(1);
    expect(questionnaire.stderr).toContain("a questionnaire, not an answer file");
  });

  it("exits 1 for a binary file instead of reading it", async () => {
    const ran = await compare("fixtures/invalid/binary.png", NEW);
    expect(ran).toMatchObject({ code: 1, stdout: "" });
    expect(ran.stderr).toContain("fixtures/invalid/binary.png: error: file is binary");
  });

  it("exits 1 for an unknown profile, naming the profiles there are", async () => {
    const ran = await compare(OLD, NEW, "--old-profile", "regular");
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('unknown profile "regular"');
  });

  it.each([
    [[OLD], "missing required argument 'new'"],
    [[OLD, NEW, "--format", "xml"], "argument 'xml' is invalid"],
    [[OLD, NEW, "--lang", "fr"], "argument 'fr' is invalid"],
    [[OLD, NEW, "extra"], "too many arguments"],
  ])("exits 2 for %j", async (args, message) => {
    const ran = await compare(...args);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
  });

  it("scores a file whose questionnaire is a path beside it", async () => {
    const { dir, remove } = await tempDir("compare-custom");
    try {
      await copyFile(join(repoRoot, "fixtures/valid/mini.yaml"), join(dir, "mini.yaml"));
      const answers = (a: number) => `questionnaire: ./mini.yaml\nanswers:\n  ${"x"}: ${a}\n`;
      await writeFile(join(dir, "a.yaml"), answers(1));
      const ran = await runKuesioner(["compare", "a.yaml", "a.yaml"], dir);
      expect(ran.code).toBe(1);
      expect(ran.stderr).toMatch(/a\.yaml:3:3: error: answers\.x: unknown question id "x"/);
    } finally {
      await remove();
    }
  });
});

describe("compare: a self-assessment against its panel's verification", () => {
  const SELF = "fixtures/panel/kota-sungai-jernih-2023.yaml";
  const PANEL = "fixtures/panel/kota-sungai-jernih-2023.panel.yaml";

  it("says per element whose scores each side holds, and that the change is the panel's", async () => {
    const md = await compare(SELF, PANEL, "--format", "markdown");
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain(
      "- Verification by assessors differs (old: not verified, new: partly verified; elements Baseline, Output, Outcome, Quick Win)",
    );
    expect(md.stdout).toContain("| Impact | 20% | 3.23 | 3.23 | 0.00 | 0.0000 | not verified |");
    expect(md.stdout).toContain("| bl-masterplan-legal-basis | Baseline | 4 | 2.80 (assessors) | -1.20 |");
    await expect(md.stdout).toMatchFileSnapshot("__snapshots__/panel.en.md");
    const json = JSON.parse((await compare(SELF, PANEL, "--format", "json")).stdout);
    expect([json.old.verification, json.old.verified, json.new.verification, json.new.verified]).toEqual([
      "unverified",
      0,
      "partial",
      55,
    ]);
    const baseline = json.elements.find((e: { id: string }) => e.id === "baseline");
    expect([baseline.old.verification, baseline.new.verification, baseline.new.verified]).toEqual([
      "unverified",
      "verified",
      5,
    ]);
    const q = json.questions.find((x: { id: string }) => x.id === "bl-masterplan-legal-basis");
    expect([q.old.verified, q.new.verified, q.scoreChange.exact]).toEqual([false, true, "-6/5"]);
  });

  it("adds no verification column or note when neither file is verified", async () => {
    const ran = await compare(SELF, SELF);
    expect(ran.stdout).not.toMatch(/[Vv]erification|verified/);
  });
});
