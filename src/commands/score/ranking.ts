import { Chalk } from "chalk";
import type { Ranked } from "../../engine/rank.js";
import type { ResultSummary } from "../../engine/summary.js";
import type { Lang, Text } from "../../model/common.js";
import { rankingCells, type ElementColumn } from "../../text/ranking-cells.js";
import type { FailedFile } from "./json.js";
import { displayWidth, localize, padEnd, padStart, truncate } from "../../text/format.js";
import { groupHeading, labelsFor, type GroupKind } from "../../text/score-labels.js";
import { maxOf } from "../../model/collections.js";
import { localizeDiagnostic } from "../../text/diagnostic-messages.js";
import { escapeText } from "../../text/escape.js";

export interface RankingOptions {
  lang: Lang;
  color: boolean;
  /** Terminal columns: the region column gives way to fit them. Unknown (a pipe): no limit. */
  width?: number;
  /** When ranking by groups: what the groups are, and their titles. */
  groups?: { kind: GroupKind; titles: ReadonlyMap<string, Text> };
}

/** Element headers are cut to this many columns so six elements fit beside the names. */
const ELEMENT_HEADER = 10;
const MIN_REGION = 14;

/** The ranking of many files for a terminal, then the files that could not be scored. */
export function renderRanking(
  ranked: readonly Ranked<ResultSummary>[],
  columns: readonly ElementColumn[],
  failed: readonly FailedFile[],
  options: RankingOptions,
): string {
  const { lang } = options;
  const L = labelsFor(lang);
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width === undefined ? Infinity : Math.max(60, options.width);
  const { headers, rows } = rankingCells(ranked, columns, lang);
  const isElement = (i: number) => i >= 4 && i < 4 + columns.length;
  const measure = (hs: readonly string[]) =>
    hs.map((h, i) => maxOf([displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))]));
  const tableWidth = (ws: readonly number[]) => ws.reduce((a, b) => a + b + 2, 0) - 2;
  // Too wide for the terminal: element headers are cut first, then the region column gives way.
  let shortHeaders = headers;
  let widths = measure(headers);
  if (tableWidth(widths) > width) {
    shortHeaders = headers.map((h, i) => (isElement(i) ? truncate(h, ELEMENT_HEADER) : h));
    widths = measure(shortHeaders);
  }
  const overflow = tableWidth(widths) - width;
  if (overflow > 0) widths[1] = Math.max(MIN_REGION, widths[1]! - overflow);
  const numeric = (i: number) => i === 0 || i >= 4;
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric(i) ? padStart(c, widths[i]!) : padEnd(truncate(c, widths[i]!), widths[i]!)))
      .join("  ")
      .trimEnd();

  const out: string[] = [];
  let group: string | undefined;
  ranked.forEach((r, i) => {
    if (i === 0 || r.group !== group) {
      group = r.group;
      if (i > 0) out.push("");
      if (group !== undefined) {
        out.push(
          chalk.bold(
            escapeText(
              groupHeading(
                lang,
                options.groups?.kind ?? "profile",
                group,
                localize(options.groups?.titles.get(group), lang),
              ),
            ),
          ),
        );
      }
      out.push(chalk.bold(line(shortHeaders)));
    }
    const row = line(rows[i]!);
    out.push(r.item.complete ? row : chalk.yellow(row));
  });
  if (ranked.length > 0)
    out.push(
      "",
      chalk.dim(L.results(ranked.length) + (ranked.some((r) => !r.item.complete) ? `; ${L.incompleteFootnote}` : "")),
    );
  if (failed.length > 0) {
    if (out.length) out.push("");
    out.push(chalk.bold.red(`${L.failed}: ${L.failedNote(failed.length)}`));
    for (const f of failed) {
      const first = f.diagnostics.find((d) => d.severity === "error");
      out.push(`  ${escapeText(f.file)}${first ? `: ${escapeText(localizeDiagnostic(first, lang).message)}` : ""}`);
    }
  }
  return out.length ? `${out.join("\n")}\n` : "";
}
