import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { previousFields } from "../../text/score-report.js";
import * as z from "zod/mini";
import type { CommandIO } from "../../command-io.js";
import { regionKey } from "../../engine/compare.js";
import { rankResults } from "../../engine/rank.js";
import { adviseAnswers } from "../../engine/advise.js";
import { compareResults } from "../../engine/compare-results.js";
import type { ResultSummary } from "../../engine/summary.js";
import { ExitCode, KuesionerError, type Diagnostic } from "../../errors.js";
import type { EvaluatedAnswers } from "../../io/evaluate-answers.js";
import { expandInputs } from "../../io/expand-inputs.js";
import { QuestionnaireCache } from "../../io/load-answers.js";
import { QuestionnaireStore } from "../../io/questionnaire-store.js";
import { type GivenPrevious, loadGivenPrevious } from "../../io/load-previous.js";
import { checkOutputFile, writeOutputFile } from "../../io/output-file.js";
import { evaluateInput, isScored, isSkipped, previousFor, summarizeScored } from "../../io/score-inputs.js";
import type { Lang, Text } from "../../model/common.js";
import { reportChoices } from "./options.js";
import { didYouMean } from "../../model/did-you-mean.js";
import type { Scale } from "../../model/questionnaire.js";
import { displayPath, formatDiagnostics, sortDiagnostics } from "../../text/diagnostics.js";
import { localizeDiagnostic } from "../../text/diagnostic-messages.js";
import { optionUsageError } from "../../command-options.js";
import { escapeText } from "../../text/escape.js";
import { localize, regionName } from "../../text/format.js";
import { elementColumns } from "../../text/ranking-cells.js";
import { renderCharts } from "./charts.js";
import { pageHtml } from "./html.js";
import { reportMessages } from "./messages.js";
import { findBrowser, printToPdf } from "./pdf.js";
import { planRankingReport } from "./ranking-page.js";
import { skippedNote } from "../../text/input-notes.js";
import { planRegionReport, type PagePlan } from "./region-page.js";

export const reportOptionsSchema = z.object({
  inputs: z.array(z.string().check(z.minLength(1, "option.input-empty"))).check(z.minLength(1, "option.inputs-none")),
  out: z.string({ error: "option.report-out" }).check(
    z.minLength(1, "option.file-name"),
    z.refine((out) => !/\.pdf$/i.test(out), "option.report-pdf"),
  ),
  lang: z._default(z.enum(reportChoices.lang.choices), reportChoices.lang.default),
  profile: z.optional(z.string().check(z.minLength(1, "option.profile-id"))),
  previous: z.optional(z.array(z.string().check(z.minLength(1, "option.file-name")))),
  highlight: z.optional(z.string().check(z.trim(), z.minLength(1, "option.region"))),
  pdf: z._default(z.boolean(), false),
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z._default(z.boolean(), true),
});
export type ReportOptions = z.infer<typeof reportOptionsSchema>;

interface Context {
  options: ReportOptions;
  io: CommandIO;
  cache: QuestionnaireCache;
  named: ReadonlySet<string>;
  display: (file: string) => string;
  report: (diagnostics: readonly Diagnostic[]) => void;
  note: (text: string) => void;
  previous?: GivenPrevious;
}

/**
 * `kuesioner report`: one answer file gives the region's report, several (or a folder, or a
 * pattern) the ranking report; both one self-contained HTML file, optionally printed to PDF.
 * Files that cannot be scored are reported on standard error and listed in a ranking report,
 * and make the exit code 1, as with `score`.
 */
