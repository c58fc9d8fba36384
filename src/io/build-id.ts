import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A fingerprint of the code that reads and checks questionnaires: every file under src/ and the
 * package manifest (the version and the exact versions of zod and yaml). The build stamps it into
 * the bundle (tsup.config.ts); run from source (the tests), it is computed on first use. A cached
 * questionnaire is used only by the very code that produced it.
 */
export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk("src");
  for (const file of [...files.sort(), "package.json"]) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}
