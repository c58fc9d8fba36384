import { defineConfig } from "tsup";
import { sourceFingerprint } from "./src/io/build-id.js";

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
  // Bundled rather than loaded from node_modules: zod alone is about a hundred ES modules, and
  // resolving, reading and linking them cost more start-up time than everything else a short
  // command does (npm run bench: start-up).
  noExternal: ["zod", "chalk", "js-yaml"],
  define: { KUESIONER_BUILD: JSON.stringify(sourceFingerprint(".")) },
});
