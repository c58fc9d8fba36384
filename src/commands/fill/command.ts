import { Command } from "commander";
import type { CommandIO } from "../../command-io.js";
import type { ExitCode } from "../../errors.js";
import { choiceOption, noCacheOption, parseOptions } from "../../command-options.js";
import { fillChoices } from "./options.js";

const FILL_HELP = `
At each question choose or type the answer, then add evidence and a note
(both optional). Instead of an answer:
  <  back     >  skip     ?  review, change answers, jump     -  clear
  q  save and quit (Ctrl-C too: exit 130)
On a level list the level's own number (0-4) selects it.
Numbers take a decimal comma (2,8). Surveys: the mean and the respondents
(2,8 50), or respondents per level (0:1 1:4 2:10 3:20 4:15); the mean alone
counts the respondents last typed for the same pillar.
At the evidence or note prompt, ! stops asking for both for the rest of the run.
The answer file is saved after every answer.

Examples:
  kuesioner fill --region "Kabupaten Buleleng" --year 2024
      writes jawaban-kabupaten-buleleng-2024.yaml in this folder
  kuesioner fill --out jawaban-kabupaten-buleleng-2024.yaml
      continues that file
  kuesioner fill smart-city-2022 --profile kppn-ikn --lang en`;

export function fillCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command("fill")
    .description("fill a questionnaire in the terminal; saves after every answer, resumes where you stopped")
    .argument(
      "[questionnaire]",
      "id of a shipped questionnaire or a path (default: the answer file's own, else smart-city-2023)",
    )
    .option("--out <file>", "answer file (default: jawaban-<region>-<year>.yaml); continued when it exists")
    .option("--profile <id>", "weight profile, e.g. reguler or kppn-ikn (asked when the questionnaire has several)")
    .addOption(choiceOption("--lang <lang>", "language of the questions and screens", fillChoices.lang))
    .option("--region <name>", "region (kabupaten/kota) answering; asked when not given")
    .option("--year <year>", "evaluation year; asked when not given")
    .option(
      "--no-evidence",
      "do not ask for evidence and a note after each answer (type ! at either prompt for the same; a question changed from the review still asks them)",
    )
    .addOption(noCacheOption())
    .option("--as <name>", "who the history (kuesioner history) names for the changes (default: the system user)")
    .addHelpText("after", FILL_HELP)
    .action(async (questionnaire: string | undefined, opts: Record<string, unknown>) => {
      const run = await import("./run.js");
      setExit(await run.runFill(parseOptions(run.fillOptionsSchema, { questionnaire, ...opts }), io));
    });
}
