import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { lstat, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadQuestionnaire } from "../../../src/io/load-questionnaire.js";
import { readReference } from "../../reference/reference-data.js";
import { runKuesioner, tempDir } from "../score/score-harness.js";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, remove: cleanup } = await tempDir("merge"));
});
afterEach(async () => cleanup());

type Doc = Record<string, unknown> & { answers: Record<string, unknown> };
const write = (name: string, doc: unknown) => writeFile(join(dir, name), JSON.stringify(doc, null, 2));
const readYaml = async (name: string) => parse(await readFile(join(dir, name), "utf8")) as Doc;

/** The self-assessment and, per assessor, the file kuesioner verify writes: the region's answers, one assessor's scores. */
function panelFiles(
  base: Omit<Doc, "answers">,
  self: Record<string, number>,
  scores: Record<string, number[]>,
  names: string[],
): [Doc, ...Doc[]] {
  const selfDoc: Doc = { ...base, answers: self };
  const assessorDocs = names.map((name, i) => ({
    ...base,
    assessor: name,
    answers: Object.fromEntries(
      Object.entries(scores).map(([id, list]) => [
        id,
        { ...(self[id] !== undefined ? { score: self[id] } : {}), assessors: [{ name, score: list[i]! }] },
      ]),
    ),
  }));
  return [selfDoc, ...assessorDocs];
}

async function writePanel(files: Doc[]) {
  const names = ["self.json", ...files.slice(1).map((_, i) => `asesor-${i + 1}.json`)];
  await Promise.all(files.map((f, i) => write(names[i]!, f)));
  return names;
}

const base2023 = {
  questionnaire: "smart-city-2023",
  profile: "reguler",
  respondent: { region: "Kota Tirtamulya", year: 2024 },
};
const five = ["Dr. Ani Wijaya", "Budi Santoso", "Citra Lestari", "Dewi Anggraini", "Eko Prasetyo"];

