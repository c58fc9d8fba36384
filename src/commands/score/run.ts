import { QuestionnaireStore } from "../../io/questionnaire-store.js";
import * as z from "zod/mini";
import { inChunks, outputColumns, writeOut, type CommandIO } from "../../command-io.js";
import type { PreviousScore } from "../../engine/compare.js";
import { compare, fromNumber, type Exact } from "../../model/exact.js";
import type { Ranked } from "../../engine/rank.js";
import type { ResultSummary } from "../../engine/summary.js";
import { ExitCode, KuesionerError, UsageError, type Diagnostic } from "../../errors.js";
import { didYouMean } from "../../model/did-you-mean.js";
import type { EvaluatedAnswers } from "../../io/evaluate-answers.js";
import { expandInputs } from "../../io/expand-inputs.js";
import { leftOutNotes } from "../../text/input-notes.js";
import { checkOutputFile, writeOutputFile } from "../../io/output-file.js";
import { QuestionnaireCache } from "../../io/load-answers.js";
import { Spill } from "../../io/spill.js";
import { evaluateInput, isScored, previousFor, summarizeScored, type SkippedInput } from "../../io/score-inputs.js";
import { ownColumns, toBatchItem } from "./batch-item.js";
import { BatchKeys } from "./batch-keys.js";
import { FullCollections } from "./collections.js";
import { evaluateInOrder, workerCount, type WorkerSetup } from "./parallel.js";
import { Progress } from "./progress.js";
import { displayDiagnostic, displayPath, formatDiagnostics, sortDiagnostics } from "../../text/diagnostics.js";
import { elementColumns, questionnaireColumns, rankingFacts, type ElementColumn } from "../../text/ranking-cells.js";
import { renderScoreCsv, scoreCsvHeader, scoreCsvRowStart, scoreCsvRows } from "./csv.js";
import { formatScore, regionName } from "../../text/format.js";
import { renderBatchJsonParts, renderResultJson, type FailedFile } from "./json.js";
import { rankingMarkdownText, renderScoreMarkdown } from "./markdown.js";
import { xlsxMessages } from "./messages.js";
import { rankingLines } from "./ranking.js";
import { checkWorkbookFiles, renderScoreXlsx, WorkbookData } from "./xlsx.js";
import { previousFields, renderScoreReport, type ScoreReportInput } from "../../text/score-report.js";
import type { GroupKind } from "../../text/score-labels.js";
import type { Text } from "../../model/common.js";
import { scoreChoices } from "./options.js";
import { escapeText } from "../../text/escape.js";
import { scoreMessages } from "./messages.js";
import { skippedText } from "../../text/input-notes.js";
import { ScoreWarnings } from "./warnings.js";
import type { StringList } from "../../model/string-list.js";

export const scoreOptionsSchema = z.object({
  inputs: z.array(z.string().check(z.minLength(1, "option.input-empty"))).check(z.minLength(1, "option.inputs-none")),
  format: z._default(z.enum(scoreChoices.format.choices), scoreChoices.format.default),
  out: z.optional(z.string().check(z.minLength(1, "option.file-name"))),
  lang: z._default(z.enum(scoreChoices.lang.choices), scoreChoices.lang.default),
  profile: z.optional(z.string().check(z.minLength(1, "option.profile-id"))),
  /** Last year's results: files, folders or patterns, the option given once or more. */
  previous: z.optional(z.array(z.string().check(z.minLength(1, "option.file-name")))),
  groupBy: z.optional(z.enum(scoreChoices.groupBy.choices)),
  failUnder: z.optional(
    z.pipe(
      z.union([z.number().check(z.nonnegative()), z.string().check(z.regex(/^\d+(?:[.,]\d+)?$/, "option.score"))]),
      z.transform((v): Exact => fromNumber(Number(String(v).replace(",", ".")))),
    ),
  ),
  requireComplete: z._default(z.boolean(), false),
  /** Every warning in full; by default a file's warnings are one line. */
  verbose: z._default(z.boolean(), false),
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z._default(z.boolean(), true),
});
export type ScoreOptions = z.infer<typeof scoreOptionsSchema>;

/**
 * `kuesioner score`: one answer file gives the full report; several (or a folder, or a
 * pattern) give a ranking. A bad file never stops a batch: its diagnostics go to standard
 * error as they are found, and the exit code is 1 at the end.
 */
