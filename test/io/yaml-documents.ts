// Deterministic YAML documents for the differential test of the two parsers: random data
// written in every style YAML has (plain, quoted, escaped, block scalars, flow and block
// collections, comments, document markers), and random small edits of any text.
import { random } from "../../bench/generate.mjs";

/** A seedable PRNG (the benchmark's), so every run tests the same documents. */
export const seeded = random;

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** Scalars whose reading differs between schemas, parsers or YAML versions, and ordinary ones. */
const WORDS = [
  "true",
  "True",
  "TRUE",
  "tRue",
  "false",
  "yes",
  "no",
  "on",
  "off",
  "y",
  "n",
  "~",
  "null",
  "Null",
  "NULL",
  "nULL",
  "",
  "0",
  "-0",
  "+0",
  "007",
  "08",
  "0o17",
  "0o8",
  "0O17",
  "0x1F",
  "0X1F",
  "0xG",
  "0b101",
  "1_000",
  "1,000",
  "1e3",
  "1E-3",
  "1e",
  ".5",
  "5.",
  "-.5",
  "+.5",
  "1.",
  "+.inf",
  ".Inf",
  "-.INF",
  ".inF",
  ".nan",
  ".NaN",
  ".NAN",
  "1.0",
  "1.50",
  "3.055",
  "12:30",
  "1:20:30",
  "2023-01-01",
  "2023-01-01T10:00:00Z",
  "9007199254740993",
  "1e400",
  "-1e-400",
  "@x",
  "`x",
  "%x",
  "&x",
  "*x",
  "!x",
  "|x",
  ">x",
  "#x",
  "a #b",
  "a#b",
  "a: b",
  "a:b",
  "-",
  "- x",
  "?",
  "? x",
  ":x",
  "x:",
  "[x",
  "{x",
  "x]",
  "x}",
  "x,y",
  "'x'",
  '"x"',
  "é",
  "Kabupaten Buleleng",
  "Perda No. 5/2022 & SK 188",
  "a\tb",
  " leading",
  "trailing ",
  "two  spaces",
  "multi\nline",
  "multi\n\nparagraph",
  "\\",
  "\u00a0x",
  "x\u2028y",
  "😀",
  "<<",
  "=",
  "__proto__",
  "constructor",
  "bl-masterplan-legal-basis",
  "https://x.example/a?b=c#d",
];

const DQ_ESCAPES = [
  "\\x41",
  "\\u00e9",
  "\\U0001F600",
  "\\N",
  "\\_",
  "\\L",
  "\\P",
  "\\0",
  "\\a",
  "\\e",
  "\\/",
  "\\ ",
  "\\t",
  "\\\t",
  "\\\\",
  '\\"',
  "\\n",
  "\\r",
  "\\b",
  "\\v",
  "\\f",
  "\\q",
];

function randomWord(rand: Rand): string {
  if (rand() < 0.1) return "x".repeat(Math.floor(rand() * 1100)) + pick(rand, WORDS);
  return pick(rand, WORDS);
}

function randomNumberText(rand: Rand): string {
  const n = (rand() - 0.5) * 10 ** Math.floor(rand() * 8);
  return pick(rand, [String(Math.round(n)), n.toFixed(2), n.toExponential(3), String(n)]);
}

function doubleQuoted(rand: Rand, word: string): string {
  let body = JSON.stringify(word).slice(1, -1);
  if (rand() < 0.4) body += pick(rand, DQ_ESCAPES);
  if (rand() < 0.1) body = body.replace(" ", "\n  ");
  return `"${body}"`;
}

/** A scalar written in some style; `indent` is the block's indentation, for block scalars. */
function scalarText(rand: Rand, indent: string, inFlow: boolean): string {
  const word = rand() < 0.3 ? randomNumberText(rand) : randomWord(rand);
  const style = rand();
  if (style < 0.45) return word.includes("\n") ? JSON.stringify(word) : word;
  if (style < 0.6) return `'${word.replaceAll("'", "''")}'`;
  if (style < 0.8 || inFlow) return doubleQuoted(rand, word);
  const header = pick(rand, ["|", "|-", "|+", ">", ">-", ">+", "|2", ">1-"]);
  const lines = word.split("\n").map((l) => (l === "" ? "" : `${indent}  ${l}`));
  return `${header}\n${lines.join("\n")}${rand() < 0.3 ? "\n" : ""}`;
}

function keyText(rand: Rand): string {
  const style = rand();
  if (style < 0.6) return pick(rand, ["a", "b", "region", "score", "q-1", "0", "1", "2", "true", "1.5", "x y", "é"]);
  if (style < 0.8) return `"${pick(rand, ["a", "b", "", "null", "1", "k: v", "#"])}"`;
  return randomWord(rand).split("\n")[0]!;
}

