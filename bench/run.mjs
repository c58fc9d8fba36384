// npm run bench: how fast kuesioner answers and scores, measured as ratios in one run.
//
// 1. Start-up: `score ONE_FILE`, `show smart-city-2023`, `validate questionnaires/*.yaml`,
//    `fill` up to its first question (in a pseudo-terminal, through script(1)) and `--version`,
//    each against `node -e 0`, wall and CPU time (goal ≤ 3×).
// 2. Batch: `kuesioner score FOLDER --format csv` on generated answer files against the floor
//    (bench/floor.mjs: list, read and parse the same files with js-yaml), with one worker and
//    with the default (all cores); and against the peer, a short Python script with PyYAML's C
//    loader (bench/peer.py), when python3 has it.
// 3. Memory: peak RSS of `score` at the small and the large size, and with --memory-files at
//    each size given (1,000 to 100,000 files: flat within 20 %).
// 4. Report: `kuesioner report` on 500 files and on one region: time, peak RSS, HTML size.
//
// Answer files are generated into the system's temp folder (reused while the generator and the
// questionnaire are unchanged), never into the repository.
//
// Options: --files N (default 5000), --small N (default 1000), --memory-files N,N,... (peak RSS
// of score at each size, e.g. 1000,10000,100000; default none; --huge N is --memory-files N),
// --runs N (default 3), --startup-runs N (default 11), --only startup|batch|memory|survey|report|advise,
// --survey-rows N (default 10000: `survey import` of 54 statements × N respondents, bench/survey.mjs),
// --against DIR (start-up: each command also in the checkout DIR, built, run in turn with this one,
// for an A/B of two versions on a busy machine).
import { spawn, spawnSync } from "node:child_process";
import { cpus, loadavg, tmpdir } from "node:os";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureFiles } from "./files.mjs";
import { adviseBench } from "./advise.mjs";
import { reportBench } from "./report.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const bin = join(root, "bin/kuesioner.js");
const rssHook = join(here, "rss.mjs");
const questionnaireFile = join(root, "questionnaires/smart-city-2023.yaml");

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const FILES = Number(option("files", 5000));
const SMALL = Number(option("small", 1000));
// Peak RSS of score at each of these sizes (--memory-files 1000,10000,100000); --huge N adds N.
const MEMORY_FILES = [
  ...(option("memory-files") ?? "").split(",").filter(Boolean).map(Number),
  ...(option("huge") ? [Number(option("huge"))] : []),
];
const RUNS = Number(option("runs", 3));
const STARTUP_RUNS = Number(option("startup-runs", 11));
const ONLY = option("only");

const benchRoot = join(tmpdir(), "kuesioner-bench");
// The bench measures the tool, not a cache left by the user's own runs.
const cacheDir = join(benchRoot, "cache");

const env = (extra = {}) => ({ ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: cacheDir, ...extra });

