import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandIO } from "../../../src/command-io.js";
import { run } from "../../../src/main.js";

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs kuesioner in-process with buffered output, colour off, in `cwd`. */
export async function runKuesioner(
  argv: readonly string[],
  cwd: string,
  options: { color?: boolean; columns?: number; env?: Record<string, string | undefined> } = {},
): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const io: CommandIO = {
    stdout: {
      write: (s: string) => (stdout += s),
      ...(options.columns ? { isTTY: true, columns: options.columns } : {}),
    },
    stderr: { write: (s: string) => (stderr += s) },
    stdinIsTTY: false,
    cwd,
    env: options.env ?? {},
    color: options.color ?? false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary folder, removed by the returned function. */
export async function tempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `kuesioner-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
