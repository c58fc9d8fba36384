// The survey import benchmark: `kuesioner survey import` on 54 statements × N respondents, from
// CSV and from XLSX, at two sizes; rows per second and peak RSS, and whether memory stays flat
// as the rows grow (the reader streams). Run alone with `node bench/survey.mjs [--rows N]
// [--small N] [--runs N]`, or as part of `npm run bench` (`--only survey` for this part alone).
//
// Response files are generated once into the system's temp folder (reused while this file and
// the questionnaire are unchanged): headers are the statements' Indonesian text as online forms
// write them ("1. …"), answers a mix of labels, variants, numbers and blanks.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import YAML from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const bin = join(root, "bin/kuesioner.js");
const rssHook = join(here, "rss.mjs");
const questionnaireFile = join(root, "questionnaires/smart-city-2023.yaml");
const outDir = join(tmpdir(), "kuesioner-bench", "survey");

const FORMS = [
  ["Sangat tidak setuju", "STS", "0", "sangat tdk setuju"],
  ["Tidak setuju", "TS", "1", "Disagree"],
  ["Ragu-ragu", "Netral", "2", "Neutral"],
  ["Setuju", "S", "3", "Agree"],
  ["Sangat setuju", "SS", "4", "Strongly agree"],
];

function statements() {
  const q = YAML.parse(readFileSync(questionnaireFile, "utf8"));
  return q.elements.flatMap((e) => e.questions).filter((x) => x.kind === "survey");
}

/** Row r (0-based): a respondent with a name, a phone number and 54 answers (about 3 % blank). */
function respondent(r, count) {
  const cells = [`Responden ${r + 1}`, `08${String(1_000_000_000 + r)}`];
  for (let s = 0; s < count; s++) {
    const mix = (r * 31 + s * 17 + ((r * s) % 7)) % 97;
    if (mix < 3) cells.push("");
    else {
      const level = (r + s * 3 + (mix % 5)) % 5;
      cells.push(FORMS[level][mix % 4]);
    }
  }
  return cells;
}

const quote = (c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

async function ensure(rows) {
  const list = statements();
  const stamp = createHash("sha256")
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(questionnaireFile))
    .digest("hex")
    .slice(0, 16);
  const dir = join(outDir, `${rows}-${stamp}`);
  const csv = join(dir, "responses.csv");
  const xlsx = join(dir, "responses.xlsx");
  if (existsSync(join(dir, ".done"))) return { csv, xlsx };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const header = ["Nama responden", "Kontak (HP/e-mail)", ...list.map((s, i) => `${i + 1}. ${s.text.id}`)];
  const out = createWriteStream(csv);
  out.write(`\ufeff${header.map(quote).join(";")}\r\n`);
  for (let r = 0; r < rows; r++) {
    if (!out.write(`${respondent(r, list.length).map(quote).join(";")}\r\n`))
      await new Promise((ok) => out.once("drain", ok));
  }
  await new Promise((ok) => out.end(ok));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
  const sheet = workbook.addWorksheet("Responden");
  sheet.addRow(header).commit();
  for (let r = 0; r < rows; r++) {
    sheet.addRow(respondent(r, list.length).map((c) => (/^\d$/.test(c) ? Number(c) : c === "" ? null : c))).commit();
  }
  sheet.commit();
  await workbook.commit();
  writeFileSync(join(dir, ".done"), "");
  return { csv, xlsx };
}

function measure(file, heapMiB) {
  const rssFile = join(tmpdir(), `kuesioner-bench-survey-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const limit = heapMiB ? [`--max-old-space-size=${heapMiB}`] : [];
  const args = [...limit, "--import", rssHook, bin, "survey", "import", file, "--format", "json"];
  const child = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", BENCH_RSS_FILE: rssFile },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = performance.now() - started;
  if (child.status !== 0)
    throw new Error(`survey import exited ${child.status}:\n${child.stderr.toString().slice(0, 2000)}`);
  const [rss] = readFileSync(rssFile, "utf8").split(" ").map(Number);
  rmSync(rssFile, { force: true });
  return { ms, rss: rss / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, d = 0) => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

/** Measures both formats at both sizes; returns report lines. */
export async function surveyBench({ rows = 10_000, small = 2_500, runs = 3 } = {}) {
  const lines = [
    "",
    `survey import: 54 statements × ${fmt(small)} and × ${fmt(rows)} respondents (median of ${runs}; peak RSS)`,
    "",
    "| input | respondents | time | rows/s | peak RSS |",
    "|---|---:|---:|---:|---:|",
  ];
  const peaks = {};
  for (const n of [small, rows]) {
    const files = await ensure(n);
    for (const [kind, file] of Object.entries(files)) {
      const results = Array.from({ length: runs }, () => measure(file));
      const ms = median(results.map((r) => r.ms));
      const rss = Math.max(...results.map((r) => r.rss));
      peaks[`${kind}-${n}`] = rss;
      lines.push(
        `| ${kind.toUpperCase()} | ${fmt(n)} | ${fmt(ms / 1000, 2)} s | ${fmt((n * 1000) / ms)} | ${fmt(rss)} MiB |`,
      );
    }
  }
  // Peak RSS follows V8's lazy collection more than what is live; a small heap cap shows the
  // live set stays bounded: the largest file must still import within it.
  const capped = Object.entries(await ensure(rows)).map(([kind, file]) => {
    const cap = kind === "csv" ? 24 : 48;
    measure(file, cap);
    return `${kind.toUpperCase()} within a ${cap} MiB heap`;
  });
  lines.push(
    "",
    `${fmt(rows)} respondents import with the heap capped (node --max-old-space-size): ${capped.join(", ")}`,
    `memory growth from ${fmt(small)} to ${fmt(rows)} respondents: CSV ×${fmt(peaks[`csv-${rows}`] / peaks[`csv-${small}`], 2)}, XLSX ×${fmt(peaks[`xlsx-${rows}`] / peaks[`xlsx-${small}`], 2)} (flat is ×1.0)`,
  );
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  if (!existsSync(join(root, "dist/main.js"))) throw new Error("build first: npm run build");
  const lines = await surveyBench({
    rows: option("rows", 10_000),
    small: option("small", 2_500),
    runs: option("runs", 3),
  });
  console.log(lines.join("\n"));
}
