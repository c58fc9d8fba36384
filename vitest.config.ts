import { defineConfig } from "vitest/config";
import LongestFirst from "./test/setup/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The questionnaire cache of the whole run lives in a temporary folder (never ~/.cache).
    globalSetup: ["test/setup/cache-home.ts"],
    // The machine has two cores; end-to-end tests spawn node processes.
    maxWorkers: 2,
    // Two worker threads that keep their modules from one test file to the next: each file no
    // longer starts a process and imports zod, yaml and our sources again (about a third of the
    // suite's CPU time). No test mocks modules or changes process-wide state it does not restore.
    pool: "threads",
    isolate: false,
    // The longest files first, also on a fresh clone (test/setup/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    // KUESIONER_TEST_TIMEOUT (ms) lengthens every time limit on a machine loaded by other work;
    // a test that hangs still fails, only later.
    testTimeout: Number(process.env.KUESIONER_TEST_TIMEOUT) || 20_000,
    hookTimeout: Number(process.env.KUESIONER_TEST_TIMEOUT) || 10_000,
    // A missing expected-output file fails, on every machine and not only with CI=true: a new
    // golden file is written only on request (npm run test:update, or vitest run -u FILE).
    update: "none",
  },
});
