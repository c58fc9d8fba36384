// Preloaded with `node --import ./bench/rss.mjs`: when the process exits, writes its peak
// resident set size (KiB) and the CPU time it used (user + system, ms) to $BENCH_RSS_FILE as
// "rss cpu", so the benchmark measures kuesioner, the floor and `node -e 0` the same way
// without changing any of them.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file)
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}`);
  });
