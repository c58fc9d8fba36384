// Preloaded with `node --expose-gc --import ./bench/heap.mjs`: once a second, collects garbage
// and notes the live heap; at exit writes the largest (KiB) to $BENCH_HEAP_FILE. Unlike peak
// RSS, which V8 lets grow lazily, this is what the process really keeps: for `score`, the
// per-result summaries.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_HEAP_FILE;
if (file && typeof globalThis.gc === "function") {
  let peak = 0;
  const sample = () => {
    globalThis.gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  setInterval(sample, 1000).unref();
  process.on("exit", () => writeFileSync(file, String(Math.round(peak / 1024))));
}