export async function runReport(options: ReportOptions, io: CommandIO): Promise<ExitCode> {
  const outFile = await checkOutputFile(options.out, io.cwd);
  // The browser prints the HTML from its file and the PDF goes beside it: `--out /dev/stdout
  // --pdf` would have had it read standard output and write into /dev.
  if (options.pdf && (await stat(outFile).catch(() => undefined))?.isFile() === false)
    throw optionUsageError("option.report-pdf-file", "--out");
  const M = reportMessages(options.lang);
  const display = displayPath(io.cwd);
  const ctx: Context = {
    options,
    io,
    cache: new QuestionnaireCache(QuestionnaireStore.forRun(io.env, options)),
    named: new Set(),
    display,
    report: (diagnostics) => {
      if (diagnostics.length)
        io.stderr.write(
          formatDiagnostics(
            sortDiagnostics(diagnostics.map((d) => ({ ...d, file: display(d.file) }))),
            io.color,
            options.lang,
          ),
        );
    },
    // Notes quote file names and regions: shown escaped, one line each.
    note: (text) => io.stderr.write(`kuesioner: ${escapeText(text)}\n`),
  };
  if (options.previous) {
    const given = await loadGivenPrevious(options.previous, io.cwd, ctx.cache);
    ctx.report(given.diagnostics);
    if (given.scores.length === 0)
      throw new KuesionerError(M.previousNothing(options.previous.join(" ")), ExitCode.Failed, M.previousNothingHint);
    ctx.previous = given;
  }
  const expanded = await expandInputs(options.inputs, io.cwd);
  ctx.report(expanded.diagnostics);
  ctx.named = expanded.named;

  let plan: PagePlan;
  let code: ExitCode = ExitCode.Ok;
  if (expanded.single && expanded.files.length === 1) {
    if (options.highlight) ctx.note(M.highlightSingle);
    const one = await regionPlan(expanded.files.get(0)!, ctx);
    if (!one) return ExitCode.Failed;
    plan = one;
  } else {
    const many = await rankingPlan([...expanded.files], expanded.diagnostics, ctx);
    if (!many) return ExitCode.Failed;
    ({ plan, code } = many);
  }

  const svgs = await renderCharts(plan.charts, options.lang);
  const html = pageHtml({ lang: options.lang, title: plan.title, body: plan.body(svgs), footer: M.generatedBy });
  await writeOutputFile(options.out, outFile, html);
  ctx.note(M.wrote(options.out, `${Math.ceil(Buffer.byteLength(html) / 1024)} KB`));
  if (options.pdf) {
    const pdfCode = await printPdf(outFile, ctx);
    if (pdfCode !== ExitCode.Ok) code = pdfCode;
  }
  return code;
}

/** Scores an input, printing its diagnostics (or why it was skipped). */
async function evaluate(file: string, ctx: Context): Promise<EvaluatedAnswers | undefined> {
  const outcome = await evaluateInput(file, {
    cwd: ctx.io.cwd,
    cache: ctx.cache,
    named: ctx.named,
    display: ctx.display,
    ...(ctx.options.profile ? { profile: ctx.options.profile } : {}),
  });
  if (isSkipped(outcome)) {
    ctx.io.stderr.write(skippedNote(file, outcome.skipped, ctx.options.lang));
    return undefined;
  }
  ctx.report(outcome.diagnostics);
  return outcome;
}

function previousOf(evaluated: EvaluatedAnswers, region: string, ctx: Context, single: boolean) {
  const { previous, source } = previousFor(evaluated, region, ctx.previous?.scores, single);
  if (source.from === "given" && source.otherRegion !== undefined)
    ctx.note(reportMessages(ctx.options.lang).previousOtherRegion(source.otherRegion, region));
  return previous;
}

async function regionPlan(file: string, ctx: Context): Promise<PagePlan | undefined> {
  const evaluated = await evaluate(file, ctx);
  if (!evaluated || !isScored(evaluated)) return undefined;
  const { result, answers, questionnaire } = evaluated;
  const region = regionName(answers.respondent?.region, file);
  const previous = previousOf(evaluated, region, ctx, true);
  // Compared question by question only with the --previous answer file this report is for.
  const before = previous && ctx.previous?.answerFiles.get(previous);
  const comparison = before
    ? compareResults(
        {
          questionnaire: before.questionnaire.questionnaire,
          result: before.result,
          ...(previous?.region !== undefined ? { region: previous.region } : {}),
          ...(previous?.year !== undefined ? { year: previous.year } : {}),
        },
        { questionnaire: questionnaire.questionnaire, result, region },
      )
    : undefined;
  return planRegionReport(
    {
      file: ctx.display(resolve(ctx.io.cwd, file)),
      questionnaire: questionnaire.questionnaire,
      sha256: questionnaire.sha256,
      answers,
      result,
      ...previousFields(previous),
      advice: adviseAnswers(questionnaire.questionnaire, result),
      ...(comparison ? { comparison } : {}),
    },
    ctx.options.lang,
  );
}

