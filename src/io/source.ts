import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import type { Document, LineCounter, Node, Pair, YAMLMap } from "yaml";
import type { Diagnostic, Issue } from "../errors.js";
import { checkDataLimits, MAX_NODES } from "./data-limits.js";
import { crowdedAt, loadFast } from "./fast-yaml.js";
import { isMap, isPair, isScalar, isSeq, yamlLib } from "./yaml-lib.js";
import { checkYamlNodes, keyText } from "./yaml-check.js";
import { describeYamlError, pathAtOffset, rootCauses } from "./yaml-errors.js";

/** Larger files are refused before reading: no questionnaire or answer file comes near it. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Alias expansions allowed when converting YAML to data ("billion laughs" guard). */
const MAX_ALIAS_COUNT = 1000;

export interface ParsedSource {
  file: string;
  text: string;
  /** The `yaml` document and its line counter: for a file read by the fast path, parsed on first use. */
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  data: unknown;
}

export type SourceResult =
  | { ok: true; source: ParsedSource; diagnostics: Diagnostic[] }
  /** `text`: the file's content when it could be read but not parsed. */
  | { ok: false; diagnostics: Diagnostic[]; text?: string };

type Params = NonNullable<Diagnostic["params"]>;

/** A problem of the whole file: its code and values, said by the catalogues (src/text/file-messages.ts). */
function fileDiagnostic(file: string, code: string, params: Params = {}): Diagnostic {
  return { file, path: [], severity: "error", code, params };
}

/** What a path is when it is not a regular file, for "… is a FIFO, expected a YAML or JSON file". */
export function specialFileKind(info: Stats): "fifo" | "socket" | "device" | "other" | undefined {
  if (info.isFile()) return undefined;
  if (info.isFIFO()) return "fifo";
  if (info.isSocket()) return "socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "device";
  return "other";
}

/** What a read takes at a time, past the stated size of the file. */
const CHUNK = 64 * 1024;
const PROBE = Buffer.allocUnsafe(CHUNK);

/**
 * Reads at most `limit + 1` bytes, whatever the file claims to be: a file that grows while it is
 * read, or a /proc file whose size says 0, still stops at the limit.
 */
export function readBounded(
  read: (buffer: Buffer, offset: number, length: number) => number,
  limit: number,
  sizeHint = 0,
): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  // The stated size plus one byte reads a regular file in one call and sees its end in the next.
  let want = sizeHint > 0 ? sizeHint + 1 : CHUNK;
  while (total <= limit) {
    const length = Math.min(want, limit + 1 - total);
    // Past the first read a file is nearly always at its end: the next read goes to a buffer kept
    // for it, and only what it finds is copied (a batch read 64 KiB more per file otherwise).
    const probe = chunks.length > 0;
    const chunk = probe ? PROBE.subarray(0, length) : Buffer.allocUnsafe(length);
    const bytesRead = read(chunk, 0, length);
    if (bytesRead === 0) break;
    if (probe) chunks.push(Buffer.from(chunk.subarray(0, bytesRead)));
    else chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    total += bytesRead;
    want = CHUNK;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** Why readRegularFile gave no bytes. */
export type RegularFileRefusal =
  | { refused: "not-found" }
  | { refused: "not-regular"; kind: "folder" | "fifo" | "socket" | "device" | "other" }
  /** `size`: what the file states, when that is already past the limit; else it grew while read. */
  | { refused: "too-large"; size?: number }
  /** `error`: the system's, with its code (EACCES, EISDIR, …). */
  | { refused: "unreadable"; error: unknown };

/**
 * The bytes of a regular file of at most `limit` bytes, or why not: opened without blocking (a
 * FIFO with no writer would hang the open) and checked on the open descriptor, so that what is
 * checked is what is read: a pipe, a device or a folder in the file's place is refused, and a
 * file that grows while it is read still stops at the limit. Synchronous: a batch reads thousands
 * of small files, and each asynchronous call costs more than the read itself (a FileHandle and
 * four trips to the thread pool per file). Answer files and questionnaires (readTextFile), a
 * history log, a cache entry.
 */
export function readRegularFile(file: string, limit: number): { bytes: Buffer } | RegularFileRefusal {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT"
      ? { refused: "not-found" }
      : { refused: "unreadable", error };
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { refused: "not-regular", kind: "folder" };
    const special = specialFileKind(info);
    if (special) return { refused: "not-regular", kind: special };
    if (info.size > limit) return { refused: "too-large", size: info.size };
    const bytes = readBounded((buffer, offset, length) => readSync(fd, buffer, offset, length, null), limit, info.size);
    return bytes.length > limit ? { refused: "too-large" } : { bytes };
  } catch (error) {
    return { refused: "unreadable", error };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing was written; a failed close loses nothing.
    }
  }
}

