import { Command, Argument } from "commander";
import type { CommandIO } from "../../command-io.js";
import type { ExitCode } from "../../errors.js";
import { parseOptions } from "../../command-options.js";
import { schemaChoices } from "./options.js";

export function schemaCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command("schema")
    .description(
      "print the JSON Schema of questionnaire or answer files (for editor completion), or of the diagnostics JSON",
    )
    .addArgument(new Argument("<kind>", "which schema").choices(schemaChoices.kind.choices))
    .action(async (kind: string) => {
      const run = await import("./run.js");
      setExit(await run.runSchema(parseOptions(run.schemaOptionsSchema, { kind }), io));
    });
}
