import { Command, Option } from "commander";
import type { CommandIO } from "./command-io.js";
import { resolveLang } from "./text/language.js";
import { localizeCommanderError } from "./text/commander-messages.js";
import { diagnosticWords } from "./text/diagnostic-messages.js";
import type { Lang } from "./model/common.js";
import type { ExitCode } from "./errors.js";
import { adviseCommand } from "./commands/advise/command.js";
import { compareCommand } from "./commands/compare/command.js";
import { fillCommand } from "./commands/fill/command.js";
import { reportCommand } from "./commands/report/command.js";
import { historyCommand } from "./commands/history/command.js";
import { mergeCommand } from "./commands/merge/command.js";
import { schemaCommand } from "./commands/schema/command.js";
import { scoreCommand } from "./commands/score/command.js";
import { showCommand } from "./commands/show/command.js";
import { surveyCommand } from "./commands/survey/command.js";
import { validateCommand } from "./commands/validate/command.js";
import { verifyCommand } from "./commands/verify/command.js";

const EXIT_CODES_HELP = `
Exit codes:
  0    success (warnings allowed)
  1    invalid input: a file with errors, a failed file in a batch, a score under --fail-under
  2    usage error: unknown command or option, bad option value, no terminal for fill
       or verify
  70   internal error (a bug: please report it)
  130  interrupted (Ctrl-C); fill and verify save before they exit

Environment:
  NO_COLOR=1            plain output (also when output is not a terminal)
  KUESIONER_NO_CACHE=1  check every questionnaire from its YAML (as --no-cache)
  XDG_CACHE_HOME        where checked questionnaires are kept (default ~/.cache)
  KUESIONER_LANG=id     Indonesian screens and reports (or en). The language is --lang, else
                        this, else the locale (LC_ALL, LC_MESSAGES, LANG: id… is Indonesian),
                        else English`;

/**
 * Builds the program; wiring only. Commands load their implementation when they run. `lang`:
 * the language of commander's own usage errors (resolved from argv before commander parses it).
 */
export function buildProgram(
  io: CommandIO,
  version: string,
  setExit: (code: ExitCode) => void,
  lang: Lang = "en",
): Command {
  const output = {
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(s),
    outputError: (s: string, write: (s: string) => void) =>
      write(localizeCommanderError(s, lang, diagnosticWords[lang].error)),
  };
  const program = new Command("kuesioner")
    .description(
      "Define, validate, fill and score evaluation questionnaires (Evaluasi Implementasi Smart City and others).",
    )
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .addHelpCommand("help [command]", "show help for a command")
    .showSuggestionAfterError(true)
    .addHelpText("after", EXIT_CODES_HELP)
    .configureOutput(output)
    .exitOverride()
    // One language rule for every command: --lang, then KUESIONER_LANG, then the locale.
    .hook("preAction", (_program, command) => {
      if (command.options.some((o) => o.attributeName() === "lang") && command.getOptionValueSource("lang") !== "cli")
        command.setOptionValueWithSource("lang", resolveLang(undefined, io.env), "env");
    });
  program.addOption(new Option("--no-color", "plain output").hideHelp());
  for (const command of [
    fillCommand(io, setExit),
    validateCommand(io, setExit),
    showCommand(io, setExit),
    scoreCommand(io, setExit),
    surveyCommand(io, setExit),
    reportCommand(io, setExit),
    compareCommand(io, setExit),
    adviseCommand(io, setExit),
    schemaCommand(io, setExit),
    verifyCommand(io, setExit),
    mergeCommand(io, setExit),
    historyCommand(io, setExit),
  ]) {
    program.addCommand(
      command
        .configureOutput(output)
        .helpOption("-h, --help", "show help")
        .showSuggestionAfterError(true)
        .exitOverride(),
    );
  }
  // Nested commands (survey template, survey import) print their usage errors the same way.
  const nested = (command: Command): void =>
    command.commands.forEach((child) => {
      child.configureOutput(output);
      nested(child);
    });
  nested(program);
  return program;
}
