import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runKuesioner, tempDir } from "../score/score-harness.js";

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await tempDir("survey-template")));
afterEach(() => remove());

async function readWorkbook(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe("survey template", () => {
  it("writes one XLSX sheet with every statement, its id, and a drop-down in every answer cell", async () => {
    const ran = await runKuesioner(["survey", "template", "--out", "form.xlsx", "--rows", "60", "--lang", "id"], dir);
    expect(ran.stderr).toBe("Ditulis form.xlsx: 54 pernyataan.\n");
    expect(ran.code).toBe(0);
    const workbook = await readWorkbook(join(dir, "form.xlsx"));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Responden", "Skala"]);
    const sheet = workbook.getWorksheet("Responden")!;
    expect(sheet.getCell("A4").value).toBe("Nama responden");
    expect(sheet.getCell("C4").value).toBe("1. Layanan ini dapat saya gunakan secara daring.");
    expect(sheet.getCell("C5").value).toBe("im-gov-ps-online");
    expect(sheet.getRow(5).cellCount).toBe(56);
    expect(String(sheet.getCell("A2").value)).toContain("0 = Sangat tidak setuju");
    for (const address of ["C6", "BD65"]) {
      expect(sheet.getCell(address).dataValidation).toMatchObject({ type: "list", formulae: ["'Skala'!$B$2:$B$6"] });
    }
    expect(sheet.getCell("BD66").dataValidation).toBeUndefined();
    const scale = workbook.getWorksheet("Skala")!;
    expect(scale.getColumn(2).values.slice(2)).toEqual([
      "Sangat tidak setuju",
      "Tidak setuju",
      "Ragu-ragu",
      "Setuju",
      "Sangat setuju",
    ]);
  });

  it("writes one sheet per pillar with --pillar all, in the chosen language", async () => {
    const ran = await runKuesioner(
      ["survey", "template", "--out", "form.xlsx", "--pillar", "all", "--lang", "en"],
      dir,
    );
    expect(ran.code).toBe(0);
    const workbook = await readWorkbook(join(dir, "form.xlsx"));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Smart Governance",
      "Smart Branding",
      "Smart Economy",
      "Smart Living",
      "Smart Society",
      "Smart Environment",
      "Scale",
    ]);
    const economy = workbook.getWorksheet("Smart Economy")!;
    expect(economy.getRow(5).cellCount).toBe(11);
    expect(economy.getCell("C4").value).toMatch(/^19\. /);
    expect(economy.getCell("C3").value).toBe("Smart Economy · Industry");
  });

  it("writes one CSV file per pillar, ; with a byte-order mark for Indonesian Excel", async () => {
    const ran = await runKuesioner(["survey", "template", "--out", "form.csv", "--pillar", "all", "--lang", "id"], dir);
    expect(ran.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual([
      "form-branding.csv",
      "form-economy.csv",
      "form-environment.csv",
      "form-governance.csv",
      "form-living.csv",
      "form-society.csv",
    ]);
    const text = await readFile(join(dir, "form-living.csv"), "utf8");
    expect(text.startsWith("\ufeffSurvei Impact")).toBe(true);
    const lines = text.split("\r\n");
    expect(lines[4]).toBe(
      "id;;im-liv-hm-spatial-plan-online;im-liv-hm-liveable-housing;im-liv-hm-public-facilities;im-liv-hl-online-registration;im-liv-hl-medical-history;im-liv-hl-telemedicine;im-liv-mb-connectivity;im-liv-mb-smart-transport;im-liv-mb-public-transport",
    );
  });

  it("writes one pillar with --pillar ID, comma-separated in English", async () => {
    const ran = await runKuesioner(
      ["survey", "template", "--out", "gov.csv", "--pillar", "governance", "--lang", "en"],
      dir,
    );
    expect(ran.code).toBe(0);
    const lines = (await readFile(join(dir, "gov.csv"), "utf8")).split("\r\n");
    expect(lines[3]!.startsWith("Respondent name,Contact (phone/e-mail),1. I can use this service online.,")).toBe(
      true,
    );
  });

  it.each([
    [["--out", "form.txt"], "--out: nama berkas harus berakhiran .xlsx atau .csv"],
    [["--out", "form.xlsx", "--pillar", "health"], "--pillar health: pilar tidak dikenal"],
    [["--out", "form.xlsx", "--rows", "0"], "--rows"],
  ])("refuses %j as a usage error", async (args, message) => {
    const ran = await runKuesioner(["survey", "template", ...args, "--lang", "id"], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses a missing folder for --out before doing any work", async () => {
    const ran = await runKuesioner(["survey", "template", "--out", "nope/form.xlsx"], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("the folder nope does not exist");
  });
});
