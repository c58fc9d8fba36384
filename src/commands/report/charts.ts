import type { ViewOptions } from "vega";
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../../model/common.js";
import type { Scale } from "../../model/questionnaire.js";
import { escapeText } from "../../text/escape.js";

/**
 * The report's charts as Vega-Lite specifications, rendered to SVG by Vega without a browser.
 * The geometry (scales, bins, box plots, axes) is the library's; this file only says what is
 * drawn. Every chart is grey on white with black text and outlines, so a black-and-white
 * printout keeps every distinction; the highlighted region is black and a different shape.
 */

const INK = "#000000";
const DARK = "#404040";
const LIGHT = "#c8c8c8";

const config = {
  background: "white",
  font: "sans-serif",
  // Marks without aria descriptions: every chart sits beside a table with the same figures,
  // and the descriptions would double the size of a chart of 500 regions.
  aria: false,
  view: { stroke: null },
  axis: {
    labelColor: INK,
    titleColor: INK,
    domainColor: INK,
    tickColor: INK,
    gridColor: "#e0e0e0",
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: "normal",
    labelLimit: 260,
  },
  legend: { labelColor: INK, titleColor: INK, labelFontSize: 11, titleFontSize: 11, orient: "bottom" },
} as const;

export interface BarRow {
  label: string;
  value: number;
  /** The value as the report writes it (3,06 in Indonesian): rounded on the exact value. */
  text: string;
  /** A lighter bar behind, e.g. the most an element can contribute. */
  max?: number;
}

const scaleDomain = (scale: Scale) => ({ domain: [scale.min, scale.max], nice: false, zero: false });

/** Horizontal bars with their values written at the end: element scores, contributions, pillars. */
export function barChart(
  rows: readonly BarRow[],
  options: { axisTitle: string; domain: [number, number] },
): TopLevelSpec {
  const x = { type: "quantitative", scale: { domain: options.domain, nice: false }, title: options.axisTitle } as const;
  const withMax = rows.some((r) => r.max !== undefined);
  return {
    config,
    width: 380,
    height: { step: 22 },
    data: { values: rows.map((r) => ({ ...r })) },
    encoding: { y: { field: "label", type: "nominal", sort: null, title: null } },
    layer: [
      ...(withMax
        ? [
            {
              mark: { type: "bar", fill: "#ffffff", stroke: INK, strokeWidth: 0.75 },
              encoding: { x: { field: "max", ...x } },
            },
          ]
        : []),
      { mark: { type: "bar", fill: DARK, stroke: INK, strokeWidth: 0.75 }, encoding: { x: { field: "value", ...x } } },
      {
        mark: { type: "text", align: "left", dx: 4, fontSize: 11, fill: INK },
        encoding: { x: { field: "value", ...x }, text: { field: "text" } },
      },
    ],
  } as TopLevelSpec;
}

export interface PairRow {
  label: string;
  series: string;
  value: number;
}

/** Two bars per row (last year light, this year dark), with a legend: the improvement by element. */
export function pairedBarChart(
  rows: readonly PairRow[],
  options: { axisTitle: string; scale: Scale; series: [string, string] },
): TopLevelSpec {
  return {
    config,
    width: 380,
    height: { step: 14 },
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: "bar", stroke: INK, strokeWidth: 0.75 },
    encoding: {
      y: { field: "label", type: "nominal", sort: null, title: null },
      yOffset: { field: "series", type: "nominal", sort: options.series },
      x: { field: "value", type: "quantitative", scale: scaleDomain(options.scale), title: options.axisTitle },
      fill: {
        field: "series",
        type: "nominal",
        sort: options.series,
        scale: { domain: options.series, range: [LIGHT, DARK] },
        title: null,
      },
    },
  } as TopLevelSpec;
}

