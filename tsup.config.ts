import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";
import { sourceFingerprint } from "./src/io/build-id.js";

/**
 * zod re-exports every one of its locales (z.locales, z.core.locales): 300 KB of source, a
 * third of zod, parsed on every start of a command that checks its options. kuesioner words
 * its diagnostics itself (src/model/zod-issues.ts) and zod keeps English as its default, so
 * only English stays in the bundle.
 */
const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};

/**
 * Commands check their options with zod/mini (src/command-options.ts): the same checks as zod's
 * full API, kept in the bundle only when used. esbuild splits shared code by whole files, so while
 * zod/mini shares zod's core files with the questionnaire and answer schemas (which use all of
 * them), every command would still load all of zod's core, 300 KB, to check its options. zod/mini
 * and the core files it imports are therefore bundled as a copy of their own (a namespace of this
 * plugin), tree-shaken to what the options use: about 60 KB. The two copies never meet: option
 * schemas give plain issues to parseOptions and nothing else. Its English messages are zod's
 * default, like the full API's (zod-english-only).
 */
const zodMiniApart: Plugin = {
  name: "zod-mini-apart",
  setup(build) {
    const namespace = "zod-mini";
    const copy = async (path: string, resolveDir: string, kind: "import-statement") => {
      const resolved = await build.resolve(path, { kind, resolveDir, pluginData: namespace });
      return resolved.errors.length ? { errors: resolved.errors } : { path: resolved.path, namespace };
    };
    build.onResolve({ filter: /^zod\/mini$/ }, (args) =>
      args.pluginData === namespace ? undefined : copy(args.path, args.resolveDir, "import-statement"),
    );
    build.onResolve({ filter: /.*/, namespace }, (args) => copy(args.path, args.resolveDir, "import-statement"));
    build.onLoad({ filter: /.*/, namespace }, async (args) => ({
      contents: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/.test(args.path)
        ? 'export { default as en } from "./en.js";\n'
        : await readFile(args.path, "utf8"),
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};

// One ESM bundle with code splitting: commands are dynamic imports, so `--version`
// and `--help` do not load zod, yaml or the prompt library. The build's fingerprint keys the
// compiled and cached questionnaires (src/io/questionnaire-store.ts).
export default defineConfig({
  // score's worker threads load dist/score-worker.js (src/commands/score/parallel.ts).
  entry: { main: "src/main.ts", "score-worker": "src/commands/score/worker.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  splitting: true,
  clean: true,
  sourcemap: true,
  // Every dependency is bundled but the large ones only report and the xlsx format load (each a
  // dynamic import): resolving, reading and linking a hundred small ES modules from node_modules
  // (zod alone is that many; commander, tinyglobby, the prompt library...) cost a short command
  // more start-up time than everything else it does (npm run bench: start-up). CommonJS
  // dependencies (commander, yaml, picomatch) call require() for Node's own modules: the banner
  // gives each chunk one.
  noExternal: [/^(?!exceljs|vega|jszip)/],
  banner: {
    js: 'import { createRequire as __kuesionerRequire } from "node:module";\nconst require = __kuesionerRequire(import.meta.url);',
  },
  esbuildPlugins: [zodEnglishOnly, zodMiniApart],
  define: { KUESIONER_BUILD: JSON.stringify(sourceFingerprint(".")) },
});
