import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ResponseEvent, readResponseRows } from "../../src/io/response-rows.js";

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kuesioner-response-rows-"));
  file = join(dir, "two-sheets.xlsx");
  // exceljs writes the sheets before the shared strings, the order in which its reader parks each
  // sheet in a temporary file until the shared strings have been read.
  const workbook = new ExcelJS.Workbook();
  const first = workbook.addWorksheet("Tata Kelola");
  first.addRow(["Nama", "im-gov-ps-online"]);
  first.addRow(["Ani", "Setuju"]);
  const second = workbook.addWorksheet("Ekonomi");
  second.addRow(["Nama", "im-eco-in-finished-products"]);
  second.addRow(["Budi", "Sangat setuju"]);
  await workbook.xlsx.writeFile(file);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function events(options: { allSheets?: boolean } = {}): Promise<ResponseEvent[]> {
  const out: ResponseEvent[] = [];
  for await (const event of readResponseRows(file, options)) out.push(event);
  return out;
}

describe("readResponseRows on an XLSX of several sheets", () => {
  it("skips the other sheets without losing their temporary files under the reader's feet", async () => {
    // Before the fix an unread sheet's temporary file was deleted while exceljs was still opening
    // it: an uncaught ENOENT about once in forty reads (more on a busy machine), which ends the
    // process (vitest reports it as an unhandled error and fails the run). A hundred reads make
    // missing it unlikely; the events must be the same every time.
    const expected = await events();
    expect(expected.map((e) => e.kind)).toEqual(["sheet", "row", "row", "skipped-sheet"]);
    for (let i = 0; i < 100; i++) expect(await events()).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 200));
  });

  it("still reads every sheet with allSheets", async () => {
    const all = await events({ allSheets: true });
    expect(all.filter((e) => e.kind === "row")).toHaveLength(4);
  });
});
