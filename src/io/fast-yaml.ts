import { load, Schema, Type, type LoadOptions } from "js-yaml";
import { coreTypeOf, type ScalarType } from "./core-scalars.js";
import { MAX_DEPTH, MAX_NODES, MAX_VALUES } from "./data-limits.js";
import { readNarrow } from "./narrow-yaml.js";

/**
 * The fast path for reading YAML. A document in the narrow shape `fill` writes answer files in
 * is read by narrow-yaml.ts, faster still; any other by js-yaml, several times faster than the
 * `yaml` package, for the plain documents that answer files and questionnaires are. It only ever answers "this is
 * the data" for a document that the `yaml` package (the reference, which keeps positions for
 * diagnostics) reads without an error or a warning into the very same data; for anything else
 * it answers `undefined` and the caller reads the file with `yaml`. The differential test
 * (test/io/fast-yaml.test.ts) holds both parsers to that over every fixture and thousands of
 * generated and mutated documents.
 *
 * How it stays on the safe side:
 * - Plain scalars resolve by the YAML 1.2 core schema exactly as `yaml` resolves them (the same
 *   patterns, in the same order, the same conversions). js-yaml's own core schema is more
 *   lenient (`0b1`, `1_000`).
 * - Those types carry private tag names, so every explicit tag (`!!str`, `!!binary`, `!foo`)
 *   is unknown to js-yaml: it throws, and the document goes to `yaml`.
 * - A document with an anchor (and so any alias) goes to `yaml`, which enforces the alias limits.
 * - Duplicate keys, syntax errors, more than one document and deep nesting make js-yaml throw.
 * - `yaml` turns a null key into "" and a collection key into YAML text; js-yaml does not. So
 *   keys written as null, "" or "null", complex keys (`? `) and keys that are collections
 *   (a `]` or `}` before `:`) go to `yaml`. So do directives (`%YAML 1.1` changes the schema)
 *   and flow collections closed at the start of a line (`yaml` warns about some of those).
 * - The two differ on how far the lines of a flow collection or a quoted scalar must be indented,
 *   so one spanning lines goes to `yaml`; so does a line over 1,024 characters (`yaml` refuses
 *   such an implicit key).
 * The text checks are deliberately coarse: a false alarm only costs speed.
 *
 * The data limits (data-limits.ts) hold for whatever it returns, without walking the data again
 * (narrow-yaml.ts nests no deeper than 32): without aliases there is no cycle, and every value takes at least one character of the text,
 * so a text shorter than the value limit cannot exceed it (a longer one goes to `yaml`); js-yaml
 * refuses nesting as deep as the depth limit counts (a scalar inside 63 collections is 64 nodes).
 */

// One js-yaml type for all the core scalars (core-scalars.ts): js-yaml tries each implicit type in turn on every plain
// scalar, and a batch reads hundreds of thousands. construct is called right after resolve with
// the same text, so the type resolve found is kept for it (looked up again for any other text).
let resolved: { source: string; type: ScalarType } | undefined;
const coreSchema = new Schema({
  implicit: [
    new Type("tag:kuesioner.fast,2026:core", {
      kind: "scalar",
      resolve: (source: string | null) => {
        if (source === null) return false;
        const type = coreTypeOf(source);
        resolved = type ? { source, type } : undefined;
        return type !== undefined;
      },
      construct: (source: string) => {
        const type = resolved?.source === source ? resolved.type : coreTypeOf(source);
        resolved = undefined;
        return type ? type.construct(source) : source;
      },
    }),
  ],
});

/**
 * Shapes of text the fast path leaves to `yaml` (see above), each behind the characters it cannot
 * match without: searching for a character is much cheaper than running a pattern over every
 * file, and most of these characters never occur in an answer file. Each pattern runs at most
 * once, whichever of its characters the text has.
 */