/** Runs a command under the RSS/CPU hook: wall (ms), CPU (ms), peak RSS (MiB), exit code, stderr. */
function measure(args, extraEnv = {}, command = process.execPath, cwd = root) {
  const rssFile = join(tmpdir(), `kuesioner-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const child = spawnSync(command, command === process.execPath ? ["--import", rssHook, ...args] : args, {
    cwd,
    env: env({ BENCH_RSS_FILE: rssFile, ...extraEnv }),
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  let rss = Number.NaN;
  let cpu = Number.NaN;
  let main = Number.NaN;
  if (existsSync(rssFile)) {
    [rss, cpu, main] = readFileSync(rssFile, "utf8").split(" ").map(Number);
    rmSync(rssFile, { force: true });
  }
  return { ms, cpu, main, rss: rss / 1024, code: child.status, stderr: child.stderr.toString() };
}

/** `fill` in a pseudo-terminal: the time until its first question shows, then Ctrl-C. */
function measureFill(kuesioner = bin, cwd = root) {
  return new Promise((resolvePromise, reject) => {
    const rssFile = join(tmpdir(), `kuesioner-bench-rss-fill-${process.pid}`);
    const out = join(tmpdir(), `kuesioner-bench-fill-${process.pid}.yaml`);
    rmSync(rssFile, { force: true });
    rmSync(out, { force: true });
    const inner = `'${process.execPath}' --import '${rssHook}' '${kuesioner}' fill --out '${out}' --lang en`;
    const started = performance.now();
    const child = spawn("script", ["-qfec", inner, "/dev/null"], {
      cwd,
      env: env({ BENCH_RSS_FILE: rssFile, TERM: "xterm" }),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let ms;
    let seen = "";
    child.stdout.on("data", (chunk) => {
      seen += chunk.toString();
      if (ms === undefined && seen.includes("Region")) {
        ms = performance.now() - started;
        child.stdin.write("\x03");
      }
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("close", () => {
      clearTimeout(timer);
      if (ms === undefined || !existsSync(rssFile)) {
        reject(new Error(`fill did not show its first question:\n${seen.slice(0, 2000)}`));
        return;
      }
      const [rss, cpu] = readFileSync(rssFile, "utf8").split(" ").map(Number);
      rmSync(rssFile, { force: true });
      rmSync(out, { force: true });
      resolvePromise({ ms, cpu, rss: rss / 1024, code: 0 });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs each of `runs` functions `times` times, in turn (A B A B …), and gives each one's medians. */
async function repeatInTurn(runs, times, ok = (r) => r.code === 0) {
  const results = runs.map(() => []);
  for (let i = 0; i < times; i++) for (const [k, run] of runs.entries()) results[k].push(await run());
  return results.map((of) => {
    const failed = of.find((r) => !ok(r));
    if (failed) throw new Error(`a measured command exited ${failed.code}:\n${(failed.stderr ?? "").slice(0, 2000)}`);
    return {
      ms: median(of.map((r) => r.ms)),
      cpu: median(of.map((r) => r.cpu)),
      main: median(of.map((r) => r.main)),
      rss: Math.max(...of.map((r) => r.rss)),
    };
  });
}

const repeat = async (run, runs, ok) => (await repeatInTurn([run], runs, ok))[0];

const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : "n/a";

/** Whether python3 has PyYAML with its C loader (libyaml), and why not when it has not. */
function peerAvailable() {
  const probe = spawnSync("python3", ["-c", "import yaml; print(yaml.__with_libyaml__)"], { encoding: "utf8" });
  if (probe.error) return { ok: false, why: "python3 is not installed" };
  if (probe.status !== 0) return { ok: false, why: "python3 has no PyYAML (Debian: apt-get install python3-yaml)" };
  if (probe.stdout.trim() !== "True") return { ok: false, why: "PyYAML is there without its C loader (libyaml)" };
  return { ok: true };
}

async function startup(lines) {
  const one = join(ensureFiles(SMALL), "batch-000", "region-000001.yaml");
  const shipped = readdirSync(join(root, "questionnaires"))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join("questionnaires", f));
  const builds = [{ name: "", bin, cwd: root }];
  const against = option("against");
  if (against) {
    const cwd = resolve(against);
    if (!existsSync(join(cwd, "dist/main.js")))
      throw new Error(`--against ${against}: no dist/main.js there (run npm run build in it first)`);
    builds.push({ name: ` (${against})`, bin: join(cwd, "bin/kuesioner.js"), cwd });
  }
  const run = (build, ...args) => measure([build.bin, ...args], {}, process.execPath, build.cwd);
  // Warm the user cache as a second run would find it (the shipped questionnaires need none).
  for (const build of builds) run(build, "score", one);
  const node = await repeat(() => measure(["-e", "0"]), STARTUP_RUNS);
  const commands = [
    ["kuesioner --version", (build) => run(build, "--version")],
    ["kuesioner score ONE_FILE", (build) => run(build, "score", one)],
    ["kuesioner show smart-city-2023", (build) => run(build, "show", "smart-city-2023")],
    ["kuesioner validate questionnaires/*.yaml", (build) => run(build, "validate", ...shipped)],
    ["kuesioner fill (to its first question)", (build) => measureFill(build.bin, build.cwd)],
  ];
  lines.push(
    `start-up, median of ${STARTUP_RUNS} runs, against node -e 0 (${fmt(node.ms)} ms wall, ${fmt(node.cpu)} ms CPU); goal ≤ 3×`,
    "",
    "| command | wall | CPU | wall ratio | CPU ratio |",
    "|---|---:|---:|---:|---:|",
  );
  const versus = [];
  for (const [name, measureOne] of commands) {
    const results = await repeatInTurn(
      builds.map((build) => () => measureOne(build)),
      STARTUP_RUNS,
    );
    for (const [k, r] of results.entries())
      lines.push(
        `| ${name}${builds[k].name} | ${fmt(r.ms)} ms | ${fmt(r.cpu)} ms | ${fmt(r.ms / node.ms, 2)} | ${fmt(r.cpu / node.cpu, 2)} |`,
      );
    if (against) versus.push(`${name.replace("kuesioner ", "")} ${fmt(results[0].cpu / results[1].cpu, 3)}×`);
  }
  lines.push("");
  if (against) lines.push(`CPU of this build against ${against}, run in turn: ${versus.join(", ")}`, "");
}

async function batch(lines) {
  const big = ensureFiles(FILES);
  const small = ensureFiles(SMALL);
  const score = (dir, extra = {}) => measure([bin, "score", dir, "--format", "csv"], extra);
  const floor = await repeat(() => measure([join(here, "floor.mjs"), big]), RUNS);
  const serial = await repeat(() => score(big, { KUESIONER_WORKERS: "1" }), RUNS);
  const parallel = await repeat(() => score(big), RUNS);
  const smallRun = await repeat(() => score(small), RUNS);
  const peerCheck = peerAvailable();
  const peer = peerCheck.ok
    ? await repeat(() => measure([join(here, "peer.py"), questionnaireFile, big], {}, "python3"), RUNS)
    : undefined;
  const cores = cpus().length;
  // The most n cores can give over one thread. The same work spread over threads needs at least
  // the CPU time one thread's run takes, so on n cores it lasts at least that ÷ n: no number of
  // threads beats n × one thread's wall ÷ its CPU. That run keeps more than one core busy (its
  // main thread scores every file while V8 compiles and collects on threads of its own), which is
  // what lowers the bound; its main thread's CPU is printed beside it. On a busy machine one
  // thread's wall grows, and the bound with it: read it on a quiet one.
  const bound = Math.min(cores, (cores * serial.ms) / serial.cpu);
  lines.push(
    `batch: ${fmt(FILES)} answer files of smart-city-2023 (117 questions), ${cores} cores, median of ${RUNS} runs`,
    "",
    "| measure | wall | CPU | files/s | ratio |",
    "|---|---:|---:|---:|---|",
    `| floor: list, read, js-yaml load | ${fmt(floor.ms / 1000, 2)} s | ${fmt(floor.cpu / 1000, 2)} s | ${fmt(FILES / (floor.ms / 1000))} | |`,
    `| score --format csv, one thread | ${fmt(serial.ms / 1000, 2)} s | ${fmt(serial.cpu / 1000, 2)} s | ${fmt(FILES / (serial.ms / 1000))} | ${fmt(serial.ms / floor.ms, 2)}× the floor's wall, ${fmt(serial.cpu / floor.cpu, 2)}× its CPU (goal ≤ 1.5) |`,
    `| score --format csv, all cores | ${fmt(parallel.ms / 1000, 2)} s | ${fmt(parallel.cpu / 1000, 2)} s | ${fmt(FILES / (parallel.ms / 1000))} | ${fmt(serial.ms / parallel.ms, 2)}× faster than one thread (goal ≥ 1.7 on 2 cores); ${fmt(parallel.cpu / serial.cpu, 2)}× its CPU |`,
    peer
      ? `| peer: bench/peer.py, PyYAML C loader | ${fmt(peer.ms / 1000, 2)} s | ${fmt(peer.cpu / 1000, 2)} s | ${fmt(FILES / (peer.ms / 1000))} | score is ${fmt(peer.ms / parallel.ms, 2)}× faster (goal ≥ 3); ${fmt(peer.cpu / serial.cpu, 2)}× on one core's CPU |`
      : `| peer: bench/peer.py | not run: ${peerCheck.why} | | | |`,
    "",
    `the most ${cores} cores can give over one thread: ${fmt(bound, 2)}× (${cores} × its wall ÷ its CPU${Number.isNaN(serial.main) ? "" : `; its main thread used ${fmt(serial.main / 1000, 2)} s of its ${fmt(serial.cpu / 1000, 2)} s of CPU, the rest is V8's compiler and collector on threads of their own`})`,
    "",
    `peak RSS of score: ${fmt(smallRun.rss)} MiB at ${fmt(SMALL)} files, ${fmt(parallel.rss)} MiB at ${fmt(FILES)} files (${fmt((parallel.rss / smallRun.rss - 1) * 100)} %; goal within 20 %)`,
  );
  lines.push("");
}

