import { Command } from "commander";
import type { CommandIO } from "../../command-io.js";
import type { ExitCode } from "../../errors.js";
import { choiceOption, noCacheOption, parseOptions } from "../../command-options.js";
import { mergeChoices } from "./options.js";

const MERGE_HELP = `
The first file is the region's answer file (its self-assessment); each further
file is one assessor's, as kuesioner verify writes it. The panel file keeps the region's
answers as they were and, under each question, every assessor's score and note;
the question's score is then the panel's mean.

Nothing is written when the files conflict: the same assessor twice, another
region, year, questionnaire, version or weight profile, scores without an
assessor's name, or any error in a file (a score outside the scale).

Example:
  kuesioner merge jawaban-kota-x-2024.yaml verifikasi-*.yaml --out panel-kota-x-2024.yaml`;

export function mergeCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command("merge")
    .description("combine the assessors' files with the self-assessment into one panel file")
    .argument("<files...>", "the region's answer file (its self-assessment), then one file per assessor")
    .requiredOption("--out <file>", "the panel file to write")
    .option("--force", "replace --out when it exists")
    .option("--as <name>", "who the history names for the merge (default: the system user)")
    .addOption(noCacheOption())
    .addOption(choiceOption("--lang <lang>", "language of the messages", mergeChoices.lang))
    .addHelpText("after", MERGE_HELP)
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const run = await import("./run.js");
      const [self, ...assessors] = files;
      setExit(await run.runMerge(parseOptions(run.mergeOptionsSchema, { self, assessors, ...opts }), io));
    });
}