const DEFER: readonly (readonly [readonly string[], RegExp])[] = [
  [["%"], /^%/m], // a directive
  [[":"], /[\]}][ \t]*:/], // a flow collection as a key
  [["[", "{"], /[{,][ ]*[[{]/], // a flow collection as a key in a flow mapping (or an item of a flow sequence)
  [["?"], /(?:^|[\s,[{])\?(?:\s|$)/], // an explicit (complex) key
  [["]", "}"], /(?:^|\n)[ \t]*[\]}]/], // a flow collection closed at the start of a line
  [["\t"], /\t/], // a tab: the two parsers differ on where one may stand
  [["!"], /(?:^|[\s,[{])!/], // a tag; the non-specific "!" reads differently on an empty node
  [["--", ".."], /^[ ]*(?:---|\.\.\.)/m], // a document marker, except a "---" on the first line (taken off before)
  [["#"], /[\]}"']#/], // a comment run into the token before it
  [["|", ">"], /[|>][-+1-9]*[1-9+]/], // a block scalar with an explicit indentation, or that keeps its last line breaks
  [["\r"], /\r(?!\n)/], // a carriage return alone: a line break to one parser, not to the other
  [["-"], /(?<!\S)-[ ]*(?:#[^\n]*)?$/m], // an empty sequence entry (or one whose content starts on the next line)
  [["\ufeff"], /\ufeff/], // a byte order mark inside the text
];
/** What the parser's listener sees of its state (js-yaml's types leave these out). */
interface ParserState {
  input: string;
  position: number;
  line: number;
  kind: string | null;
  anchor: string | null;
}

const MAX_LINE = 1024;

function includesAny(text: string, parts: readonly string[]): boolean {
  for (const part of parts) if (text.includes(part)) return true;
  return false;
}

function hasLongLine(text: string): boolean {
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    if ((end < 0 ? text.length : end) - start > MAX_LINE) return true;
    if (end < 0) return false;
    start = end + 1;
  }
}

/** The data of a plain YAML document, or undefined when `yaml` must read it. Never throws. */
export function loadFast(text: string): unknown {
  if (text.length >= MAX_VALUES) return undefined;
  const narrow = readNarrow(text);
  if (narrow !== undefined) return narrow;
  const body = text.replace(/^---(?:[ ]+(?:#[^\n]*)?)?\r?\n/, "");
  for (const [gates, pattern] of DEFER) if (includesAny(body, gates) && pattern.test(body)) return undefined;
  if (hasLongLine(text)) return undefined;
  let doubtful = false;
  const openedOnLine: number[] = [];
  let data: unknown;
  try {
    data = load(text, {
      schema: coreSchema,
      // js-yaml 4.2 added this limit; its type definitions (4.0.9) predate it.
      ...({ maxDepth: MAX_DEPTH } as LoadOptions),
      listener(event, raw) {
        const state = raw as unknown as ParserState;
        if (event === "open") {
          openedOnLine.push(state.line);
          return;
        }
        const opened = openedOnLine.pop();
        if (state.anchor !== null) doubtful = true;
        else if (state.line !== opened) {
          const last = state.input.charCodeAt(state.position - 1);
          const flowEnd = last === 0x5d || last === 0x7d; // ] }
          const quoteEnd = last === 0x22 || last === 0x27; // " '
          if (state.kind === "scalar" ? quoteEnd : flowEnd) doubtful = true;
        }
      },
    });
  } catch {
    return undefined;
  }
  if (doubtful || data === undefined || (maybeDoubtfulKey(text) && hasDoubtfulKey(data))) return undefined;
  return data;
}

/** Words a null or empty key is written with (quoted or not, `\\` for one spelt by escapes). */
const DOUBTFUL_WORDS = ["null", "Null", "NULL", "~", '""', "''", "\\"];
/** What a `:` of a key left out may follow: a line break (any a multi-line pattern's `^` knows) or `{[,?-`. */
const KEY_LEFT_OUT_AFTER: ReadonlySet<number> = new Set([..."\n\r\u2028\u2029{[,?-"].map((c) => c.charCodeAt(0)));

/**
 * Whether the text may hold a key hasDoubtfulKey looks for: a null or empty key is written `~`,
 * `null`, `Null` or `NULL` (quoted or not), `""` or `''`, with an escape in double quotes, or left
 * out before its `:` (only spaces and tabs between the `:` and the start of a line or one of
 * `{[,?-`). Text without any of these has no such key, and its data need not be walked: that walk
 * visits every value. A search for each word and a look back from each `:` cost less than half
 * of one pattern with all of them (which V8 tries at every position).
 */
function maybeDoubtfulKey(text: string): boolean {
  for (const word of DOUBTFUL_WORDS) if (text.includes(word)) return true;
  for (let colon = text.indexOf(":"); colon >= 0; colon = text.indexOf(":", colon + 1)) {
    let before = colon - 1;
    while (before >= 0 && (text.charCodeAt(before) === 0x20 || text.charCodeAt(before) === 0x09)) before--;
    if (before < 0 || KEY_LEFT_OUT_AFTER.has(text.charCodeAt(before))) return true;
  }
  return false;
}
/** Keys the two parsers spell differently (a null key), or that may hide such a key. */
function hasDoubtfulKey(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasDoubtfulKey(item)) return true;
    return false;
  }
  for (const key in value) {
    if (key === "" || key === "null") return true;
    if (hasDoubtfulKey((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** Any tag at all, for counting: a local `!tag` or a `!!tag` the core schema does not know. */
const anyTag = (["scalar", "sequence", "mapping"] as const).flatMap((kind) =>
  ["!", "tag:"].map(
    (prefix) =>
      new Type(prefix, {
        kind,
        multi: true,
        construct: (data: unknown) => data,
      }),
  ),
);
const countingSchema = coreSchema.extend(anyTag);

/** Thrown by the counting listener to stop js-yaml at the node past the limit. */
class Crowded {
  constructor(readonly at: { line: number; column: number }) {}
}

/**
 * Where a text passes MAX_NODES nodes (keys and values), or undefined when it does not, or when
 * js-yaml stops before (a syntax error: the `yaml` package then reports it). Duplicate keys and
 * unknown tags do not stop the count. A text shorter than the limit cannot pass it (every node
 * takes a character), so short files cost nothing.
 */
export function crowdedAt(text: string, limit = MAX_NODES): { line: number; column: number } | undefined {
  if (text.length <= limit) return undefined;
  let nodes = 0;
  try {
    load(text, {
      schema: countingSchema,
      json: true,
      listener(event, raw) {
        if (event !== "open" || ++nodes <= limit) return;
        const state = raw as unknown as ParserState & { lineStart: number };
        throw new Crowded({ line: state.line + 1, column: state.position - state.lineStart + 1 });
      },
    });
  } catch (error) {
    if (error instanceof Crowded) return error.at;
  }
  return undefined;
}
