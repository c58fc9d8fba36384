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
  esbuildPlugins: [zodEnglishOnly],
  define: { KUESIONER_BUILD: JSON.stringify(sourceFingerprint(".")) },
});
