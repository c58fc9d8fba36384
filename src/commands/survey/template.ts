import { basename, extname, join, dirname } from "node:path";
import * as z from "zod/mini";
import type { CommandIO } from "../../command-io.js";
import { ExitCode, KuesionerError, UsageError } from "../../errors.js";
import { checkOutputFile, writeOutputFile } from "../../io/output-file.js";
import { QuestionnaireStore } from "../../io/questionnaire-store.js";
import { templateChoices, templateDefaults } from "./options.js";
import type { Questionnaire } from "../../model/questionnaire.js";
import { csvLine, csvDialects } from "../../text/csv.js";
import { localize } from "../../text/format.js";
import { loadQuestionnaireOrThrow } from "./load.js";
import { messages } from "./messages.js";
import { surveyStatements, type Statement } from "./statements.js";
import { templateSheets, type TemplateSheet } from "./template-layout.js";

export const templateOptionsSchema = z.object({
  questionnaire: z._default(z.string().check(z.minLength(1, "option.questionnaire")), templateDefaults.questionnaire),
  out: z.string().check(z.minLength(1, "option.file-name"), z.regex(/\.(xlsx|csv)$/i, "option.sheet-out")),
  lang: z._default(z.enum(templateChoices.lang.choices), templateChoices.lang.default),
  pillar: z.optional(z.string().check(z.minLength(1, "option.pillar"))),
  rows: z._default(
    z.coerce
      .number({ error: "option.rows" })
      .check(z.int("option.rows"), z.gte(1, "option.rows"), z.lte(10000, "option.rows")),
    templateDefaults.rows,
  ),
  delimiter: z.optional(z.enum(templateChoices.delimiter.choices)),
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z._default(z.boolean(), true),
});
export type TemplateOptions = z.infer<typeof templateOptionsSchema>;

/**
 * `kuesioner survey template`: the sheet a region hands its respondents, one column per
 * statement. XLSX gets drop-down lists of the answer labels; CSV is for online forms and for
 * tools without XLSX. With `--pillar all`, one sheet (XLSX) or one file (CSV) per pillar.
 */
export async function runSurveyTemplate(options: TemplateOptions, io: CommandIO): Promise<ExitCode> {
  const t = messages[options.lang];
  const outFile = await checkOutputFile(options.out, io.cwd);
  const { questionnaire } = await loadQuestionnaireOrThrow(
    options.questionnaire,
    io.cwd,
    QuestionnaireStore.forRun(io.env, options),
    options.lang,
  );
  const statements = surveyStatements(questionnaire);
  if (statements.length === 0) {
    throw new KuesionerError(t.noSurveyQuestions(options.questionnaire), ExitCode.Failed);
  }
  const groups = selectPillars(questionnaire, statements, options.pillar, options.lang);
  const sheets = templateSheets(questionnaire, groups, { lang: options.lang, rows: options.rows });
  const xlsx = /\.xlsx$/i.test(options.out);
  const written: string[] = [];
  if (xlsx) {
    const { renderTemplateXlsx } = await import("./template-xlsx.js");
    await writeOutputFile(options.out, outFile, await renderTemplateXlsx(questionnaire, sheets, options.lang));
    written.push(options.out);
  } else {
    const separator = options.delimiter ?? (options.lang === "id" ? ";" : ",");
    const dialect = csvDialects[separator === "tab" ? "\t" : separator];
    for (const sheet of sheets) {
      const name = sheets.length === 1 ? options.out : siblingName(options.out, sheet.key);
      const file = sheets.length === 1 ? outFile : siblingName(outFile, sheet.key);
      await writeOutputFile(name, file, renderTemplateCsv(sheet, dialect));
      written.push(name);
    }
  }
  const count = sheets.reduce((n, s) => n + s.statements.length, 0);
  io.stderr.write(`${t.templateWritten(written, count, sheets.length, xlsx)}\n`);
  return ExitCode.Ok;
}

/** `out.csv` → `out-governance.csv`, beside it. */
function siblingName(file: string, key: string): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}-${key}${ext}`);
}

export interface PillarGroup {
  /** Pillar id, or "all" for one sheet with every statement. */
  key: string;
  title: string;
  statements: Statement[];
}

function selectPillars(
  questionnaire: Questionnaire,
  statements: readonly Statement[],
  pillar: string | undefined,
  lang: "id" | "en",
): PillarGroup[] {
  const t = messages[lang];
  const pillars = (questionnaire.pillars ?? []).filter((p) => statements.some((s) => s.pillar === p.id));
  const group = (id: string): PillarGroup => ({
    key: id,
    title: localize(pillars.find((p) => p.id === id)?.title, lang) || id,
    statements: statements.filter((s) => s.pillar === id),
  });
  if (pillar === undefined)
    return [{ key: "all", title: localize(questionnaire.title, lang), statements: [...statements] }];
  if (pillar === "all" || pillar === "each") {
    const groups = pillars.map((p) => group(p.id));
    const loose = statements.filter((s) => !s.pillar || !pillars.some((p) => p.id === s.pillar));
    if (loose.length) groups.push({ key: "other", title: t.otherStatements, statements: loose });
    return groups;
  }
  if (!pillars.some((p) => p.id === pillar)) {
    throw new UsageError(t.unknownPillar(pillar), t.knownPillars(pillars.map((p) => p.id)));
  }
  return [group(pillar)];
}

/** The CSV form of one sheet: the same rows as the XLSX sheet, without drop-downs. */
function renderTemplateCsv(sheet: TemplateSheet, dialect: (typeof csvDialects)[keyof typeof csvDialects]): string {
  return dialect.bom + sheet.rows.map((row) => csvLine(row, dialect.separator)).join("");
}
