// Preloaded with `node --import ./bench/rss.mjs`: when the process exits, writes its peak
// resident set size (KiB), the CPU time it used (user + system, ms) and, where Linux tells, the
// part of it its main thread used (ms; the rest is V8's compiler and collector threads, worker
// threads, libuv's pool) to $BENCH_RSS_FILE as "rss cpu main", so the benchmark measures
// kuesioner, the floor and `node -e 0` the same way without changing any of them.
import { readFileSync, writeFileSync } from "node:fs";

/** CPU time of the thread that calls it (ms), from /proc/thread-self/stat; NaN where there is none. */
function threadCpu() {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime (fields 14 and 15 of proc(5)), in clock ticks of 1/100 s on Linux.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

const file = process.env.BENCH_RSS_FILE;
if (file)
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000} ${threadCpu()}`);
  });
