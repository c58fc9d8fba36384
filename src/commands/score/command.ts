import { Command } from "commander";
import type { CommandIO } from "../../command-io.js";
import type { ExitCode } from "../../errors.js";
import { choiceOption, noCacheOption, parseOptions } from "../../command-options.js";
import { scoreChoices } from "./options.js";

export function scoreCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command("score")
    .description("score answer files: a full report for one file, a ranking for many")
    .argument("<inputs...>", "answer files, folders (searched for *.yaml, *.yml, *.json) or quoted glob patterns")
    .addOption(choiceOption("--format <format>", "output format (xlsx: a workbook, needs --out)", scoreChoices.format))
    .option("--out <file>", "write the report to a file instead of standard output")
    .addOption(choiceOption("--lang <lang>", "language of the report (id writes 3,06)", scoreChoices.lang))
    .option("--profile <id>", "weight profile for every file (overrides the answer files)")
    .option(
      "--previous <path>",
      "last year's answer files (a file, a folder or a quoted pattern; repeat the option for more), or JSON written by score --format json; matched by region, for the improvement",
      (value: string, before: string[] | undefined) => [...(before ?? []), value],
    )
    .addOption(
      choiceOption("--group-by <key>", "rank within groups of the same profile or questionnaire", scoreChoices.groupBy),
    )
    .option("--fail-under <score>", "exit 1 when any total is below this score (2.5 or 2,5)")
    .option("--require-complete", "exit 1 when a file has unanswered questions")
    .option("--verbose", "every warning in full (by default one line per file)")
    .addOption(noCacheOption())
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      const run = await import("./run.js");
      setExit(await run.runScore(parseOptions(run.scoreOptionsSchema, { inputs, ...opts }), io));
    });
}
