import { Command } from "commander";
import type { CommandIO } from "../../command-io.js";
import type { ExitCode } from "../../errors.js";
import { choiceOption, noCacheOption, parseOptions } from "../../command-options.js";
import { compareChoices } from "./options.js";

export function compareCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command("compare")
    .description("what changed between two answer files, and what each change did to the total")
    .argument("<old>", "the earlier answer file (last year's)")
    .argument("<new>", "the later answer file (this year's); another instrument whose questions share ids works too")
    .addOption(choiceOption("--format <format>", "output format", compareChoices.format))
    .option("--out <file>", "write the comparison to a file instead of standard output")
    .addOption(choiceOption("--lang <lang>", "language of the report (id writes 3,06)", compareChoices.lang))
    .option("--old-profile <id>", "weight profile for the old file (overrides the file's)")
    .option("--new-profile <id>", "weight profile for the new file (overrides the file's)")
    .addOption(noCacheOption())
    .action(async (oldFile: string, newFile: string, opts: Record<string, unknown>) => {
      const run = await import("./run.js");
      setExit(
        await run.runCompare(parseOptions(run.compareOptionsSchema, { old: oldFile, new: newFile, ...opts }), io),
      );
    });
}
