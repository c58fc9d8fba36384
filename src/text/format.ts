import { createRequire } from "node:module";
import { basename, extname } from "node:path";
import type { Exact } from "../model/exact.js";
import { toFixed } from "../model/exact.js";
import type { Lang, Text } from "../model/common.js";

/** A bilingual text in the report's language, falling back to the other one. */
export function localize(text: Text | undefined, lang: Lang): string {
  if (!text) return "";
  return (lang === "id" ? (text.id ?? text.en) : (text.en ?? text.id)) ?? "";
}

/** A decimal as its readers write it: 2.8, or 2,8 in Indonesian. The one place that rule lives. */
export function formatDecimal(value: number | string, lang: Lang): string {
  const text = String(value);
  return lang === "id" ? text.replace(".", ",") : text;
}

/**
 * A score for people: half-up on the exact value (3.055 → 3.06), with the decimal comma
 * Indonesian readers expect (3,06).
 */
export function formatScore(value: Exact, lang: Lang, digits = 2): string {
  return formatDecimal(toFixed(value, digits), lang);
}

/** A signed difference: +0.25, -0.10, 0.00. */
export function formatSigned(value: Exact, lang: Lang, digits = 2): string {
  const text = formatScore(value, lang, digits);
  return text.startsWith("-") || /^[0.,]+$/.test(text) ? text : `+${text}`;
}

/** A weight in percent without useless decimals: 10%, 12.5%. */
export function formatPercent(value: Exact, lang: Lang): string {
  const text = toFixed(value, 2).replace(/\.?0+$/, "");
  return `${formatDecimal(text, lang)}%`;
}

/** The region named in the answer file, else the file's name without its extension. */
export function regionName(region: string | undefined, file: string | undefined): string {
  if (region && region.trim() !== "") return region.trim();
  if (file) return basename(file, extname(file));
  return "-";
}

/**
 * Characters that take one column each and never join a neighbour into one grapheme: printable
 * ASCII, Latin-1 and the Latin extensions without the soft hyphen, IPA and spacing modifiers, and
 * general punctuation without the zero-width, direction and invisible controls (so "…", "—",
 * "é", "·"). Text made only of these, nearly every report line, is measured by its length;
 * test/text/format-width.test.ts holds each of them to string-width.
 */
const SIMPLE_TEXT = /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205f]*$/;

type StringWidth = (text: string) => number;
let stringWidthFunction: StringWidth | undefined;
let graphemeSegmenter: Intl.Segmenter | undefined;

/**
 * string-width, loaded on first need: its Unicode tables, its segmenter and its emoji
 * expressions cost a short command a good part of its start-up (npm run bench: start-up), and
 * most text never needs them. Node ≥ 20.19 requires an ES module synchronously.
 */
function stringWidth(text: string): number {
  stringWidthFunction ??= (createRequire(import.meta.url)("string-width") as { default: StringWidth }).default;
  return stringWidthFunction(text);
}

/**
 * Columns a string takes in a terminal: string-width knows the East Asian wide characters,
 * emoji sequences and the marks that take no column, and ignores ANSI colours.
 */
export function displayWidth(text: string): number {
  return SIMPLE_TEXT.test(text) ? text.length : stringWidth(text);
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Cuts a string to `width` columns, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  // Simple text: every character is a grapheme of one column.
  if (SIMPLE_TEXT.test(text)) return `${text.slice(0, Math.max(0, width - 1))}…`;
  let out = "";
  let used = 0;
  // Whole characters as the terminal draws them (a letter with its accents, an emoji sequence).
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  for (const { segment } of graphemeSegmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** Words joined into lines no wider than `width`, each starting with `indent`. */
export function wrapWords(words: readonly string[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && displayWidth(indent + candidate) > width) {
      lines.push(indent + line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(indent + line);
  return lines;
}
