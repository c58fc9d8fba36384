import { readFile, stat } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import * as z from "zod/mini";
import type { CommandIO } from "../../command-io.js";
import { ExitCode, KuesionerError, UsageError } from "../../errors.js";
import { applySurveyUpdates, applySurveyUpdatesJson, type SurveyUpdate } from "../../io/answer-survey.js";
import { schemaComment, serializeAnswerFile } from "../../io/answer-store.js";
import { writeFileAtomic } from "../../io/atomic-write.js";
import { loadAnswerFile, QuestionnaireCache, questionnaireForAnswers } from "../../io/load-answers.js";
import { resolveQuestionnaire } from "../../io/load-questionnaire.js";
import { QuestionnaireStore } from "../../io/questionnaire-store.js";
import { ResponseFileError, readResponseRows } from "../../io/response-rows.js";
import { answerFileSchema } from "../../model/answers.js";
import { importChoices } from "./options.js";
import { scoreAnswers } from "../../engine/score.js";
import { displayPath, formatDiagnostics, sortDiagnostics } from "../../text/diagnostics.js";
import { localizeDiagnostic } from "../../text/diagnostic-messages.js";
import { labelLookup } from "./labels.js";
import type { Lang } from "../../model/common.js";
import { loadQuestionnaireOrThrow } from "./load.js";
import { loadColumnMap } from "./map-file.js";
import { formatSurveyDiagnostic, messages } from "./messages.js";
import { surveyStatements } from "./statements.js";
import { renderImportSummary } from "./summary.js";
import { SurveyTally } from "./tally.js";
import { own } from "../../model/own.js";

