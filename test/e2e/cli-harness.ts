import { spawn } from "node:child_process";
import { constants } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../reference/reference-data.js";

/** The built program (npm test builds it first); every test that launches it goes through here. */
export const bin = join(repoRoot, "bin/kuesioner.js");

export interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

/** The language rule reads these: tests fix them, so a developer's own locale changes nothing. */
export const neutralLocale = { KUESIONER_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: "C.UTF-8" };

/**
 * Runs the built binary with colour off, as a user's shell would, and waits for it to close its
 * output. Standard input is /dev/null unless `stdin: "pipe"` (a pipe left open, as a CI runner
 * may give). A process killed by a signal reports 128 + the signal's number, as shells do.
 */
export function spawnKuesioner(
  args: readonly string[],
  cwd = repoRoot,
  env: Record<string, string | undefined> = {},
  options: { stdin?: "ignore" | "pipe" } = {},
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, ...neutralLocale, NO_COLOR: "1", FORCE_COLOR: undefined, ...env },
      stdio: [options.stdin ?? "ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const killed = signal ? 128 + constants.signals[signal] : -1;
      resolve({ code: code ?? killed, stdout, stderr });
    });
  });
}

/**
 * Runs several commands one after the other in one process of the built program
 * (test/e2e/one-process.mjs: dist/main.js's run, which the binary calls), with the environment
 * spawnKuesioner gives (and a command's own `env` over it), colour off: what each printed on stdout and stderr, and the exit code run
 * returned, for the price of one start-up. For what the built program prints; what a shell sees
 * of a process (its exit status, its streams) is checked on launches of the binary.
 */
export async function runBuiltTogether(
  commands: readonly { args: readonly string[]; cwd?: string; env?: Record<string, string> }[],
  env: Record<string, string | undefined> = {},
): Promise<(Spawned & { output: string })[]> {
  const ran = await new Promise<Spawned>((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, "one-process.mjs")], {
      env: { ...process.env, ...neutralLocale, NO_COLOR: "1", FORCE_COLOR: undefined, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(JSON.stringify(commands.map(({ args, cwd, env }) => ({ argv: args, cwd: cwd ?? repoRoot, env }))));
  });
  if (ran.code !== 0) throw new Error(`one-process.mjs ended with ${ran.code}:\n${ran.stderr}`);
  return JSON.parse(ran.stdout);
}

/** A command's exit code and streams from runBuiltTogether, as spawnKuesioner gives a launch's. */
export function streamsOf({ code, stdout, stderr }: Spawned): Spawned {
  return { code, stdout, stderr };
}
