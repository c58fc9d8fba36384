import fs from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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
    // exceljs opens a parked sheet's temporary file lazily and deletes it once the loop moves on.
    // Opening late (as on a busy machine) made an unread sheet's file vanish first: an uncaught
    // ENOENT that ends the process (vitest fails the run on it). The spy makes every open late.
    const open = fs.createReadStream;
    const late = vi.spyOn(fs, "createReadStream").mockImplementation(((path: fs.PathLike) => {
      const out = new PassThrough();
      setTimeout(
        () =>
          open(path)
            .on("error", (error) => out.destroy(error))
            .pipe(out),
        20,
      );
      return out;
    }) as unknown as typeof fs.createReadStream);
    try {
      const read = await events();
      expect(read.map((e) => e.kind)).toEqual(["sheet", "row", "row", "skipped-sheet"]);
      expect(late).toHaveBeenCalled();
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      late.mockRestore();
    }
  });

  it("still reads every sheet with allSheets", async () => {
    const all = await events({ allSheets: true });
    expect(all.filter((e) => e.kind === "row")).toHaveLength(4);
  });
});
