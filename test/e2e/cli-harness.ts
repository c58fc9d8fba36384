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
