import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { specialFileKind } from "./source.js";

/**
 * Rows of respondents' answers, read one at a time from CSV (any separator, UTF-8 with or
 * without a byte-order mark, UTF-16 as Excel's "Unicode text" writes it, Windows-1252 as older
 * Excel writes "CSV") or XLSX (streamed sheet by sheet). Nothing here knows about statements:
 * the caller matches the header. The libraries are loaded on first use only.
 */
export type Cell = string | number | boolean | Date | null;

export type ResponseEvent =
  | { kind: "sheet"; name: string | undefined; format: "csv" | "xlsx"; encoding?: string; delimiter?: string }
  /** `row`: 1-based, as a spreadsheet numbers it; `cells[0]` is column A. */
  | { kind: "row"; row: number; cells: Cell[] }
  /** Other sheets of a workbook that were not read (so the caller can mention them). */
  | { kind: "skipped-sheet"; name: string };

export class ResponseFileError extends Error {
  constructor(
    readonly code:
      | "not-found"
      | "directory"
      | "not-regular"
      | "unreadable"
      | "empty"
      | "xls"
      | "binary"
      | "bad-xlsx"
      | "xlsx-too-large"
      | "no-sheet",
    readonly detail = "",
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
  }
}

export interface ReadOptions {
  /** XLSX: the sheets to read by name; none: the first sheet, or every sheet with `allSheets`. */
  sheets?: readonly string[];
  allSheets?: boolean;
  /** CSV: the separator; sniffed from the first lines otherwise. */
  delimiter?: string;
}

const SNIFF_BYTES = 64 * 1024;

export async function* readResponseRows(file: string, options: ReadOptions = {}): AsyncGenerator<ResponseEvent> {
  const head = await readHead(file);
  if (head.length === 0) throw new ResponseFileError("empty");
  if (head[0] === 0x50 && head[1] === 0x4b) {
    yield* readXlsx(file, options);
    return;
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) throw new ResponseFileError("xls");
  yield* readCsv(file, head, options);
}

async function readHead(file: string): Promise<Buffer> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ResponseFileError(code === "ENOENT" ? "not-found" : "unreadable", code === "ENOENT" ? "" : String(code));
  }
  if (info.isDirectory()) throw new ResponseFileError("directory");
  // A FIFO would hang the open below until something writes to it; a device never ends.
  const special = specialFileKind(info);
  if (special) throw new ResponseFileError("not-regular", special);
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new ResponseFileError("unreadable", String(error.code ?? error.message));
  });
  try {
    const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The text encoding: a byte-order mark decides; else UTF-8 if the first 64 KiB are valid UTF-8, else Windows-1252. */
export function detectEncoding(head: Uint8Array): { encoding: string; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  // A UTF-16 file without a mark still has a NUL in every other byte of ASCII text.
  const sample = head.subarray(0, 512);
  const zeros = (start: number) => sample.filter((b, i) => i % 2 === start && b === 0).length;
  if (sample.length >= 4 && zeros(1) > sample.length / 4 && zeros(0) === 0) return { encoding: "utf-16le", bom: 0 };
  if (sample.length >= 4 && zeros(0) > sample.length / 4 && zeros(1) === 0) return { encoding: "utf-16be", bom: 0 };
  if (sample.includes(0)) throw new ResponseFileError("binary");
  try {
    // The sample may end inside a character: let the streaming decoder keep the last bytes.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return { encoding: "utf-8", bom: 0 };
  } catch {
    return { encoding: "windows-1252", bom: 0 };
  }
}

/**
 * The separator: of `,` `;` and tab, the one found most often outside quotes in the first
 * lines (a title row above the header has few, the header and answer rows many). Excel's
 * `sep=;` first line decides when present.
 */
export function sniffDelimiter(text: string): { delimiter: string; sepLine: boolean } {
  const sep = /^sep=(.)\r?\n/.exec(text);
  if (sep) return { delimiter: sep[1]!, sepLine: true };
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 30; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "\n") lines++;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return { delimiter: best, sepLine: false };
}