export async function runScore(options: ScoreOptions, io: CommandIO): Promise<ExitCode> {
  // A workbook is binary: never to a terminal or a pipe by accident.
  if (options.format === "xlsx" && !options.out) throw new UsageError(xlsxMessages(options.lang).xlsxNeedsOut);
  const t = scoreMessages[options.lang];
  const outFile = options.out ? await checkOutputFile(options.out, io.cwd) : undefined;
  const display = displayPath(io.cwd);
  const format = (diagnostics: readonly Diagnostic[]) =>
    formatDiagnostics(sortDiagnostics(diagnostics.map(displayDiagnostic(display))), io.color, options.lang);
  const report = (diagnostics: readonly Diagnostic[]) => {
    if (diagnostics.length) io.stderr.write(format(diagnostics));
  };
  const cache = new QuestionnaireCache(QuestionnaireStore.forRun(io.env, options));
  let previous: PreviousScore[] | undefined;
  if (options.previous) {
    // Loaded when asked for: its schema of saved results is zod's, which a plain run does not load.
    const { loadGivenPrevious } = await import("../../io/load-previous.js");
    const given = await loadGivenPrevious(options.previous, io.cwd, cache);
    report(given.diagnostics);
    previous = given.scores;
    if (previous.length === 0)
      throw new KuesionerError(t.previousNothing(options.previous.join(" ")), ExitCode.Failed, t.previousNothingHint);
  }
  const expanded = await expandInputs(options.inputs, io.cwd);
  // Said before any file is read: the questions sheet has a column for each file.
  if (options.format === "xlsx") checkWorkbookFiles(expanded.files.length, options.lang);
  report(expanded.diagnostics);
  io.stderr.write(leftOutNotes(expanded, options.lang));
  const warnings = new ScoreWarnings(options.lang, options.verbose, format);
  const ctx: Context = { options, io, cache, previous, warnings, display, outFile, named: expanded.named };
  const failedInputs = expanded.diagnostics.map((d) => ({
    file: d.file,
    diagnostics: [displayDiagnostic(display)(d)],
  }));
  if (!expanded.single) return scoreMany(expanded.files, failedInputs, ctx);
  return expanded.files.length === 1 ? scoreOne(expanded.files.get(0)!, ctx) : ExitCode.Failed;
}

interface Context {
  options: ScoreOptions;
  io: CommandIO;
  cache: QuestionnaireCache;
  previous: PreviousScore[] | undefined;
  /** Everything said on standard error about the inputs, held and written in order (warnings.ts). */
  warnings: ScoreWarnings;
  display: (file: string) => string;
  outFile: string | undefined;
  named: ReadonlySet<string>;
}

/** Scores one input; prints its diagnostics (or why it was skipped) at once. */
async function evaluate(file: string, ctx: Context): Promise<EvaluatedAnswers | "skipped"> {
  return present(await evaluateHere(file, ctx), file, ctx);
}

/** `questions`: false when only the summary is kept (a batch without the workbook's questions sheet). */
function evaluateHere(file: string, ctx: Context, questions = true): Promise<EvaluatedAnswers | SkippedInput> {
  return evaluateInput(file, {
    cwd: ctx.io.cwd,
    cache: ctx.cache,
    named: ctx.named,
    display: ctx.display,
    ...(ctx.options.profile ? { profile: ctx.options.profile } : {}),
    ...(questions ? {} : { questions: false }),
  });
}

/** Prints an input's diagnostics, or why it was skipped. */
function present<T extends Pick<EvaluatedAnswers, "diagnostics" | "questionnaire">>(
  outcome: T | SkippedInput,
  file: string,
  ctx: Context,
): T | "skipped" {
  if ("skipped" in outcome) {
    ctx.warnings.note(skippedText(file, outcome.skipped, ctx.options.lang));
    return "skipped";
  }
  checkOptionsAgainst(outcome, ctx.options);
  ctx.warnings.file(file, outcome.diagnostics);
  return outcome;
}

/**
 * --profile and --fail-under are checked against the first questionnaire they meet: an id it
 * does not have, or a score above its scale, is one usage error (exit 2), not an error per file.
 */
