import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Published results, copied into the repository with their sources (fixtures/reference/README.md). */
const referenceDir = resolve(repoRoot, "fixtures/reference");

/** Reads a reference file, failing loudly (never skipping) when the data is not there. */
export function readReference(name: string): string {
  const file = resolve(referenceDir, name);
  if (!existsSync(file)) {
    throw new Error(`reference data missing: ${file} not found. The reference data ships in fixtures/reference/.`);
  }
  return readFileSync(file, "utf8");
}
