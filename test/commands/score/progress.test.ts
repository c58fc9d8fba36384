import { afterEach, describe, expect, it, vi } from "vitest";
import { Progress } from "../../../src/commands/score/progress.js";

describe("score's progress line", () => {
  afterEach(() => vi.useRealTimers());
  const stream = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { chunks, stream: { isTTY, write: (s: string) => chunks.push(s) } };
  };

  it("shows nothing in a pipe or a file, however long the batch takes", () => {
    vi.useFakeTimers();
    const { chunks, stream: stderr } = stream(false);
    const progress = new Progress(stderr, 5000);
    vi.advanceTimersByTime(5000);
    progress.update(100);
    progress.clear();
    expect(chunks).toEqual([]);
  });

  it("shows on a terminal after a second, at most ten times a second, and is erased", () => {
    vi.useFakeTimers();
    const { chunks, stream: stderr } = stream(true);
    const progress = new Progress(stderr, 5000);
    progress.update(10);
    vi.advanceTimersByTime(999);
    progress.update(400);
    expect(chunks).toEqual([]);
    vi.advanceTimersByTime(1);
    progress.update(401);
    progress.update(402);
    vi.advanceTimersByTime(100);
    progress.update(1234);
    expect(chunks).toEqual([
      "\r\x1b[Kkuesioner: scored 401 of 5,000 files",
      "\r\x1b[Kkuesioner: scored 1,234 of 5,000 files",
    ]);
    progress.clear();
    progress.clear();
    expect(chunks.at(-1)).toBe("\r\x1b[K");
    expect(chunks).toHaveLength(3);
  });

  it("speaks the run's language", () => {
    vi.useFakeTimers();
    const { chunks, stream: stderr } = stream(true);
    const progress = new Progress(stderr, 5000, "id");
    vi.advanceTimersByTime(1000);
    progress.update(1234);
    expect(chunks).toEqual(["\r\x1b[Kkuesioner: 1.234 dari 5.000 berkas sudah dinilai"]);
  });
});