/** Regions per 0.25 band of the final score, with the highlighted region's total as a dashed line. */
export function histogramChart(
  totals: readonly number[],
  options: { axisTitle: string; countTitle: string; scale: Scale; highlight?: { value: number; label: string } },
): TopLevelSpec {
  const x = { type: "quantitative", scale: scaleDomain(options.scale), title: options.axisTitle } as const;
  return {
    config,
    width: 440,
    height: 180,
    layer: [
      {
        data: { values: totals.map((total) => ({ total })) },
        mark: { type: "bar", fill: LIGHT, stroke: INK, strokeWidth: 0.75 },
        encoding: {
          x: { field: "total", bin: { step: 0.25, extent: [options.scale.min, options.scale.max] }, ...x },
          y: { aggregate: "count", type: "quantitative", title: options.countTitle, axis: { tickMinStep: 1 } },
        },
      },
      ...(options.highlight
        ? [
            {
              data: { values: [{ total: options.highlight.value, label: options.highlight.label }] },
              layer: [
                {
                  mark: { type: "rule", stroke: INK, strokeWidth: 2, strokeDash: [5, 3] },
                  encoding: { x: { field: "total", ...x } },
                },
                {
                  mark: { type: "text", align: "left", baseline: "bottom", dx: 4, y: -4, fontSize: 11, fill: INK },
                  encoding: { x: { field: "total", ...x }, text: { field: "label" } },
                },
              ],
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
}

export interface SpreadRow {
  element: string;
  score: number;
}

/** One box plot per element across the regions, the highlighted region as a black diamond. */
export function spreadChart(
  rows: readonly SpreadRow[],
  options: { axisTitle: string; scale: Scale; highlight?: readonly SpreadRow[]; highlightLabel?: string },
): TopLevelSpec {
  const y = { field: "element", type: "nominal", sort: null, title: null } as const;
  const x = {
    field: "score",
    type: "quantitative",
    scale: scaleDomain(options.scale),
    title: options.axisTitle,
  } as const;
  return {
    config,
    width: 380,
    height: { step: 28 },
    layer: [
      {
        data: { values: rows.map((r) => ({ ...r })) },
        mark: {
          type: "boxplot",
          extent: "min-max",
          size: 14,
          box: { fill: LIGHT, stroke: INK, strokeWidth: 0.75 },
          median: { stroke: INK, strokeWidth: 2 },
          rule: { stroke: INK },
          ticks: { stroke: INK },
        },
        encoding: { y, x },
      },
      ...(options.highlight?.length
        ? [
            {
              data: { values: options.highlight.map((r) => ({ ...r, who: options.highlightLabel ?? "" })) },
              mark: { type: "point", shape: "diamond", filled: true, fill: INK, stroke: INK, size: 160 },
              encoding: {
                y,
                x,
                shape: { field: "who", type: "nominal", scale: { range: ["diamond"] }, title: null },
              },
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
}

/** Decimal comma in Indonesian axes, as in the tables. */
const locales = {
  id: { decimal: ",", thousands: ".", grouping: [3], currency: ["Rp", ""] },
  en: { decimal: ".", thousands: ",", grouping: [3], currency: ["$", ""] },
} as const;

/**
 * Renders the specifications to SVG strings, loading Vega only now (report is the only command
 * that draws). Each SVG is checked before it reaches the page: Vega escapes the texts it is
 * given, and this check makes sure no chart can carry a script, an event handler or a link
 * whatever a region's name holds.
 */
export async function renderCharts(specs: readonly TopLevelSpec[], lang: Lang): Promise<string[]> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  const svgs: string[] = [];
  for (const spec of specs) {
    const compiled = vegaLite.compile(escapeStrings(spec), { logger: vega.logger(vega.None) }).spec;
    // The View reads `locale` as { number, time } specifications (vega-view's source); the
    // typings describe the formatters built from them instead.
    const locale = { number: locales[lang] } as unknown as NonNullable<ViewOptions["locale"]>;
    const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.None, locale });
    try {
      svgs.push(checkSvg(await view.toSVG()));
    } finally {
      view.finalize();
    }
  }
  return svgs;
}

/**
 * Every text of a specification with its unsafe characters escaped (`\u202e`, `\x1b`), as the
 * tables of the page show them: a region's name or a questionnaire's title cannot reorder or
 * break a chart's labels. Vega then escapes them for XML.
 */
function escapeStrings<T>(value: T): T {
  if (typeof value === "string") return escapeText(value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeStrings(v)])) as T;
  return value;
}

const SVG_TAGS = new Set(["svg", "g", "path", "rect", "line", "text", "tspan", "defs", "clipPath", "title", "desc"]);

/**
 * Refuses SVG with anything active in it; a failure here is a bug (exit 70), never user error.
 * Only the markup is checked (tag names against a list of drawing elements, attribute names
 * with their quoted values removed): texts are escaped, so `onerror=` inside a label is text.
 */
export function checkSvg(svg: string): string {
  for (const [tag] of svg.matchAll(/<[^>]*>/g)) {
    const name = /^<\/?([A-Za-z]+)/.exec(tag)?.[1];
    const attributes = tag.replace(/"[^"]*"/g, '""');
    if (!name || !SVG_TAGS.has(name) || /[\s/](?:on[a-z]+|[a-z]*:?href|style)\s*=/i.test(attributes)) {
      throw new Error(`chart SVG contains unexpected markup (${tag.slice(0, 80)}): refusing to write it`);
    }
  }
  if (/<!|<\?/.test(svg)) throw new Error("chart SVG contains a declaration or CDATA: refusing to write it");
  return svg;
}
