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

// Marks that take no column, and code points a terminal draws two columns wide.
const COMBINING = /\p{M}|\u200b|\u200c|\u200d|\ufeff/u;
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes in a terminal (ANSI colours ignored). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, "")) {
    if (COMBINING.test(char)) continue;
    width += WIDE.test(char) ? 2 : 1;
  }
  return width;
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
  let out = "";
  let used = 0;
  for (const char of text) {
    const w = COMBINING.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
    if (used + w > width - 1) break;
    out += char;
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
