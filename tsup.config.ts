import { defineConfig } from "tsup";

// One ESM bundle with code splitting: commands are dynamic imports, so `--version`
// and `--help` do not load zod, yaml or the prompt library.
export default defineConfig({
  entry: { main: "src/main.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  splitting: true,
  clean: true,
  sourcemap: true,
});
