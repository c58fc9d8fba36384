// Remakes the README's screenshots of `kuesioner report` (docs/img/report-*.png): one region's
// report (a fixture with last year's file) and a ranking of 40 generated regions with one
// highlighted, rendered by headless Chromium. Run after npm run build:
//   node scripts/report-screenshots.mjs [/path/to/chromium]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import YAML from "yaml";
import { generateAnswers } from "../bench/generate.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin/kuesioner.js");
const work = mkdtempSync(join(tmpdir(), "kuesioner-shots-"));
const questionnaire = YAML.parse(readFileSync(join(root, "questionnaires/smart-city-2023.yaml"), "utf8"));
const names = ["Sukamaju", "Tirtamulya", "Gunung Sari", "Lembah Hijau", "Pelabuhan Baru", "Danau Biru", "Karang Anyar", "Bukit Indah"];
mkdirSync(join(work, "regions"));
for (let i = 0; i < 40; i++) {
  const region = `${i % 3 === 0 ? "Kota" : "Kabupaten"} ${names[i % names.length]}${i >= names.length ? ` ${Math.floor(i / names.length) + 1}` : ""}`;
  const answers = generateAnswers(questionnaire, { region, year: 2023, seed: 500 + i, capacity: 0.25 + ((i * 37) % 40) / 60 });
  writeFileSync(join(work, "regions", `region-${i}.yaml`), YAML.stringify(answers));
}
const report = (args) => {
  const run = spawnSync(process.execPath, [bin, "report", ...args], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
};
const one = join(work, "one.html");
const ranking = join(work, "ranking.html");
report(["fixtures/answers/2023/kabupaten-lembah-hijau.yaml", "--previous", "fixtures/answers/2022/kabupaten-lembah-hijau.yaml", "--out", one]);
report([join(work, "regions"), "--out", ranking, "--highlight", "Kota Lembah Hijau"]);

const browser = await chromium.launch({
  executablePath: process.argv[2] ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 820, height: 1000 } });
for (const [file, png, height] of [
  [one, "report-region.png", 1250],
  [ranking, "report-ranking.png", 1150],
]) {
  await page.goto(pathToFileURL(file).href);
  await page.screenshot({ path: join(root, "docs/img", png), clip: { x: 0, y: 0, width: 820, height }, fullPage: true });
}
await browser.close();
rmSync(work, { recursive: true, force: true });
