// The compare and advise section of npm run bench (--only advise): compare across instruments,
// advise with the largest --target plan (every step to the top), and advise ranked among 500
// generated peers; wall and CPU time and peak RSS.
import { join } from "node:path";

/**
 * @param {string[]} lines the bench's output lines
 * @param {{ bin: string, root: string, ensureFiles: (n: number) => string, measure: Function, repeat: Function, fmt: Function, runs: number }} tools
 */
export async function adviseBench(lines, { bin, root, ensureFiles, measure, repeat, fmt, runs }) {
  const peers = 500;
  const dir = ensureFiles(peers);
  const malang = (year) => join(root, `fixtures/compare/kabupaten-malang-${year}.yaml`);
  const sukamaju = join(root, "fixtures/answers/2023/kabupaten-sukamaju.yaml");
  const cases = [
    ["compare 2022 → 2023 (Malang), table", [bin, "compare", malang(2022), malang(2023)]],
    ["compare 2022 → 2023 (Malang), json", [bin, "compare", malang(2022), malang(2023), "--format", "json"]],
    ["advise, 12 unanswered, --target 4 (1,258 steps)", [bin, "advise", sukamaju, "--target", "4"]],
    [`advise --peers (${fmt(peers)} generated files)`, [bin, "advise", malang(2023), "--peers", dir]],
  ];
  lines.push(
    "",
    `compare and advise: median of ${runs} runs`,
    "",
    "| command | wall | CPU | peak RSS |",
    "|---|---:|---:|---:|",
  );
  for (const [name, args] of cases) {
    const r = await repeat(() => measure(args), runs);
    lines.push(`| ${name} | ${fmt(r.ms / 1000, 2)} s | ${fmt(r.cpu / 1000, 2)} s | ${fmt(r.rss)} MiB |`);
  }
}