async function* readCsv(file: string, head: Buffer, options: ReadOptions): AsyncGenerator<ResponseEvent> {
  const { encoding, bom } = detectEncoding(head);
  const decoder = new TextDecoder(encoding);
  const firstText = decoder.decode(head.subarray(bom), { stream: true });
  const sniffed = options.delimiter ? { delimiter: options.delimiter, sepLine: false } : sniffDelimiter(firstText);
  yield { kind: "sheet", name: undefined, format: "csv", encoding, delimiter: sniffed.delimiter };
  async function* text(): AsyncGenerator<string> {
    const fresh = new TextDecoder(encoding);
    let first = true;
    for await (const chunk of createReadStream(file, { highWaterMark: SNIFF_BYTES })) {
      let bytes = chunk as Buffer;
      if (first && bom) bytes = bytes.subarray(bom);
      first = false;
      const decoded = fresh.decode(bytes, { stream: true });
      if (decoded) yield decoded;
    }
    const rest = fresh.decode();
    if (rest) yield rest;
  }
  const { parse } = await import("csv-parse");
  const parser = parse({
    delimiter: sniffed.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    from_line: sniffed.sepLine ? 2 : 1,
  });
  const source = Readable.from(text());
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row++;
    yield { kind: "row", row, cells: record.length === 1 && record[0] === "" ? [] : record };
  }
}

/**
 * Checks the whole archive first: every entry inflates to the size and checksum its header
 * records. exceljs's streaming reader does not always fail on a damaged entry: a sheet stored
 * before the shared strings whose data did not match its size left the reader's promise pending
 * for ever, and the process ended with nothing said, exit 0, as if the import had gone through
 * (found by `npm run fuzz`, seed 1317699396).
 */
async function checkArchive(file: string): Promise<void> {
  const { default: JSZip } = await import("jszip");
  const bad = (error: unknown) =>
    new ResponseFileError("bad-xlsx", error instanceof Error ? error.message : String(error));
  const bytes = await readFile(file).catch((error: unknown) => {
    throw bad(error);
  });
  // The archive's directory first, which states what each entry inflates to: a workbook of a few
  // megabytes can hold gigabytes of one repeated byte, which took the check and the import 43 s
  // for 1.5 GiB. JSZip keeps the stated size on each entry (`_data`, set from the directory).
  const listed = await JSZip.loadAsync(bytes).catch((error: unknown) => {
    throw bad(error);
  });
  let inflated = 0;
  for (const entry of Object.values(listed.files))
    inflated += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (inflated > MAX_INFLATED_BYTES) throw new ResponseFileError("xlsx-too-large", String(inflated));
  await JSZip.loadAsync(bytes, { checkCRC32: true }).catch((error: unknown) => {
    throw bad(error);
  });
}

/**
 * The most a workbook may hold once inflated. A survey sheet takes about 40 bytes a cell: 54
 * statements × 100,000 respondents is some 220 MiB.
 */
const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

async function* readXlsx(file: string, options: ReadOptions): AsyncGenerator<ResponseEvent> {
  await checkArchive(file);
  const { loadExcel } = await import("./excel.js");
  const ExcelJS = await loadExcel();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  const wanted = options.sheets?.map((s) => s.trim().toLowerCase());
  const found: string[] = [];
  let read = 0;
  try {
    for await (const sheet of reader) {
      const name = String((sheet as unknown as { name?: string }).name ?? "");
      found.push(name);
      const take = wanted ? wanted.includes(name.trim().toLowerCase()) : options.allSheets || read === 0;
      if (!take) {
        // Read a skipped sheet to its end all the same: when a workbook stores its sheets before its
        // shared strings, exceljs parks each sheet in a temporary file, opens it lazily and deletes
        // it as soon as the loop moves on, so an unread sheet's file can vanish before it opens, an
        // ENOENT that no caller can catch and that ends the process.
        for await (const _row of sheet) {
          // drained
        }
        yield { kind: "skipped-sheet", name };
        continue;
      }
      read++;
      yield { kind: "sheet", name, format: "xlsx" };
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
        yield { kind: "row", row: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof ResponseFileError) throw error;
    throw new ResponseFileError("bad-xlsx", error instanceof Error ? error.message : String(error));
  }
  const missing = wanted?.filter((w) => !found.some((f) => f.trim().toLowerCase() === w));
  if (missing?.length || read === 0) throw new ResponseFileError("no-sheet", found.join(", "));
}

/** An exceljs cell value as plain data: rich text joined, a formula's result, a link's text. */
function cellValue(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    if ("result" in v) return cellValue(v.result);
    if ("formula" in v || "sharedFormula" in v) return null;
    if (typeof v.text === "string") return v.text;
    if ("error" in v) return String(v.error);
  }
  return String(value);
}
