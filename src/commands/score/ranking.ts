import { Chalk } from "chalk";
import type { Ranked } from "../../engine/rank.js";
import type { ResultSummary } from "../../engine/summary.js";
import type { Lang, Text } from "../../model/common.js";
import {
  rankingCells,
  rankingFacts,
  rankingFootnotes,
  rankingHeaders,
  type ElementColumn,
  type RankingFacts,
} from "../../text/ranking-cells.js";
import type { FailedFile } from "./json.js";
import { displayWidth, localize, padEnd, padStart, truncate, wrapWords } from "../../text/format.js";
import { groupHeading, labelsFor, type GroupKind } from "../../text/score-labels.js";
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

/**
 * How the table gives way when it is wider than the terminal, step by step until it fits:
 * element headers cut to 10 columns, the region column down to 14, one space between columns
 * instead of two, element headers cut to 5 ("Outc…"), the region column down to 8, and last
 * the element columns left out (a note says so). Numbers are never cut or split.
 */
const ELEMENT_HEADER = 10;
const SHORT_ELEMENT_HEADER = 5;
const MIN_REGION = 14;
const NARROW_REGION = 8;
const REGION = 1;

interface Layout {
  headers: string[];
  widths: number[];
  gap: number;
  /** Columns shown; false for element columns left out to fit. */
  shown: boolean[];
}

/** The widest layout that fits `width` columns (see the steps above); the last one if none does. */
function fitRanking(
  headers: readonly string[],
  /** The widest cell of each column, headers left out. */
  cellWidths: readonly number[],
  isElement: (i: number) => boolean,
  width: number,
): Layout {
  const measure = (hs: readonly string[]) => hs.map((h, i) => Math.max(displayWidth(h), cellWidths[i]!));
  const steps: { header: number; region: number; gap: number; elements: boolean }[] = [
    { header: Infinity, region: Infinity, gap: 2, elements: true },
    { header: ELEMENT_HEADER, region: MIN_REGION, gap: 2, elements: true },
    { header: ELEMENT_HEADER, region: MIN_REGION, gap: 1, elements: true },
    { header: SHORT_ELEMENT_HEADER, region: NARROW_REGION, gap: 1, elements: true },
    { header: SHORT_ELEMENT_HEADER, region: NARROW_REGION, gap: 1, elements: false },
  ];
  let layout: Layout | undefined;
  for (const step of steps) {
    const cut = headers.map((h, i) => (isElement(i) ? truncate(h, step.header) : h));
    const widths = measure(cut);
    const shown = headers.map((_, i) => step.elements || !isElement(i));
    const total = widths.reduce((sum, w, i) => sum + (shown[i] ? w + step.gap : 0), 0) - step.gap;
    // The region column gives way first, down to the step's minimum (never below its header).
    const overflow = Math.max(0, total - width);
    const floor = Math.min(widths[REGION]!, Math.max(step.region, displayWidth(headers[REGION]!)));
    widths[REGION] = Math.max(floor, widths[REGION]! - overflow);
    layout = { headers: cut, widths, gap: step.gap, shown };
    if (fits(layout, width)) return layout;
  }
  return layout!;
}

/**
 * A region name cut to `width` columns: "Kabupaten" becomes "Kab." first, as officials write
 * it, so "Kab. Pangkaj…" and "Kab. Penajam…" stay apart where "Kabupaten P…" would not.
 */
export function shortenRegion(name: string, width: number): string {
  if (displayWidth(name) <= width) return name;
  return truncate(name.replace(/^Kabupaten\s+/, "Kab. "), width);
}

function fits(layout: Layout, width: number): boolean {
  const total = layout.widths.reduce((sum, w, i) => sum + (layout.shown[i] ? w + layout.gap : 0), 0) - layout.gap;
  return total <= width;
}

/** The ranking of many files for a terminal, then the files that could not be scored. */
export function renderRanking(
  ranked: readonly Ranked<ResultSummary>[],
  columns: readonly ElementColumn[],
  failed: readonly FailedFile[],
  options: RankingOptions,
): string {
  const facts = { ...rankingFacts([ranked]), columns: [...columns] };
  return [...rankingLines(() => [ranked], facts, failed, options)].join("");
}

/**
 * renderRanking's text a line at a time (each with its line end), from a ranking given a part at
 * a time by `parts`, which is read twice: once for the columns' widths, once for the lines. A
 * batch of any size is never in memory whole.
 */
export function* rankingLines(
  parts: () => Iterable<readonly Ranked<ResultSummary>[]>,
  facts: RankingFacts,
  failed: readonly FailedFile[],
  options: RankingOptions,
): Generator<string> {
  const { lang } = options;
  const { columns, anyVerified } = facts;
  const L = labelsFor(lang);
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width === undefined ? Infinity : Math.max(60, options.width);
  const headers = rankingHeaders(columns, lang);
  const cellWidths = headers.map(() => 0);
  for (const part of parts())
    for (const row of rankingCells(part, columns, lang, anyVerified).rows)
      row.forEach((cell, i) => {
        cellWidths[i] = Math.max(cellWidths[i]!, displayWidth(cell));
      });
  const isElement = (i: number) => i >= 4 && i < 4 + columns.length;
  const layout = fitRanking(headers, cellWidths, isElement, width);
  const { widths } = layout;
  const numeric = (i: number) => i === 0 || i >= 4;
  const line = (cells: readonly string[]) =>
    cells
      .flatMap((c, i) =>
        layout.shown[i]
          ? [
              numeric(i)
                ? padStart(c, widths[i]!)
                : padEnd(i === REGION ? shortenRegion(c, widths[i]!) : truncate(c, widths[i]!), widths[i]!),
            ]
          : [],
      )
      .join(" ".repeat(layout.gap))
      .trimEnd();
  const shortHeaders = layout.headers;

  let lines = 0;
  const out = (text: string) => {
    lines++;
    return `${text}\n`;
  };
  let group: string | undefined;
  let i = 0;
  for (const part of parts()) {
    const { rows } = rankingCells(part, columns, lang, anyVerified);
    for (const [p, r] of part.entries()) {
      if (i === 0 || r.group !== group) {
        group = r.group;
        if (i > 0) yield out("");
        if (group !== undefined) {
          yield out(
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
        yield out(chalk.bold(line(shortHeaders)));
      }
      const row = line(rows[p]!);
      yield out(r.item.complete ? row : chalk.yellow(row));
      i++;
    }
  }
  if (facts.count > 0) {
    const [first, ...more] = [L.results(facts.count), ...rankingFootnotes(facts, lang)];
    yield out("");
    yield out(chalk.dim(more[0] === L.incompleteFootnote ? `${first}; ${more.shift()}` : first));
    for (const note of more) for (const l of wrapWords(note.split(" "), width, "")) yield out(chalk.dim(l));
    if (layout.shown.some((s) => !s))
      for (const l of wrapWords(L.elementsLeftOut(width).split(" "), width, "")) yield out(chalk.dim(l));
  }
  if (failed.length > 0) {
    if (lines > 0) yield out("");
    yield out(chalk.bold.red(`${L.failed}: ${L.failedNote(failed.length)}`));
    for (const f of failed) {
      const first = f.diagnostics.find((d) => d.severity === "error");
      yield out(`  ${escapeText(f.file)}${first ? `: ${escapeText(localizeDiagnostic(first, lang).message)}` : ""}`);
    }
  }
}
