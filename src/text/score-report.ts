import { Chalk, type ChalkInstance } from "chalk";
import { exact, fromNumber, mul, sub, toFixed, type Exact } from "../model/exact.js";
import type { ScoreResult } from "../engine/score.js";
import type { AnswerFile } from "../model/answers.js";
import type { Lang } from "../model/common.js";
import type { Questionnaire, Scale } from "../model/questionnaire.js";
import {
  displayWidth,
  formatPercent,
  formatScore,
  formatSigned,
  localize,
  padEnd,
  padStart,
  regionName,
  truncate,
  wrapWords,
} from "./format.js";
import { labelsFor } from "./score-labels.js";
import { maxOf, pushAll } from "../model/collections.js";
import { escapeText } from "./escape.js";

/** Last year's total (and year) as report-input fields: none when there is no previous score. */
export function previousFields(
  previous: { total: Exact; year?: number } | undefined,
): Pick<ScoreReportInput, "previousTotal" | "previousYear"> {
  if (!previous) return {};
  return { previousTotal: previous.total, ...(previous.year !== undefined ? { previousYear: previous.year } : {}) };
}

export interface ScoreReportInput {
  file?: string;
  questionnaire: Questionnaire;
  sha256: string;
  answers: AnswerFile;
  result: ScoreResult;
  /** Last year's final score; without it the answer file's `previous.total` is used. */
  previousTotal?: Exact;
  /** Year of that score, when known. */
  previousYear?: number;
}

export interface ScoreReportOptions {
  lang: Lang;
  color: boolean;
  /** Terminal columns; 80 when unknown. */
  width?: number;
}

const BAR_CELLS = 20;

/** Cells of a bar for a score on the scale, rounded half-up on the exact value. */
export function barCells(score: Exact, scale: Scale, cells = BAR_CELLS): number {
  const position = sub(score, exact(BigInt(scale.min)));
  const filled = Number(toFixed(mul(position, exact(BigInt(cells), BigInt(scale.max - scale.min))), 0));
  return Math.min(cells, Math.max(0, filled));
}

function renderBar(score: Exact, scale: Scale, chalk: ChalkInstance, cells = BAR_CELLS): string {
  const filled = barCells(score, scale, cells);
  return chalk.cyan("█".repeat(filled)) + chalk.dim("░".repeat(cells - filled));
}

/** The previous score the report compares against: the one given, else the answer file's own. */
export function previousOf(
  input: Pick<ScoreReportInput, "previousTotal" | "previousYear" | "answers">,
): { total: Exact; year?: number } | undefined {
  if (input.previousTotal)
    return { total: input.previousTotal, ...(input.previousYear !== undefined ? { year: input.previousYear } : {}) };
  const own = input.answers.previous;
  if (!own) return undefined;
  return { total: fromNumber(own.total), ...(own.year !== undefined ? { year: own.year } : {}) };
}

/**
 * The full report of one answer file for a terminal: header, one row per element with its
 * weight, score, contribution and a bar, the final score, band, improvement, this tool's
 * pillar indices and the unanswered questions.
 */
