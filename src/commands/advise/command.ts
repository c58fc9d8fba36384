import { Command } from "commander";
import type { CommandIO } from "../../command-io.js";
import type { ExitCode } from "../../errors.js";
import { choiceOption, noCacheOption, parseOptions } from "../../command-options.js";
import { adviseChoices } from "./options.js";

export function adviseCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command("advise")
    .description("where the next points come from: the gain of one more level per question, a plan to a target, peers")
    .argument("<file>", "an answer file")
    .option("--target <score>", "the fewest steps that reach this total (3 or 3,25)")
    .option("--peers <inputs...>", "answer files, folders or quoted patterns of peer regions, to rank the region among")
    .option("--profile <id>", "weight profile for the file (overrides the answer file's)")
    .addOption(noCacheOption())
    .addOption(choiceOption("--format <format>", "output format", adviseChoices.format))
    .option("--out <file>", "write the advice to a file instead of standard output")
    .addOption(choiceOption("--lang <lang>", "language of the report (id writes 3,06)", adviseChoices.lang))
    .action(async (file: string, opts: Record<string, unknown>) => {
      const run = await import("./run.js");
      setExit(await run.runAdvise(parseOptions(run.adviseOptionsSchema, { file, ...opts }), io));
    });
}
