import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { ExitCode, KuesionerError, UsageError } from "../errors.js";
import { writeFileAtomic } from "./atomic-write.js";

/**
 * The file an `--out` option names, resolved and checked before any work, so that a typo
 * does not cost a long batch: its folder must exist and it must not be a folder itself. Either
 * is a bad option value, a usage error (exit 2) in every command.
 */
export async function checkOutputFile(out: string, cwd: string): Promise<string> {
  const file = resolve(cwd, out);
  const dir = await stat(dirname(file)).catch(() => undefined);
  if (!dir?.isDirectory()) {
    throw new UsageError(
      `--out ${out}: the folder ${dirname(out)} does not exist`,
      "create the folder first, or write to an existing one",
    ).coded("out.folder-missing", { out, folder: dirname(out) });
  }
  const target = await stat(file).catch(() => undefined);
  if (target?.isDirectory())
    throw new UsageError(`--out ${out}: is a folder, expected a file name`).coded("out.is-folder", { out });
  return file;
}

/** Writes the output atomically; a failure is an input error naming the option, not a crash. */
export async function writeOutputFile(
  out: string,
  file: string,
  text: string | Uint8Array | Iterable<string>,
): Promise<void> {
  try {
    await writeFileAtomic(file, text, { throughSpecial: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new KuesionerError(`--out ${out}: cannot write the file (${code})`, ExitCode.Failed).coded(
      "out.cannot-write",
      {
        out,
        reason: code,
      },
    );
  }
}
