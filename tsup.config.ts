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
  define: { KUESIONER_BUILD: JSON.stringify(sourceFingerprint(".")) },
});
