import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Published results kept beside the clone (CI checks out shared/ next to it). */
export const referenceDir = resolve(repoRoot, "../shared/reference");

/** Reads a reference file, failing loudly (never skipping) when the data is not there. */
export function readReference(name: string): string {
  const file = resolve(referenceDir, name);
  if (!existsSync(file)) {
    throw new Error(
      `reference data missing: ${file} not found. The reference tests need the shared/ folder checked out beside the repository (../shared/reference).`,
    );
  }
  return readFileSync(file, "utf8");
}