const comment = (rand: Rand) => (rand() < 0.15 ? pick(rand, [" # note", "  #", " #: x", "\t# tab"]) : "");

function flowText(rand: Rand, depth: number): string {
  if (depth > 3 || rand() < 0.4) return scalarText(rand, "", true);
  const n = Math.floor(rand() * 4);
  const sep = pick(rand, [", ", ",", " , "]);
  if (rand() < 0.5) return `[${Array.from({ length: n }, () => flowText(rand, depth + 1)).join(sep)}]`;
  const pairs = Array.from({ length: n }, () => `${keyText(rand)}: ${flowText(rand, depth + 1)}`);
  return `{ ${pairs.join(sep)} }`;
}

function blockText(rand: Rand, indent: string, depth: number): string {
  const n = 1 + Math.floor(rand() * 4);
  const step = pick(rand, ["  ", "  ", "    ", " "]);
  const value = (inner: string): string => {
    const r = rand();
    if (depth > 3 || r < 0.5) return ` ${scalarText(rand, inner, false)}${comment(rand)}`;
    if (r < 0.7) return ` ${flowText(rand, depth)}${comment(rand)}`;
    return `${comment(rand)}\n${blockText(rand, inner + step, depth + 1)}`;
  };
  const lines: string[] = [];
  const seq = rand() < 0.35;
  for (let i = 0; i < n; i++) {
    if (rand() < 0.1) lines.push(rand() < 0.5 ? "" : `${indent}# a comment`);
    if (seq) lines.push(`${indent}-${value(indent)}`);
    else lines.push(`${indent}${keyText(rand)}:${value(indent)}`);
  }
  return lines.join("\n");
}

/** A random document, mostly valid YAML, in a random mix of styles. */
export function randomDocument(rand: Rand): string {
  const body = rand() < 0.15 ? flowText(rand, 0) : blockText(rand, "", 0);
  const start = pick(rand, ["", "", "", "---\n", "--- # start\n", "# head\n"]);
  const end = pick(rand, ["\n", "\n", "\n...\n", "", "\n\n"]);
  const text = start + body + end;
  return rand() < 0.05 ? text.replaceAll("\n", "\r\n") : text;
}

const INSERTS = [
  ":",
  "-",
  " ",
  "  ",
  "\t",
  "\n",
  "#",
  "'",
  '"',
  "[",
  "]",
  "{",
  "}",
  ",",
  "&a ",
  "*a",
  "!",
  "|",
  ">",
  "%",
  "@",
  "?",
  "\\",
  "\r\n",
  "---\n",
  "0",
  "~",
  "\u00a0",
  "\ufeff",
];

/** One to three random edits: a character inserted or deleted, a line repeated, dropped or re-indented. */
export function mutate(text: string, rand: Rand): string {
  let out = text;
  const edits = 1 + Math.floor(rand() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (out.length + 1));
    const lines = out.split("\n");
    const line = Math.floor(rand() * lines.length);
    switch (Math.floor(rand() * 6)) {
      case 0:
        out = out.slice(0, at) + pick(rand, INSERTS) + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rand() * 3));
        break;
      case 2:
        lines.splice(line, 0, lines[line]!);
        out = lines.join("\n");
        break;
      case 3:
        lines.splice(line, 1);
        out = lines.join("\n");
        break;
      case 4:
        lines[line] = pick(rand, [" ", "  ", "\t"]) + lines[line];
        out = lines.join("\n");
        break;
      default:
        lines[line] = lines[line]!.replace(/^ {1,2}/, "");
        out = lines.join("\n");
    }
  }
  return out;
}

/** Keys of answer files, then (ODD_KEYS on) keys a narrow reader must leave alone or read with care. */
const NARROW_KEYS = [
  "region",
  "year",
  "q-1",
  "bl-masterplan-legal-basis",
  "a.b",
  "x_1",
  "score",
  "note",
  "e1",
  "n",
  "y",
  "0",
  "2",
  "10",
  '"0"',
  '"1"',
  '"a b"',
  '"k: v"',
  '"é"',
  "true",
  "False",
  "null",
  "NULL",
  "constructor",
  "toString",
  "__proto__",
  '""',
  '"null"',
  '"__proto__"',
  "1",
  "007",
  "1.0",
  "-1",
  "1e3",
  "12345678901234567",
  "0x1",
  "-a",
  "a b",
  `k${"x".repeat(1030)}`,
];

const ODD_KEYS = NARROW_KEYS.indexOf("true");