async function rankingPlan(
  files: readonly string[],
  inputDiagnostics: readonly Diagnostic[],
  ctx: Context,
): Promise<{ plan: PagePlan; code: ExitCode } | undefined> {
  const { options } = ctx;
  const M = reportMessages(options.lang);
  const summaries: ResultSummary[] = [];
  const failed: { file: string; message?: string }[] = inputDiagnostics.map((d) => ({
    file: d.file,
    message: localizeDiagnostic(d, options.lang).message,
  }));
  const elementTitles = new Map<string, Text>();
  const questionnaires = new Map<string, string>();
  let scale: Scale | undefined;
  for (const file of files) {
    const evaluated = await evaluate(file, ctx);
    if (!evaluated) continue;
    if (!isScored(evaluated)) {
      const first = sortDiagnostics(evaluated.diagnostics).find((d) => d.severity === "error");
      failed.push({ file, ...(first ? { message: localizeDiagnostic(first, options.lang).message } : {}) });
      continue;
    }
    const q = evaluated.questionnaire.questionnaire;
    for (const e of q.elements) if (!elementTitles.has(e.id)) elementTitles.set(e.id, e.title);
    if (!questionnaires.has(q.id)) questionnaires.set(q.id, localize(q.title, options.lang));
    scale = scale
      ? { min: Math.min(scale.min, q.scale.min), max: Math.max(scale.max, q.scale.max) }
      : { min: q.scale.min, max: q.scale.max };
    const region = regionName(evaluated.answers.respondent?.region, file);
    const previous = previousOf(evaluated, region, ctx, false);
    summaries.push(summarizeScored(file, region, evaluated, previous));
  }
  if (summaries.length === 0) {
    ctx.note(M.nothingScored);
    return undefined;
  }
  if (options.highlight) checkHighlight(options.highlight, summaries, options.lang);
  const ranked = rankResults(summaries);
  const plan = planRankingReport(
    {
      ranked,
      columns: elementColumns(
        ranked.map((r) => r.item),
        elementTitles,
      ),
      failed,
      scale: scale!,
      questionnaires,
      ...(options.highlight ? { highlight: options.highlight } : {}),
    },
    options.lang,
  );
  if (failed.length > 0) ctx.note(M.failedFiles(failed.length));
  return { plan, code: failed.length > 0 ? ExitCode.Failed : ExitCode.Ok };
}

/** A --highlight that matches no region is a mistake worth stopping for (a typo would go unseen). */
function checkHighlight(highlight: string, summaries: readonly ResultSummary[], lang: Lang): void {
  const key = regionKey(highlight);
  if (summaries.some((s) => regionKey(s.region) === key)) return;
  const M = reportMessages(lang);
  const near = didYouMean(
    highlight,
    summaries.map((s) => s.region),
  );
  throw new KuesionerError(M.highlightUnknown(highlight), ExitCode.Failed, near ? M.highlightHint(near) : undefined);
}

async function printPdf(html: string, ctx: Context): Promise<ExitCode> {
  const M = reportMessages(ctx.options.lang);
  const out = ctx.options.out;
  const pdfOut = /\.html?$/i.test(out) ? out.replace(/\.html?$/i, ".pdf") : `${out}.pdf`;
  const browser = await findBrowser(ctx.io.env);
  if (!browser) {
    ctx.note(M.noBrowser(out));
    return ExitCode.Failed;
  }
  const printed = await printToPdf(browser, html, resolve(ctx.io.cwd, pdfOut));
  if (!printed.ok) {
    ctx.note(M.pdfFailed(printed.reason, out));
    return ExitCode.Failed;
  }
  ctx.note(M.wrotePdf(pdfOut));
  return ExitCode.Ok;
}