export function renderScoreReport(input: ScoreReportInput, options: ScoreReportOptions): string {
  const { questionnaire: q, result } = input;
  const { lang } = options;
  const L = labelsFor(lang);
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(60, options.width ?? 80);
  const lines: string[] = [];
  const total = questionCount(result);

  lines.push(chalk.bold(escapeText(localize(q.title, lang))));
  const header = headerFields(input, lang);
  const headerWidth = maxOf(header.map(([k]) => displayWidth(k)));
  header.forEach(([key, value], i) => {
    const text = truncate(value, width - headerWidth - 4);
    lines.push(
      `  ${padEnd(key, headerWidth)}  ${i === header.length - 1 && !result.complete ? chalk.yellow(text) : text}`,
    );
  });
  lines.push("");

  // Element table: name | weight | score | contribution | bar
  const { elements: titles, pillars: pillarNames } = reportTitles(q, result, lang);
  const numbers = [L.weight, L.score, L.contribution].map((h) => Math.max(displayWidth(h), 6));
  const fixed = 2 + numbers.reduce((a, b) => a + b + 2, 0) + 2 + BAR_CELLS;
  const rowLabels = [
    L.element,
    L.finalScore,
    ...(result.band ? [L.band] : []),
    ...(previousOf(input) ? [L.improvement] : []),
    ...titles,
  ];
  const nameWidth = Math.min(maxOf(rowLabels.map(displayWidth)), Math.max(12, width - fixed));
  const row = (name: string, cells: string[], bar = "") =>
    `  ${padEnd(truncate(name, nameWidth), nameWidth)}${cells.map((c, i) => `  ${padStart(c, numbers[i]!)}`).join("")}${bar ? `  ${bar}` : ""}`.trimEnd();
  lines.push(chalk.bold(row(L.element, [L.weight, L.score, L.contribution])));
  result.elements.forEach((e, i) => {
    lines.push(
      row(
        titles[i]!,
        [formatPercent(e.weight, lang), formatScore(e.score, lang), formatScore(e.contribution, lang)],
        renderBar(e.score, q.scale, chalk),
      ),
    );
  });
  lines.push(`  ${"─".repeat(nameWidth + numbers.reduce((a, b) => a + b + 2, 0))}`);
  lines.push(
    chalk.bold(row(L.finalScore, ["", "", formatScore(result.total, lang)], renderBar(result.total, q.scale, chalk))),
  );
  if (result.band) lines.push(`  ${padEnd(L.band, nameWidth)}  ${escapeText(localize(result.band.label, lang))}`);
  const previous = previousOf(input);
  if (previous) {
    const delta = sub(result.total, previous.total);
    const sign = delta.n > 0n ? chalk.green : delta.n < 0n ? chalk.red : (s: string) => s;
    const since = `${L.previous} ${formatScore(previous.total, lang)}${previous.year !== undefined ? `, ${previous.year}` : ""}`;
    lines.push(`  ${padEnd(L.improvement, nameWidth)}  ${sign(formatSigned(delta, lang))} (${since})`);
  }

  if (comparable(result)) lines.push(...renderVerification(input, titles, width, lang, chalk));

  const pillars = result.pillars;
  if (pillars.length > 0) {
    lines.push(
      "",
      chalk.bold(L.pillars),
      ...wrapWords(`(${L.pillarsNote})`.split(" "), width, "  ").map((l) => chalk.dim(l)),
    );
    const names = pillarNames;
    const pillarWidth = Math.min(maxOf(names.map(displayWidth)), Math.max(12, width - 2 - 8 - 2 - BAR_CELLS));
    pillars.forEach((p, i) => {
      const name = padEnd(truncate(names[i]!, pillarWidth), pillarWidth);
      lines.push(
        p.score
          ? `  ${name}  ${padStart(formatScore(p.score, lang), 6)}  ${renderBar(p.score, q.scale, chalk)}`
          : `  ${name}  ${padStart("-", 6)}  ${chalk.dim(L.noPillarQuestions)}`,
      );
    });
  }

  if (result.missing.length > 0) {
    lines.push(
      "",
      chalk.bold.yellow(L.missing),
      ...wrapWords(`(${L.missingNote(result.missing.length, total)})`.split(" "), width, "  ").map((l) => chalk.dim(l)),
    );
    const missingWidth = Math.min(
      nameWidth,
      maxOf(titles.filter((_, i) => result.elements[i]!.missing.length > 0).map(displayWidth)),
    );
    result.elements.forEach((e, i) => {
      if (e.missing.length === 0) return;
      const head = `  ${padEnd(truncate(titles[i]!, missingWidth), missingWidth)}  `;
      const wrapped = wrapWords(e.missing, width, " ".repeat(displayWidth(head)));
      wrapped[0] = head + wrapped[0]!.trimStart();
      pushAll(lines, wrapped);
    });
  }
  return `${lines.join("\n")}\n`;
}

/** Whether the scores are the assessors' (every report says so when any is not); none when nothing is answered. */
export function verificationLine(result: ScoreResult, lang: Lang): string | undefined {
  const L = labelsFor(lang);
  const v = result.verification;
  if (v.verified === 0) return v.unverified.length > 0 ? L.unverifiedAll : undefined;
  return v.unverified.length > 0 ? L.unverifiedSome(v.unverified.length) : L.verifiedAll;
}

function verificationRow(result: ScoreResult, lang: Lang): [string, string][] {
  const line = verificationLine(result, lang);
  return line ? [[labelsFor(lang).verificationLabel, line]] : [];
}

/**
 * The side-by-side section needs the region's own answer wherever the panel scored: files that
 * hold only the panel's scores (published results) have no self-assessment to compare.
 */
export function comparable(result: ScoreResult): boolean {
  return result.verification.verified > 0 && result.verification.panelOnly === 0;
}

/** The header of a one-file report as label/value pairs; status comes last. */
export function headerFields(input: ScoreReportInput, lang: Lang): [string, string][] {
  const { questionnaire: q, answers, result } = input;
  const L = labelsFor(lang);
  const profile = q.profiles.find((p) => p.id === result.profile);
  const status = [
    answers.status ? (answers.status === "final" ? L.final : L.draft) : undefined,
    result.complete ? L.complete : L.incomplete(result.missing.length),
  ]
    .filter(Boolean)
    .join(", ");
  const fields: [string, string][] = [
    [L.region, regionName(answers.respondent?.region, input.file)],
    ...(answers.respondent?.year !== undefined ? [[L.year, String(answers.respondent.year)] as [string, string]] : []),
    [L.instrument, `${q.id}, ${L.version} ${q.version} (sha256 ${input.sha256.slice(0, 12)}…)`],
    [L.profile, profile ? `${profile.id}: ${localize(profile.title, lang)}` : result.profile],
    ...(input.file ? [[L.file, input.file] as [string, string]] : []),
    ...verificationRow(result, lang),
    [L.status, status],
  ];
  // Region, file, version and titles come from the files: shown escaped, one field, one line.
  return fields.map(([label, value]) => [label, escapeText(value)]);
}

