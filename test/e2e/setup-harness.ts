import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../reference/reference-data.js";

/** The commands of the README's set-up block (between the section:setup markers). */
export function readmeSetup(): string[] {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const section = /<!-- section:setup -->([\s\S]*?)<!-- \/section:setup -->/.exec(readme)?.[1] ?? "";
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block
    .split("\n")
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter(Boolean);
}

/**
 * Runs the README's global install of this checkout, into `prefix` instead of the machine's
 * global folder (the same npm code path, without touching the machine). The dependencies are
 * installed and dist/ built already (npm test builds first). Returns the folder to put on PATH.
 */
export async function installAsReadmeSays(prefix: string): Promise<string> {
  const install = readmeSetup().find((line) => /^npm (install|i) (-g|--global) \.$/.test(line));
  if (!install)
    throw new Error(`the README's set-up has no global install of the checkout: ${readmeSetup().join("; ")}`);
  const args = install.split(" ").slice(1);
  // Not execFileSync: the terminal tests running beside it in the same thread keep reading their screens.
  await promisify(execFile)(
    "npm",
    [...args, "--prefix", prefix, "--offline", "--no-audit", "--no-fund", "--ignore-scripts"],
    {
      cwd: repoRoot,
    },
  );
  return join(prefix, "bin");
}
