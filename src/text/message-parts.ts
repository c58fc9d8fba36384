import type { Diagnostic } from "../errors.js";
import { formatDecimal } from "./format.js";

/** What a diagnostic's parameters are, and how an Indonesian catalogue entry renders them. */
export type Params = NonNullable<Diagnostic["params"]>;
type Render = (p: Params, severity?: "error" | "warning") => string;
export type Entry = { message: Render; hint?: Render };
export type Catalogue = Record<string, Entry>;

/** A number as Indonesian readers write it (4,2); anything else as given. */
export const num = (value: unknown) => (typeof value === "number" ? formatDecimal(value, "id") : String(value));
export const list = (value: unknown) => (Array.isArray(value) ? value.join(", ") : String(value));
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** "a, b or c" with the language's "or". */
const joinWith = (or: string) => (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${or} ${items[items.length - 1]}`;
/** "a, b atau c". */
export const joinOrId = joinWith("atau");
/** "a, b or c". */
export const joinOrEn = joinWith("or");

const kindsId: Record<string, string> = {
  level: "tingkat",
  survey: "survei",
  count: "jumlah",
  percent: "persentase",
  number: "angka",
};
export const kindId = (kind: unknown) => (Object.hasOwn(kindsId, String(kind)) ? kindsId[String(kind)] : String(kind));

const EXPECTED_ID: Record<string, string> = {
  "bilingual-text": "teks dwibahasa { id: …, en: … }",
  id: 'id seperti "quick-win"',
  text: "teks",
  "whole-number": "bilangan bulat",
  number: "angka",
  boolean: "true atau false",
  empty: "nilai kosong",
  list: "daftar",
  mapping: "pemetaan",
};

/** How a language says the expected tokens of src/model/zod-walk.ts. */
interface ExpectedWords {
  words: Record<string, string>;
  mappingWith: (key: string) => string;
  oneOf: (words: readonly string[]) => string;
  joinOr: (words: readonly string[]) => string;
}

function expectedIn(value: unknown, say: ExpectedWords): string {
  const tokens = strings(value);
  const words = tokens.map((t) =>
    t.startsWith("literal:")
      ? t.slice(8)
      : t.startsWith("mapping-with:")
        ? say.mappingWith(t.slice(13))
        : Object.hasOwn(say.words, t)
          ? say.words[t]!
          : t,
  );
  if (words.length > 1 && tokens.every((t) => t.startsWith("literal:"))) return say.oneOf(words);
  return say.joinOr(words);
}

/** The expected tokens of src/model/zod-walk.ts in Indonesian. */
export const expectedId = (value: unknown) =>
  expectedIn(value, {
    words: EXPECTED_ID,
    mappingWith: (key) => `pemetaan dengan "${key}"`,
    oneOf: (words) => `salah satu dari ${joinOrId(words)}`,
    joinOr: joinOrId,
  });

/** The value tokens of src/model/zod-walk.ts in Indonesian. */
export function foundId(value: unknown): string {
  const [kind, shown] = strings(value);
  switch (kind) {
    case "text":
      return `teks ${shown}`;
    case "number":
      return `angka ${num(Number(shown))}`;
    case "boolean":
      return String(shown);
    case "empty":
      return "nilai kosong";
    case "empty-document":
      return "dokumen kosong";
    case "list":
      return "daftar";
    case "mapping":
      return "pemetaan";
    default:
      return "tidak ada";
  }
}

/** "maksud Anda "x"? pilar yang dikenal: a, b" from the `known` and `guess` parameters. */
export function knownId(what: string, p: Params): string {
  const known = strings(p.known);
  if (!known.length) return `belum ada ${what} yang didefinisikan`;
  return `${p.guess ? `maksud Anda "${p.guess}"? ` : ""}${what} yang dikenal: ${known.join(", ")}`;
}

export const guessId = (p: Params) => (p.guess ? `maksud Anda "${p.guess}"?` : "");

const EXPECTED_EN: Record<string, string> = {
  "bilingual-text": "a bilingual text { id: …, en: … }",
  id: 'an id such as "quick-win"',
  text: "a text",
  "whole-number": "a whole number",
  number: "a number",
  boolean: "true or false",
  empty: "an empty value",
  list: "a list",
  mapping: "a mapping",
};

/** The expected tokens of src/model/zod-walk.ts in English. */
export const expectedEn = (value: unknown) =>
  expectedIn(value, {
    words: EXPECTED_EN,
    mappingWith: (key) => `a mapping with a "${key}"`,
    oneOf: (words) => `one of ${words.join(", ")}`,
    joinOr: joinOrEn,
  });

/** The value tokens of src/model/zod-walk.ts in English. */
export function foundEn(value: unknown): string {
  const [kind, shown] = strings(value);
  switch (kind) {
    case "text":
      return `the text ${shown}`;
    case "number":
      return `the number ${shown}`;
    case "boolean":
      return String(shown);
    case "empty":
      return "an empty value";
    case "empty-document":
      return "an empty document";
    case "list":
      return "a list";
    case "mapping":
      return "a mapping";
    default:
      return "nothing";
  }
}
