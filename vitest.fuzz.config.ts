import { defineConfig } from "vitest/config";

/**
 * `npm run fuzz`: the long runs of test/fuzz/ (10,000 cases of validate and score, 1,000 per command of the inputs of fill, survey import, merge, history, verify, compare/advise and report; a random seed they print),
 * the differential test of the YAML readers with 1,500 documents a loop instead of `npm test`'s 500, and the answer-file
 * check's with 3,000 hostile edits instead of 1,000 (the same seeds).
 */
export default defineConfig({
  test: {
    include: [
      "test/fuzz/fuzz.test.ts",
      "test/fuzz/inputs.test.ts",
      "test/io/fast-yaml.test.ts",
      "test/model/answers-check.test.ts",
    ],
    env: { KUESIONER_FUZZ: "long" },
    testTimeout: 0,
    // beforeAll loads every seed, the shipped questionnaires too: slow on a busy machine under nice.
    hookTimeout: 0,
  },
});