const tooLarge = (file: string, bytes: number, exact: boolean) =>
  fileDiagnostic(file, "file.too-large", {
    size: formatBytes(bytes),
    limit: formatBytes(MAX_FILE_BYTES),
    ...(exact ? {} : { atLeast: "yes" }),
  });

/**
 * Reads a text file, refusing directories, devices, pipes and sockets, huge files (readRegularFile),
 * binary content and invalid UTF-8.
 */
export async function readTextFile(file: string): Promise<{ text: string } | { diagnostic: Diagnostic }> {
  const read = readRegularFile(file, MAX_FILE_BYTES);
  if (!("bytes" in read)) return { diagnostic: refusalDiagnostic(file, read) };
  const { bytes } = read;
  if (bytes.includes(0)) {
    return {
      diagnostic: fileDiagnostic(file, "file.binary"),
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return {
      diagnostic: fileDiagnostic(file, "file.not-utf8"),
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // What trim() takes away is what \s matches: no copy of the text to find it empty.
  if (!/\S/.test(text)) return { diagnostic: fileDiagnostic(file, "file.empty") };
  return { text };
}

/** One decoder for every file: decode() without { stream } keeps no state from one call to the next. */
const utf8 = new TextDecoder("utf-8", { fatal: true });

function refusalDiagnostic(file: string, refusal: RegularFileRefusal): Diagnostic {
  switch (refusal.refused) {
    case "not-found":
      return fileDiagnostic(file, "file.not-found");
    case "not-regular":
      return refusal.kind === "folder"
        ? directoryDiagnostic(file)
        : fileDiagnostic(file, "file.not-regular", { kind: refusal.kind });
    case "too-large":
      return tooLarge(file, refusal.size ?? MAX_FILE_BYTES, refusal.size !== undefined);
    case "unreadable":
      return openDiagnostic(file, refusal.error);
  }
}

function openDiagnostic(file: string, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return fileDiagnostic(file, "file.not-found");
  if (code === "EACCES") return fileDiagnostic(file, "file.permission-denied");
  if (code === "EISDIR") return directoryDiagnostic(file);
  const reason = code ?? String(error);
  return fileDiagnostic(file, "file.unreadable", { reason });
}

const directoryDiagnostic = (file: string) => fileDiagnostic(file, "file.is-directory");

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/**
 * Parses YAML (JSON is accepted: it is YAML too). A plain document takes the fast path and gets
 * its positions only when a diagnostic asks for one; any other is read with `yaml`, with the
 * same result the fast path would have given (test/io/fast-yaml.test.ts).
 */
export function parseYamlText(file: string, text: string): SourceResult {
  // A text with more nodes than any real file is refused after a quick count, before a parser
  // that keeps positions spends seconds and gigabytes on it (issue 14: a few seconds at 5 MiB).
  const crowded = crowdedAt(text);
  if (crowded)
    return {
      ok: false,
      diagnostics: [{ ...fileDiagnostic(file, "data.too-many-nodes", { limit: MAX_NODES }), ...crowded }],
      text,
    };
  // loadFast keeps to the data limits itself (see there), so its data needs no second walk.
  const data = loadFast(text);
  if (data === undefined) return parseYamlTextWithPositions(file, text);
  let positions: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  const parsed = () => {
    if (!positions) {
      const lineCounter = new (yamlLib().LineCounter)();
      positions = { doc: parseForPositions(text, lineCounter), lineCounter };
    }
    return positions;
  };
  const source: ParsedSource = {
    file,
    text,
    data,
    get doc() {
      return parsed().doc;
    },
    get lineCounter() {
      return parsed().lineCounter;
    },
  };
  return { ok: true, source, diagnostics: [] };
}

function parseForPositions(text: string, lineCounter: LineCounter): Document.Parsed {
  // Duplicate keys are checked by checkYamlNodes in linear time; the parser's own check is
  // quadratic in the keys of a mapping. Warnings are ours to report, never the library's.
  const doc = yamlLib().parseDocument(text, {
    prettyErrors: false,
    uniqueKeys: false,
    strict: true,
    logLevel: "error",
  });
  countLines(text, lineCounter);
  return doc;
}

/**
 * Lines as the text has them. The parser's own counter misses line breaks it meets while it
 * recovers from an error, and then puts later errors on the wrong line, or past the end of one
 * (found by the fuzzer: fixtures/invalid/yaml-error-line-count.yaml).
 */
function countLines(text: string, lineCounter: LineCounter): void {
  lineCounter.addNewLine(0);
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
}

/** Parses YAML with the `yaml` package, keeping positions for diagnostics: the reference reading. */
export function parseYamlTextWithPositions(file: string, text: string): SourceResult {
  const lineCounter = new (yamlLib().LineCounter)();
  let doc: Document.Parsed;
  try {
    doc = parseForPositions(text, lineCounter);
  } catch (error) {
    return {
      ok: false,
      diagnostics: [yamlUnreadable(file, error instanceof Error ? error.message : String(error))],
    };
  }
  const diagnostics: Diagnostic[] = [];
  for (const e of rootCauses(doc.errors, (offset) => lineCounter.linePos(offset).line)) {
    const { code, params, message, hint, at } = describeYamlError(e, text);
    const pos = lineCounter.linePos(at ?? e.pos[0]);
    diagnostics.push({
      file,
      line: pos.line,
      column: pos.col,
      // In a broken document no path can be trusted.
      path: [],
      severity: "error",
      code,
      params,
      message: `YAML syntax: ${message}`,
      ...(hint ? { hint } : {}),
    });
  }
  // An unresolved tag is one of the tags checkYamlNodes reports as an error.
  for (const w of doc.warnings.filter((w) => w.code !== "TAG_RESOLVE_FAILED")) {
    const pos = lineCounter.linePos(w.pos[0]);
    const { code, params, message, hint } = describeYamlError(w, text);
    diagnostics.push({
      file,
      line: pos.line,
      column: pos.col,
      path: pathAtOffset(doc, w.pos[0]),
      severity: "warning",
      code,
      params,
      message: `YAML: ${message}`,
      ...(hint ? { hint } : {}),
    });
  }
  if (diagnostics.some((d) => d.severity === "error")) return { ok: false, diagnostics, text };
  const nodeErrors = checkYamlNodes(file, doc, lineCounter, text);
  if (nodeErrors.length > 0) return { ok: false, diagnostics: [...diagnostics, ...nodeErrors], text };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    diagnostics.push(toJsDiagnostic(file, doc, lineCounter, error));
    return { ok: false, diagnostics, text };
  }
  const problem = checkDataLimits(data);
  if (problem) {
    const at = (path: (string | number)[], code: string, params: Params) =>
      locateIssue({ file, doc, lineCounter }, { path, severity: "error", code, params });
    if (problem.kind === "cycle") diagnostics.push(at(problem.path, "yaml.alias-cycle", {}));
    else if (problem.kind === "too-deep") diagnostics.push(at(problem.path, "data.too-deep", { limit: problem.limit }));
    else diagnostics.push(fileDiagnostic(file, "data.too-many-values", { limit: problem.limit }));
    return { ok: false, diagnostics, text };
  }
  return { ok: true, source: { file, text, doc, lineCounter, data }, diagnostics };
}

/** Converting to data fails on aliases: too many expansions (the "billion laughs" shape) or an undefined anchor. */
function toJsDiagnostic(file: string, doc: Document.Parsed, lineCounter: LineCounter, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  if (/excessive alias count/i.test(message)) {
    return fileDiagnostic(file, "yaml.alias-bomb");
  }
  const unresolved = /unresolved alias.*?: (.*)$/i.exec(firstLine(message));
  if (unresolved) {
    const { visit } = yamlLib();
    let offset = -1;
    visit(doc, {
      Alias: (_, node) => {
        if (node.source !== unresolved[1] || !node.range) return undefined;
        offset = node.range[0];
        return visit.BREAK;
      },
    });
    const pos = offset >= 0 ? lineCounter.linePos(offset) : undefined;
    return {
      file,
      ...(pos ? { line: pos.line, column: pos.col, path: pathAtOffset(doc, offset) } : { path: [] }),
      severity: "error",
      code: "yaml.alias-undefined",
      params: { alias: unresolved[1]! },
    };
  }
  return yamlUnreadable(file, message);
}

const yamlUnreadable = (file: string, message: string) =>
  fileDiagnostic(file, "yaml.unreadable", { detail: firstLine(message) });

export async function loadSource(file: string): Promise<SourceResult> {
  const read = await readTextFile(file);
  if ("diagnostic" in read) return { ok: false, diagnostics: [read.diagnostic] };
  return parseYamlText(file, read.text);
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}

/** Each large mapping's keys, indexed the first time a diagnostic is located in it. */
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/**
 * The pair of `map` under `key`. Locating every diagnostic by scanning its mapping would take
 * quadratic time in a file with a diagnostic for each of 100,000 keys.
 */
function pairAt(map: YAMLMap, key: string): Pair | undefined {
  if (map.items.length <= 16) return map.items.find((p) => keyText(p.key) === key);
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const text = keyText(pair.key);
      if (text !== undefined && !index.has(text)) index.set(text, pair);
    }
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

/** The node at `path`, or the deepest existing ancestor; `keyNode` when the last segment names a map key. */
function findNode(
  doc: Document.Parsed,
  path: readonly (string | number)[],
): { node: Node | null; keyNode: Node | null; depth: number } {
  let node: unknown = doc.contents;
  let keyNode: Node | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairAt(node, String(segment));
      if (!pair) break;
      keyNode = isScalar(pair.key) ? pair.key : null;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) break;
      keyNode = null;
      node = isPair(item) ? item.value : item;
    } else break;
    depth++;
  }
  const found = (node ?? null) as Node | null;
  return { node: found, keyNode: depth === path.length ? keyNode : null, depth };
}

/** Attaches file, line and column to a pure issue: the node at its path, else the nearest parent. */
export function locateIssue(
  source: Pick<ParsedSource, "file" | "doc" | "lineCounter">,
  issue: Issue | Omit<Diagnostic, "file" | "line" | "column">,
  options: { atKey?: boolean } = {},
): Diagnostic {
  const { node, keyNode } = findNode(source.doc, issue.path);
  const target = options.atKey && keyNode ? keyNode : (node ?? keyNode);
  const offset = target?.range?.[0];
  if (offset === undefined) return { file: source.file, ...issue };
  const pos = source.lineCounter.linePos(offset);
  return { file: source.file, line: pos.line, column: pos.col, ...issue };
}
