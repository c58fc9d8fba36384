import { escapeText } from "./escape.js";

/** Text safe inside a Markdown table cell: pipes escaped, line breaks and other control characters too. */
export function markdownCell(text: string): string {
  return escapeText(text).replace(/\|/g, "\\|");
}

/** A GitHub-flavoured Markdown table; `rightAligned(i)` for number columns. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: (i: number) => boolean = () => false,
): string[] {
  return [
    `| ${headers.map(markdownCell).join(" | ")} |`,
    `|${headers.map((_, i) => (rightAligned(i) ? "---:" : "---")).join("|")}|`,
    ...rows.map((r) => `| ${r.map(markdownCell).join(" | ")} |`),
  ];
}