function checkOptionsAgainst(
  outcome: Pick<EvaluatedAnswers, "diagnostics" | "questionnaire">,
  options: ScoreOptions,
): void {
  const unknown = outcome.diagnostics.find((d) => d.code === "profile.unknown" && d.path.length === 0);
  if (unknown && options.profile !== undefined) {
    const known = (unknown.params?.known ?? []) as readonly string[];
    const guess = didYouMean(options.profile, known);
    throw new UsageError(
      `--profile ${options.profile}: questionnaire "${String(unknown.params?.questionnaire)}" has no such profile`,
      `${guess ? `did you mean "${guess}"? ` : ""}profiles: ${known.join(", ")}`,
    ).coded("option.profile-unknown", {
      profile: options.profile,
      questionnaire: String(unknown.params?.questionnaire),
      guess: guess ?? "",
      known,
    });
  }
  const scale = outcome.questionnaire?.questionnaire.scale;
  if (options.failUnder && scale && compare(options.failUnder, fromNumber(scale.max)) > 0) {
    throw new UsageError(
      `--fail-under ${formatScore(options.failUnder, "en")}: above the scale of questionnaire "${outcome.questionnaire?.questionnaire.id}" (${scale.min}–${scale.max}), so every result would fail`,
      `give a score between ${scale.min} and ${scale.max}`,
    ).coded("option.fail-under-above-scale", {
      limit: formatScore(options.failUnder, "id"),
      questionnaire: outcome.questionnaire?.questionnaire.id ?? "",
      min: scale.min,
      max: scale.max,
    });
  }
}

/** Last year's score for a file, with a warning when --previous did not give exactly this region's. */
function previousOf(evaluated: EvaluatedAnswers, region: string, ctx: Context, single: boolean) {
  const { previous, source } = previousFor(evaluated, region, ctx.previous, single);
  ctx.warnings.previous(source, region);
  return previous;
}

async function scoreOne(file: string, ctx: Context): Promise<ExitCode> {
  const evaluated = await evaluate(file, ctx);
  const flush = () => ctx.warnings.flush((text) => ctx.io.stderr.write(text));
  if (evaluated === "skipped" || !isScored(evaluated)) {
    flush();
    return ExitCode.Failed;
  }
  const { result, answers, questionnaire } = evaluated;
  const { options, io } = ctx;
  const region = regionName(answers.respondent?.region, file);
  const previous = previousOf(evaluated, region, ctx, true);
  flush();
  const summary = summarizeScored(ctx.display(file), region, evaluated, previous);
  const input: ScoreReportInput = {
    file: summary.file,
    questionnaire: questionnaire.questionnaire,
    sha256: questionnaire.sha256,
    answers,
    result,
    ...previousFields(previous),
  };
  const color = io.color && !ctx.outFile;
  const width = ctx.outFile ? undefined : outputColumns(io);
  let text: string | Uint8Array;
  switch (options.format) {
    case "table":
      text = renderScoreReport(input, { lang: options.lang, color, ...(width ? { width } : {}) });
      break;
    case "json":
      text = renderResultJson(summary, result.questions);
      break;
    case "csv":
      text = renderScoreCsv(
        [{ rank: 1, item: summary }],
        questionnaireColumns(new Map(questionnaire.questionnaire.elements.map((e) => [e.id, e.title]))),
        options.lang,
        false,
      );
      break;
    case "markdown":
      text = renderScoreMarkdown(input, options.lang);
      break;
    case "xlsx": {
      const data = new WorkbookData();
      data.collect(summary.file, questionnaire.questionnaire, result);
      text = await renderScoreXlsx(
        [{ rank: 1, item: summary }],
        elementColumns([summary], new Map(questionnaire.questionnaire.elements.map((e) => [e.id, e.title]))),
        data,
        options.lang,
      );
      break;
    }
  }
  await emit(text, ctx);
  return gates([summary], ctx) ? ExitCode.Failed : ExitCode.Ok;
}

/** Ranked results read back from the spill, a part at a time. */
const PART = 256;

