import type { TopLevelSpec } from "vega-lite";
import type { Advice } from "../../engine/advise.js";
import type { Comparison, QuestionChange } from "../../engine/compare-results.js";
import type { QuestionResult } from "../../engine/score.js";
import { assessorScoreOf } from "../../model/assessor-score.js";
import type { Answer } from "../../model/answers.js";
import type { Lang } from "../../model/common.js";
import { compare, div, exact, fromNumber, mul, sub, toNumber, type Exact } from "../../model/exact.js";
import type { Question, Questionnaire } from "../../model/questionnaire.js";
import { formatDecimal, formatPercent, formatScore, formatSigned, localize, regionName } from "../../text/format.js";
import { labelsFor } from "../../text/score-labels.js";
import {
  comparable,
  headerFields,
  previousOf,
  questionCount,
  reportTitles,
  type ScoreReportInput,
  verificationCells,
} from "../../text/score-report.js";
import { barChart, pairedBarChart } from "./charts.js";
import { esc, evidenceHtml, figureHtml, tableHtml } from "./html.js";
import { reportMessages } from "./messages.js";
import { maxOf } from "../../model/collections.js";
import { own } from "../../model/own.js";

export interface RegionReportInput extends ScoreReportInput {
  /** Last year's answer file compared with this one (compare's view), when --previous was an answer file. */
  comparison?: Comparison;
  /** Where the next points come from (advise's view). */
  advice: Advice;
}

/** How many of the largest gains the report lists. */
const ADVICE_ROWS = 15;

/** What the page needs drawn, and how to put the drawings in. */
export interface PagePlan {
  title: string;
  charts: TopLevelSpec[];
  /** The body, given the SVGs in the order of `charts`. */
  body: (svgs: readonly string[]) => string;
}

/**
 * The report of one answer file, as the head of office reads it: who and what, the total,
 * the elements (table and charts), this tool's pillar indices, the improvement on last year,
 * the missing answers, and an annex with every question and its answer.
 */
