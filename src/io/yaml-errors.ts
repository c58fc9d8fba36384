import type { Document, YAMLError } from "yaml";
import { isMap, isScalar, isSeq, yamlLib } from "./yaml-lib.js";

type Params = Record<string, string | number>;

/**
 * The yaml parser's errors in words a questionnaire author can act on. The parser's message
 * stays recognisable; the hint says what usually causes it in a hand-written file. `code` and
 * `params` let the catalogues say it in the user's language: `yaml.syntax` carries the parser's
 * own code (`yamlCode`), its English text (`detail`) and the kind of hint (`hintKind`).
 */
export function describeYamlError(
  error: Pick<YAMLError, "code" | "message" | "pos">,
  text: string,
): { code: string; params: Params; message: string; hint?: string; at?: number } {
  const original = sentence(error.message);
  const syntax = (hintKind?: string, hint?: string) => ({
    code: "yaml.syntax",
    params: { yamlCode: error.code, detail: original, ...(hintKind ? { hintKind } : {}) },
    message: original,
    ...(hint ? { hint } : {}),
  });
  switch (error.code) {
    case "DUPLICATE_KEY": {
      const key = keyAt(text, error.pos[0]);
      return {
        code: "yaml.duplicate-key",
        params: { key },
        message: `duplicate key ${JSON.stringify(key)}`,
        hint: "a key may appear only once in a mapping: remove one of them or merge them",
      };
    }
    case "TAB_AS_INDENT":
      return {
        code: "yaml.tab-indent",
        params: {},
        message: "tab character used for indentation",
        hint: "YAML indents with spaces only: replace the tab with spaces",
      };
    case "MULTIPLE_DOCS":
      return {
        code: "yaml.several-documents",
        params: {},
        message: 'the file holds more than one YAML document (a second "---")',
        hint: "keep one questionnaire or answer file per file",
      };
    case "MULTILINE_IMPLICIT_KEY":
      return syntax(
        "multiline-key",
        'check for a missing ": " after a key (write "max: 4", not "max:4"), or a line indented differently from its neighbours',
      );
    case "MISSING_CHAR":
      if (/missing closing ["']?quote/i.test(error.message)) {
        // The parser gives up at the end of the file; the mistake is where the quote opens.
        const opening = unclosedQuoteAt(text);
        if (opening !== undefined) {
          const { line, column } = lineColumn(text, error.pos[0]);
          return {
            code: "yaml.unclosed-quote",
            params: { quote: text[opening]!, line, column, detail: original },
            message: `${original}: the quoted value that starts here is never closed`,
            hint: `the parser looked for the closing ${text[opening]} until line ${line}, column ${column}; close it on this line, or quote the value with the other quote`,
            at: opening,
          };
        }
      }
      return /followed by map values/.test(error.message)
        ? {
            code: "yaml.missing-colon",
            params: {},
            message: "a key without a value: the colon is missing",
            hint: 'write "key: value"; a list item starts with "- "',
          }
        : syntax();
    case "BAD_INDENT":
      return isUnclosedFlow(error)
        ? syntax(
            "unclosed-flow",
            "a [ list or { mapping opened above is not closed, or a line inside it is indented less than its key",
          )
        : syntax("indent", "the items of one mapping or list start at the same column; indent nested ones further");
    case "BLOCK_AS_IMPLICIT_KEY":
      return /compact mappings/.test(error.message)
        ? syntax("compact-mapping", 'a value that contains ": " must be quoted, e.g. title: "Smart City: Kota"')
        : syntax("indent-line", "check the indentation of this line and the one above");
    case "UNEXPECTED_TOKEN":
      return syntax(
        "quote-special",
        "quote values that contain quotes or special characters; inside '…' write '' for one quote",
      );
    case "BAD_SCALAR_START":
      return syntax("scalar-start", "a value starting with @, `, %, | or > must be quoted");
    default:
      // The parser reports running out of stack as an error at the point it gave up.
      if (/call stack/i.test(error.message))
        return { code: "yaml.too-deep", params: {}, message: "the document is nested too deeply to read" };
      return syntax();
  }
}

/** The key text at `offset` (a duplicate key: plain, quoted or in a flow mapping). */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const quoted = /^(["'])(.*?)\1/.exec(rest);
  if (quoted) return quoted[2]!;
  return /^[^:,{}\n]*/.exec(rest)![0].trim();
}

function sentence(message: string): string {
  const first = message
    .split("\n")[0]!
    .trim()
    .replace(/\s+at line \d+, column \d+:?$/, "");
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/**
 * The parser reports follow-on errors for one mistake. A tab in the indentation, an unclosed
 * quote or an unclosed flow collection explains the rest: report only those. Otherwise keep the first error per line.
 */
export function rootCauses<E extends Pick<YAMLError, "code" | "message" | "pos">>(
  errors: readonly E[],
  lineOf: (offset: number) => number,
): E[] {
  const tabs = errors.filter((e) => e.code === "TAB_AS_INDENT");
  if (tabs.length) return tabs;
  // An unclosed quote swallows the rest of the file, closing brackets included: it explains every other error.
  const quote = errors.find((e) => /missing closing ["']?quote/i.test(e.message));
  if (quote) return [quote];
  const unclosed = errors.filter(isUnclosedFlow);
  if (unclosed.length) return unclosed;
  const lines = new Set<number>();
  return errors.filter((e) => {
    const line = lineOf(e.pos[0]);
    if (lines.has(line)) return false;
    lines.add(line);
    return true;
  });
}

const isUnclosedFlow = (e: Pick<YAMLError, "message">) =>
  /must be sufficiently indented and end with a/.test(e.message);

type Ranged = { range?: [number, number, number] | null } | null | undefined;

const startOf = (n: unknown) => (n as Ranged)?.range?.[0];

/**
 * The index of the last item that starts at or before `offset` (items are in document order), by binary
 * search: a warning in a mapping of 100,000 keys must not cost a scan of all of them.
 */
function indexAt<T>(items: readonly T[], offset: number, start: (item: T) => number | undefined): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = start(items[mid]!);
    // An item without a position (an empty value) cannot be ordered: fall back to a scan.
    if (s === undefined) return items.findLastIndex((item) => (start(item) ?? Infinity) <= offset);
    if (s <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The path of the node that contains `offset`, as far as the document could be built. */
export function pathAtOffset(doc: Document, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  const contains = (n: unknown) => {
    const range = (n as Ranged)?.range;
    return range !== undefined && range !== null && offset >= range[0] && offset < range[2];
  };
  for (let depth = 0; depth < 100; depth++) {
    if (isMap(node)) {
      const pair = node.items[indexAt(node.items, offset, (p) => startOf(p.key) ?? startOf(p.value))];
      if (!pair || !(contains(pair.key) || contains(pair.value)) || !isScalar(pair.key)) break;
      path.push(String(pair.key.value));
      if (contains(pair.key)) break;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = indexAt(node.items, offset, startOf);
      if (index < 0 || !contains(node.items[index])) break;
      path.push(index);
      node = node.items[index];
    } else break;
  }
  return path;
}

/** The line and column of an offset, 1-based. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}

/** Whether a quoted scalar's source ends with its closing quote. */
function isClosed(token: string): boolean {
  const quote = token[0];
  if (token.length < 2 || !token.endsWith(quote!)) return false;
  if (quote === "'") return /^'(?:[^']|'')*'$/.test(token);
  const backslashes = /\\*"$/.exec(token.slice(1))![0].length - 1;
  return backslashes % 2 === 0;
}

/** Where the quoted value that is never closed opens: the offset of its quote, if one is found. */
function unclosedQuoteAt(text: string): number | undefined {
  let offset = 0;
  let found: number | undefined;
  for (const token of new (yamlLib().Lexer)().lex(text)) {
    // The lexer also yields one-character markers (document start, scalar, flow error) that are not in the text.
    if (/^[\u0000-\u0008\u000e-\u001f]$/.test(token)) continue;
    if ((token.startsWith('"') || token.startsWith("'")) && !isClosed(token)) found = offset;
    offset += token.length;
  }
  return found;
}
