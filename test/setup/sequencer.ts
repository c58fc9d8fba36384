import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Seconds each long test file took on the two-core machine (3 December 2026, 13:00–13:06 UTC, the
 * median of three runs of the whole suite at load 4 to 8 from other work: only their order
 * counts). vitest runs the files it has durations for longest first, but a fresh clone has none,
 * and it then runs the largest files first: the end-to-end files are short to read but long to
 * run, and one started last kept a worker busy while the other had nothing left to do.
 */
const knownSeconds: Record<string, number> = {
  "test/fuzz/fuzz.test.ts": 9.5,
  "test/io/fast-yaml.test.ts": 5.6,
  "test/fuzz/inputs.test.ts": 5.5,
  "test/e2e/fill-tty.test.ts": 5.4,
  "test/commands/report/browser.test.ts": 5.3,
  "test/e2e/verify-tty.test.ts": 4.3,
  "test/commands/fill/smart-city.test.ts": 3.9,
  "test/hostile/many-diagnostics.test.ts": 3.7,
  "test/e2e/score.test.ts": 2.8,
  "test/commands/report/report.test.ts": 2.5,
  "test/e2e/validate.test.ts": 2.4,
  "test/model/answers-check.test.ts": 2.0,
  "test/e2e/score-parallel.test.ts": 2.0,
  "test/text/indonesian-screens.test.ts": 1.9,
  "test/e2e/cli.test.ts": 1.7,
  "test/docs/examples.test.ts": 1.6,
  "test/e2e/compare.test.ts": 1.5,
  "test/commands/startup-imports.test.ts": 1.3,
  "test/commands/fill/run.test.ts": 1.3,
  "test/e2e/fill-notty.test.ts": 1.2,
  "test/commands/survey/import.test.ts": 1.2,
  "test/e2e/advise.test.ts": 1.2,
  "test/commands/score/xlsx.test.ts": 1.2,
};

/**
 * Longest first (the files' last durations from vitest's cache, else the figures above), so
 * that the two workers end close together. Files with neither keep vitest's order, after these.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const seconds = (spec: TestSpecification) => {
      const key = relative(this.ctx.config.root, spec.moduleId);
      const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${key}`);
      return cached ? cached.duration / 1000 : (knownSeconds[key] ?? 0);
    };
    // A stable sort: equal estimates keep the base order.
    return base
      .map((spec, index) => ({ spec, index, seconds: seconds(spec) }))
      .sort((a, b) => b.seconds - a.seconds || a.index - b.index)
      .map(({ spec }) => spec);
  }
}