async function scoreMany(files: StringList, failed: FailedFile[], ctx: Context): Promise<ExitCode> {
  const { options, io } = ctx;
  const unnamed = failed.length;
  const spill = new Spill<ResultSummary>(undefined, files.length);
  const groupBy = options.groupBy;
  const keys = new BatchKeys(files, groupBy !== undefined, files.length);
  const elementTitles = new Map<string, Text>();
  const groupTitles: Record<GroupKind, Map<string, Text>> = { profile: new Map(), questionnaire: new Map() };
  const years = new Set<number>();
  let skipped = 0;
  // Question scores are kept only for the workbook's questions sheet.
  const workbook = options.format === "xlsx" ? new WorkbookData() : undefined;
  const progress = new Progress(io.stderr, files.length, options.lang);
  const threads = workerCount(files.length, io.env);
  // On one thread only: with workers the peak did not move (100,000 files, two threads: 159.3
  // against 158.7 MiB), and each collection costs CPU.
  const collections = threads === 1 ? new FullCollections() : undefined;
  // A CSV's lines are made as the files are scored, in whichever thread scores them, and wait in
  // a spill of their own: writing the ranking then copies them instead of reading every summary
  // back. They hold their own questionnaire's elements as columns; the batch's columns are known
  // only at the end, and where they differ (two questionnaires) the lines are made again.
  const csv = options.format === "csv" ? options.lang : undefined;
  const rows = csv ? new Spill<string>(undefined, files.length) : undefined;
  const rowColumns = new Set<readonly ElementColumn[]>();
  const setup: WorkerSetup = {
    cwd: io.cwd,
    env: { ...io.env },
    cache: options.cache,
    named: [...ctx.named],
    ...(options.profile ? { profile: options.profile } : {}),
    ...(ctx.previous ? { previous: ctx.previous } : {}),
    keepResult: workbook !== undefined,
    ...(csv ? { csv } : {}),
  };
  const items = evaluateInOrder(
    files,
    setup,
    ctx.cache,
    async (file) =>
      toBatchItem(
        await evaluateHere(file, ctx, workbook !== undefined),
        file,
        ctx.previous,
        workbook !== undefined,
        csv,
      ),
    threads,
    io.env.KUESIONER_WORKERS_ONLY !== "1",
  );
  try {
    let index = 0;
    for await (const item of items) {
      const file = files.get(index++)!;
      const shown = present(item, file, ctx);
      progress.update(index);
      collections?.handled();
      if (shown === "skipped") {
        skipped++;
        continue;
      }
      if (!shown.scored || !shown.questionnaire) {
        // As the user named them (the JSON's params.file too), never as absolute paths.
        const errors = shown.diagnostics.filter((d) => d.severity === "error").map(displayDiagnostic(ctx.display));
        failed.push({ file, diagnostics: sortDiagnostics(errors) });
        continue;
      }
      const { questionnaire } = shown;
      const { summary, keys: ranking, region, previousSource, result, csvRow } = shown.scored;
      if (result) workbook?.collect(file, questionnaire.questionnaire, result);
      for (const e of questionnaire.questionnaire.elements)
        if (!elementTitles.has(e.id)) elementTitles.set(e.id, e.title);
      for (const p of questionnaire.questionnaire.profiles)
        if (!groupTitles.profile.has(p.id)) groupTitles.profile.set(p.id, p.title);
      if (!groupTitles.questionnaire.has(ranking.questionnaire))
        groupTitles.questionnaire.set(ranking.questionnaire, questionnaire.questionnaire.title);
      ctx.warnings.previous(previousSource, region);
      // Only what the ranking needs stays in memory; the summary waits in the spill.
      const group = groupBy === "profile" ? ranking.profile : groupBy ? ranking.questionnaire : undefined;
      if (summary instanceof Uint8Array) spill.addSerialized(summary);
      else spill.add(summary);
      if (rows && csvRow !== undefined) {
        if (csvRow instanceof Uint8Array) rows.addSerialized(csvRow);
        else rows.add(csvRow);
        rowColumns.add(ownColumns(questionnaire.questionnaire));
      }
      keys.add(index - 1, ranking.region, ranking.total, ranking.year, group);
      if (ranking.year !== undefined) years.add(ranking.year);
    }
    progress.clear();
    const { order, ranks } = keys.rank();
    if (groupBy !== "questionnaire" && groupTitles.questionnaire.size > 1)
      ctx.warnings.batch(scoreMessages[options.lang].mixedQuestionnaires([...groupTitles.questionnaire.keys()].sort()));
    warnBatch(keys, years, spill, ctx);
    ctx.warnings.flush((text) => io.stderr.write(text));
    /** The ranking with the summaries read back, PART at a time, in rank order. */
    function* parts(): Generator<Ranked<ResultSummary>[]> {
      for (let start = 0; start < order.length; start += PART)
        yield Array.from(order.subarray(start, start + PART), (i, p) => {
          const group = keys.group(i);
          return { item: spill.get(i), rank: ranks[start + p]!, ...(group !== undefined ? { group } : {}) };
        });
    }
    const groups = groupBy ? { kind: groupBy, titles: groupTitles[groupBy] } : undefined;
    const width = ctx.outFile ? undefined : outputColumns(io);
    let output: string | Uint8Array | Iterable<string>;
    switch (options.format) {
      case "csv": {
        const columns = questionnaireColumns(elementTitles);
        const grouped = groupBy !== undefined;
        const ids = (list: readonly ElementColumn[]) => list.map((c) => c.id).join("\n");
        const made = rows?.size === spill.size && [...rowColumns].every((list) => ids(list) === ids(columns));
        output = (function* () {
          yield scoreCsvHeader(columns, options.lang, grouped);
          if (!made) for (const part of parts()) yield scoreCsvRows(part, columns, options.lang, grouped);
          else
            for (let start = 0; start < order.length; start += PART) {
              let text = "";
              for (let p = start; p < Math.min(start + PART, order.length); p++) {
                const i = order[p]!;
                text += scoreCsvRowStart(ranks[p]!, keys.group(i), options.lang, grouped) + rows!.get(i);
              }
              yield text;
            }
        })();
        break;
      }
      case "json":
        output = renderBatchJsonParts(parts(), failed);
        break;
      case "xlsx": {
        // A workbook is laid out as a whole (its sheets): every summary is read back.
        const all = [...parts()].flat();
        const columns = elementColumns(
          all.map((r) => r.item),
          elementTitles,
        );
        output = await renderScoreXlsx(all, columns, workbook!, options.lang);
        break;
      }
      default: {
        // A table's columns, footnotes and widths depend on every result: the ranking is read
        // back once for them (twice for the table's widths), then again for its lines.
        const facts = rankingFacts(parts(), elementTitles);
        const shown = { lang: options.lang, ...(groups ? { groups } : {}) };
        output =
          options.format === "markdown"
            ? rankingMarkdownText(parts(), facts, failed, shown)
            : rankingLines(parts, facts, failed, {
                ...shown,
                color: io.color && !ctx.outFile,
                ...(width ? { width } : {}),
              });
      }
    }
    await emit(output, ctx);
    const inputs = files.length - skipped + unnamed;
    if (failed.length > 0)
      io.stderr.write(`kuesioner: ${scoreMessages[options.lang].notScored(failed.length, inputs)}\n`);
    const gated = options.failUnder || options.requireComplete ? gates(summariesOf(parts()), ctx) : false;
    return failed.length > 0 || gated ? ExitCode.Failed : ExitCode.Ok;
  } finally {
    spill.close();
    rows?.close();
  }
}

