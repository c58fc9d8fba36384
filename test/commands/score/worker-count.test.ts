import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { MIN_FILES_FOR_WORKERS, workerCount } from "../../../src/commands/score/parallel.js";

describe("workerCount", () => {
  const cores = Math.min(availableParallelism(), 8);

  it("keeps a batch below the threshold on the main thread", () => {
    expect(workerCount(1, {})).toBe(1);
    expect(workerCount(3000, {})).toBe(1);
    expect(workerCount(MIN_FILES_FOR_WORKERS - 1, {})).toBe(1);
  });

  it("gives a large batch one thread per core, at most 8", () => {
    expect(workerCount(MIN_FILES_FOR_WORKERS, {})).toBe(Math.max(1, cores));
    expect(workerCount(100_000, {})).toBe(Math.max(1, cores));
  });

  it("follows KUESIONER_WORKERS whatever the size, up to 64, and ignores a value that is not a count", () => {
    expect(workerCount(10, { KUESIONER_WORKERS: "2" })).toBe(2);
    expect(workerCount(100_000, { KUESIONER_WORKERS: "1" })).toBe(1);
    expect(workerCount(10, { KUESIONER_WORKERS: "500" })).toBe(64);
    expect(workerCount(10, { KUESIONER_WORKERS: "0" })).toBe(1);
    expect(workerCount(10, { KUESIONER_WORKERS: "many" })).toBe(1);
    expect(workerCount(MIN_FILES_FOR_WORKERS, { KUESIONER_WORKERS: "" })).toBe(Math.max(1, cores));
  });
});
