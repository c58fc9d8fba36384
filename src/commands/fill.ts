import { Command, Option } from "commander";
import type { CommandIO } from "../command-io.js";
import type { ExitCode } from "../errors.js";
import { parseOptions } from "./parse-options.js";

export function fillCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command("fill")
    .description("fill a questionnaire in the terminal; saves after every answer, resumes where you stopped")
    .argument("[questionnaire]", "id of a shipped questionnaire or a path (default: the answer file's own, else smart-city-2023)")
    .option("--out <file>", "answer file to write (resumed when it exists)")
    .option("--profile <id>", "weight profile (the questionnaire's default otherwise)")
    .addOption(new Option("--lang <lang>", "language of the questions").choices(["id", "en"]).default("id"))
    .option("--region <name>", "region (kabupaten/kota) answering")
    .option("--year <year>", "evaluation year")
    .action(async (questionnaire: string | undefined, opts: Record<string, unknown>) => {
      const run = await import("./fill-run.js");
      setExit(await run.runFill(parseOptions(run.fillOptionsSchema, { questionnaire, ...opts }), io));
    });
}
