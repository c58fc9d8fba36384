// The report section of npm run bench: `kuesioner report` on a ranking of 500 generated answer
// files and on one region (with last year's file), wall and CPU time, peak RSS and the size of
// the HTML written (goal for one region: under 300 KB).
import { rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * @param {string[]} lines the bench's output lines
 * @param {{ bin: string, ensureFiles: (n: number) => string, measure: Function, repeat: Function, fmt: Function, runs: number }} tools
 */
export async function reportBench(lines, { bin, ensureFiles, measure, repeat, fmt, runs }) {
  const files = 500;
  const dir = ensureFiles(files);
  const one = join(dir, "batch-000", "region-000002.yaml");
  const previous = join(dir, "batch-000", "region-000003.yaml");
  const out = join(tmpdir(), `kuesioner-bench-report-${process.pid}.html`);
  const cases = [
    [
      `report of ${fmt(files)} files (ranking)`,
      [bin, "report", dir, "--out", out, "--highlight", "Kabupaten Uji 000002"],
    ],
    ["report of one region", [bin, "report", one, "--out", out]],
    ["report of one region with --previous (answer file)", [bin, "report", one, "--previous", previous, "--out", out]],
  ];
  lines.push(
    "",
    `report: median of ${runs} runs; the HTML is self-contained (CSS, SVG charts)`,
    "",
    "| command | wall | CPU | peak RSS | HTML |",
    "|---|---:|---:|---:|---:|",
  );
  for (const [name, args] of cases) {
    const r = await repeat(() => measure(args), runs);
    const size = statSync(out).size;
    lines.push(
      `| ${name} | ${fmt(r.ms / 1000, 2)} s | ${fmt(r.cpu / 1000, 2)} s | ${fmt(r.rss)} MiB | ${fmt(size / 1024)} KB |`,
    );
  }
  rmSync(out, { force: true });
}