export function planRegionReport(input: RegionReportInput, lang: Lang): PagePlan {
  const { questionnaire: q, answers, result } = input;
  const L = labelsFor(lang);
  const M = reportMessages(lang);
  const region = regionName(answers.respondent?.region, input.file);
  const titles = reportTitles(q, result, lang);
  const scaleMax = fromNumber(q.scale.max);
  const maxContribution = (weight: Exact) => div(mul(weight, scaleMax), exact(100n));

  const charts: TopLevelSpec[] = [
    barChart(
      result.elements.map((e, i) => ({
        label: titles.elements[i]!,
        value: toNumber(e.score),
        text: formatScore(e.score, lang),
      })),
      { axisTitle: L.score, domain: [q.scale.min, q.scale.max] },
    ),
    barChart(
      result.elements.map((e, i) => ({
        label: titles.elements[i]!,
        value: toNumber(e.contribution),
        text: `${formatScore(e.contribution, lang)} / ${formatScore(maxContribution(e.weight), lang)}`,
        max: toNumber(maxContribution(e.weight)),
      })),
      {
        axisTitle: L.contribution,
        domain: [0, Math.max(maxOf(result.elements.map((e) => toNumber(maxContribution(e.weight)))), 0.01)],
      },
    ),
  ];
  const scoredPillars = result.pillars.map((p, i) => ({ p, title: titles.pillars[i]! })).filter((x) => x.p.score);
  const pillarChart = scoredPillars.length > 0 ? charts.length : -1;
  if (pillarChart >= 0) {
    charts.push(
      barChart(
        scoredPillars.map(({ p, title }) => ({
          label: title,
          value: toNumber(p.score!),
          text: formatScore(p.score!, lang),
        })),
        { axisTitle: L.score, domain: [q.scale.min, q.scale.max] },
      ),
    );
  }
  const verifiedChart = comparable(result) ? charts.length : -1;
  if (verifiedChart >= 0) {
    const series: [string, string] = [L.selfAssessed, L.verified];
    charts.push(
      pairedBarChart(
        result.elements.flatMap((e, i) => [
          { label: titles.elements[i]!, series: series[0], value: toNumber(e.selfScore) },
          { label: titles.elements[i]!, series: series[1], value: toNumber(e.score) },
        ]),
        { axisTitle: L.score, scale: q.scale, series },
      ),
    );
  }
  const previous = previousOf(input);
  const comparison = input.comparison;
  const pairChart = comparison ? charts.length : -1;
  if (comparison) {
    const series: [string, string] = [M.previousYear, M.thisYear];
    const title = (id: string) =>
      titles.elements[result.elements.findIndex((e) => e.id === id)] ?? elementTitle(q, id, lang);
    charts.push(
      pairedBarChart(
        comparison.elements.flatMap((e) => [
          ...(e.old ? [{ label: title(e.id), series: series[0], value: toNumber(e.old.score) }] : []),
          ...(e.new ? [{ label: title(e.id), series: series[1], value: toNumber(e.new.score) }] : []),
        ]),
        { axisTitle: L.score, scale: q.scale, series },
      ),
    );
  }

  const body = (svgs: readonly string[]): string => {
    const out: string[] = [];
    out.push(`<header><h1>${esc(M.documentTitle(region))}</h1><p class="subtitle">${esc(localize(q.title, lang))}</p>`);
    out.push(
      `<dl class="header">${headerFields(input, lang)
        .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
        .join("")}</dl></header>`,
    );

    const details: string[] = [];
    if (result.band) details.push(`${esc(L.band)}: <strong>${esc(localize(result.band.label, lang))}</strong>`);
    if (previous) {
      const since = `${L.previous} ${formatScore(previous.total, lang)}${previous.year !== undefined ? `, ${previous.year}` : ""}`;
      details.push(
        `${esc(L.improvement)}: <strong>${esc(formatSigned(sub(result.total, previous.total), lang))}</strong> (${esc(since)})`,
      );
    }
    out.push(
      `<section class="total-box" aria-label="${esc(L.finalScore)}"><div><div class="label">${esc(L.finalScore)}</div><div class="value" id="total">${esc(formatScore(result.total, lang))}</div></div>${details.map((d) => `<div class="detail">${d}</div>`).join("")}</section>`,
    );

    out.push(`<section id="elements"><h2>${esc(M.elements)}</h2>`);
    const rows = result.elements.map((e, i) => [
      titles.elements[i]!,
      formatPercent(e.weight, lang),
      formatScore(e.score, lang),
      formatScore(e.contribution, lang),
      formatScore(maxContribution(e.weight), lang),
      `${e.answered}/${e.questions}`,
    ]);
    rows.push([L.finalScore, "100%", "", formatScore(result.total, lang), formatScore(scaleMax, lang), ""]);
    out.push(
      tableHtml({
        headers: [L.element, L.weight, L.score, L.contribution, M.maxContribution, M.answered],
        rows,
        numeric: (i) => i > 0,
        rowClass: (r) => (r === rows.length - 1 ? "total" : undefined),
      }),
    );
    out.push(figureHtml(M.elementsChart, svgs[0]!), figureHtml(M.contributionChart, svgs[1]!), "</section>");

    if (verifiedChart >= 0) out.push(verificationHtml(input, titles.elements, svgs[verifiedChart]!, lang));

    if (result.pillars.length > 0) {
      out.push(`<section id="pillars"><h2>${esc(L.pillars)}</h2><p class="note">${esc(sentence(L.pillarsNote))}.</p>`);
      if (pillarChart >= 0) out.push(figureHtml(M.pillarsChart, svgs[pillarChart]!));
      const empty = result.pillars.map((p, i) => ({ p, title: titles.pillars[i]! })).filter((x) => !x.p.score);
      if (empty.length)
        out.push(`<p class="note">${esc(empty.map((x) => x.title).join(", "))}: ${esc(L.noPillarQuestions)}.</p>`);
      out.push("</section>");
    }

    if (previous) {
      out.push(`<section id="improvement"><h2>${esc(M.improvementTitle)}</h2>`);
      if (comparison) {
        const differs = comparison.notes.find((n) => n.code === "verification-differs");
        if (differs)
          out.push(
            `<p class="note">${esc(M.verificationDiffers(L.verificationStatus[differs.old], L.verificationStatus[differs.new], differs.elements.map((id) => elementTitle(q, id, lang)).join(", ")))}</p>`,
          );
        out.push(improvementHtml(comparison, input, lang));
        out.push(figureHtml(M.improvementChart, svgs[pairChart]!));
        out.push(questionChangesHtml(comparison, input, lang));
      } else out.push(`<p class="note">${esc(M.noElementComparison)}</p>`);
      out.push("</section>");
    }

    out.push(adviceHtml(input, lang));
    out.push(`<section id="missing"><h2>${esc(L.missing)}</h2>`);
    if (result.missing.length === 0) out.push(`<p>${esc(M.missingNone)}</p>`);
    else {
      out.push(
        `<p class="note">${esc(L.missingNote(result.missing.length, questionCount(result)))}.</p><ul class="missing">`,
      );
      result.elements.forEach((e, i) => {
        if (e.missing.length === 0) return;
        const texts = e.missing.map((id) => {
          const question = findQuestion(q, id);
          return `<li><code>${esc(id)}</code> ${esc(localize(question?.text, lang))}</li>`;
        });
        out.push(`<li><strong>${esc(titles.elements[i]!)}</strong><ul class="plain">${texts.join("")}</ul></li>`);
      });
      out.push("</ul>");
    }
    out.push("</section>");
    out.push(annexHtml(input, titles.elements, lang));
    return out.join("\n");
  };
  return { title: M.documentTitle(region), charts, body };
}

