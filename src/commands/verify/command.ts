import { Command } from "commander";
import type { CommandIO } from "../../command-io.js";
import type { ExitCode } from "../../errors.js";
import { choiceOption, noCacheOption, parseOptions } from "../../command-options.js";
import { verifyChoices } from "./options.js";

const VERIFY_HELP = `
Each question shows the region's answer, evidence and note; choose your score
on the scale (the level's own number, 0-4, selects it; the region's own level
is offered first), then add a note (optional). Instead of a score:
  <  back     >  skip     ?  review, change scores, jump     -  clear your score
  q  save and quit (Ctrl-C too: exit 130)
At the note prompt, ! stops asking for notes for the rest of the run.
Your file is saved after every score; run the same command to continue it.
Questions the region did not answer are scored too.

Each assessor writes their own file, so a panel can work at once; then:
  kuesioner merge ANSWERS ASSESSOR_FILES... --out PANEL

Examples:
  kuesioner verify jawaban-kota-x-2024.yaml --assessor "Dr. Ani Wijaya"
      writes jawaban-kota-x-2024.verifikasi-dr-ani-wijaya.yaml beside the answers
  kuesioner verify jawaban-kota-x-2024.yaml --assessor Budi --out budi.yaml --lang id`;

export function verifyCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command("verify")
    .description("score a region's answers as an assessor, in the terminal; saves after every score, resumes")
    .argument("<answers>", "the region's answer file (its self-assessment); never changed")
    .requiredOption("--assessor <name>", "your name, as the panel file and the reports will show it")
    .option(
      "--out <file>",
      "your file (default: ANSWERS.verifikasi-<name>.yaml beside ANSWERS); continued when it exists",
    )
    .addOption(choiceOption("--lang <lang>", "language of the questions and screens", verifyChoices.lang))
    .addOption(noCacheOption())
    .option("--as <name>", "who the history (kuesioner history) names for the changes (default: the assessor)")
    .addHelpText("after", VERIFY_HELP)
    .action(async (answers: string, opts: Record<string, unknown>) => {
      const run = await import("./run.js");
      setExit(await run.runVerify(parseOptions(run.verifyOptionsSchema, { answers, ...opts }), io));
    });
}