/**
 * Peak RSS of `score FOLDER --format csv` at each size of --memory-files, each against the
 * smallest (goal: within 20 % from 1,000 to 100,000 files): as a user runs it (threads from 4,000
 * files), and on one thread at every size (KUESIONER_WORKERS=1), so that what the threads add is
 * told apart from what the batch's size adds. Files past 5,000 repeat the first 5,000 with another
 * region; generating 100,000 takes minutes and about 900 MB of disk.
 */
/** Reads every file under `dir`, so that the next run finds them in the page cache. */
function readAll(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) readAll(path);
    else if (entry.isFile()) readFileSync(path);
  }
}

async function memory(lines) {
  const sizes = [...new Set(MEMORY_FILES)].sort((a, b) => a - b);
  const scoreAt = (n, extraEnv) => {
    const dir = ensureFiles(n);
    // This machine's kernel gives back pages not read for a while: the first run after the files
    // were generated or last read paid for the disk (100,000 files: 9 s of system time, twice the
    // wall), and that was always the run with threads. Each run reads them from memory, as a
    // second run of a user's would.
    readAll(dir);
    const r = measure([bin, "score", dir, "--format", "csv"], extraEnv);
    if (r.code !== 0) throw new Error(`score of ${n} files exited ${r.code}:\n${r.stderr.slice(0, 2000)}`);
    return r;
  };
  const runs = sizes.map((n) => ({ n, all: scoreAt(n, {}), one: scoreAt(n, { KUESIONER_WORKERS: "1" }) }));
  const over = (r, first) => `${fmt((r.rss / first.rss - 1) * 100)} %`;
  // What a second thread costs at the least: a worker that does nothing, against none.
  const idle = join(here, "idle-worker.mjs");
  const noWorker = await repeat(() => measure([idle, "0"]), RUNS);
  const idleWorker = await repeat(() => measure([idle, "1"]), RUNS);
  const last = runs.at(-1);
  lines.push(
    "memory: peak RSS of score FOLDER --format csv, one run each (goal: within 20 % of the smallest);",
    "as run by default (worker threads from 4,000 files), and on one thread (KUESIONER_WORKERS=1)",
    "",
    "| files | peak RSS | over the smallest | wall | CPU | one thread | over the smallest | wall | CPU |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...runs.map(
      ({ n, all, one }) =>
        `| ${fmt(n)} | ${fmt(all.rss)} MiB | ${over(all, runs[0].all)} | ${fmt(all.ms / 1000, 1)} s | ${fmt(all.cpu / 1000, 1)} s ` +
        `| ${fmt(one.rss)} MiB | ${over(one, runs[0].one)} | ${fmt(one.ms / 1000, 1)} s | ${fmt(one.cpu / 1000, 1)} s |`,
    ),
    "",
    `20 % of the smallest run is ${fmt(runs[0].all.rss * 0.2, 1)} MiB. A worker thread that does nothing adds ` +
      `${fmt(idleWorker.rss - noWorker.rss, 1)} MiB to a process's peak (bench/idle-worker.mjs, median of ${RUNS}); ` +
      `at ${fmt(last.n)} files the threads add ${fmt(last.all.rss - last.one.rss, 1)} MiB to one thread's peak`,
    "",
  );
}

if (!existsSync(join(root, "dist/main.js")))
  throw new Error("dist/ is missing: run npm run build first (npm run bench does)");
// The machine is often shared: the load average says how far the wall times can be trusted.
const lines = [
  `node ${process.version}; command: npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
  `load average at the start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")} (${cpus().length} cores)`,
  "",
];
if (ONLY === undefined || ONLY === "startup") await startup(lines);
if (ONLY === undefined || ONLY === "batch") await batch(lines);
if (MEMORY_FILES.length > 0 && (ONLY === undefined || ONLY === "memory")) await memory(lines);
if (ONLY === undefined || ONLY === "survey") {
  const { surveyBench } = await import("./survey.mjs");
  const rows = Number(option("survey-rows", 10_000));
  lines.push(...(await surveyBench({ rows, small: Math.round(rows / 4), runs: Math.min(RUNS, 3) })));
}
if (ONLY === undefined || ONLY === "report")
  await reportBench(lines, { bin, ensureFiles, measure, repeat, fmt, runs: RUNS });
if (ONLY === undefined || ONLY === "advise")
  await adviseBench(lines, { bin, root, ensureFiles, measure, repeat, fmt, runs: RUNS });
console.log(lines.join("\n"));