/** A label used as a sentence starts with a capital. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function elementTitle(q: Questionnaire, id: string, lang: Lang): string {
  return localize(q.elements.find((e) => e.id === id)?.title, lang) || id;
}

/** Each element last year and this year, and its share of the total's change (they add up to it). */
function improvementHtml(comparison: Comparison, input: RegionReportInput, lang: Lang): string {
  const L = labelsFor(lang);
  const M = reportMessages(lang);
  const q = input.questionnaire;
  const r = comparison.reconciliation;
  const rows = comparison.elements.map((e) => [
    elementTitle(q, e.id, lang),
    e.old ? formatScore(e.old.score, lang) : "-",
    e.new ? formatScore(e.new.score, lang) : "-",
    e.scoreChange ? formatSigned(e.scoreChange, lang) : "-",
    formatSigned(e.contributionChange, lang),
  ]);
  rows.push([
    L.finalScore,
    formatScore(comparison.total.old, lang),
    formatScore(comparison.total.new, lang),
    formatSigned(comparison.total.change, lang),
    formatSigned(comparison.contributionSum, lang),
  ]);
  const parts = [
    [M.changeAnswers, r.answers],
    [M.changeAdded, r.added],
    [M.changeRemoved, r.removed],
    [M.changeReweighting, r.reweighting],
  ] as const;
  return [
    `<h3>${esc(M.improvementElements)}</h3>`,
    tableHtml({
      headers: [L.element, M.previousYear, M.thisYear, L.change, M.contributionChange],
      rows,
      numeric: (i) => i > 0,
      rowClass: (i) => (i === rows.length - 1 ? "total" : undefined),
    }),
    `<p class="note">${esc(M.reconciliation(parts.map(([label, value]) => `${label} ${formatSigned(value, lang)}`).join(", "), formatSigned(r.total, lang)))}</p>`,
  ].join("\n");
}

/** The answers that changed, and the questions added or removed, by their effect on the total. */
function questionChangesHtml(comparison: Comparison, input: RegionReportInput, lang: Lang): string {
  const M = reportMessages(lang);
  const L = labelsFor(lang);
  if (comparison.questions.length === 0) return `<p>${esc(M.noQuestionChanges)}</p>`;
  const ordered = comparison.questions
    .map((c, i) => ({ c, i }))
    .sort((a, b) => compare(b.c.effect, a.c.effect) || a.i - b.i)
    .map((x) => x.c);
  const side = (s: QuestionChange["old"]) => (s ? (s.score ? formatScore(s.score, lang) : M.unanswered) : "-");
  return [
    `<h3>${esc(M.questionChanges(comparison.questions.length, comparison.unchanged))}</h3>`,
    tableHtml({
      headers: [M.question, M.previousYear, M.thisYear, L.change, M.effect],
      rows: ordered.map((c) => [
        `${c.id}: ${localize(findQuestion(input.questionnaire, c.id)?.text, lang)}${c.status === "changed" ? "" : ` (${c.status === "added" ? M.added : M.removed})`}`,
        side(c.old),
        side(c.new),
        c.scoreChange ? formatSigned(c.scoreChange, lang) : "-",
        formatSigned(c.effect, lang, 3),
      ]),
      numeric: (i) => i > 0,
      className: "changes",
    }),
  ].join("\n");
}