/**
 * Warnings about the batch as a whole: the same region (and year) ranked twice, which a revised
 * copy of a file beside the old one does, and one ranking over several evaluation years, which
 * last year's files passed as inputs (a shell-expanded --previous pattern) do.
 */
function warnBatch(keys: BatchKeys, years: ReadonlySet<number>, spill: Spill<ResultSummary>, ctx: Context): void {
  const t = scoreMessages[ctx.options.lang];
  for (const same of keys.repeatedRegions()) {
    const files = same.map((i) => spill.get(i));
    ctx.warnings.batch(
      t.duplicateRegion(
        files[0]!.region,
        files.map((s) => s.file),
      ),
    );
  }
  if (years.size > 1) ctx.warnings.batch(t.mixedYears([...years].sort()));
}

/** The results of a ranking given a part at a time. */
function* summariesOf(parts: Iterable<readonly Ranked<ResultSummary>[]>): Generator<ResultSummary> {
  for (const part of parts) for (const r of part) yield r.item;
}

/** --fail-under and --require-complete; true when either is triggered (reported on stderr). */
function gates(results: Iterable<ResultSummary>, ctx: Context): boolean {
  const { failUnder, requireComplete, lang } = ctx.options;
  const t = scoreMessages[lang];
  // Only the lines to say are kept, not the results: a batch's are read back a part at a time.
  const below: string[] = [];
  const incomplete: string[] = [];
  for (const r of results) {
    if (failUnder && compare(r.total, failUnder) < 0)
      below.push(`  ${escapeText(r.file)}: ${formatScore(r.total, lang)}\n`);
    if (requireComplete && !r.complete)
      incomplete.push(
        `  ${escapeText(r.file)}: ${t.unanswered(r.missing.length)} (${r.missing.slice(0, 5).join(", ")}${r.missing.length > 5 ? ", …" : ""})\n`,
      );
  }
  if (failUnder && below.length)
    ctx.io.stderr.write(
      `kuesioner: ${t.belowFailUnder(below.length, formatScore(failUnder, lang))}:\n${below.join("")}`,
    );
  if (incomplete.length) ctx.io.stderr.write(`kuesioner: ${t.incomplete(incomplete.length)}:\n${incomplete.join("")}`);
  return below.length > 0 || incomplete.length > 0;
}

/** Writes the output: whole, or part by part (a large batch's CSV or JSON), to --out or standard output. */
async function emit(output: string | Uint8Array | Iterable<string>, ctx: Context): Promise<void> {
  const whole = typeof output === "string" || output instanceof Uint8Array;
  if (ctx.outFile) await writeOutputFile(ctx.options.out!, ctx.outFile, whole ? output : inChunks(output));
  else if (typeof output === "string") ctx.io.stdout.write(output);
  else if (!whole) for (const part of inChunks(output)) await writeOut(ctx.io.stdout, part);
}
