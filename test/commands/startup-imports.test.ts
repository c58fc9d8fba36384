import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * What a command loads before it runs is what its start-up costs (npm run bench: start-up). The
 * short commands check their options with zod/mini and read checked questionnaires from the
 * store, so zod's full API (390 KB: half of Node's own start-up) and the `yaml` package load only
 * when a file has to be checked or written. This follows the static imports of each command's
 * run.ts through the sources, as esbuild bundles them; dynamic imports are where loading waits.
 */
async function staticImports(entry: string): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    outdir: "unused",
    logLevel: "silent",
    packages: "bundle",
    external: ["exceljs", "vega", "vega-lite", "jszip"],
  });
  const inputs: Metafile["inputs"] = metafile.inputs;
  const start = Object.keys(inputs).find((path) => path.endsWith(entry))!;
  const seen = new Set([start]);
  for (const path of seen)
    for (const imported of inputs[path]?.imports ?? [])
      if (imported.kind === "import-statement" && !imported.external) seen.add(imported.path);
  return [...seen];
}

describe.each(["score", "show", "validate", "fill"])("kuesioner %s before it runs", (command) => {
  it("loads neither zod's full API nor the yaml package", async () => {
    const loaded = await staticImports(`src/commands/${command}/run.ts`);
    expect(loaded.length).toBeGreaterThan(50);
    expect(loaded.filter((path) => /node_modules\/(zod\/v4\/classic|yaml)\//.test(path))).toEqual([]);
  });
});