/**
 * Self-assessed against verified per element and in total, then the questions where the panel
 * differed most from the region, with the assessors' notes: what to learn for next year.
 */
function verificationHtml(input: RegionReportInput, elementTitles: readonly string[], svg: string, lang: Lang): string {
  const L = labelsFor(lang);
  const M = reportMessages(lang);
  const { result, answers } = input;
  const cells = verificationCells(input, elementTitles, lang);
  const rows = cells.elements.map((row, i) => [
    ...row,
    `${result.elements[i]!.verified}/${result.elements[i]!.answered}`,
  ]);
  rows.push([...cells.total, `${result.verification.verified}/${result.questions.filter((x) => x.score).length}`]);
  const out = [
    `<section id="verification"><h2>${esc(L.verification)}</h2><p class="note">${esc(sentence(L.verificationNote))}.</p>`,
    tableHtml({
      headers: [L.element, L.selfAssessed, L.verified, L.difference, M.verifiedAnswered],
      rows,
      numeric: (i) => i > 0,
      rowClass: (r) => (r === rows.length - 1 ? "total" : undefined),
    }),
    figureHtml(M.verificationChart, svg),
  ];
  if (cells.differences.length > 0) {
    const notes = (id: string) => {
      const answer = own(answers.answers, id);
      const entries = typeof answer === "object" && answer !== null ? (answer.assessors ?? []) : [];
      return entries.flatMap((a) => (typeof a === "object" && a.note ? [`${a.name}: ${a.note}`] : [])).join("; ");
    };
    const byId = new Map(result.verification.differences.map((d) => [d.id, d]));
    out.push(
      `<h3>${esc(M.toLearn)}</h3><p class="note">${esc(M.toLearnNote(cells.differences.length, cells.differing))}</p>`,
      tableHtml({
        headers: [M.question, L.element, L.selfAssessed, L.verified, L.difference, M.assessorNotes],
        rows: cells.differences.map((d) => [
          `${d.id}: ${d.text}`,
          elementTitle(input.questionnaire, byId.get(d.id)!.element, lang),
          d.self,
          d.verified,
          d.difference,
          notes(d.id),
        ]),
        numeric: (i) => i >= 2 && i <= 4,
        className: "changes",
      }),
    );
  }
  if (cells.unverified.length > 0)
    out.push(`<p class="note">${esc(L.unverifiedList)}: ${esc(cells.unverified.join(", "))}</p>`);
  out.push("</section>");
  return out.join("\n");
}

/** The largest gains in the total from one more level of an answer (advise's view). */
function adviceHtml(input: RegionReportInput, lang: Lang): string {
  const M = reportMessages(lang);
  const L = labelsFor(lang);
  const { advice, questionnaire: q } = input;
  const out = [`<section id="next-points"><h2>${esc(M.nextPoints)}</h2>`];
  if (advice.questions.length === 0) out.push(`<p>${esc(M.allAtTop)}</p>`);
  else {
    out.push(
      `<p class="note">${esc(M.nextPointsNote(Math.min(ADVICE_ROWS, advice.questions.length), advice.questions.length, formatScore(advice.highest, lang)))}</p>`,
    );
    out.push(
      tableHtml({
        headers: ["#", M.question, L.element, M.current, M.nextStep, M.gain],
        rows: advice.questions.slice(0, ADVICE_ROWS).map((a, i) => {
          const question = findQuestion(q, a.id);
          const step = a.steps[0];
          const descriptor =
            step && question && "levels" in question ? localize(question.levels?.[String(step.level)], lang) : "";
          const target = step
            ? a.kind === "survey"
              ? M.surveyStep(formatScore(step.to, lang))
              : M.level(String(step.level))
            : "";
          return [
            String(i + 1),
            `${a.id}: ${localize(question?.text, lang)}`,
            elementTitle(q, a.element, lang),
            a.current ? formatScore(a.current, lang) : M.unanswered,
            descriptor ? `${target}: ${descriptor}` : target,
            formatSigned(a.gain, lang, 3),
          ];
        }),
        numeric: (i) => i === 0 || i === 3 || i === 5,
        className: "advice",
      }),
    );
  }
  out.push("</section>");
  return out.join("\n");
}

