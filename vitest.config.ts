import { setFlagsFromString } from "node:v8";
import { defineConfig } from "vitest/config";
import LongestFirst from "./test/setup/sequencer.js";

// V8 optimises a function with TurboFan once it has run a budget of bytecode; the suite runs a
// great deal of code a little (each command, each format, each test's own helpers), and on two
// cores TurboFan's background threads took about 11 s of the suite's CPU, competing with the two
// workers. Eight times the budget (the default is 67,584) still optimises what is really hot (the
// fuzzers' and differential tests' loops) and compiles far less: 5-7 s less CPU a run (four times:
// 3-6 s; sixteen: the same as eight). The flag is the runner's (this process and its worker
// threads); the programs the tests launch run with V8's defaults, as for a user.
setFlagsFromString("--interrupt-budget=540672");

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
