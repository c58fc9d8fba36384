import { Command } from "commander";
import type { CommandIO } from "../../command-io.js";
import type { ExitCode } from "../../errors.js";
import { choiceOption, parseOptions } from "../../command-options.js";
import { historyChoices } from "./options.js";

const HISTORY_HELP = `
fill and verify record every change they make to an answer file, with its time,
who made it (--as, else the system user), the question, and the answer before
and after, in FILE.history.jsonl beside the file. The record is written before
the file, so it survives a killed process; a change that never reached the file,
or an edit made outside kuesioner, is recorded as a reconciliation.

Examples:
  kuesioner history jawaban-kabupaten-buleleng-2024.yaml
  kuesioner history jawaban-kabupaten-buleleng-2024.yaml bl-masterplan-legal-basis
  kuesioner history jawaban.yaml --format json --lang en`;

export function historyCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command("history")
    .description("print who changed which answer of an answer file, when, from what to what")
    .argument("<file>", "answer file (its history is FILE.history.jsonl)")
    .argument("[id]", "only this question (or a field such as status)")
    .addOption(choiceOption("--format <format>", "output format", historyChoices.format))
    .addOption(choiceOption("--lang <lang>", "language of the table", historyChoices.lang))
    .addHelpText("after", HISTORY_HELP)
    .action(async (file: string, question: string | undefined, opts: Record<string, unknown>) => {
      const run = await import("./run.js");
      setExit(await run.runHistory(parseOptions(run.historyOptionsSchema, { file, question, ...opts }), io));
    });
}
