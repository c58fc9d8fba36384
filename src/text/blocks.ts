import { Chalk } from "chalk";
import { displayWidth, padEnd, padStart, wrapWords } from "./format.js";
import { markdownCell, markdownTable } from "./markdown.js";

/**
 * A report as a list of blocks, built once by a command and written either for a terminal or
 * as Markdown, so the two formats never drift apart.
 */
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string; dim?: boolean }
  | { kind: "fields"; rows: readonly (readonly [string, string])[] }
  | { kind: "list"; items: readonly string[] }
  | {
      kind: "table";
      headers: readonly string[];
      rows: readonly (readonly string[])[];
      /** Rows after a rule: totals. */
      footer?: readonly (readonly string[])[];
      /** Columns aligned right (numbers). */
      right: readonly number[];
      /**
       * A longer text per row (what a level requires): under its row in a terminal, wrapped and
       * indented to the second column; a last column in Markdown. Empty strings are skipped.
       */
      details?: readonly string[];
      detailHeader?: string;
    };

/** The blocks for a terminal: headings in bold, tables in aligned columns, paragraphs wrapped to the width. */
export function renderBlocksText(blocks: readonly Block[], options: { color: boolean; width?: number }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(60, options.width ?? 80);
  const lines: string[] = [];
  const gap = () => {
    if (lines.length && lines.at(-1) !== "") lines.push("");
  };
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        if (block.level > 1) gap();
        lines.push(chalk.bold(block.text));
        break;
      case "paragraph": {
        const wrapped = wrapWords(block.text.split(" "), width, "  ");
        lines.push(...(block.dim ? wrapped.map((l) => chalk.dim(l)) : wrapped));
        break;
      }
      case "fields": {
        const keyWidth = Math.max(...block.rows.map(([k]) => displayWidth(k)));
        for (const [key, value] of block.rows) lines.push(`  ${padEnd(key, keyWidth)}  ${value}`.trimEnd());
        break;
      }
      case "list":
        for (const item of block.items) {
          const wrapped = wrapWords(item.split(" "), width, "    ");
          wrapped[0] = `  - ${wrapped[0]!.trimStart()}`;
          lines.push(...wrapped);
        }
        break;
      case "table": {
        const all = [block.headers, ...block.rows, ...(block.footer ?? [])];
        const widths = block.headers.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ""))));
        const row = (cells: readonly string[]) =>
          `  ${cells
            .map((c, i) => (block.right.includes(i) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!)))
            .join("  ")}`.trimEnd();
        lines.push(chalk.bold(row(block.headers)));
        const indent = " ".repeat(2 + (widths[0] ?? 0) + 2);
        block.rows.forEach((r, i) => {
          lines.push(row(r));
          const detail = block.details?.[i];
          if (detail) lines.push(...wrapWords(detail.split(" "), width, indent).map((l) => chalk.dim(l)));
        });
        if (block.footer?.length) {
          lines.push(`  ${"─".repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1))}`);
          for (const r of block.footer) lines.push(chalk.bold(row(r)));
        }
        break;
      }
    }
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

/** The blocks as GitHub-flavoured Markdown, for a wiki page, an issue or an e-mail. */
export function renderBlocksMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        out.push(`${"#".repeat(block.level)} ${block.text}`, "");
        break;
      case "paragraph":
        out.push(block.dim ? `_${block.text}_` : block.text, "");
        break;
      case "fields":
        out.push(...block.rows.map(([k, v]) => `- **${markdownCell(k)}:** ${markdownCell(v)}`), "");
        break;
      case "list":
        out.push(...block.items.map((item) => `- ${markdownCell(item)}`), "");
        break;
      case "table": {
        const footer = (block.footer ?? []).map((r) => r.map((c) => (c ? `**${c}**` : c)));
        const details = block.details;
        const headers = details ? [...block.headers, block.detailHeader ?? ""] : block.headers;
        const rows = details ? block.rows.map((r, i) => [...r, details[i] ?? ""]) : block.rows;
        const footers = details ? footer.map((r) => [...r, ""]) : footer;
        out.push(...markdownTable(headers, [...rows, ...footers], (i) => block.right.includes(i)), "");
        break;
      }
    }
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}
