import { execFileSync } from "node:child_process";
import { copyFile, readFile, symlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runKuesioner, tempDir } from "../score/score-harness.js";

const fixtures = resolve("fixtures/survey");
let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await tempDir("survey-import")));
afterEach(() => remove());

interface JsonStatement {
  id: string;
  column: boolean;
  respondents: number;
  blank: number;
  meanExact: string | null;
  counts: Record<string, number>;
}

async function importJson(args: readonly string[]) {
  const ran = await runKuesioner(["survey", "import", ...args, "--format", "json"], dir);
  const json = ran.stdout ? JSON.parse(ran.stdout) : undefined;
  const byId = new Map<string, JsonStatement>((json?.statements ?? []).map((s: JsonStatement) => [s.id, s]));
  return { ...ran, json, byId };
}

const counts = (...n: number[]) => Object.fromEntries(n.map((v, i) => [String(i), v]));

describe("survey import: real-looking exports", () => {
  it("reads a Google Forms CSV: timestamp, e-mail and name columns, grid headers, labels, a multi-line answer", async () => {
    const ran = await importJson([join(fixtures, "google-forms.csv")]);
    expect(ran.code).toBe(0);
    expect(ran.json.respondents).toBe(5);
    expect(ran.byId.get("im-gov-ps-online")).toMatchObject({
      respondents: 5,
      blank: 0,
      counts: counts(1, 0, 1, 2, 1),
      meanExact: "12/5",
    });
    expect(ran.byId.get("im-gov-ps-transparent")).toMatchObject({
      respondents: 4,
      blank: 1,
      counts: counts(0, 1, 0, 2, 1),
      meanExact: "11/4",
    });
    expect(ran.byId.get("im-gov-ps-faster-cheaper")).toMatchObject({
      respondents: 5,
      counts: counts(0, 1, 1, 2, 1),
      meanExact: "13/5",
    });
    expect(ran.byId.get("im-gov-pp-participation")).toMatchObject({ column: false, respondents: 0 });
    expect(ran.stderr).toContain(
      `${join(fixtures, "google-forms.csv")}:1:G: warning: column "Saran untuk layanan ini" matches no statement; not imported`,
    );
    expect(ran.stderr).toContain("note: 51 statements have no column: im-gov-pp-participation,");
  });

  it("reads an Excel id-ID CSV: byte-order mark, ; separator, ids and text as headers, numbers", async () => {
    await copyFile(join(fixtures, "excel-id.csv"), join(dir, "excel-id.csv"));
    const ran = await importJson(["excel-id.csv"]);
    expect(ran.code).toBe(0);
    expect(ran.byId.get("im-gov-pp-participation")).toMatchObject({
      respondents: 4,
      counts: counts(0, 0, 1, 2, 1),
      meanExact: "3",
    });
    expect(ran.byId.get("im-gov-pp-feedback-channel")).toMatchObject({
      respondents: 3,
      blank: 1,
      counts: counts(0, 0, 0, 1, 2),
      meanExact: "11/3",
    });
    expect(ran.byId.get("im-gov-pp-feedback-response")).toMatchObject({
      respondents: 4,
      counts: counts(0, 1, 1, 2, 0),
      meanExact: "9/4",
    });
    expect(ran.stderr).toContain(
      "excel-id.csv:5:D: warning: the same answer (3) to all 3 statements\n  hint: check that the respondent read the statements",
    );
    expect(ran.stderr).toContain("warning: pillar governance: 4 respondents, fewer than the 50 the method asks for");
    expect(ran.stderr).toContain(
      "warning: im-gov-pp-participation: 4 respondents, fewer than the 50 the method asks for",
    );
  });

  it("reads UTF-16 text as Excel's 'Unicode text' writes it (tab-separated, little- and big-endian)", async () => {
    const text =
      "Nama\tI can use this service online.\tThis service is now faster and cheaper than before.\r\nAni\tStrongly agree\tNeutral\r\nBudi\tDisagree\tAgree\r\nCici\t4\tSangat Setuju\r\n";
    await writeFile(join(dir, "le.txt"), Buffer.from(`\ufeff${text}`, "utf16le"));
    const be = Buffer.from(`\ufeff${text}`, "utf16le");
    be.swap16();
    await writeFile(join(dir, "be.txt"), be);
    for (const file of ["le.txt", "be.txt"]) {
      const ran = await importJson([file]);
      expect(ran.code).toBe(0);
      expect(ran.byId.get("im-gov-ps-online")).toMatchObject({ counts: counts(0, 1, 0, 0, 2), meanExact: "3" });
      expect(ran.byId.get("im-gov-ps-faster-cheaper")).toMatchObject({ counts: counts(0, 0, 1, 1, 1), meanExact: "3" });
    }
  });

  it("reads the first sheet of an XLSX, every sheet with --all-sheets, or the one --sheet names", async () => {
    const workbook = new ExcelJS.Workbook();
    const governance = workbook.addWorksheet("Tata Kelola");
    governance.addRow([
      "Nama",
      "I can use this service online.",
      "This service is now faster and cheaper than before.",
    ]);
    governance.addRow(["Ani", "Agree", 4]);
    governance.addRow(["Budi", { richText: [{ text: "Strongly " }, { text: "agree" }] }, 2]);
    const economy = workbook.addWorksheet("Ekonomi");
    economy.addRow(["Nama", "im-eco-in-finished-products"]);
    economy.addRow(["Citra", "Tidak setuju"]);
    economy.addRow(["Dodi", 0]);
    economy.addRow(["Eka", null]);
    await workbook.xlsx.writeFile(join(dir, "two.xlsx"));

    const first = await importJson(["two.xlsx"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.byId.get("im-gov-ps-online")).toMatchObject({ counts: counts(0, 0, 0, 1, 1) });
    expect(first.byId.get("im-eco-in-finished-products")).toMatchObject({ column: false });
    expect(first.stderr).toContain("two.xlsx: note: only the first sheet was read; other sheets: Ekonomi");

    const all = await importJson(["two.xlsx", "--all-sheets"]);
    expect(all.json.respondents).toBe(4);
    expect(all.byId.get("im-gov-ps-faster-cheaper")).toMatchObject({ counts: counts(0, 0, 1, 0, 1) });
    expect(all.byId.get("im-eco-in-finished-products")).toMatchObject({
      counts: counts(1, 1, 0, 0, 0),
      respondents: 2,
    });
    expect(all.stderr).toContain("two.xlsx[Ekonomi]:4:A: warning: row without answers");

    const named = await importJson(["two.xlsx", "--sheet", "ekonomi"]);
    expect(named.byId.get("im-gov-ps-online")).toMatchObject({ column: false });
    expect(named.byId.get("im-eco-in-finished-products")).toMatchObject({ respondents: 2 });

    const missing = await importJson(["two.xlsx", "--sheet", "Lingkungan"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("two.xlsx: error: no sheet with that name\n  hint: sheets: Tata Kelola, Ekonomi");
  });

  it("adds up several files: rows are respondents", async () => {
    await copyFile(join(fixtures, "excel-id.csv"), join(dir, "a.csv"));
    await writeFile(join(dir, "b.csv"), "Nama,im-gov-pp-participation\nZaki,Sangat setuju\n");
    const ran = await importJson(["a.csv", "b.csv"]);
    expect(ran.json.respondents).toBe(5);
    expect(ran.byId.get("im-gov-pp-participation")).toMatchObject({ counts: counts(0, 0, 1, 2, 2), meanExact: "16/5" });
  });

  it("maps a 1–5 sheet to 0–4 only with --scale 1-5", async () => {
    await writeFile(join(dir, "five.csv"), "im-gov-ps-online,im-gov-ps-transparent\n1,5\n3,4\n");
    const plain = await importJson(["five.csv"]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain(
      "five.csv:2:B: error: 5 is outside the scale 0–4\n  hint: if the sheet uses a 1–5 scale, run again with --scale 1-5",
    );
    const scaled = await importJson(["five.csv", "--scale", "1-5"]);
    expect(scaled.code).toBe(0);
    expect(scaled.byId.get("im-gov-ps-online")).toMatchObject({ counts: counts(1, 0, 1, 0, 0) });
    expect(scaled.byId.get("im-gov-ps-transparent")).toMatchObject({ counts: counts(0, 0, 0, 1, 1) });
    await writeFile(join(dir, "zero.csv"), "im-gov-ps-online\n0\n");
    const zero = await importJson(["zero.csv", "--scale", "1-5"]);
    expect(zero.stderr).toContain("zero.csv:2:A: error: 0 is outside the scale 1–5\n");
  });

  it("suggests the closest statement for a reworded column", async () => {
    await writeFile(
      join(dir, "reworded.csv"),
      "Nama,Layanan ini bisa saya gunakan secara online,Saran,im-gov-ps-transparent\nAni,Setuju,-,4\n",
    );
    const ran = await importJson(["reworded.csv"]);
    expect(ran.stderr).toContain(
      'reworded.csv:1:B: warning: column "Layanan ini bisa saya gunakan secara online" matches no statement; not imported\n' +
        '  hint: closest statement: im-gov-ps-online; if it is that one, write in a --map file: "Layanan ini bisa saya gunakan secara online": im-gov-ps-online',
    );
    expect(ran.stderr).toContain(
      'reworded.csv:1:C: warning: column "Saran" matches no statement; not imported\n  hint: if it holds answers, name its statement with --map',
    );
  });

  it("matches columns through a --map file, by header text or column letter", async () => {
    await writeFile(
      join(dir, "own.csv"),
      "Nama,Apakah layanan bisa diakses online?,Q2,Saran\nAni,Setuju,4,ok\nBudi,Sangat setuju,3,\n",
    );
    await writeFile(
      join(dir, "map.yaml"),
      "columns:\n  Apakah layanan bisa diakses online?: im-gov-ps-online\n  C: im-gov-ps-transparent\n  Saran: skip\n",
    );
    const ran = await importJson(["own.csv", "--map", "map.yaml"]);
    expect(ran.code).toBe(0);
    expect(ran.byId.get("im-gov-ps-online")).toMatchObject({ counts: counts(0, 0, 0, 1, 1) });
    expect(ran.byId.get("im-gov-ps-transparent")).toMatchObject({ counts: counts(0, 0, 0, 1, 1) });
    expect(ran.stderr).not.toContain("Saran");

    await writeFile(join(dir, "bad-map.yaml"), "columns:\n  C: im-gov-ps-onlin\n");
    const bad = await importJson(["own.csv", "--map", "bad-map.yaml"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'bad-map.yaml:2:6: error: columns.C: "im-gov-ps-onlin" is not a survey statement of the questionnaire\n  hint: did you mean im-gov-ps-online?',
    );
  });
});

describe("survey import: writing the answer file", () => {
  const header = "Nama;Kontak;im-gov-ps-online;im-gov-ps-transparent;im-gov-ps-faster-cheaper\n";

  it("writes counts into --into, keeping the other answers, evidence, notes and comments", async () => {
    const answers = join(dir, "jawaban.yaml");
    await writeFile(
      answers,
      [
        "# Kabupaten Uji: jawaban Diskominfo",
        "questionnaire: smart-city-2023",
        "respondent:",
        "  region: Kabupaten Uji # nama resmi",
        "answers:",
        "  bl-masterplan-legal-basis: { score: 4, evidence: [ Perbup No. 27 Tahun 2024 ] }",
        "",
        "  # survei pelayanan publik",
        "  im-gov-ps-online:",
        "    score: 2",
        "    evidence: [ Laporan survei 2023 ]",
        "    note: diisi manual sebelumnya",
        "  qw-stakeholder-design: 3",
        "",
      ].join("\n"),
    );
    await writeFile(join(dir, "r.csv"), `${header}Ani;0811;Setuju;Sangat setuju;Netral\nBudi;0812;4;;Tidak setuju\n`);
    const ran = await runKuesioner(["survey", "import", "r.csv", "--into", "jawaban.yaml"], dir);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain("Updated jawaban.yaml: 3 statements (1 earlier answer replaced).");
    expect(await readFile(answers, "utf8")).toBe(
      [
        "# Kabupaten Uji: jawaban Diskominfo",
        "questionnaire: smart-city-2023",
        "respondent:",
        "  region: Kabupaten Uji # nama resmi",
        "answers:",
        "  bl-masterplan-legal-basis: { score: 4, evidence: [ Perbup No. 27 Tahun 2024 ] }",
        "",
        "  # survei pelayanan publik",
        "  im-gov-ps-online:",
        "    survey: { counts: { 0: 0, 1: 0, 2: 0, 3: 1, 4: 1 }, imported: [ r.csv ] }",
        "    evidence: [ Laporan survei 2023 ]",
        "    note: diisi manual sebelumnya",
        "  im-gov-ps-transparent:",
        "    survey: { counts: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 1 }, imported: [ r.csv ] }",
        "  im-gov-ps-faster-cheaper:",
        "    survey: { counts: { 0: 0, 1: 1, 2: 1, 3: 0, 4: 0 }, imported: [ r.csv ] }",
        "  qw-stakeholder-design: 3",
        "",
      ].join("\n"),
    );
    const score = await runKuesioner(["score", "jawaban.yaml", "--format", "json"], dir);
    const questions = new Map(JSON.parse(score.stdout).questions.map((q: { id: string }) => [q.id, q]));
    expect(questions.get("im-gov-ps-online")).toMatchObject({ scoreExact: "7/2", respondents: 2 });
    expect(questions.get("im-gov-ps-faster-cheaper")).toMatchObject({ scoreExact: "3/2" });
  });

  it("creates the answer file when it does not exist, and prints what it would write without --into", async () => {
    await writeFile(join(dir, "r.csv"), `${header}Ani;0811;Setuju;Sangat setuju;Netral\n`);
    const preview = await runKuesioner(["survey", "import", "r.csv"], dir);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain(
      "No --into; this is what would be written into the answer file:\n\nanswers:\n  im-gov-ps-online:\n    survey: { counts: { 0: 0, 1: 0, 2: 0, 3: 1, 4: 0 }, imported: [ r.csv ] }\n",
    );
    const created = await runKuesioner(["survey", "import", "r.csv", "--into", "baru.yaml", "--lang", "id"], dir);
    expect(created.code).toBe(0);
    expect(created.stderr).toContain("Dibuat baru.yaml: 3 pernyataan.");
    const text = await readFile(join(dir, "baru.yaml"), "utf8");
    expect(text).toMatch(
      /^# yaml-language-server: \$schema=.*answers\.schema\.json\n\nquestionnaire: smart-city-2023\n/,
    );
    const validate = await runKuesioner(["validate", "baru.yaml"], dir);
    expect(validate.stderr).not.toContain("error");
  });

  it("writes a JSON answer file as JSON", async () => {
    await writeFile(
      join(dir, "a.json"),
      `${JSON.stringify({ questionnaire: "smart-city-2023", answers: { "im-gov-ps-online": { mean: 1 } } })}\n`.replace(
        '{"mean":1}',
        '{"survey":{"mean":1,"respondents":50},"note":"lama"}',
      ),
    );
    await writeFile(join(dir, "r.csv"), `${header}Ani;0811;Setuju;Sangat setuju;Netral\n`);
    const ran = await runKuesioner(["survey", "import", "r.csv", "--into", "a.json"], dir);
    expect(ran.code).toBe(0);
    const json = JSON.parse(await readFile(join(dir, "a.json"), "utf8"));
    expect(json.answers["im-gov-ps-online"]).toEqual({
      survey: { counts: { 0: 0, 1: 0, 2: 0, 3: 1, 4: 0 }, imported: ["r.csv"] },
      note: "lama",
    });
  });

  it("turns a final file back into a draft, and leaves a file that already holds the results alone", async () => {
    const answers = join(dir, "final.yaml");
    await writeFile(answers, "questionnaire: smart-city-2023\nstatus: final\nanswers:\n  qw-stakeholder-design: 3\n");
    await writeFile(join(dir, "r.csv"), `${header}Ani;0811;Setuju;Sangat setuju;Netral\n`);
    const first = await runKuesioner(["survey", "import", "r.csv", "--into", "final.yaml"], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(
      "Updated final.yaml: 3 statements. The file was final; it is a draft again because its answers changed.",
    );
    const written = await readFile(answers, "utf8");
    expect(written).toContain("status: draft\n");
    const again = await runKuesioner(["survey", "import", "r.csv", "--into", "final.yaml"], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("final.yaml already holds these results; not changed.");
    expect(await readFile(answers, "utf8")).toBe(written);
  });

  it("prints the summary as CSV (Indonesian dialect), Markdown and JSON", async () => {
    await writeFile(join(dir, "r.csv"), `${header}Ani;0811;Setuju;Sangat setuju;Netral\nBudi;0812;4;;Tidak setuju\n`);
    const csv = await runKuesioner(["survey", "import", "r.csv", "--format", "csv", "--lang", "id"], dir);
    expect(csv.stdout).toBe(
      "\ufeffnumber;id;pillar;respondents;blank;mean;n0;n1;n2;n3;n4\r\n" +
        "1;im-gov-ps-online;governance;2;0;3,5000;0;0;0;1;1\r\n" +
        "2;im-gov-ps-transparent;governance;1;1;4,0000;0;0;0;0;1\r\n" +
        "3;im-gov-ps-faster-cheaper;governance;2;0;1,5000;0;1;1;0;0\r\n",
    );
    const markdown = await runKuesioner(["survey", "import", "r.csv", "--format", "markdown"], dir);
    expect(markdown.stdout).toBe(
      [
        "2 respondents from 1 file",
        "",
        "| # | id | Statement | Respondents | Blank | Mean | 0 | 1 | 2 | 3 | 4 |",
        "| - | - | - | -: | -: | -: | -: | -: | -: | -: | -: |",
        "| 1 | `im-gov-ps-online` | I can use this service online. | 2 | 0 | 3.50 | 0 | 0 | 0 | 1 | 1 |",
        "| 2 | `im-gov-ps-transparent` | The procedure, requirements, fees and processing time of this service are clear and public. | 1 | 1 | 4.00 | 0 | 0 | 0 | 0 | 1 |",
        "| 3 | `im-gov-ps-faster-cheaper` | This service is now faster and cheaper than before. | 2 | 0 | 1.50 | 0 | 1 | 1 | 0 | 0 |",
        "",
      ].join("\n"),
    );
    const json = JSON.parse((await runKuesioner(["survey", "import", "r.csv", "--format", "json"], dir)).stdout);
    expect(json.statements[0]).toEqual({
      id: "im-gov-ps-online",
      pillar: "governance",
      column: true,
      respondents: 2,
      blank: 0,
      mean: 3.5,
      meanExact: "7/2",
      counts: { 0: 0, 1: 0, 2: 0, 3: 1, 4: 1 },
    });
    expect(json.diagnostics).toContainEqual({
      where: null,
      row: null,
      column: null,
      severity: "warning",
      code: "few-pillar",
      params: { pillar: "governance", respondents: 2, required: 50 },
    });
  });

  it("reads back a CSV template (id-ID: title rows, ; and the id row) filled in a spreadsheet", async () => {
    await runKuesioner(["survey", "template", "--out", "form.csv", "--pillar", "society", "--lang", "id"], dir);
    const template = await readFile(join(dir, "form.csv"), "utf8");
    const rows = ["Ani;0811", "Budi;0812"].map((who, r) =>
      [who, ...Array.from({ length: 9 }, (_, s) => ["Setuju", "4", "Netral", "Tidak setuju", ""][(r + s) % 5])].join(
        ";",
      ),
    );
    await writeFile(join(dir, "form.csv"), `${template}${rows.join("\r\n")}\r\n`);
    const ran = await importJson(["form.csv"]);
    expect(ran.code).toBe(0);
    expect(ran.json.respondents).toBe(2);
    const society = [...ran.byId.values()].filter((s) => s.column);
    expect(society).toHaveLength(9);
    expect(society[0]).toMatchObject({ counts: counts(0, 0, 0, 1, 1) });
    expect(society[4]).toMatchObject({ respondents: 1, blank: 1 });
  });

  const bad: [string, string, string][] = [
    ["an unknown label", "Ani;1;Setuju;Bagus sekali;Setuju\n", 'bad.csv:2:D: error: unknown answer "Bagus sekali"'],
    ["a number above the scale", "Ani;1;5;3;3\n", "bad.csv:2:C: error: 5 is outside the scale 0–4"],
    ["a negative number", "Ani;1;-1;3;3\n", "bad.csv:2:C: error: -1 is outside the scale 0–4"],
    ["a fraction", "Ani;1;2,5;3;3\n", 'bad.csv:2:C: error: "2,5" is not a whole number'],
    [
      "a label that contradicts its number",
      "Ani;1;4 - Tidak setuju;3;3\n",
      'bad.csv:2:C: error: "4 - Tidak setuju": the number and the label disagree',
    ],
    ["a short row", "Ani;1;3;3\n", "bad.csv:2:D: error: row has 4 cells, the header 5"],
    ["a long row", "Ani;1;3;3;3;4\n", 'bad.csv:2:F: error: value "4" in a column without a header'],
    ["an identical row", "Ani;1;3;2;1\nBudi;2;3;3;3\nAni;1;3;2;1\n", "bad.csv:4:A: error: same row as bad.csv:2"],
    [
      "the same contact twice",
      "Budi;+62 811-000;3;2;1\nBudi S.;0811000;1;2;3\n",
      'bad.csv:3:A: error: respondent "Budi S. / 0811000" already answered the same statements at bad.csv:2',
    ],
    ["the same name twice", "Budi;;3;2;1\nbudi;;1;2;3\n", 'bad.csv:3:A: error: respondent "budi" already answered'],
  ];

  it.each(bad)(
    "refuses %s with FILE:ROW:COLUMN and leaves the answer file byte for byte",
    async (_, rows, expected) => {
      const original =
        "# jangan diubah\nquestionnaire: smart-city-2023\nanswers:\n  im-gov-ps-online: { survey: { mean: 2.5, respondents: 50 } }\n";
      await writeFile(join(dir, "ans.yaml"), original);
      await writeFile(join(dir, "bad.csv"), header + rows);
      const ran = await runKuesioner(["survey", "import", "bad.csv", "--into", "ans.yaml"], dir);
      expect(ran.code).toBe(1);
      expect(ran.stderr).toContain(expected);
      expect(ran.stderr).toMatch(/\d+ errors?(, \d+ warnings?)?: ans\.yaml was not changed\.\n$/);
      expect(ran.stdout).toBe("");
      expect(await readFile(join(dir, "ans.yaml"), "utf8")).toBe(original);
    },
  );

  it.each([
    [
      "no header row",
      "a;b\n1;2\n",
      "bad.csv: error: no header row: no column in the first 20 rows matches a statement",
    ],
    [
      "a statement in two columns",
      "im-gov-ps-online;im-gov-ps-online\n3;3\n",
      "bad.csv:1:B: error: this column and column A both hold im-gov-ps-online",
    ],
  ])("refuses %s", async (_, text, expected) => {
    await writeFile(join(dir, "bad.csv"), text);
    const ran = await runKuesioner(["survey", "import", "bad.csv"], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(expected);
  });

  it("counts duplicates with --allow-duplicates, as warnings", async () => {
    await writeFile(join(dir, "dup.csv"), `${header}Ani;1;3;2;1\nAni;1;3;2;1\n`);
    const ran = await importJson(["dup.csv", "--allow-duplicates"]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain("dup.csv:3:A: warning: same row as dup.csv:2");
    expect(ran.byId.get("im-gov-ps-online")).toMatchObject({ respondents: 2 });
  });

  it.each([
    ["nope.csv", "nope.csv: error: file not found"],
    ["old.xls", "old.xls: error: the old .xls format is not supported\n  hint: save it as .xlsx or CSV UTF-8"],
    ["broken.xlsx", "broken.xlsx: error: cannot read the XLSX"],
    ["empty.csv", "empty.csv: error: file is empty"],
    // Refused without opening: the open of a FIFO waits for a writer (the import hung), a device never ends.
    ["pipe.csv", "pipe.csv: error: is a named pipe (FIFO), not a CSV or XLSX file"],
    ["zero.xlsx", "zero.xlsx: error: is a device, not a CSV or XLSX file"],
  ])("reports an unreadable input %s and writes nothing", async (file, expected) => {
    execFileSync("mkfifo", [join(dir, "pipe.csv")]);
    await symlink("/dev/zero", join(dir, "zero.xlsx"));
    await writeFile(join(dir, "old.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await writeFile(join(dir, "broken.xlsx"), Buffer.from("PK\u0003\u0004 this is not a zip file at all"));
    await writeFile(join(dir, "empty.csv"), "");
    const ran = await runKuesioner(["survey", "import", file, "--into", "new.yaml"], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(expected);
    await expect(readFile(join(dir, "new.yaml"))).rejects.toThrow();
  });

  it("refuses a workbook whose sheet is damaged inside the archive, in both languages, instead of ending silently", async () => {
    // fixtures/survey/README.md: exceljs's streaming reader never settled on it.
    const damaged = join(fixtures, "damaged-sheet.xlsx");
    const en = await runKuesioner(["survey", "import", damaged, "--into", "new.yaml", "--lang", "en"], dir);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`${damaged}: error: cannot read the XLSX (`);
    expect(en.stderr).toContain("1 error: new.yaml was not changed.");
    const id = await runKuesioner(["survey", "import", damaged, "--into", "new.yaml", "--lang", "id"], dir);
    expect(id.code).toBe(1);
    expect(id.stderr).toContain(`${damaged}: kesalahan: XLSX tidak dapat dibaca (`);
    await expect(readFile(join(dir, "new.yaml"))).rejects.toThrow();
  });

  it("refuses a workbook that inflates past 256 MiB from what its archive states, before inflating it", async () => {
    // A small archive whose directory states a sheet of 300 MiB, as a zip bomb's does (a real one:
    // 1.5 MiB on disk, 1.5 GiB of spaces inside, took 43 s to check and read).
    const { default: JSZip } = await import("jszip");
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
    zip.file("xl/worksheets/sheet1.xml", " ".repeat(1000));
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const entry = bytes.lastIndexOf(Buffer.from("PK\u0001\u0002"));
    bytes.writeUInt32LE(300 * 1024 * 1024, entry + 24);
    await writeFile(join(dir, "bomb.xlsx"), bytes);
    const en = await runKuesioner(["survey", "import", "bomb.xlsx", "--into", "new.yaml", "--lang", "en"], dir);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(
      "bomb.xlsx: error: this XLSX holds 300 MiB once inflated, more than the 256 MiB limit\n" +
        "  hint: export the responses as CSV (read as a stream, with no size limit)\n",
    );
    const id = await runKuesioner(["survey", "import", "bomb.xlsx", "--lang", "id"], dir);
    expect(id.stderr).toContain("bomb.xlsx: kesalahan: isi XLSX ini 300 MiB setelah diekstrak, melebihi batas 256 MiB");
    await expect(readFile(join(dir, "new.yaml"))).rejects.toThrow();
  });

  it("refuses an --into that is a named pipe, instead of waiting on it for ever", async () => {
    await copyFile(join(fixtures, "google-forms.csv"), join(dir, "gf.csv"));
    execFileSync("mkfifo", [join(dir, "into.yaml")]);
    const ran = await runKuesioner(["survey", "import", "gf.csv", "--into", "into.yaml", "--lang", "en"], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("into.yaml: error: is a named pipe (FIFO), expected a YAML or JSON file");
    expect(ran.stderr).toContain("--into into.yaml: not a valid answer file; nothing imported");
  });

  it("refuses an --into file that is not a valid answer file, before reading responses", async () => {
    await writeFile(join(dir, "ans.yaml"), "questionnaire: smart-city-2023\nanswers:\n  im-gov-ps-online: [\n");
    await writeFile(join(dir, "r.csv"), `${header}Ani;1;3;2;1\n`);
    const ran = await runKuesioner(["survey", "import", "r.csv", "--into", "ans.yaml"], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("--into ans.yaml: not a valid answer file; nothing imported");
  });

  it.each([
    [["--scale", "1-3"], "--scale 1-3: the sheet must have as many levels"],
    [["--scale", "five"], "--scale: expected the sheet's scale as MIN-MAX"],
    [["--format", "xml"], "argument 'xml' is invalid"],
  ])("refuses %j as a usage error", async (args, message) => {
    await writeFile(join(dir, "r.csv"), `${header}Ani;1;3;2;1\n`);
    const ran = await runKuesioner(["survey", "import", "r.csv", ...args], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
  });
});
