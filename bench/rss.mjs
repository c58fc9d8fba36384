// Preloaded with `node --import ./bench/rss.mjs`: when the process exits, writes its peak
// resident set size (KiB) to $BENCH_RSS_FILE, so the benchmark measures kuesioner and the
// floor script the same way without changing either.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