describe("kuesioner merge", () => {
  it("reproduces a published question score that is not whole: 2.8 from five assessors' 3, 3, 3, 3, 2", async () => {
    const files = panelFiles(
      base2023,
      { "bl-masterplan-legal-basis": 4, "bl-council-meeting": 2 },
      { "bl-masterplan-legal-basis": [3, 3, 3, 3, 2] },
      five,
    );
    const names = await writePanel(files);
    const merged = await runKuesioner(
      ["merge", ...names, "--out", "panel.yaml", "--lang", "en", "--as", "Sekretariat"],
      dir,
    );
    expect([merged.code, merged.stderr]).toEqual([0, ""]);
    expect(merged.stdout).toContain(`Merged 5 assessors into panel.yaml: ${five.join(", ")}.`);
    const panel = await readYaml("panel.yaml");
    expect(panel.answers["bl-masterplan-legal-basis"]).toEqual({
      score: 4,
      assessors: five.map((name, i) => ({ name, score: [3, 3, 3, 3, 2][i] })),
    });
    expect(panel.assessor).toBeUndefined();
    const scored = JSON.parse((await runKuesioner(["score", "panel.yaml", "--format", "json"], dir)).stdout);
    const q = scored.questions.find((x: { id: string }) => x.id === "bl-masterplan-legal-basis");
    expect([q.score, q.scoreExact, q.source]).toEqual([2.8, "14/5", "assessors"]);
    expect([q.self, q.verified, q.assessors]).toEqual([4, 2.8, 5]);
    const report = (await runKuesioner(["score", "panel.yaml", "--lang", "en"], dir)).stdout;
    expect(report).toMatch(/Verification\s+\d+ unverified \(self-assessed score counts\)/);
    expect(report).toContain("Self-assessment and verification");
    expect(report).toMatch(/Baseline\s+1\.20\s+0\.96\s+-0\.24/); // (4 + 2) / 5 against (2.8 + 2) / 5
    expect(report).toContain("Largest differences (1 of the verified questions differ)");
    expect(report).toMatch(/bl-masterplan-legal-basis {2}4\.00 → 2\.80 {2}\(-1\.20\)/);
    const history = JSON.parse(
      (await runKuesioner(["history", "panel.yaml", "bl-masterplan-legal-basis", "--format", "json"], dir)).stdout,
    );
    expect(history.entries).toMatchObject([{ by: "Sekretariat", command: "merge", old: null }]);
  });

  // Found by npm run fuzz (inputs, seed 822465376): an assessor's name from a file reached the summary raw.
  it("names the assessors escaped in its summary", async () => {
    const names = await writePanel(
      panelFiles(base2023, { "bl-masterplan-legal-basis": 4 }, { "bl-masterplan-legal-basis": [3] }, [
        "Ani\u001b[2J\u202e",
      ]),
    );
    const merged = await runKuesioner(["merge", ...names, "--out", "panel.yaml", "--lang", "en"], dir);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain("Merged 1 assessors into panel.yaml: Ani\\x1b[2J\\u202e.");
    expect(merged.stdout).not.toMatch(/[\u001b\u202e]/);
  });

  it("gives Kabupaten Malang 2022's element scores from four assessors' files (methodology §8)", async () => {
    const ref = JSON.parse(readReference("malang-2022.json")) as { questionScores: Record<string, number[]> };
    const loaded = await loadQuestionnaire("smart-city-2022", ".");
    if (!loaded.ok) throw new Error("smart-city-2022 does not load");
    // Four whole scores per question whose mean is the published score (a multiple of 0.25);
    // the region's own answer is the published score rounded up, as regions tend to rate themselves.
    const self: Record<string, number> = {};
    const scores: Record<string, number[]> = {};
    for (const element of loaded.value.questionnaire.elements) {
      element.questions.forEach((question, i) => {
        const published = ref.questionScores[element.id]![i]!;
        const sum = Math.round(published * 4);
        const low = Math.floor(sum / 4);
        scores[question.id] = [0, 1, 2, 3].map((k) => (k < sum - low * 4 ? low + 1 : low));
        self[question.id] = Math.ceil(published);
      });
    }
    const base = {
      questionnaire: "smart-city-2022",
      profile: "kppn-ikn",
      respondent: { region: "Kabupaten Malang", year: 2022 },
    };
    const names = await writePanel(panelFiles(base, self, scores, five.slice(0, 4)));
    const merged = await runKuesioner(["merge", ...names, "--out", "panel.yaml"], dir);
    expect([merged.code, merged.stderr]).toEqual([0, ""]);
    const json = JSON.parse((await runKuesioner(["score", "panel.yaml", "--format", "json"], dir)).stdout);
    const elements = Object.fromEntries(
      json.elements.map((e: { id: string; scoreExact: string; score: number }) => [e.id, e.score.toFixed(4)]),
    );
    expect(elements).toEqual({
      baseline: "1.4000",
      output: "1.5357",
      outcome: "2.9194",
      impact: "2.5625",
      "quick-win": "3.0833",
    });
    // 2.5042, exactly what the reference test gets from the published question scores themselves
    expect([json.totalExact, json.total.toFixed(4)]).toEqual(["434729/173600", "2.5042"]);
  });

  const conflicts: [string, (files: Doc[]) => void, RegExp][] = [
    [
      "the same assessor twice",
      (files) => {
        files[3]!.assessor = " dr. ani  wijaya";
        for (const a of Object.values(files[3]!.answers))
          (a as { assessors: { name: string }[] }).assessors[0]!.name = "DR. ANI WIJAYA";
      },
      /asesor-3\.json:8:15: error: assessor: assessor "DR\. ANI WIJAYA" appears twice: in asesor-1\.json and in asesor-3\.json/,
    ],
    [
      "another region",
      (files) => (files[2]!.respondent = { region: "Kota Pelabuhan Baru", year: 2024 }),
      /asesor-2\.json:5:15: error: respondent\.region: region "Kota Pelabuhan Baru", not "Kota Tirtamulya"/,
    ],
    [
      "another year",
      (files) => (files[2]!.respondent = { region: "Kota Tirtamulya", year: 2023 }),
      /asesor-2\.json:6:13: error: respondent\.year: year 2023, not 2024/,
    ],
    [
      "another questionnaire",
      (files) => {
        files[1]!.questionnaire = "smart-city-2022";
        files[1]!.profile = "kppn-ikn";
      },
      /asesor-1\.json:2:20: error: questionnaire: questionnaire "smart-city-2022", not "smart-city-2023"/,
    ],
    [
      "another weight profile",
      (files) => (files[1]!.profile = "kppn-ikn"),
      /asesor-1\.json:3:14: error: profile: weight profile "kppn-ikn", not "reguler"/,
    ],
    [
      "a score outside the scale",
      (files) =>
        ((files[4]!.answers["bl-masterplan-legal-basis"] as { assessors: { score: number }[] }).assessors[0]!.score =
          5),
      /asesor-4\.json:\d+:\d+: error: answers\.bl-masterplan-legal-basis\.assessors\.0: assessor score 5 \(Dewi Anggraini\) is outside the scale 0–4/,
    ],
    [
      "scores without a name",
      (files) => ((files[2]!.answers["bl-masterplan-legal-basis"] as { assessors: unknown[] }).assessors = [3]),
      /asesor-2\.json:12:20: error: answers\.bl-masterplan-legal-basis\.assessors: assessor scores without names/,
    ],
  ];
  it.each(conflicts)("refuses %s with a clear diagnostic and writes nothing", async (_what, spoil, message) => {
    const files = panelFiles(
      base2023,
      { "bl-masterplan-legal-basis": 4 },
      { "bl-masterplan-legal-basis": [3, 3, 3, 3, 2] },
      five,
    );
    spoil(files);
    const names = await writePanel(files);
    const before = (await readdir(dir)).sort();
    const ran = await runKuesioner(["merge", ...names, "--out", "panel.yaml", "--lang", "en"], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(message);
    expect(ran.stderr).toMatch(/kuesioner: nothing written/);
    expect(ran.stdout).toBe("");
    expect((await readdir(dir)).sort()).toEqual(before);
  });

  it("refuses a different version of the same questionnaire", async () => {
    const text = await readFile(join("questionnaires", "smart-city-2023.yaml"), "utf8");
    await writeFile(join(dir, "q-a.yaml"), text);
    await writeFile(join(dir, "q-b.yaml"), text.replace(/^version: .*$/m, 'version: "2023.9"'));
    const files = panelFiles(
      { ...base2023, questionnaire: "./q-a.yaml" },
      { "bl-masterplan-legal-basis": 4 },
      { "bl-masterplan-legal-basis": [3, 2] },
      five.slice(0, 2),
    );
    files[2]!.questionnaire = "./q-b.yaml";
    const names = await writePanel(files);
    const ran = await runKuesioner(["merge", ...names, "--out", "panel.yaml", "--lang", "en"], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/asesor-2\.json:\d+:\d+: error: questionnaire: questionnaire version 2023\.9, not /);
    expect(await readdir(dir)).not.toContain("panel.yaml");
  });

  /** The region's file and two assessors' on one question. */
  const twoAssessors = () =>
    panelFiles(base2023, { "bl-masterplan-legal-basis": 4 }, { "bl-masterplan-legal-basis": [3, 2] }, five.slice(0, 2));

  it("refuses to replace an existing panel file without --force, and records a replacement in its history", async () => {
    const names = await writePanel(twoAssessors());
    expect((await runKuesioner(["merge", ...names, "--out", "panel.yaml"], dir)).code).toBe(0);
    const again = await runKuesioner(["merge", ...names.slice(0, 2), "--out", "panel.yaml", "--lang", "en"], dir);
    expect([again.code, again.stderr]).toEqual([
      1,
      "kuesioner: --out panel.yaml exists\n  hint: use --force to replace it (its history records the change), or another name\n",
    ]);
    const forced = await runKuesioner(["merge", ...names.slice(0, 2), "--out", "panel.yaml", "--force"], dir);
    expect(forced.code).toBe(0);
    const history = JSON.parse((await runKuesioner(["history", "panel.yaml", "--format", "json"], dir)).stdout);
    expect(history.entries.at(-1)).toMatchObject({
      question: "bl-masterplan-legal-basis",
      old: { score: 4, assessors: [{ name: five[0] }, { name: five[1] }] },
      new: { score: 4, assessors: [{ name: five[0] }] },
    });
  });

  it("refuses a history log that is a folder, naming it as the user named --out, and writes nothing", async () => {
    const names = await writePanel(twoAssessors());
    await mkdir(join(dir, "panel.yaml.history.jsonl"));
    const en = await runKuesioner(["merge", ...names, "--out", "panel.yaml", "--lang", "en"], dir);
    expect([en.code, en.stderr]).toEqual([
      1,
      "kuesioner: cannot read panel.yaml.history.jsonl: it is a folder, expected a history log (a text file)\n",
    ]);
    const id = await runKuesioner(["merge", ...names, "--out", "panel.yaml", "--lang", "id"], dir);
    expect(id.stderr).toBe(
      "kuesioner: panel.yaml.history.jsonl tidak dapat dibaca: ini folder, seharusnya catatan riwayat (berkas teks)\n",
    );
    expect(existsSync(join(dir, "panel.yaml"))).toBe(false);
  });

  it("refuses an --out that is a named pipe, even with --force, in both languages, instead of waiting on it", async () => {
    const names = await writePanel(twoAssessors());
    execFileSync("mkfifo", [join(dir, "panel.yaml")]);
    const en = await runKuesioner(["merge", ...names, "--out", "panel.yaml", "--force", "--lang", "en"], dir);
    expect([en.code, en.stderr]).toEqual([
      1,
      "kuesioner: --out panel.yaml: not a regular file (a pipe, a device or a socket), expected an answer file\n",
    ]);
    const id = await runKuesioner(["merge", ...names, "--out", "panel.yaml", "--lang", "id"], dir);
    expect(id.stderr).toBe(
      "kuesioner: --out panel.yaml: bukan berkas biasa (pipa, perangkat atau soket), seharusnya berkas jawaban\n",
    );
    expect((await lstat(join(dir, "panel.yaml"))).isFIFO()).toBe(true);
  });
});
