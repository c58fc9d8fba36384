import { Command } from "commander";
import type { CommandIO } from "../../command-io.js";
import type { ExitCode } from "../../errors.js";
import { choiceOption, noCacheOption, parseOptions } from "../../command-options.js";
import { importChoices, templateChoices, templateDefaults } from "./options.js";

/** `kuesioner survey template|import`: the citizens' Impact survey, from the blank sheet to the answer file. */
export function surveyCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  const template = new Command("template")
    .description("write the respondent sheet (XLSX with drop-down lists, or CSV): one column per survey statement")
    .argument("[questionnaire]", "id of a shipped questionnaire or a path", templateDefaults.questionnaire)
    .requiredOption("--out <file>", "the sheet to write: FILE.xlsx or FILE.csv")
    .addOption(choiceOption("--lang <lang>", "language of the statements and labels", templateChoices.lang))
    .option("--pillar <id>", "only this pillar's statements; all: one sheet (XLSX) or file (CSV) per pillar")
    .option("--rows <n>", "respondent rows prepared with drop-down lists (XLSX)", String(templateDefaults.rows))
    .addOption(
      choiceOption(
        "--delimiter <char>",
        "CSV separator (default ; for --lang id, , for en)",
        templateChoices.delimiter,
      ),
    )
    .addOption(noCacheOption())
    .action(async (questionnaire: string, opts: Record<string, unknown>) => {
      const run = await import("./template.js");
      setExit(await run.runSurveyTemplate(parseOptions(run.templateOptionsSchema, { questionnaire, ...opts }), io));
    });
  const importer = new Command("import")
    .description("count the respondents' answers per statement and write them into an answer file")
    .argument("<responses...>", "response files: CSV (, ; or tab; UTF-8 or UTF-16) or XLSX; rows are respondents")
    .option("--into <file>", "the answer file to write the counts into (created when missing); without it, print them")
    .option("--map <file>", "YAML map of columns to statements, for headers that match none")
    .option(
      "--scale <min-max>",
      "the numbers on the sheet are on this scale, e.g. 1-5 (mapped to the questionnaire's 0–4)",
    )
    .option("--sheet <name>", "XLSX: read this sheet (repeatable); default: the first sheet", collect)
    .option("--all-sheets", "XLSX: read every sheet")
    .addOption(choiceOption("--delimiter <char>", "CSV separator (default: detected)", importChoices.delimiter))
    .option("--questionnaire <ref>", "questionnaire when there is no --into file yet (default smart-city-2023)")
    .addOption(choiceOption("--format <format>", "summary format", importChoices.format))
    .addOption(choiceOption("--lang <lang>", "language of the summary and messages", importChoices.lang))
    .option("--allow-duplicates", "count duplicate respondents (reported as warnings) instead of refusing")
    .addOption(noCacheOption())
    .action(async (responses: string[], opts: Record<string, unknown>) => {
      const run = await import("./import.js");
      setExit(await run.runSurveyImport(parseOptions(run.importOptionsSchema, { responses, ...opts }), io));
    });
  const survey = new Command("survey")
    .description("the citizens' Impact survey: a respondent sheet to hand out, and importing the responses")
    .addCommand(template)
    .addCommand(importer);
  for (const sub of [template, importer]) {
    sub
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
      .helpOption("-h, --help", "show help")
      .showSuggestionAfterError(true)
      .exitOverride();
  }
  return survey;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
