import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Seconds each long test file took on the two-core machine (3 December 2026, the median of three
 * runs at load 6 to 9 from other work: only their order counts). vitest runs the files it has
 * durations for longest first, but a fresh clone has none, and it then runs the largest files
 * first: the end-to-end files are short to read but long to run, and one started last kept a
 * worker busy while the other had nothing left to do.
 */
const knownSeconds: Record<string, number> = {
  "test/fuzz/fuzz.test.ts": 10.8,
  "test/fuzz/inputs.test.ts": 6.3,
  "test/commands/report/browser.test.ts": 6.2,
  "test/io/fast-yaml.test.ts": 6.0,
  "test/e2e/fill-tty.test.ts": 5.8,
  "test/hostile/many-diagnostics.test.ts": 4.3,
  "test/e2e/score-parallel.test.ts": 4.0,
  "test/e2e/verify-tty.test.ts": 3.6,
  "test/model/answers-check.test.ts": 3.0,
  "test/e2e/validate.test.ts": 2.6,
  "test/commands/fill/smart-city.test.ts": 2.4,
  "test/docs/examples.test.ts": 2.2,
  "test/text/indonesian-screens.test.ts": 2.0,
  "test/e2e/score.test.ts": 1.9,
  "test/commands/report/report.test.ts": 1.9,
  "test/e2e/fill-notty.test.ts": 1.6,
  "test/e2e/cli.test.ts": 1.5,
  "test/commands/score/xlsx.test.ts": 1.3,
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