function findQuestion(q: Questionnaire, id: string): Question | undefined {
  for (const element of q.elements) {
    const found = element.questions.find((x) => x.id === id);
    if (found) return found;
  }
  return undefined;
}

/** Every scored question with its answer, score, level descriptor, evidence and note. */
function annexHtml(input: RegionReportInput, elementTitles: readonly string[], lang: Lang): string {
  const { questionnaire: q, answers, result } = input;
  const L = labelsFor(lang);
  const M = reportMessages(lang);
  const byId = new Map(result.questions.map((r) => [r.id, r]));
  // Once the panel has scored, an answer whose self-assessed score still counts says so.
  const flagged = (scored: QuestionResult | undefined) =>
    result.verification.verified > 0 && scored?.score != null && scored.verified === null;
  const out: string[] = [`<section class="annex" id="annex"><h2>${esc(M.annex)}</h2>`];
  result.elements.forEach((e, i) => {
    const element = q.elements.find((x) => x.id === e.id);
    if (!element) return;
    out.push(`<h3>${esc(elementTitles[i]!)}</h3>`);
    out.push(
      `<table><thead><tr><th scope="col">#</th><th scope="col">${esc(M.question)}</th><th scope="col">${esc(M.answer)}</th><th scope="col" class="num">${esc(L.score)}</th><th scope="col">${esc(M.descriptor)}</th><th scope="col">${esc(M.evidence)} / ${esc(M.note)}</th></tr></thead><tbody>`,
    );
    for (const question of element.questions) {
      const scored = byId.get(question.id);
      const answer = own(answers.answers, question.id);
      const score = scored?.score ?? null;
      const level = score && score.d === 1n ? String(score.n) : undefined;
      const descriptor = level !== undefined && "levels" in question ? localize(question.levels?.[level], lang) : "";
      const extra = typeof answer === "object" && answer !== null ? answer : undefined;
      const evidence = extra?.evidence?.length
        ? `<ul class="evidence">${extra.evidence.map((x) => `<li>${evidenceHtml(x)}</li>`).join("")}</ul>`
        : "";
      const note = extra?.note ? `<p><em>${esc(M.note)}:</em> ${esc(extra.note)}</p>` : "";
      out.push(
        `<tr><td><code>${esc(question.id)}</code></td><td>${esc(localize(question.text, lang))}</td><td>${esc(describeAnswer(question, answer, scored, lang) + (flagged(scored) ? ` (${L.verificationStatus.unverified})` : ""))}</td><td class="num">${score ? esc(formatScore(score, lang)) : "-"}</td><td>${esc(descriptor)}</td><td>${evidence}${note}</td></tr>`,
      );
    }
    out.push("</tbody></table>");
  });
  out.push("</section>");
  return out.join("\n");
}

function describeAnswer(
  question: Question,
  answer: Answer | undefined,
  scored: { score: Exact | null; respondents?: number; value?: number } | undefined,
  lang: Lang,
): string {
  const M = reportMessages(lang);
  const score = scored?.score;
  if (answer === undefined || answer === null || !score) return M.unanswered;
  const shown = formatScore(score, lang);
  if (typeof answer === "number") return M.level(formatDecimal(answer, lang));
  // A verified answer's score is the panel's: describe that, not the region's own level.
  if (answer.assessors) {
    const panel = M.assessorsAnswer(
      answer.assessors.map((v) => formatDecimal(assessorScoreOf(v), lang)).join(", "),
      shown,
    );
    return answer.score !== undefined ? `${M.selfLevel(formatDecimal(answer.score, lang))}; ${panel}` : panel;
  }
  if (answer.score !== undefined) return M.level(formatDecimal(answer.score, lang));
  if (answer.survey) return M.surveyAnswer(shown, scored.respondents ?? 0);
  if (answer.value !== undefined) {
    const unit = "unit" in question ? localize(question.unit, lang) : "";
    return M.valueAnswer(`${formatDecimal(answer.value, lang)}${unit ? ` ${unit}` : ""}`, shown);
  }
  return shown;
}
