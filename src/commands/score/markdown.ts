import { localizeDiagnostic } from "../../text/diagnostic-messages.js";
import { sub } from "../../model/exact.js";
import type { Ranked } from "../../engine/rank.js";
import type { ResultSummary } from "../../engine/summary.js";
import type { Lang, Text } from "../../model/common.js";
import type { ElementColumn } from "../../text/ranking-cells.js";
import { formatPercent, formatScore, formatSigned, localize } from "../../text/format.js";
import type { FailedFile } from "./json.js";
import { groupHeading, labelsFor, type GroupKind } from "../../text/score-labels.js";
import {
  rankingCells,
  rankingFacts,
  rankingFootnotes,
  rankingHeaders,
  type RankingFacts,
} from "../../text/ranking-cells.js";
import {
  comparable,
  headerFields,
  previousOf,
  questionCount,
  reportTitles,
  type ScoreReportInput,
  verificationCells,
} from "../../text/score-report.js";
import { pushAll } from "../../model/collections.js";
import { escapeText } from "../../text/escape.js";
import { markdownCell, markdownRow, markdownTable } from "../../text/markdown.js";

/** The one-file report as Markdown, for a wiki page or an e-mail to the head of office. */
export function renderScoreMarkdown(input: ScoreReportInput, lang: Lang): string {
  const { questionnaire: q, result } = input;
  const L = labelsFor(lang);
  const titles = reportTitles(q, result, lang);
  const out: string[] = [`# ${escapeText(localize(q.title, lang))}`, ""];
  pushAll(
    out,
    markdownTable(["", ""], headerFields(input, lang), () => false),
  ).push("");
  const rows = result.elements.map((e, i) => [
    titles.elements[i]!,
    formatPercent(e.weight, lang),
    formatScore(e.score, lang),
    formatScore(e.contribution, lang),
  ]);
  rows.push([`**${L.finalScore}**`, "", "", `**${formatScore(result.total, lang)}**`]);
  pushAll(
    out,
    markdownTable([L.element, L.weight, L.score, L.contribution], rows, (i) => i > 0),
  ).push("");
  if (result.band) out.push(`**${L.band}:** ${escapeText(localize(result.band.label, lang))}`, "");
  const previous = previousOf(input);
  if (previous) {
    const since = `${L.previous} ${formatScore(previous.total, lang)}${previous.year !== undefined ? `, ${previous.year}` : ""}`;
    out.push(`**${L.improvement}:** ${formatSigned(sub(result.total, previous.total), lang)} (${since})`, "");
  }
  if (comparable(result)) pushAll(out, verificationMarkdown(input, titles.elements, lang));
  if (result.pillars.length > 0) {
    out.push(`## ${L.pillars}`, "", `_${L.pillarsNote}._`, "");
    const pillarRows = result.pillars.map((p, i) => [titles.pillars[i]!, p.score ? formatScore(p.score, lang) : "-"]);
    pushAll(
      out,
      markdownTable(["", L.score], pillarRows, (i) => i > 0),
    ).push("");
  }
  if (result.missing.length > 0) {
    out.push(`## ${L.missing}`, "", `${L.missingNote(result.missing.length, questionCount(result))}.`, "");
    result.elements.forEach((e, i) => {
      if (e.missing.length)
        out.push(`- ${markdownCell(titles.elements[i]!)}: ${e.missing.map((id) => `\`${id}\``).join(", ")}`);
    });
    out.push("");
  }
  return out.join("\n").replace(/\n+$/, "\n");
}

/**
 * Self-assessed against verified per element and in total, the questions where the panel
 * differed most from the region (what to learn for next year), and the unverified ones.
 */
function verificationMarkdown(input: ScoreReportInput, titles: readonly string[], lang: Lang): string[] {
  const L = labelsFor(lang);
  const cells = verificationCells(input, titles, lang);
  const out = [`## ${L.verification}`, "", `_${L.verificationNote}._`, ""];
  const [name, ...total] = cells.total;
  pushAll(
    out,
    markdownTable(
      [L.element, L.selfAssessed, L.verified, L.difference],
      [...cells.elements, [`**${name}**`, ...total.map((c) => `**${c}**`)]],
      (i) => i > 0,
    ),
  ).push("");
  if (cells.differences.length > 0) {
    out.push(`### ${L.largestDifferences(cells.differing)}`, "");
    pushAll(
      out,
      markdownTable(
        ["", L.question, L.selfAssessed, L.verified, L.difference],
        cells.differences.map((d) => [`\`${d.id}\``, d.text, d.self, d.verified, d.difference]),
        (i) => i > 1,
      ),
    ).push("");
  }
  if (cells.unverified.length > 0)
    out.push(`**${L.unverifiedList}:** ${cells.unverified.map(markdownCode).join(", ")}`, "");
  return out;
}

/** An id as inline code; the "… and N more" that may close a list stays text. */
const markdownCode = (id: string) => (id.startsWith("…") ? escapeText(id) : `\`${escapeText(id)}\``);

/** The ranking as Markdown tables (one per group), then the files that were not scored. */
export function renderRankingMarkdown(
  ranked: readonly Ranked<ResultSummary>[],
  columns: readonly ElementColumn[],
  failed: readonly FailedFile[],
  options: { lang: Lang; groups?: { kind: GroupKind; titles: ReadonlyMap<string, Text> } },
): string {
  const facts = { ...rankingFacts([ranked]), columns: [...columns] };
  return [...rankingMarkdownText([ranked], facts, failed, options)].join("");
}

/**
 * renderRankingMarkdown's text a line at a time, from a ranking given a part at a time: a batch
 * of any size is never in memory whole. A line per row, as markdownTable draws it (cells are not
 * padded, so a row needs no other).
 */
export function* rankingMarkdownText(
  parts: Iterable<readonly Ranked<ResultSummary>[]>,
  facts: RankingFacts,
  failed: readonly FailedFile[],
  options: { lang: Lang; groups?: { kind: GroupKind; titles: ReadonlyMap<string, Text> } },
): Generator<string> {
  yield* oneTrailingNewline(rankingMarkdownLines(parts, facts, failed, options));
}

function* rankingMarkdownLines(
  parts: Iterable<readonly Ranked<ResultSummary>[]>,
  facts: RankingFacts,
  failed: readonly FailedFile[],
  options: { lang: Lang; groups?: { kind: GroupKind; titles: ReadonlyMap<string, Text> } },
): Generator<string> {
  const { lang } = options;
  const { columns, anyVerified } = facts;
  const L = labelsFor(lang);
  const headers = rankingHeaders(columns, lang);
  const numeric = (i: number) => i === 0 || i >= 4;
  let group: string | undefined;
  let first = true;
  for (const part of parts) {
    const { rows } = rankingCells(part, columns, lang, anyVerified);
    for (const [p, r] of part.entries()) {
      if (first || r.group !== group) {
        if (!first) yield "";
        first = false;
        group = r.group;
        if (group !== undefined) {
          yield `## ${escapeText(groupHeading(lang, options.groups?.kind ?? "profile", group, localize(options.groups?.titles.get(group), lang)))}`;
          yield "";
        }
        yield* markdownTable(headers, [], numeric);
      }
      // "2.13*" marks an incomplete result ("2.13*‡" one partly verified too); escaped so Markdown does not read it as emphasis.
      yield markdownRow(
        rows[p]!.map((c) => c.replace(/\*([†‡]?)$/, "\\*$1")),
        numeric,
      );
    }
  }
  if (!first) yield "";
  for (const note of rankingFootnotes(facts, lang)) yield* [note.replace(/^\*/, "\\*"), ""];
  if (failed.length > 0) {
    yield* [`## ${L.failed}`, ""];
    for (const f of failed) {
      const first = f.diagnostics.find((d) => d.severity === "error");
      yield `- \`${escapeText(f.file)}\`${first ? `: ${markdownCell(localizeDiagnostic(first, lang).message)}` : ""}`;
    }
    yield "";
  }
}

/**
 * Lines joined by line ends, the run of line ends that closes the text made one: what
 * `lines.join("\n").replace(/\n+$/, "\n")` gives, a part at a time.
 */
function* oneTrailingNewline(lines: Iterable<string>): Generator<string> {
  let held = 0;
  let started = false;
  for (const line of lines) {
    const text = started ? `\n${line}` : line;
    started = true;
    const body = text.replace(/\n+$/, "");
    if (body === "") held += text.length;
    else {
      yield "\n".repeat(held) + body;
      held = text.length - body.length;
    }
  }
  if (held > 0) yield "\n";
}