/** Plain and quoted scalars an answer file holds, then (ODD_WORDS on) what must send a text elsewhere. */
const NARROW_WORDS = [
  "Kota Uji 000001",
  "Dinas Komunikasi dan Informatika",
  "Jum'at, 5 Mei",
  "SK Bupati No. 188/245/KEP/2023; notulen",
  "https://smartcity.example.go.id/bukti.pdf",
  "Rp 1.250.000,00",
  "50%",
  "a & b",
  "a*b",
  "x?",
  "a!",
  "<<",
  "=",
  "a - b",
  "2023-01-01",
  "é ñ ü",
  "Bukti – dukung ’ok’",
  "a.b",
  "-.5",
  ".5",
  "😀",
  "\ud800",
  "a\udc00",
  "\x01",
  "a\x7fb",
  "a\x85b",
  "a\u00a0b",
  "a\u2028b",
  "a\ufeffb",
  "a\ufffe",
  "a\tb",
  "a\\b",
  'a"b',
  "a: b",
  "a:b",
  "a:",
  "a #b",
  "a#b",
  "a [b]",
  "a {b}",
  "-",
  "-x",
  "..",
  "...",
  "~",
  "",
];

const ODD_WORDS = NARROW_WORDS.indexOf("😀");

/** Mostly an ordinary item of `items`, and one past `odd` now and then. */
const mostly = (rand: Rand, items: readonly string[], odd: number): string =>
  rand() < 0.03 ? pick(rand, items) : items[Math.floor(rand() * odd)]!;

function narrowScalar(rand: Rand): string {
  const r = rand();
  if (r < 0.3) return randomNumberText(rand);
  const word = r < 0.33 ? randomWord(rand) : mostly(rand, NARROW_WORDS, ODD_WORDS);
  if (rand() < 0.7) return word.includes("\n") ? JSON.stringify(word) : word;
  return rand() < 0.95 ? `"${word.replaceAll('"', "")}"` : doubleQuoted(rand, word);
}

function narrowFlow(rand: Rand, depth: number): string {
  if (depth > 2 || rand() < 0.5) return narrowScalar(rand);
  const n = Math.floor(rand() * 5);
  const sep = pick(rand, [", ", ", ", ",", " , ", ",  "]);
  const [open, close] = pick(rand, [
    ["[ ", " ]"],
    ["[", "]"],
    ["{ ", " }"],
    ["{", "}"],
  ] as const);
  const items = Array.from({ length: n }, () =>
    open[0] === "["
      ? narrowFlow(rand, depth + 1)
      : `${mostly(rand, NARROW_KEYS, ODD_KEYS)}: ${narrowFlow(rand, depth + 1)}`,
  );
  return `${open}${items.join(sep)}${rand() < 0.02 ? "," : ""}${close}`;
}

const narrowComment = (rand: Rand) => (rand() < 0.05 ? pick(rand, [" # note", "  #", " #x", "#x", " # é\u00a0"]) : "");

function narrowBlock(rand: Rand, indent: string, depth: number): string {
  const n = 1 + Math.floor(rand() * 6);
  const step = pick(rand, ["  ", "  ", "    ", " "]);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const extra = rand();
    if (extra < 0.05) lines.push("");
    else if (extra < 0.08) lines.push(`${pick(rand, ["", indent, `${indent}   `])}# a comment`);
    else if (extra < 0.085) lines.push(pick(rand, [" ", indent]));
    const key = mostly(rand, NARROW_KEYS, ODD_KEYS);
    const r = rand();
    const trailing = rand() < 0.02 ? " " : "";
    if (depth < 3 && r < 0.2) {
      lines.push(`${indent}${key}:${narrowComment(rand)}${trailing}`);
      lines.push(narrowBlock(rand, indent + step, depth + 1));
    } else if (r < 0.3) {
      lines.push(`${indent}${key}:${narrowComment(rand)}`);
      const inner = rand() < 0.05 ? indent : indent + step;
      for (let item = 1 + Math.floor(rand() * 4); item > 0; item--) {
        const odd =
          rand() < 0.03 ? pick(rand, ["-", "-x", "- - x", "- a: b", "-\tx", "-  ", "- # c", `${step}- x`]) : "";
        lines.push(
          odd ? inner + odd : `${inner}-${pick(rand, [" ", " ", "   "])}${narrowFlow(rand, 1)}${narrowComment(rand)}`,
        );
      }
    } else if (r < 0.6) lines.push(`${indent}${key}: ${narrowFlow(rand, 1)}${narrowComment(rand)}${trailing}`);
    else lines.push(`${indent}${key}: ${narrowScalar(rand)}${narrowComment(rand)}${trailing}`);
  }
  return lines.join("\n");
}

/** A document mostly in the narrow shape `fill` writes answer files in, with the odd thing it must not read. */
export function narrowDocument(rand: Rand): string {
  const start = pick(rand, ["", "", "", "# head\n", "\n"]);
  const end = pick(rand, ["\n", "\n", "\n", "", "\n\n", "\n# tail", " "]);
  const text = start + narrowBlock(rand, "", 0) + end;
  const crlf = rand();
  return crlf < 0.1 ? text.replaceAll("\n", "\r\n") : crlf < 0.12 ? text.replace("\n", "\r") : text;
}
