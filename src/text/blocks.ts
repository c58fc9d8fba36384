import { Chalk } from "chalk";
import { displayWidth, padEnd, padStart, wrapWords } from "./format.js";
import { maxOf, pushAll } from "../model/collections.js";
import { escapeText } from "./escape.js";
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

/** A block with every text escaped: region names, titles and notes come from the files. */
function escapeBlock(block: Block): Block {
  const row = (cells: readonly string[]) => cells.map(escapeText);
  switch (block.kind) {
    case "heading":
    case "paragraph":
      return { ...block, text: escapeText(block.text) };
    case "fields":
      return { ...block, rows: block.rows.map(([k, v]) => [escapeText(k), escapeText(v)] as const) };
    case "list":
      return { ...block, items: row(block.items) };
    case "table":
      return {
        ...block,
        headers: row(block.headers),
        rows: block.rows.map(row),
        ...(block.footer ? { footer: block.footer.map(row) } : {}),
        ...(block.details ? { details: row(block.details) } : {}),
        ...(block.detailHeader !== undefined ? { detailHeader: escapeText(block.detailHeader) } : {}),
      };
  }
}

/** The blocks for a terminal: headings in bold, tables in aligned columns, paragraphs wrapped to the width. */
export function renderBlocksText(blocks: readonly Block[], options: { color: boolean; width?: number }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(60, options.width ?? 80);
  const lines: string[] = [];
  const gap = () => {
    if (lines.length && lines.at(-1) !== "") lines.push("");
  };
  for (const block of blocks.map(escapeBlock)) {
    switch (block.kind) {
      case "heading":
        if (block.level > 1) gap();
        lines.push(chalk.bold(block.text));
        break;
      case "paragraph": {
        const wrapped = wrapWords(block.text.split(" "), width, "  ");
        pushAll(lines, block.dim ? wrapped.map((l) => chalk.dim(l)) : wrapped);
        break;
      }
      case "fields": {
        const keyWidth = maxOf(block.rows.map(([k]) => displayWidth(k)));
        for (const [key, value] of block.rows) lines.push(`  ${padEnd(key, keyWidth)}  ${value}`.trimEnd());
        break;
      }
      case "list":
        for (const item of block.items) {
          const wrapped = wrapWords(item.split(" "), width, "    ");
          wrapped[0] = `  - ${wrapped[0]!.trimStart()}`;
          pushAll(lines, wrapped);
        }
        break;
      case "table": {
        const all = [block.headers, ...block.rows, ...(block.footer ?? [])];
        const widths = block.headers.map((_, i) => maxOf(all.map((r) => displayWidth(r[i] ?? ""))));
        const row = (cells: readonly string[]) =>
          `  ${cells
            .map((c, i) => (block.right.includes(i) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!)))
            .join("  ")}`.trimEnd();
        lines.push(chalk.bold(row(block.headers)));
        const indent = " ".repeat(2 + (widths[0] ?? 0) + 2);
        block.rows.forEach((r, i) => {
          lines.push(row(r));
          const detail = block.details?.[i];
          if (detail)
            pushAll(
              lines,
              wrapWords(detail.split(" "), width, indent).map((l) => chalk.dim(l)),
            );
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
  for (const block of blocks.map(escapeBlock)) {
    switch (block.kind) {
      case "heading":
        out.push(`${"#".repeat(block.level)} ${block.text}`, "");
        break;
      case "paragraph":
        out.push(block.dim ? `_${block.text}_` : block.text, "");
        break;
      case "fields":
        pushAll(
          out,
          block.rows.map(([k, v]) => `- **${markdownCell(k)}:** ${markdownCell(v)}`),
        ).push("");
        break;
      case "list":
        pushAll(
          out,
          block.items.map((item) => `- ${markdownCell(item)}`),
        ).push("");
        break;
      case "table": {
        const footer = (block.footer ?? []).map((r) => r.map((c) => (c ? `**${c}**` : c)));
        const details = block.details;
        const headers = details ? [...block.headers, block.detailHeader ?? ""] : block.headers;
        const rows = details ? block.rows.map((r, i) => [...r, details[i] ?? ""]) : block.rows;
        const footers = details ? footer.map((r) => [...r, ""]) : footer;
        pushAll(
          out,
          markdownTable(headers, [...rows, ...footers], (i) => block.right.includes(i)),
        ).push("");
        break;
      }
    }
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}
