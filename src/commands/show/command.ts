import { Command } from "commander";
import type { CommandIO } from "../../command-io.js";
import type { ExitCode } from "../../errors.js";
import { choiceOption, noCacheOption, parseOptions } from "../../command-options.js";
import { showChoices } from "./options.js";

export function showCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command("show")
    .description("print a questionnaire's structure: elements, questions, kinds, pillars, profile weights")
    .argument("<questionnaire>", "id of a shipped questionnaire (smart-city-2023) or a path")
    .addOption(choiceOption("--format <format>", "output format", showChoices.format))
    .addOption(choiceOption("--lang <lang>", "language of texts", showChoices.lang))
    .addOption(noCacheOption())
    .action(async (questionnaire: string, opts: Record<string, unknown>) => {
      const run = await import("./run.js");
      setExit(await run.runShow(parseOptions(run.showOptionsSchema, { questionnaire, ...opts }), io));
    });
}
