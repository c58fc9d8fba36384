import { CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { colorEnabled, invocationFolder, type CommandIO } from "./command-io.js";
import { fileURLToPath } from "node:url";
import { userInfo } from "node:os";
import { CancelledError, ExitCode, KuesionerError } from "./errors.js";
import { langFlag, resolveLang } from "./text/language.js";
import { diagnosticWords, localizeError } from "./text/diagnostic-messages.js";
import type { Lang } from "./model/common.js";
import { buildProgram } from "./cli.js";

function readVersion(): string {
  // dist/main.js and src/main.ts both sit one folder below package.json.
  return JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version as string;
}

/** Runs kuesioner with `argv` (without node and script) and returns the exit code. Never exits. */
export async function run(argv: readonly string[], io: CommandIO): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.Ok;
  try {
    const program = buildProgram(io, readVersion(), (code) => (exitCode = code), resolveLang(langFlag(argv), io.env));
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, io, resolveLang(langFlag(argv), io.env));
  }
}

function reportError(error: unknown, io: CommandIO, lang: Lang): ExitCode {
  if (error instanceof CommanderError) {
    // Help and version "errors" are how commander says it printed them.
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return ExitCode.Ok;
    // Help asked for ("kuesioner help") exits 0; help printed because no command was given is a usage error.
    if (error.code === "commander.help") return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    if (error.code === "commander.executeSubCommandAsync") return ExitCode.Ok;
    return ExitCode.Usage; // commander already printed the message
  }
  if (error instanceof CancelledError && error.message === "") {
    io.stderr.write(`kuesioner: ${lang === "id" ? "Dibatalkan." : "Cancelled."}\n`);
    return error.exitCode;
  }
  if (error instanceof KuesionerError) {
    const said = localizeError(error, lang);
    const hint = said.hint ? `  ${diagnosticWords[lang].hint}: ${said.hint}\n` : "";
    io.stderr.write(`kuesioner: ${said.message}\n${hint}`);
    return error.exitCode;
  }
  return reportInternal(io, lang, error instanceof Error ? (error.stack ?? error.message) : String(error));
}

/** An internal error (exit 70): a bug of ours, with what the user should send. */
function reportInternal(io: CommandIO, lang: Lang, detail: string): ExitCode {
  io.stderr.write(
    lang === "id"
      ? `kuesioner: kesalahan internal: ini adalah bug di kuesioner, mohon laporkan beserta perintah yang Anda jalankan.\n${detail}\n`
      : `kuesioner: internal error: this is a bug in kuesioner, please report it with the command you ran.\n${detail}\n`,
  );
  return ExitCode.Internal;
}

/** What an internal error says of a command that stopped before it finished (no stack: none would help). */
const STALLED = {
  id: "perintah berhenti sebelum selesai: pekerjaannya menunggu sesuatu yang tidak akan terjadi lagi",
  en: "the command stopped before it finished: its work waited on something that can no longer happen",
} satisfies Record<Lang, string>;

/** The login name, for the audit trail; containers without a passwd entry fall back to the environment. */
function systemUser(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

/** The process entry point (bin/kuesioner.js): the only place that sets the process exit code. */
export async function main(argv: readonly string[]): Promise<void> {
  tuneGarbageCollection();
  // `kuesioner compare A B --format json | head`: the reader left; what is left to print has
  // nowhere to go, which is not an error of ours (Node would otherwise throw an unhandled EPIPE).
  let readerLeft = false;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    readerLeft = true;
  });
  const io: CommandIO = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    cwd: invocationFolder(process.env, process.cwd(), fileURLToPath(new URL("../package.json", import.meta.url))),
    env: process.env,
    color: !argv.includes("--no-color") && colorEnabled(process.env, process.stdout),
    user: systemUser(),
  };
  // A command whose work stopped without settling (a library's promise left pending, nothing left
  // for the event loop to wait for) would end the process with exit 0 and nothing said, as if it
  // had gone through: Node empties its loop and exits. Said as an internal error instead (exit 70),
  // unless the reader of standard output left (`| head`): the output waiting for room then never
  // gets it, and that ends the run as before.
  const stalled = () => {
    if (readerLeft) return;
    const lang = resolveLang(langFlag(argv), io.env);
    process.exitCode = reportInternal(io, lang, STALLED[lang]);
  };
  process.once("beforeExit", stalled);
  try {
    process.exitCode = await run(argv, io);
  } finally {
    process.off("beforeExit", stalled);
  }
}

/**
 * Process-wide, so set here and not inside a command (in-process tests would inherit it).
 * Loading a questionnaire (one large YAML parse whose nodes live on) teaches V8 to allocate
 * YAML nodes straight into the old generation ("allocation-site pretenuring"). Every answer
 * file's short-lived parse then fills the old generation: measured on 5,000 files with score,
 * 30 to 75 full collections instead of 1 and two to five times the scavenge time, depending on
 * timing. Turning the heuristic off is safe (it is only an optimisation) and makes batch runs
 * (score, report, compare, survey import) predictable.
 *
 * A batch keeps little alive (src/commands/score/run.ts: about 20 MB at 20,000 files) but makes
 * garbage fast, and V8 lets the heap grow to several times what is alive before a full
 * collection: peak RSS grew with the batch (score --format csv, two threads: 147 MB at 1,000
 * files, 325 MB at 20,000). Growing the heap by half at most keeps it near what is alive
 * (221 MB at 20,000 files) for the same CPU time.
 */
function tuneGarbageCollection(): void {
  setFlagsFromString("--no-allocation-site-pretenuring");
  setFlagsFromString("--heap-growing-percent=50");
}
