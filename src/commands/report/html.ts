import type { Lang } from "../../model/common.js";
import { escapeText } from "../../text/escape.js";

/**
 * The HTML building blocks of the report. Every text that comes from a file goes through
 * `esc` (or `evidenceHtml`); markup is only ever written by this folder. The page carries a
 * Content-Security-Policy that allows no script, no request and no frame, as a second wall
 * behind the escaping: the file is meant to be opened anywhere, from a USB stick, offline.
 */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text for an HTML text node or a quoted attribute; C0 control characters (other than tab and
 * newline) dropped; C1 controls, bidi controls and line separators shown escaped (\u2029), as
 * in every text output (found by npm run fuzz, seed 1770255208).
 */
export function esc(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, escapeText)
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * One evidence item: a plain https: address becomes a link (it opens only when clicked, and
 * tells the target nothing about the report); anything else, `javascript:` and `http:`
 * included, is shown as text.
 */
export function evidenceHtml(text: string): string {
  const trimmed = text.trim();
  if (/^https:\/\/[^\s<>"'`]+$/i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      if (url.protocol === "https:" && url.username === "" && url.password === "") {
        return `<a href="${esc(url.href)}" rel="noopener noreferrer">${esc(trimmed)}</a>`;
      }
    } catch {
      // Not a URL after all: shown as text below.
    }
  }
  return esc(text);
}

export interface Table {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns whose cells are numbers (right-aligned, tabular figures). */
  numeric?: (column: number) => boolean;
  /** Extra class per row, e.g. the highlighted region. */
  rowClass?: (row: number) => string | undefined;
  caption?: string;
  className?: string;
}

/** A table of plain texts (escaped here). */
export function tableHtml(table: Table): string {
  const num = (i: number) => (table.numeric?.(i) ? ' class="num"' : "");
  const head = table.headers.map((h, i) => `<th scope="col"${num(i)}>${esc(h)}</th>`).join("");
  const body = table.rows
    .map((row, r) => {
      const cls = table.rowClass?.(r);
      return `<tr${cls ? ` class="${esc(cls)}"` : ""}>${row.map((c, i) => `<td${num(i)}>${esc(c)}</td>`).join("")}</tr>`;
    })
    .join("\n");
  return `<table${table.className ? ` class="${esc(table.className)}"` : ""}>${table.caption ? `<caption>${esc(table.caption)}</caption>` : ""}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

/** A chart: its caption (escaped) and the SVG Vega drew (checked in charts.ts). */
export function figureHtml(caption: string, svg: string): string {
  return `<figure class="chart"><figcaption>${esc(caption)}</figcaption>${svg}</figure>`;
}

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#000;background:#fff;margin:0;line-height:1.4;font-size:14px}
main{max-width:58rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:2px solid #000;padding-bottom:.15rem}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
.subtitle{margin:0 0 1rem;color:#333}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border-bottom:1px solid #bbb;padding:.25rem .45rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #000;background:#f0f0f0}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.total td{font-weight:700;border-top:2px solid #000}
tr.highlight td{font-weight:700;background:#e6e6e6;border-top:2px solid #000;border-bottom:2px solid #000}
tr.highlight td:first-child::before{content:"\\25B6\\00A0"}
dl.header{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0 0 1rem}
dl.header dt{font-weight:600}
dl.header dd{margin:0;overflow-wrap:anywhere}
.total-box{display:flex;gap:2rem;align-items:baseline;flex-wrap:wrap;border:2px solid #000;padding:.75rem 1rem;margin:1rem 0}
.total-box .label{font-size:1rem}
.total-box .value{font-size:3rem;font-weight:700;line-height:1;font-variant-numeric:tabular-nums}
.total-box .detail{font-size:1rem}
.note{color:#333;font-size:.9rem}
figure.chart{margin:.5rem 0 1.25rem;break-inside:avoid}
figure.chart figcaption{font-weight:600;margin-bottom:.3rem}
figure.chart svg{max-width:100%;height:auto;display:block}
ul.missing li,ul.plain li{margin:.15rem 0}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
.annex table{font-size:12.5px}
.annex td:nth-child(2){width:34%}
.evidence{margin:0;padding-left:1.1rem}
a{color:#0645ad}
footer{margin-top:2rem;border-top:1px solid #999;padding-top:.5rem;font-size:.85rem;color:#333}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
  body{font-size:10.5pt}
  main{max-width:none;padding:0}
  h2{break-after:avoid}
  h3{break-after:avoid}
  tr,figure,.total-box,dl.header{break-inside:avoid}
  thead{display:table-header-group}
  .annex{break-before:page}
  .page-break{break-before:page}
  a{color:#000;text-decoration:underline}
  tr.highlight td{background:#ddd;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  thead th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The whole page: one file, CSS inline, no script, no external resource. */
export function pageHtml(options: { lang: Lang; title: string; body: string; footer: string }): string {
  return `<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kuesioner">
<title>${esc(options.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${options.body}
<footer>${esc(options.footer)}</footer>
</main>
</body>
</html>
`;
}
