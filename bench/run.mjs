// npm run bench: how fast `kuesioner score` is, and how much memory it needs, against a floor.
//
// 1. Generates realistic, complete answer files for smart-city-2023 (every answer form; both
//    profiles) under bench/out/<n>/, once per size (reused while the generator is unchanged).
// 2. Times `kuesioner score <folder> --format csv` and the floor (bench/floor.mjs: list, read
//    and parse the same files with the same YAML library), each run several times; medians.
// 3. Reports files per second, peak RSS (from process.resourceUsage() at exit, preloaded by
//    bench/rss.mjs), the ratio to the floor, and at 1,000 against 5,000 files both peak RSS and
//    the live heap after forced collections (bench/heap.mjs, one extra run per size).
// 4. Times `kuesioner --version` against `node -e 0`.
//
// Options: --files N (default 5000), --small N (default 1000), --runs N (default 3).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { generateAnswers } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const bin = join(root, "bin/kuesioner.js");
const rssHook = join(here, "rss.mjs");
const heapHook = join(here, "heap.mjs");

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FILES = option("files", 5000);
const SMALL = option("small", 1000);
const RUNS = option("runs", 3);

const questionnaire = YAML.parse(readFileSync(join(root, "questionnaires/smart-city-2023.yaml"), "utf8"));

/** Writes n answer files once; a stamp of the generator and questionnaire decides reuse. */
function ensureFiles(n) {
  const dir = join(here, "out", String(n));
  const stamp = createHash("sha256")
    .update(readFileSync(join(here, "generate.mjs")))
    .update(readFileSync(join(root, "questionnaires/smart-city-2023.yaml")))
    .digest("hex");
  const stampFile = join(dir, ".stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return dir;
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `batch-${String(Math.floor(i / 500)).padStart(2, "0")}`);
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    const kppn = i % 4 === 0;
    const answers = generateAnswers(questionnaire, {
      region: `${i % 3 === 0 ? "Kota" : "Kabupaten"} Uji ${String(i + 1).padStart(4, "0")}`,
      year: 2023,
      seed: 1000 + i,
      capacity: 0.2 + (((i * 7919) % 1000) / 1000) * 0.7,
      ...(kppn ? { profile: "kppn-ikn" } : {}),
    });
    if (i % 5 === 0) answers.previous = { total: Math.round(((i * 31) % 300) + 50) / 100, year: 2022 };
    const doc = new YAML.Document(answers);
    for (const pair of doc.get("answers").items) if (YAML.isMap(pair.value)) pair.value.flow = true;
    writeFileSync(join(sub, `region-${String(i + 1).padStart(4, "0")}.yaml`), doc.toString({ lineWidth: 0 }));
  }
  writeFileSync(stampFile, stamp);
  console.log(`generated ${n} answer files in ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return dir;
}

/** Runs node with the RSS hook; returns wall time (ms), peak RSS (MiB), exit code and stderr. */
function measure(args) {
  const rssFile = join(tmpdir(), `kuesioner-bench-rss-${process.pid}`);
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--import", rssHook, ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", BENCH_RSS_FILE: rssFile },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const rss = Number(readFileSync(rssFile, "utf8")) / 1024;
  rmSync(rssFile, { force: true });
  return { ms, rss, code: child.status, stderr: child.stderr.toString() };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function repeat(args, runs) {
  const results = Array.from({ length: runs }, () => measure(args));
  const failed = results.find((r) => r.code !== 0);
  if (failed) throw new Error(`node ${args.join(" ")} exited ${failed.code}:\n${failed.stderr.slice(0, 2000)}`);
  return { ms: median(results.map((r) => r.ms)), rss: Math.max(...results.map((r) => r.rss)) };
}

/** The largest live heap (MiB) of one `score` run, sampled after forced collections. */
function liveHeap(dir) {
  const heapFile = join(tmpdir(), `kuesioner-bench-heap-${process.pid}`);
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", heapHook, bin, "score", dir, "--format", "csv"],
    {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1", BENCH_HEAP_FILE: heapFile },
      stdio: "ignore",
    },
  );
  if (child.status !== 0) throw new Error(`score exited ${child.status} while measuring the heap`);
  const kib = Number(readFileSync(heapFile, "utf8"));
  rmSync(heapFile, { force: true });
  return kib / 1024;
}

function scoreRun(dir, runs) {
  const score = repeat([bin, "score", dir, "--format", "csv"], runs);
  const floor = repeat([join(here, "floor.mjs"), dir], runs);
  return { score, floor, heap: liveHeap(dir) };
}

if (!existsSync(join(root, "dist/main.js")))
  throw new Error("dist/ is missing: run npm run build first (npm run bench does)");

const big = ensureFiles(FILES);
const small = ensureFiles(SMALL);
const large = scoreRun(big, RUNS);
const little = scoreRun(small, RUNS);
const version = repeat([bin, "--version"], 11);
const empty = repeat(["-e", "0"], 11);

const fmt = (n, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const lines = [
  `node ${process.version}, ${FILES} and ${SMALL} files of smart-city-2023 (117 questions), median of ${RUNS} runs`,
  "",
  `| measure | ${fmt(FILES)} files | ${fmt(SMALL)} files |`,
  "|---|---:|---:|",
  `| kuesioner score --format csv | ${fmt(large.score.ms / 1000, 2)} s (${fmt(FILES / (large.score.ms / 1000))} files/s) | ${fmt(little.score.ms / 1000, 2)} s (${fmt(SMALL / (little.score.ms / 1000))} files/s) |`,
  `| floor: list, read, YAML.parse | ${fmt(large.floor.ms / 1000, 2)} s (${fmt(FILES / (large.floor.ms / 1000))} files/s) | ${fmt(little.floor.ms / 1000, 2)} s (${fmt(SMALL / (little.floor.ms / 1000))} files/s) |`,
  `| ratio score / floor (goal ≤ 1.5) | ${fmt(large.score.ms / large.floor.ms, 2)} | ${fmt(little.score.ms / little.floor.ms, 2)} |`,
  `| peak RSS, score | ${fmt(large.score.rss)} MiB | ${fmt(little.score.rss)} MiB |`,
  `| peak RSS, floor | ${fmt(large.floor.rss)} MiB | ${fmt(little.floor.rss)} MiB |`,
  `| peak live heap of score (after GC) | ${fmt(large.heap, 1)} MiB | ${fmt(little.heap, 1)} MiB |`,
  "",
  `growth of score from ${fmt(SMALL)} to ${fmt(FILES)} files: live heap ${fmt(large.heap - little.heap, 1)} MiB (${fmt(((large.heap - little.heap) * 1024) / (FILES - SMALL), 1)} KiB per extra file, the result summary); peak RSS ${fmt(large.score.rss - little.score.rss, 1)} MiB (V8 grows its heap lazily)`,
  `kuesioner --version: ${fmt(version.ms)} ms; node -e 0: ${fmt(empty.ms)} ms; ratio ${fmt(version.ms / empty.ms, 2)} (goal ≤ 2)`,
];
console.log(lines.join("\n"));
