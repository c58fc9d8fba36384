import { execFile } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../reference/reference-data.js";

export const bin = join(repoRoot, "bin/kuesioner.js");

export interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built binary (npm test builds it first) with colour off, as a user's shell would. */
export function spawnKuesioner(
  args: readonly string[],
  cwd = repoRoot,
  env: Record<string, string | undefined> = {},
): Promise<Spawned> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...env }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
