import { Command } from "commander";
import type { CommandIO } from "../../command-io.js";
import type { ExitCode } from "../../errors.js";
import { choiceOption, noCacheOption, parseOptions } from "../../command-options.js";
import { validateChoices } from "./options.js";

export function validateCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command("validate")
    .description("check questionnaire definitions and answer files; report every problem with file:line:column")
    .argument("<files...>", "questionnaire or answer files (YAML or JSON)")
    .addOption(choiceOption("--format <format>", "output format", validateChoices.format))
    .addOption(
      choiceOption(
        "--lang <lang>",
        "language of the text diagnostics (JSON and GitHub annotations stay English)",
        validateChoices.lang,
      ),
    )
    .addOption(noCacheOption())
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const run = await import("./run.js");
      setExit(await run.runValidate(parseOptions(run.validateOptionsSchema, { files, ...opts }), io));
    });
}
