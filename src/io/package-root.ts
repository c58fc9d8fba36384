import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** The folder holding kuesioner's package.json, found from this module (works from src/ and dist/). */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "kuesioner") {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`kuesioner's package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export function shippedQuestionnairesDir(): string {
  return join(packageRoot(), "questionnaires");
}
