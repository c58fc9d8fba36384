import type { TopLevelSpec } from "vega-lite";
import { regionKey } from "../../engine/compare.js";
import type { Ranked } from "../../engine/rank.js";
import type { ResultSummary } from "../../engine/summary.js";
import type { Lang } from "../../model/common.js";
import { add, compare, div, exact, sum, toNumber, type Exact } from "../../model/exact.js";
import type { Scale } from "../../model/questionnaire.js";
import { formatScore, localize } from "../../text/format.js";
import { rankingCells, rankingFacts, rankingFootnotes, type ElementColumn } from "../../text/ranking-cells.js";
import { labelsFor } from "../../text/score-labels.js";
import { histogramChart, spreadChart } from "./charts.js";
import { esc, figureHtml, tableHtml } from "./html.js";
import { reportMessages } from "./messages.js";
import type { PagePlan } from "./region-page.js";

export interface RankingReportInput {
  ranked: readonly Ranked<ResultSummary>[];
  columns: readonly ElementColumn[];
  /** Files that could not be scored, with their first error. */
  failed: readonly { file: string; message?: string }[];
  /** The scale the totals are on (the widest of the questionnaires ranked). */
  scale: Scale;
  /** Questionnaire id → title, in the order first met. */
  questionnaires: ReadonlyMap<string, string>;
  /** A region to highlight, as given on the command line (matched like --previous). */
  highlight?: string;
}

/** Lowest, median, mean and highest of exact values (none empty). */
function describe(values: readonly Exact[]): { min: Exact; median: Exact; mean: Exact; max: Exact } {
  const sorted = [...values].sort(compare);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : div(add(sorted[mid - 1]!, sorted[mid]!), exact(2n));
  return {
    min: sorted[0]!,
    median,
    mean: div(sum(sorted), exact(BigInt(sorted.length))),
    max: sorted[sorted.length - 1]!,
  };
}

/**
 * The report of many answer files: the ranking (competition ranks, as `score` prints it), the
 * spread of the final scores as a histogram, each element's spread across the regions as box
 * plots with a table of the same figures, and one region highlighted throughout.
 */
export function planRankingReport(input: RankingReportInput, lang: Lang): PagePlan {
  const { ranked, columns, scale } = input;
  const L = labelsFor(lang);
  const M = reportMessages(lang);
  const key = input.highlight !== undefined ? regionKey(input.highlight) : undefined;
  const marked = ranked.map((r) => key !== undefined && regionKey(r.item.region) === key);
  const first = marked.indexOf(true);
  const chosen = first >= 0 ? ranked[first] : undefined;
  const elementTitle = (c: ElementColumn) => localize(c.title, lang) || c.id;

  const totals = ranked.map((r) => r.item.total);
  const spread = columns.map((c) => {
    const scores = ranked.flatMap((r) => r.item.elements.filter((e) => e.id === c.id).map((e) => e.score));
    return { column: c, scores };
  });
  const charts: TopLevelSpec[] = [];
  if (ranked.length > 0) {
    charts.push(
      histogramChart(totals.map(toNumber), {
        axisTitle: L.finalScore,
        countTitle: M.regions,
        scale,
        ...(chosen
          ? {
              highlight: {
                value: toNumber(chosen.item.total),
                label: `${chosen.item.region} ${formatScore(chosen.item.total, lang)}`,
              },
            }
          : {}),
      }),
      spreadChart(
        spread.flatMap(({ column, scores }) =>
          scores.map((s) => ({ element: elementTitle(column), score: toNumber(s) })),
        ),
        {
          axisTitle: L.score,
          scale,
          ...(chosen
            ? {
                highlight: chosen.item.elements.flatMap((e) => {
                  const column = columns.find((c) => c.id === e.id);
                  return column ? [{ element: elementTitle(column), score: toNumber(e.score) }] : [];
                }),
                highlightLabel: chosen.item.region,
              }
            : {}),
        },
      ),
    );
  }

  const title = M.rankingTitle(ranked.length);
  const body = (svgs: readonly string[]): string => {
    const out: string[] = [];
    const years = [...new Set(ranked.map((r) => r.item.year).filter((y) => y !== undefined))].sort();
    const profiles = [...new Set(ranked.map((r) => r.item.profile))].sort();
    out.push(
      `<header><h1>${esc(title)}</h1><p class="subtitle">${esc([...input.questionnaires.values()].join("; "))}</p>`,
    );
    out.push(
      `<dl class="header"><dt>${esc(L.instrument)}</dt><dd>${esc([...input.questionnaires.keys()].join(", "))}</dd>${years.length ? `<dt>${esc(L.year)}</dt><dd>${esc(years.join(", "))}</dd>` : ""}<dt>${esc(L.profile)}</dt><dd>${esc(profiles.join(", "))}</dd></dl>`,
    );
    if (input.questionnaires.size > 1)
      out.push(`<p class="note">${esc(M.mixedQuestionnaires([...input.questionnaires.keys()].join(", ")))}</p>`);
    if (chosen)
      out.push(
        `<p class="total-box" id="highlight">${esc(M.highlighted(chosen.item.region, chosen.rank, ranked.length))}</p>`,
      );
    out.push("</header>");

    if (ranked.length > 0) {
      const stats = describe(totals);
      out.push(`<section id="statistics"><h2>${esc(M.statistics)}</h2>`);
      out.push(
        tableHtml({
          headers: [M.count, M.lowest, M.median, M.mean, M.highest],
          rows: [
            [
              String(ranked.length),
              ...[stats.min, stats.median, stats.mean, stats.max].map((v) => formatScore(v, lang)),
            ],
          ],
          numeric: () => true,
        }),
      );
      out.push(figureHtml(M.distributionChart, svgs[0]!));
      out.push(figureHtml(M.spreadChart, svgs[1]!));
      out.push(
        tableHtml({
          caption: M.spreadTable,
          headers: [L.element, M.count, M.lowest, M.median, M.mean, M.highest, ...(chosen ? [chosen.item.region] : [])],
          rows: spread
            .filter((s) => s.scores.length > 0)
            .map(({ column, scores }) => {
              const d = describe(scores);
              const own = chosen?.item.elements.find((e) => e.id === column.id);
              return [
                elementTitle(column),
                String(scores.length),
                ...[d.min, d.median, d.mean, d.max].map((v) => formatScore(v, lang)),
                ...(chosen ? [own ? formatScore(own.score, lang) : "-"] : []),
              ];
            }),
          numeric: (i) => i > 0,
        }),
      );
      out.push("</section>");

      const facts = rankingFacts([ranked]);
      const { headers, rows } = rankingCells(ranked, columns, lang, facts.anyVerified);
      out.push(`<section id="ranking" class="page-break"><h2>${esc(M.rankingSection)}</h2>`);
      out.push(
        tableHtml({
          headers,
          rows,
          numeric: (i) => i === 0 || i >= 4,
          rowClass: (r) => (marked[r] ? "highlight" : undefined),
          className: "ranking",
        }),
      );
      for (const note of rankingFootnotes(facts, lang)) out.push(`<p class="note">${esc(note)}</p>`);
      out.push("</section>");
    }
    if (input.failed.length > 0) {
      out.push(`<section id="failed"><h2>${esc(M.failedFiles(input.failed.length))}</h2><ul class="plain">`);
      for (const f of input.failed)
        out.push(`<li><code>${esc(f.file)}</code>${f.message ? `: ${esc(f.message)}` : ""}</li>`);
      out.push("</ul></section>");
    }
    return out.join("\n");
  };
  return { title, charts, body };
}
