import { markdownTable as gfmTable } from "markdown-table";
import { escapeText } from "./escape.js";

/**
 * Text safe inside a Markdown table cell: control characters, line breaks (CR, LF, U+2028) and
 * bidi controls escaped (src/text/escape.ts), then pipes. markdown-table escapes nothing, so every
 * cell passes through here first.
 */
export function markdownCell(text: string): string {
  return escapeText(text).replace(/\|/g, "\\|");
}

/**
 * A GitHub-flavoured Markdown table, drawn by markdown-table; `rightAligned(i)` for number
 * columns. One line per row, cells not padded: a column of long descriptors (advise, survey)
 * would otherwise pad every row of the table to the longest one.
 */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: (i: number) => boolean = () => false,
): string[] {
  return gfmTable([headers.map(markdownCell), ...rows.map((r) => r.map(markdownCell))], {
    align: headers.map((_, i) => (rightAligned(i) ? "r" : "")),
    alignDelimiters: false,
  }).split("\n");
}

/** A row of markdownTable's (after its two header lines) on its own: a row needs no other, cells not being padded. */
export function markdownRow(cells: readonly string[], rightAligned: (i: number) => boolean = () => false): string {
  return markdownTable(cells, [], rightAligned)[0]!;
}