/** Titles of the scored elements and of the pillars in the report's language (ids when untitled). */
export function reportTitles(
  q: Questionnaire,
  result: ScoreResult,
  lang: Lang,
): { elements: string[]; pillars: string[] } {
  return {
    elements: result.elements.map(
      (e) => escapeText(localize(q.elements.find((x) => x.id === e.id)?.title, lang)) || e.id,
    ),
    pillars: result.pillars.map(
      (p) => escapeText(localize(q.pillars?.find((x) => x.id === p.id)?.title, lang)) || p.id,
    ),
  };
}

export function questionCount(result: ScoreResult): number {
  return result.elements.reduce((n, e) => n + e.questions, 0);
}

const DIFFERENCES_SHOWN = 10;
const UNVERIFIED_LISTED = 12;

/** Self-assessed against verified as texts, for the terminal and the Markdown report alike. */
export interface VerificationCells {
  /** Per element (title, self-assessed, verified, difference), then the final score. */
  elements: [string, string, string, string][];
  total: [string, string, string, string];
  /** Verified questions that differ most, largest first (at most DIFFERENCES_SHOWN). */
  differences: { id: string; self: string; verified: string; difference: string; text: string }[];
  /** How many verified questions differ in all. */
  differing: number;
  /** Ids of the unverified questions (at most UNVERIFIED_LISTED, then "… and N more"). */
  unverified: string[];
}

export function verificationCells(input: ScoreReportInput, titles: readonly string[], lang: Lang): VerificationCells {
  const { result, questionnaire: q } = input;
  const L = labelsFor(lang);
  const v = result.verification;
  const triple = (self: Exact, verified: Exact): [string, string, string] => [
    formatScore(self, lang),
    formatScore(verified, lang),
    formatSigned(sub(verified, self), lang),
  ];
  const unverified = v.unverified.slice(0, UNVERIFIED_LISTED);
  if (v.unverified.length > unverified.length) unverified.push(L.andMore(v.unverified.length - unverified.length));
  return {
    elements: result.elements.map((e, i) => [titles[i]!, ...triple(e.selfScore, e.score)]),
    total: [L.finalScore, ...triple(v.selfTotal, result.total)],
    differences: v.differences.slice(0, DIFFERENCES_SHOWN).map((d) => ({
      id: d.id,
      self: formatScore(d.self, lang),
      verified: formatScore(d.verified, lang),
      difference: formatSigned(d.difference, lang),
      text: escapeText(localize(q.elements.flatMap((e) => e.questions).find((x) => x.id === d.id)?.text, lang)),
    })),
    differing: v.differences.length,
    unverified,
  };
}

/**
 * Self-assessed against verified, per element and in total, then the questions where the panel
 * differed most from the region: what the region most needs to learn for next year.
 */
function renderVerification(
  input: ScoreReportInput,
  titles: readonly string[],
  width: number,
  lang: Lang,
  chalk: ChalkInstance,
): string[] {
  const L = labelsFor(lang);
  const cells = verificationCells(input, titles, lang);
  const lines = [
    "",
    chalk.bold(L.verification),
    ...wrapWords(`(${L.verificationNote})`.split(" "), width, "  ").map((l) => chalk.dim(l)),
  ];
  const heads = [L.selfAssessed, L.verified, L.difference];
  const widths = heads.map((h) => Math.max(displayWidth(h), 6));
  const nameWidth = Math.min(
    Math.max(displayWidth(L.element), displayWidth(L.finalScore), ...titles.map(displayWidth)),
    Math.max(12, width - 2 - widths.reduce((a, b) => a + b + 2, 0)),
  );
  const row = ([name, ...values]: readonly string[]) =>
    `  ${padEnd(truncate(name!, nameWidth), nameWidth)}${values.map((c, i) => `  ${padStart(c, widths[i]!)}`).join("")}`;
  lines.push(chalk.bold(row([L.element, ...heads])));
  for (const e of cells.elements) lines.push(row(e));
  lines.push(chalk.bold(row(cells.total)));
  if (cells.differences.length > 0) {
    lines.push("", chalk.bold(L.largestDifferences(cells.differing)));
    const idWidth = Math.max(...cells.differences.map((d) => displayWidth(d.id)));
    for (const d of cells.differences) {
      const head = `  ${padEnd(d.id, idWidth)}  ${d.self} → ${d.verified}  (${d.difference})`;
      lines.push(
        d.text ? `${head}  ${chalk.dim(truncate(d.text, Math.max(10, width - displayWidth(head) - 2)))}` : head,
      );
    }
  }
  if (cells.unverified.length > 0) {
    const head = `  ${L.unverifiedList}: `;
    const wrapped = wrapWords(cells.unverified, width, " ".repeat(displayWidth(head)));
    wrapped[0] = head + wrapped[0]!.trimStart();
    lines.push("", ...wrapped);
  }
  return lines;
}
