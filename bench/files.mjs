// The answer files the bench scores: generated into the system's temp folder, never into the
// repository, and reused while this file, the generator and the questionnaire are unchanged.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { generateAnswers } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const questionnaireFile = join(here, "../questionnaires/smart-city-2023.yaml");
const benchRoot = join(tmpdir(), "kuesioner-bench");
let questionnaire;

/** The text of answer file i (0-based), as fill would write it (answers on one line each). */
function answerFileText(i) {
  questionnaire ??= YAML.parse(readFileSync(questionnaireFile, "utf8"));
  const kppn = i % 4 === 0;
  const answers = generateAnswers(questionnaire, {
    region: `${i % 3 === 0 ? "Kota" : "Kabupaten"} Uji ${String(i + 1).padStart(6, "0")}`,
    year: 2023,
    seed: 1000 + i,
    capacity: 0.2 + (((i * 7919) % 1000) / 1000) * 0.7,
    ...(kppn ? { profile: "kppn-ikn" } : {}),
  });
  if (i % 5 === 0) answers.previous = { total: Math.round(((i * 31) % 300) + 50) / 100, year: 2022 };
  const doc = new YAML.Document(answers);
  for (const pair of doc.get("answers").items) if (YAML.isMap(pair.value)) pair.value.flow = true;
  return doc.toString({ lineWidth: 0 });
}

/**
 * Writes n answer files once; a stamp of the generator and questionnaire decides reuse. Past
 * 5,000 files the answers repeat those of the first 5,000 (only the region differs), so that a
 * 100,000-file run takes minutes to generate, not an hour: memory depends on the count.
 */
export function ensureFiles(n) {
  const dir = join(benchRoot, String(n));
  const stamp = createHash("sha256")
    .update(readFileSync(join(here, "generate.mjs")))
    .update(readFileSync(join(here, "files.mjs")))
    .update(readFileSync(questionnaireFile))
    .digest("hex");
  const stampFile = join(dir, ".stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return dir;
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const distinct = [];
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `batch-${String(Math.floor(i / 500)).padStart(3, "0")}`);
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    let text;
    if (i < 5000) {
      text = answerFileText(i);
      distinct.push(text);
    } else {
      const template = distinct[i % 5000];
      text = template.replace(/region: .*/, `region: Kabupaten Ulang ${String(i + 1).padStart(6, "0")}`);
    }
    writeFileSync(join(sub, `region-${String(i + 1).padStart(6, "0")}.yaml`), text);
  }
  writeFileSync(stampFile, stamp);
  console.error(`generated ${n} answer files in ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return dir;
}
