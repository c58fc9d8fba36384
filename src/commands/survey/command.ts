import { Command, Option } from "commander";
import type { CommandIO } from "../../command-io.js";
import type { ExitCode } from "../../errors.js";
import { parseOptions } from "../../command-options.js";

/** `kuesioner survey template|import`: the citizens' Impact survey, from the blank sheet to the answer file. */
export function surveyCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  const template = new Command("template")
    .description("write the respondent sheet (XLSX with drop-down lists, or CSV): one column per survey statement")
    .argument("[questionnaire]", "id of a shipped questionnaire or a path", "smart-city-2023")
    .requiredOption("--out <file>", "the sheet to write: FILE.xlsx or FILE.csv")
    .addOption(new Option("--lang <lang>", "language of the statements and labels").choices(["id", "en"]).default("id"))
    .option("--pillar <id>", "only this pillar's statements; all: one sheet (XLSX) or file (CSV) per pillar")
    .option("--rows <n>", "respondent rows prepared with drop-down lists (XLSX)", "100")
    .addOption(
      new Option("--delimiter <char>", "CSV separator (default ; for --lang id, , for en)").choices([",", ";", "tab"]),
    )
    .action(async (questionnaire: string, opts: Record<string, unknown>) => {
      const run = await import("./template.js");
      setExit(await run.runSurveyTemplate(parseOptions(run.templateOptionsSchema, { questionnaire, ...opts }), io));
    });
  const survey = new Command("survey")
    .description("the citizens' Impact survey: a respondent sheet to hand out, and importing the responses")
    .addCommand(template);
  for (const sub of [template]) {
    sub
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
      .helpOption("-h, --help", "show help")
      .showSuggestionAfterError(true)
      .exitOverride();
  }
  return survey;
}
