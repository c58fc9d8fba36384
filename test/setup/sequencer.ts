import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Seconds each long test file took on the two-core machine (3 December 2026, 14:50–14:57 UTC, the
 * median of three runs of the whole suite as on a fresh clone at load 7 to 10 from other work:
 * only their order counts). vitest runs the files it has durations for longest first, but a fresh
 * clone has none, and it then runs the largest files first: the end-to-end files are short to read
 * but long to run, and one started last kept a worker busy while the other had nothing left to do.
 */
const knownSeconds: Record<string, number> = {
  "test/fuzz/fuzz.test.ts": 11.7,
  "test/io/fast-yaml.test.ts": 6.9,
  "test/fuzz/inputs.test.ts": 6.7,
  "test/e2e/fill-tty.test.ts": 5.8,
  "test/e2e/verify-tty.test.ts": 5.7,
  "test/commands/report/browser.test.ts": 5.6,
  "test/commands/fill/smart-city.test.ts": 4.1,
  "test/e2e/score.test.ts": 3.3,
  "test/hostile/many-diagnostics.test.ts": 3.2,
  "test/e2e/score-parallel.test.ts": 3.1,
  "test/e2e/validate.test.ts": 2.8,
  "test/model/answers-check.test.ts": 2.8,
  "test/text/indonesian-screens.test.ts": 2.6,
  "test/commands/report/report.test.ts": 2.3,
  "test/docs/examples.test.ts": 2.2,
  "test/e2e/compare.test.ts": 1.7,
  "test/commands/score/score.test.ts": 1.7,
  "test/e2e/advise.test.ts": 1.6,
  "test/e2e/cli.test.ts": 1.6,
  "test/commands/score/xlsx.test.ts": 1.6,
  "test/commands/fill/run.test.ts": 1.5,
  "test/e2e/stopped.test.ts": 1.5,
  "test/model/string-list.test.ts": 1.3,
  "test/io/questionnaire-store.test.ts": 1.3,
  "test/io/crowded.test.ts": 1.2,
  "test/io/source.test.ts": 1.2,
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