export const importOptionsSchema = z.object({
  responses: z
    .array(z.string().check(z.minLength(1, "option.input-empty")))
    .check(z.minLength(1, "option.responses-none")),
  into: z.optional(z.string().check(z.minLength(1, "option.answer-file"))),
  map: z.optional(z.string().check(z.minLength(1, "option.map-file"))),
  scale: z.optional(
    z.pipe(
      z.string().check(z.regex(/^-?\d+-\d+$/, "option.scale")),
      z.transform((s) => {
        const [, min, max] = /^(-?\d+)-(\d+)$/.exec(s)!;
        return { min: Number(min), max: Number(max) };
      }),
    ),
  ),
  sheet: z.optional(z.array(z.string().check(z.minLength(1, "option.sheet")))),
  allSheets: z._default(z.boolean(), false),
  delimiter: z.optional(z.enum(importChoices.delimiter.choices)),
  questionnaire: z.optional(z.string().check(z.minLength(1, "option.questionnaire"))),
  format: z._default(z.enum(importChoices.format.choices), importChoices.format.default),
  lang: z._default(z.enum(importChoices.lang.choices), importChoices.lang.default),
  allowDuplicates: z._default(z.boolean(), false),
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z._default(z.boolean(), true),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/**
 * `kuesioner survey import`: counts the respondents' answers per statement and level, checks
 * every row, and writes the counts into the answer file, all or nothing: with any error the
 * file is not touched. Without `--into`, prints what it would write.
 */
export async function runSurveyImport(options: ImportOptions, io: CommandIO): Promise<ExitCode> {
  const t = messages[options.lang];
  const display = displayPath(io.cwd);
  const store = QuestionnaireStore.forRun(io.env, options);
  const target = options.into
    ? await openTarget(options.into, io, options.questionnaire, store, options.lang)
    : undefined;
  const loaded =
    target?.questionnaire ??
    (await loadQuestionnaireOrThrow(options.questionnaire ?? "smart-city-2023", io.cwd, store, options.lang));
  const questionnaire = loaded.questionnaire;
  const statements = surveyStatements(questionnaire);
  if (statements.length === 0) throw new KuesionerError(t.noSurveyQuestions(questionnaire.id), ExitCode.Failed);
  const scale = questionnaire.scale;
  const sheetScale = options.scale ?? scale;
  if (sheetScale.max - sheetScale.min !== scale.max - scale.min) {
    throw new UsageError(t.scaleWidth(`${sheetScale.min}-${sheetScale.max}`, `${scale.min}–${scale.max}`));
  }
  const map = options.map
    ? await loadColumnMap(resolve(io.cwd, options.map), options.map, statements, io, options.lang)
    : undefined;

  const tally = new SurveyTally(
    statements,
    { labels: labelLookup(questionnaire), scale, sheetScale, scaleGiven: options.scale !== undefined },
    { ...(map ? { map } : {}), allowDuplicates: options.allowDuplicates },
  );
  const recordBase = target ? dirname(target.file) : io.cwd;
  const delimiter = options.delimiter === "tab" ? "\t" : options.delimiter;
  for (const name of options.responses) {
    const file = resolve(io.cwd, name);
    const source = relative(recordBase, file).split(sep).join("/");
    const skipped: string[] = [];
    let sheetsRead = 0;
    try {
      for await (const event of readResponseRows(file, {
        ...(options.sheet ? { sheets: options.sheet } : {}),
        allSheets: options.allSheets,
        ...(delimiter ? { delimiter } : {}),
      })) {
        if (event.kind === "sheet") {
          tally.endSheet();
          sheetsRead++;
          const named = event.format === "xlsx" && (options.allSheets || options.sheet !== undefined);
          tally.beginSheet(named ? `${name}[${event.name}]` : name, source, event.format === "csv", options.allSheets);
        } else if (event.kind === "row") tally.row(event.row, event.cells);
        else skipped.push(event.name);
      }
      tally.endSheet();
    } catch (error) {
      tally.endSheet();
      const detail =
        error instanceof ResponseFileError
          ? { code: `file-${error.code}`, detail: error.detail }
          : { code: "file-unreadable", detail: error instanceof Error ? error.message : String(error) };
      tally.report({ where: name, severity: "error", code: detail.code, params: { detail: detail.detail } });
      continue;
    }
    if (sheetsRead > 0 && skipped.length && !options.sheet && !options.allSheets) {
      tally.report({ where: name, severity: "note", code: "other-sheets", params: { sheets: skipped } });
    }
  }
  tally.finish();

  for (const d of tally.diagnostics) io.stderr.write(`${formatSurveyDiagnostic(d, options.lang, io.color)}\n`);
  const errors = tally.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = tally.diagnostics.filter((d) => d.severity === "warning").length;
  if (errors > 0) {
    io.stderr.write(
      `${t.failed(errors, warnings, options.into ? display(resolve(io.cwd, options.into)) : undefined)}\n`,
    );
    return ExitCode.Failed;
  }

  const updates: SurveyUpdate[] = tally.tallies
    .filter((s) => s.respondents > 0)
    .map((s) => ({
      id: s.statement.id,
      counts: new Map(s.counts.map((n, i) => [scale.min + i, n])),
      imported: [...s.sources].sort(),
    }));
  const questionOrder = questionnaire.elements.flatMap((e) => e.questions.map((q) => q.id));
  let preview: string | undefined;
  let replaced = 0;
  let changed = false;
  if (target) {
    replaced = updates.filter((u) => own(target.answers?.answers, u.id) != null).length;
    changed = await writeTarget(target, updates, questionOrder, questionnaire, t);
  } else {
    preview = applySurveyUpdates("answers: {}\n", updates, questionOrder);
  }
  io.stdout.write(
    renderImportSummary(
      {
        questionnaire,
        tallies: tally.tallies,
        rows: tally.rows,
        files: options.responses,
        diagnostics: tally.diagnostics,
        ...(options.into ? { into: options.into } : {}),
        ...(preview !== undefined ? { preview } : {}),
      },
      options.format,
      options.lang,
    ),
  );
  if (options.into) {
    const reopened = target!.answers?.status === "final" && changed;
    io.stderr.write(
      `${changed ? t.written(options.into, updates.length, replaced, target!.created) : t.unchanged(options.into)}${reopened ? ` ${t.reopened}` : ""}\n`,
    );
  }
  return ExitCode.Ok;
}

interface Target {
  file: string;
  name: string;
  created: boolean;
  /** The bytes read before importing: the file must still hold them when the counts are written. */
  original?: Buffer;
  answers?: z.infer<typeof answerFileSchema>;
  questionnaire: Awaited<ReturnType<typeof loadQuestionnaireOrThrow>>;
  questionnaireRef: string;
}

/** The answer file to write into, checked before any response is read; a new one when it does not exist. */
async function openTarget(
  name: string,
  io: CommandIO,
  questionnaireRef: string | undefined,
  store: QuestionnaireStore,
  lang: Lang,
): Promise<Target> {
  const file = resolve(io.cwd, name);
  const display = displayPath(io.cwd);
  const info = await stat(file).catch(() => undefined);
  if (!info) {
    const folder = await stat(dirname(file)).catch(() => undefined);
    if (!folder?.isDirectory()) {
      throw new KuesionerError(`--into ${name}: the folder ${dirname(name)} does not exist`, ExitCode.Failed).coded(
        "survey.into-folder-missing",
        { file: name, folder: dirname(name) },
      );
    }
    const ref = questionnaireRef ?? "smart-city-2023";
    const questionnaire = await loadQuestionnaireOrThrow(ref, io.cwd, store, lang);
    // A path is written relative to the new answer file, as answer files name their questionnaire.
    const recorded = /[\\/]|\.(ya?ml|json)$/i.test(ref)
      ? relative(dirname(file), questionnaire.file).split(sep).join("/")
      : ref;
    return { file, name, created: true, questionnaire, questionnaireRef: recorded };
  }
  if (info.isDirectory())
    throw new KuesionerError(`--into ${name}: is a folder, expected an answer file`, ExitCode.Failed).coded(
      "survey.into-is-folder",
      { file: name },
    );
  // Loaded first, through the reader that refuses a pipe or a device (a FIFO's open waits for a
  // writer: read as it was, the import hung); its bytes, kept to see a change made meanwhile, after.
  const loaded = await loadAnswerFile(file);
  if (!loaded.ok) {
    io.stderr.write(
      formatDiagnostics(
        sortDiagnostics(loaded.diagnostics.map((d) => ({ ...d, file: display(d.file) }))),
        io.color,
        lang,
      ),
    );
    throw new KuesionerError(`--into ${name}: not a valid answer file; nothing imported`, ExitCode.Failed).coded(
      "survey.into-invalid",
      { file: name },
    );
  }
  const original = await readFile(file);
  const { questionnaire, diagnostics } = await questionnaireForAnswers(loaded.value, new QuestionnaireCache(store));
  if (!questionnaire) {
    io.stderr.write(
      formatDiagnostics(sortDiagnostics(diagnostics.map((d) => ({ ...d, file: display(d.file) }))), io.color, lang),
    );
    throw new KuesionerError(
      `--into ${name}: its questionnaire cannot be loaded; nothing imported`,
      ExitCode.Failed,
    ).coded("survey.into-questionnaire-invalid", { file: name });
  }
  if (questionnaireRef) {
    const asked = resolveQuestionnaire(questionnaireRef, io.cwd);
    if ("file" in asked && asked.file !== questionnaire.file) {
      throw new UsageError(
        `--questionnaire ${questionnaireRef}: ${name} is for questionnaire ${loaded.value.answers.questionnaire}`,
        "leave out --questionnaire: the answer file names its own",
      ).coded("survey.into-questionnaire-mismatch", {
        given: questionnaireRef,
        file: name,
        recorded: loaded.value.answers.questionnaire,
      });
    }
  }
  return {
    file,
    name,
    created: false,
    original,
    answers: loaded.value.answers,
    questionnaire,
    questionnaireRef: loaded.value.answers.questionnaire,
  };
}

async function writeTarget(
  target: Target,
  updates: readonly SurveyUpdate[],
  questionOrder: readonly string[],
  questionnaire: Target["questionnaire"]["questionnaire"],
  t: (typeof messages)["en"],
): Promise<boolean> {
  const json = /\.json$/i.test(target.file);
  let text: string;
  if (target.created) {
    const fresh = {
      questionnaire: target.questionnaireRef,
      questionnaireVersion: questionnaire.version,
      questionnaireSha256: target.questionnaire.sha256,
      answers: {},
    };
    text = json
      ? applySurveyUpdatesJson(fresh, updates, questionOrder)
      : applySurveyUpdates(
          serializeAnswerFile(fresh, { questionOrder, comment: schemaComment(target.file) }),
          updates,
          questionOrder,
        );
  } else {
    const originalText = target.original!.toString("utf8").replace(/^\uFEFF/, "");
    text = json
      ? applySurveyUpdatesJson(target.answers!, updates, questionOrder)
      : applySurveyUpdates(originalText, updates, questionOrder);
  }
  // The new text must be a valid answer file that scores without errors; a failure is our bug.
  const { parse } = await import("yaml");
  const parsed = answerFileSchema.safeParse(parse(text));
  if (!parsed.success) throw new Error(`survey import produced an invalid answer file: ${parsed.error.message}`);
  const scored = scoreAnswers(questionnaire, parsed.data);
  const updated = new Set(updates.map((u) => u.id));
  const broken = scored.issues.find((i) => i.severity === "error" && updated.has(String(i.path[1])));
  if (broken)
    throw new Error(`survey import wrote an answer the scorer refuses: ${localizeDiagnostic(broken, "en").message}`);
  // Counts that were already there: the file keeps its bytes.
  if (!target.created && text === target.original!.toString("utf8")) return false;
  const now = await readFile(target.file).catch(() => undefined);
  const unchanged = target.created ? now === undefined : (now?.equals(target.original!) ?? false);
  if (!unchanged) throw new KuesionerError(t.changedMeanwhile(target.name), ExitCode.Failed);
  try {
    await writeFileAtomic(target.file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new KuesionerError(t.cannotWrite(target.name, code), ExitCode.Failed);
  }
  return true;
}
