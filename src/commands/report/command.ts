import { Command } from "commander";
import type { CommandIO } from "../../command-io.js";
import { choiceOption, noCacheOption, parseOptions } from "../../command-options.js";
import { reportChoices } from "./options.js";
import type { ExitCode } from "../../errors.js";

export function reportCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command("report")
    .description(
      "write a self-contained HTML report (charts included, no script, opens offline): one file's report, or a ranking of many",
    )
    .argument("<inputs...>", "answer files, folders (searched for *.yaml, *.yml, *.json) or quoted glob patterns")
    .requiredOption("--out <file>", "the HTML file to write, e.g. laporan.html")
    .addOption(choiceOption("--lang <lang>", "language of the report", reportChoices.lang))
    .option("--profile <id>", "weight profile for every file (overrides the answer files)")
    .option(
      "--previous <path>",
      "last year's answer files (a file, a folder or a quoted pattern; repeat for more; an answer file also gives the comparison by element and question), or JSON written by score --format json; matched by region",
      (value: string, before: string[] | undefined) => [...(before ?? []), value],
    )
    .option("--highlight <region>", "in a ranking report, the region to highlight in the table and charts")
    .option("--pdf", "also print the report to a PDF beside it (A4) with a Chromium, Chrome or Edge found here")
    .addOption(noCacheOption())
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      const run = await import("./run.js");
      setExit(await run.runReport(parseOptions(run.reportOptionsSchema, { inputs, ...opts }), io));
    });
}
