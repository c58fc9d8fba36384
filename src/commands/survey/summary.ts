import { surveyMean } from "../../engine/score-answer.js";
import type { Lang } from "../../model/common.js";
import { type Exact, toFraction, toNumber } from "../../model/exact.js";
import type { Questionnaire } from "../../model/questionnaire.js";
import { csvDialects, csvLine } from "../../text/csv.js";
import { stringifyJson } from "../../text/escape.js";
import { formatScore, localize, padEnd, padStart } from "../../text/format.js";
import { markdownTable } from "../../text/markdown.js";
import { messages } from "./messages.js";
import type { StatementTally, SurveyDiagnostic } from "./tally.js";

export interface ImportSummary {
  questionnaire: Questionnaire;
  tallies: readonly StatementTally[];
  rows: number;
  files: readonly string[];
  diagnostics: readonly SurveyDiagnostic[];
  into?: string;
  /** Without --into: the YAML that would be written. */
  preview?: string;
}

interface Line {
  number: number;
  id: string;
  pillar: string;
  text: string;
  respondents: number;
  blank: number;
  mean: Exact | undefined;
  counts: number[];
  column: boolean;
}

function lines(summary: ImportSummary, lang: Lang): Line[] {
  return summary.tallies.map((t) => {
    const counts = Object.fromEntries(t.counts.map((n, i) => [String(summary.questionnaire.scale.min + i), n]));
    return {
      number: t.statement.number,
      id: t.statement.id,
      pillar: t.statement.pillar ?? "",
      text: localize(t.statement.text, lang),
      respondents: t.respondents,
      blank: t.blank,
      mean: surveyMean(counts)?.mean,
      counts: t.counts,
      column: t.column,
    };
  });
}

/** The per-statement summary: respondents, blanks, mean and distribution, in the chosen format. */
export function renderImportSummary(
  summary: ImportSummary,
  format: "table" | "json" | "csv" | "markdown",
  lang: Lang,
): string {
  const rows = lines(summary, lang);
  const levels = summary.tallies[0]?.counts.map((_, i) => String(summary.questionnaire.scale.min + i)) ?? [];
  switch (format) {
    case "json":
      // Escaped like every JSON we write: a header may hold U+2028 or a bidi control (issue 14).
      return `${stringifyJson(
        {
          questionnaire: summary.questionnaire.id,
          files: summary.files,
          respondents: summary.rows,
          ...(summary.into ? { into: summary.into } : {}),
          statements: rows.map((r) => ({
            id: r.id,
            pillar: r.pillar || null,
            column: r.column,
            respondents: r.respondents,
            blank: r.blank,
            mean: r.mean ? toNumber(r.mean) : null,
            meanExact: r.mean ? toFraction(r.mean) : null,
            counts: Object.fromEntries(levels.map((l, i) => [l, r.counts[i]])),
          })),
          diagnostics: summary.diagnostics.map((d) => ({
            where: d.where ?? null,
            row: d.row ?? null,
            column: d.column ?? null,
            severity: d.severity,
            code: d.code,
            params: d.params,
          })),
        },
        2,
      )}\n`;
    case "csv": {
      const dialect = csvDialects[lang === "id" ? ";" : ","];
      const decimal = (e: Exact | undefined) => (e ? formatScore(e, lang, 4) : "");
      const header = ["number", "id", "pillar", "respondents", "blank", "mean", ...levels.map((l) => `n${l}`)];
      return (
        dialect.bom +
        [
          header,
          ...rows
            .filter((r) => r.column)
            .map((r) => [
              String(r.number),
              r.id,
              r.pillar,
              String(r.respondents),
              String(r.blank),
              decimal(r.mean),
              ...r.counts.map(String),
            ]),
        ]
          .map((line) => csvLine(line, dialect.separator))
          .join("")
      );
    }
    case "markdown": {
      const t = messages[lang];
      const table = markdownTable(
        ["#", "id", t.colStatement, t.colRespondents, t.colBlank, t.colMean, ...levels],
        rows
          .filter((r) => r.column)
          .map((r) => [
            String(r.number),
            `\`${r.id}\``,
            r.text,
            String(r.respondents),
            String(r.blank),
            r.mean ? formatScore(r.mean, lang) : "–",
            ...r.counts.map(String),
          ]),
        (i) => i >= 3,
      );
      return `${t.summaryHeading(summary.rows, summary.files.length)}\n\n${table.join("\n")}\n`;
    }
    case "table":
      return renderTable(summary, rows, levels, lang);
  }
}

function renderTable(summary: ImportSummary, rows: readonly Line[], levels: readonly string[], lang: Lang): string {
  const t = messages[lang];
  const shown = rows.filter((r) => r.column);
  const idWidth = Math.max(2, ...shown.map((r) => r.id.length));
  const head = [
    padStart("#", 3),
    padEnd("id", idWidth),
    padStart(t.colRespondents, 11),
    padStart(t.colBlank, 7),
    padStart(t.colMean, 9),
    ...levels.map((l) => padStart(l, 5)),
  ].join("  ");
  const out = [t.summaryHeading(summary.rows, summary.files.length), "", head];
  let pillar: string | undefined;
  for (const r of shown) {
    if (r.pillar !== pillar) {
      pillar = r.pillar;
      const title = localize(summary.questionnaire.pillars?.find((p) => p.id === r.pillar)?.title, lang);
      if (title) out.push(title);
    }
    out.push(
      [
        padStart(String(r.number), 3),
        padEnd(r.id, idWidth),
        padStart(String(r.respondents), 11),
        padStart(String(r.blank), 7),
        padStart(r.mean ? formatScore(r.mean, lang) : "–", 9),
        ...r.counts.map((n) => padStart(String(n), 5)),
      ].join("  "),
    );
  }
  let text = `${out.join("\n")}\n`;
  if (summary.preview !== undefined) text += `\n${t.previewHeading}\n\n${summary.preview}`;
  return text;
}
