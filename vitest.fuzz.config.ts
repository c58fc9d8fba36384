import { defineConfig } from "vitest/config";

/** `npm run fuzz`: the long run of test/fuzz/fuzz.test.ts (10,000 cases, a random seed it prints). */
export default defineConfig({
  test: {
    include: ["test/fuzz/fuzz.test.ts"],
    env: { KUESIONER_FUZZ: "long" },
    testTimeout: 0,
    hookTimeout: 60_000,
  },
});
