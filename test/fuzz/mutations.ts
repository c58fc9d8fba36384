import fc from "fast-check";
import { stringify } from "yaml";

/**
 * What the fuzzer does to a real file, as plain data so fast-check can shrink a failing case
 * and print it: structure-aware edits of the parsed document (a value replaced, a key renamed,
 * an item repeated...), then edits of the YAML text, then of its bytes.
 */
export type Mutation =
  | { op: "set"; at: number; value: unknown }
  | { op: "rename"; at: number; key: string }
  | { op: "delete"; at: number }
  | { op: "repeat"; at: number; times: number }
  | { op: "insert-text"; at: number; snippet: string }
  | { op: "delete-line"; at: number }
  | { op: "duplicate-line"; at: number; times: number }
  | { op: "flip-byte"; at: number; byte: number }
  | { op: "insert-bytes"; at: number; bytes: number[] }
  | { op: "truncate"; at: number };

/** Keys that are special somewhere: Object.prototype members, YAML's merge key, numbers, line breaks. */
const hostileKeys = [
  "__proto__",
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "prototype",
  "<<",
  "",
  " ",
  "0",
  "1",
  "-1",
  "01",
  "1e3",
  "a\nb",
  "x\u001b[2J",
  "\u202eevil",
  "line\u2028break",
  "nel\u0085x",
  "cr\rx",
  "id",
  "en",
  "score",
  "value",
  "survey",
  "counts",
  "assessors",
  "answers",
  "questionnaire",
  "elements",
  "weights",
];

const hostileStrings = [
  ...hostileKeys,
  "smart-city-2023",
  "smart-city-2022",
  "../mini.yaml",
  "./mini.yaml",
  "mini.yaml\nx",
  "/dev/zero",
  ".",
  "..",
  "case-a.yaml",
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "|pipe|",
  "`code`",
  "**bold**",
  "<script>alert(1)</script>",
  "\u0000",
  "\ud800",
  "\ufeff",
  "👩‍💻",
  "a".repeat(300),
  "9".repeat(400),
  ".nan",
  ".inf",
  "-.inf",
  "0x10",
  "1_000",
  "true",
  "null",
  "~",
];

const hostileNumbers = [
  0,
  -0,
  1,
  -1,
  4,
  5,
  100,
  101,
  0.5,
  3.055,
  1e21,
  -1e21,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);

const hostileKey = fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 12, unit: "binary" }));

const scalar = fc.oneof(
  fc.constantFrom<unknown>(...hostileStrings, ...hostileNumbers, null, true, false),
  fc.string({ maxLength: 20, unit: "binary" }),
  fc.integer(),
  fc.double(),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileKey, scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 120 }).map(nested) },
  {
    weight: 1,
    arbitrary: fc.record({ score: scalar }, { requiredKeys: [] }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ survey: fc.record({ counts: fc.dictionary(hostileKey, scalar, { maxKeys: 4 }) }) }),
  },
);

