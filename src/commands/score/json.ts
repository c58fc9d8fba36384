import { toFixed, toFraction, toNumber, type Exact } from "../../model/exact.js";
import type { Ranked } from "../../engine/rank.js";
import type { QuestionResult } from "../../engine/score.js";
import type { ResultSummary } from "../../engine/summary.js";
import type { Diagnostic } from "../../errors.js";
import { diagnosticJson } from "../../text/diagnostics.js";
import { stringifyJson } from "../../text/escape.js";

/**
 * JSON for other tools. Numbers are plain JSON numbers (exact decimals come out as written);
 * each score also has its exact value as a fraction string ("601/240") and the total its
 * official two-decimal display. Keys are written in a fixed order and no timestamp or
 * absolute path is added, so the same inputs give the same bytes. Language-independent.
 */
export function renderResultJson(summary: ResultSummary, questions: readonly QuestionResult[]): string {
  return stringify({ ...resultJson(summary), questions: questions.map(questionJson) });
}

export interface FailedFile {
  file: string;
  diagnostics: Diagnostic[];
}

export function renderBatchJson(ranked: readonly Ranked<ResultSummary>[], failed: readonly FailedFile[]): string {
  return stringify({ results: ranked.map(rankedJson), failed: failedJson(failed) });
}

/**
 * renderBatchJson's bytes, written a part of the ranking at a time so that a batch of any size
 * is never one string: each result is indented as it would be inside the whole.
 */
export function* renderBatchJsonParts(
  parts: Iterable<readonly Ranked<ResultSummary>[]>,
  failed: readonly FailedFile[],
): Generator<string> {
  let first = true;
  for (const part of parts) {
    let text = "";
    for (const r of part) {
      text += `${first ? '{\n  "results": [\n    ' : ",\n    "}${stringifyJson(rankedJson(r)).replaceAll("\n", "\n    ")}`;
      first = false;
    }
    if (text) yield text;
  }
  const failedText = stringifyJson(failedJson(failed)).replaceAll("\n", "\n  ");
  yield `${first ? '{\n  "results": []' : "\n  ]"},\n  "failed": ${failedText}\n}\n`;
}

function rankedJson(r: Ranked<ResultSummary>) {
  return { rank: r.rank, ...(r.group !== undefined ? { group: r.group } : {}), ...resultJson(r.item) };
}

// Every input is read as an answer file; a diagnostic in another file is in the questionnaire it names.
function failedJson(failed: readonly FailedFile[]) {
  return failed.map((f) => ({
    file: f.file,
    diagnostics: f.diagnostics.map((d) => diagnosticJson(d, d.file === f.file ? "answers" : "questionnaire")),
  }));
}

function stringify(value: unknown): string {
  return `${stringifyJson(value)}\n`;
}

const num = (value: Exact) => toNumber(value);
const optional = (value: Exact | null | undefined) => (value ? toNumber(value) : null);
const optionalExact = (value: Exact | null | undefined) => (value ? toFraction(value) : null);

function resultJson(s: ResultSummary) {
  return {
    file: s.file,
    region: s.region,
    year: s.year ?? null,
    status: s.status ?? null,
    questionnaire: { id: s.questionnaire.id, version: s.questionnaire.version, sha256: s.questionnaire.sha256 },
    profile: s.profile,
    total: num(s.total),
    totalExact: toFraction(s.total),
    totalRounded: toFixed(s.total, 2),
    band: s.band ? { min: s.band.min, label: s.band.label } : null,
    complete: s.complete,
    missing: s.missing,
    elements: s.elements.map((e) => ({
      id: e.id,
      weight: num(e.weight),
      score: num(e.score),
      scoreExact: toFraction(e.score),
      contribution: num(e.contribution),
      answered: e.answered,
      questions: e.questions,
      selfScore: num(e.selfScore),
      selfScoreExact: toFraction(e.selfScore),
      verified: e.verified,
    })),
    pillars: s.pillars.map((p) => ({ id: p.id, score: optional(p.score), scoreExact: optionalExact(p.score) })),
    previous: s.previous
      ? { total: num(s.previous.total), year: s.previous.year ?? null, region: s.previous.region ?? null }
      : null,
    improvement: optional(s.improvement),
    improvementExact: optionalExact(s.improvement),
    selfTotal: num(s.selfTotal),
    selfTotalExact: toFraction(s.selfTotal),
    verified: s.verified,
    unverified: s.unverified,
  };
}

function questionJson(q: QuestionResult) {
  return {
    id: q.id,
    element: q.element,
    pillar: q.pillar ?? null,
    score: optional(q.score),
    scoreExact: optionalExact(q.score),
    source: q.source ?? null,
    ...(q.respondents !== undefined ? { respondents: q.respondents } : {}),
    ...(q.value !== undefined ? { value: q.value } : {}),
    self: optional(q.self),
    selfExact: optionalExact(q.self),
    verified: optional(q.verified),
    verifiedExact: optionalExact(q.verified),
    assessors: q.assessors,
  };
}