/** Pieces of YAML that trip parsers: tags, anchors, aliases, merge keys, flow brackets, control characters. */
const snippets = [
  "!!merge ",
  "!!value ",
  "!foo ",
  "!!binary ",
  "!!set ",
  "!!timestamp ",
  "!!omap ",
  "!<tag:example.com,2000:x> ",
  "!!str ",
  "!!int ",
  "&a ",
  "*a",
  "*nope",
  "<<: *a\n",
  "<<: { x: 1 }\n",
  "? [a, b]\n: 1\n",
  "? { k: v }\n: 1\n",
  "\t",
  "\u0000",
  "\u001b[2J",
  "\u001b]0;title\u0007",
  "\u202e",
  "\u2028",
  "\u2029",
  "\u0085",
  "\r",
  "\r\n",
  "\ufeff",
  "---\n",
  "...\n",
  "%YAML 1.1\n---\n",
  "%TAG ! tag:example.com,2000:\n---\n",
  "{",
  "}",
  "[",
  "]",
  "'",
  '"',
  ": ",
  "#",
  "- ",
  "~",
  "@x",
  "`",
  "|\n",
  ">-\n",
  "__proto__: 1\n",
  "constructor: 1\n",
  "  ",
  "\n",
  "x: &b [*b]\n",
];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("set" as const), at: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("rename" as const), at: fc.nat(), key: hostileKey }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("delete" as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("repeat" as const), at: fc.nat(), times: fc.integer({ min: 2, max: 300 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("insert-text" as const),
      at: fc.nat(),
      snippet: fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 8, unit: "binary" })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("delete-line" as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("duplicate-line" as const),
      at: fc.nat(),
      times: fc.integer({ min: 1, max: 200 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("flip-byte" as const),
      at: fc.nat(),
      byte: fc.integer({ min: 0, max: 255 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("insert-bytes" as const),
      at: fc.nat(),
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }) },
);

type Path = (string | number)[];

/** Every path in the data, parents before children, so a mutation can pick one by index. */
function paths(data: unknown): Path[] {
  const out: Path[] = [[]];
  const walk = (node: unknown, path: Path) => {
    if (node === null || typeof node !== "object" || path.length > 12) return;
    for (const [key, child] of Array.isArray(node) ? node.entries() : Object.entries(node)) {
      const at = [...path, key];
      out.push(at);
      walk(child, at);
    }
  };
  walk(data, []);
  return out;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | unknown[] | undefined {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node !== null && typeof node === "object" ? (node as Record<string | number, unknown>) : undefined;
}

/** Repeats that add at most about 1 MiB: larger files are the scaling test's business, and repeats of repeats would fill the heap. */
function timesWithin(item: unknown, times: number): number {
  let size: number;
  try {
    size = JSON.stringify(item)?.length ?? 4;
  } catch {
    return 0;
  }
  return Math.min(times, Math.floor((1024 * 1024) / Math.max(1, size)));
}

/** Applies one structure-aware mutation to a deep copy of `data`. */
function mutateData(data: unknown, m: Extract<Mutation, { op: "set" | "rename" | "delete" | "repeat" }>): unknown {
  const root = { root: structuredClone(data) };
  const all = paths(root.root).map((p) => ["root", ...p]);
  const path = all[m.at % all.length]!;
  const parent = parentOf(root, path);
  const key = path[path.length - 1]!;
  if (!parent) return root.root;
  const value = (parent as Record<string | number, unknown>)[key];
  if (m.op === "set") (parent as Record<string | number, unknown>)[key] = structuredClone(m.value);
  else if (m.op === "delete") {
    if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
    else if (key !== "root") delete (parent as Record<string | number, unknown>)[key];
  } else if (m.op === "rename") {
    if (!Array.isArray(parent) && key !== "root") {
      delete (parent as Record<string, unknown>)[key];
      Object.defineProperty(parent, m.key, { value, enumerable: true, writable: true, configurable: true });
    }
  } else if (Array.isArray(value)) {
    const item = value[m.at % Math.max(1, value.length)];
    for (let i = 0; i < timesWithin(item, m.times); i++) value.push(structuredClone(item));
  } else if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    const [k, v] = entries[m.at % Math.max(1, entries.length)] ?? ["k", 1];
    for (let i = 0; i < timesWithin(v, m.times); i++)
      Object.defineProperty(value, `${k}-${i}`, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return root.root;
}

function mutateText(text: string, m: Extract<Mutation, { op: "insert-text" | "delete-line" | "duplicate-line" }>) {
  if (m.op === "insert-text") {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.snippet + text.slice(at);
  }
  const lines = text.split("\n");
  const i = m.at % lines.length;
  if (m.op === "delete-line") lines.splice(i, 1);
  else lines.splice(i, 0, ...Array<string>(m.times).fill(lines[i]!));
  return lines.join("\n");
}

function mutateBytes(bytes: Buffer, m: Extract<Mutation, { op: "flip-byte" | "insert-bytes" | "truncate" }>): Buffer {
  if (bytes.length === 0) return bytes;
  const at = m.at % bytes.length;
  if (m.op === "flip-byte") {
    const copy = Buffer.from(bytes);
    copy[at] = m.byte;
    return copy;
  }
  if (m.op === "insert-bytes") return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
  return bytes.subarray(0, at);
}

const structural = new Set(["set", "rename", "delete", "repeat"]);
const textual = new Set(["insert-text", "delete-line", "duplicate-line"]);

/**
 * A mutated copy of a seed file: structure edits on its data (written back as YAML or JSON,
 * as the seed was), then text edits, then byte edits. Without structure edits the seed's own
 * text (comments, flow style, anchors) is what gets edited.
 */
export function mutate(seed: { text: string; data: unknown; json: boolean }, mutations: readonly Mutation[]): Buffer {
  let text = seed.text;
  const structure = mutations.filter((m) => structural.has(m.op));
  if (structure.length > 0 && seed.data !== null) {
    let data: unknown = seed.data;
    for (const m of structure) data = mutateData(data, m as Extract<Mutation, { op: "set" }>);
    try {
      text = seed.json
        ? JSON.stringify(data, null, 2)
        : stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 });
    } catch {
      // Data that contains itself (a seed with an alias cycle) cannot be written out: edit its text.
    }
  }
  for (const m of mutations)
    if (textual.has(m.op) && text.length < 4 * 1024 * 1024)
      text = mutateText(text, m as Extract<Mutation, { op: "delete-line" }>);
  let bytes: Buffer = Buffer.from(text, "utf8");
  for (const m of mutations)
    if (!structural.has(m.op) && !textual.has(m.op))
      bytes = mutateBytes(bytes, m as Extract<Mutation, { op: "truncate" }>);
  return bytes;
}

/** The byte edits of `mutations` on a binary file (an XLSX zip), where structure and text edits make no sense. */
export function mutateBinary(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  let out = bytes;
  for (const m of mutations)
    if (!structural.has(m.op) && !textual.has(m.op)) out = mutateBytes(out, m as Extract<Mutation, { op: "truncate" }>);
  return out;
}
