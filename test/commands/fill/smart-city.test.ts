import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { evaluateAnswerFile } from "../../../src/io/evaluate-answers.js";
import { loadQuestionnaire } from "../../../src/io/load-questionnaire.js";
import { run } from "../../../src/main.js";
import { walkItems } from "../../../src/walk/walk-state.js";
import { formatScore } from "../../../src/text/format.js";
import { answerFileSchema } from "../../../src/model/answers.js";
import type { Question, Questionnaire } from "../../../src/model/questionnaire.js";
import { input, ScriptedPrompter, scriptedIO, select, type Step } from "./scripted-prompter.js";
import { runCache } from "../../reference/questionnaire-cache.js";

let dir: string;
let questionnaire: Questionnaire;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kuesioner-fill-2023-"));
  const loaded = await loadQuestionnaire("smart-city-2023", ".");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  questionnaire = loaded.value.questionnaire;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A plausible answer to each kind of question, typed the way an Indonesian officer would. */
function answerSteps(question: Question, n: number): Step[] {
  const extras =
    n % 7 === 0
      ? [input(`Dokumen ${question.id}; https://jdih.example/${n}`), input("diverifikasi Bappeda")]
      : [input(""), input("")];
  switch (question.kind) {
    case "level":
      return [select(`level:${n % 5}`), ...extras];
    case "survey":
      return [
        input(n % 2 ? "0:1 1:3 2:11 3:20 4:15" : `${(2 + (n % 20) / 10).toFixed(1).replace(".", ",")} 50`),
        ...extras,
      ];
    default: {
      // The value at a middle threshold, written with a decimal comma.
      const at = question.thresholds[Math.floor(question.thresholds.length / 2)]!.at;
      return [input(String(at).replace(".", ",")), ...extras];
    }
  }
}

describe("filling the whole smart-city-2023 questionnaire", () => {
  it("walks all 117 questions of the KPPN & IKN profile in Indonesian and ends with the report score agrees with", async () => {
    const items = walkItems(questionnaire, "kppn-ikn");
    expect(items).toHaveLength(117);
    const steps = [
      ...items.flatMap((item, n) => answerSteps(item.question, n)),
      select("finish", { expectDefault: "finish" }),
    ];
    const prompter = new ScriptedPrompter(steps);
    const { io, stdout: out, stderr } = scriptedIO(dir, prompter);
    const code = await run(
      ["fill", "--region", "Kabupaten Buleleng", "--year", "2024", "--profile", "kppn-ikn", "--lang", "id"],
      io,
    );
    const stdout = out();
    expect(stderr()).toBe("");
    expect(code).toBe(0);
    expect(prompter.remaining).toBe(0);

    const file = join(dir, "jawaban-kabupaten-buleleng-2024.yaml");
    const saved = answerFileSchema.parse(parse(await readFile(file, "utf8")));
    expect(saved.status).toBe("final");
    expect(Object.keys(saved.answers)).toHaveLength(117);
    expect(saved.answers[items[7]!.question.id]).toMatchObject({
      evidence: [`Dokumen ${items[7]!.question.id}`, "https://jdih.example/7"],
      note: "diverifikasi Bappeda",
    });

    for (let e = 1; e <= 6; e++) expect(stdout).toContain(`Elemen ${e} dari 6:`);
    expect(stdout).toContain("elemen 4 dari 6 · pertanyaan 54 dari 54 ·");

    // What `score` computes from the file on disk is what the officer was shown.
    const evaluated = await evaluateAnswerFile(file, { cache: runCache() });
    expect(evaluated.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(evaluated.result!.complete).toBe(true);
    const total = formatScore(evaluated.result!.total, "id");
    expect(stdout).toMatch(new RegExp(`Nilai Final\\s+${total.replace(".", "\\.")}`));
    expect(stdout).toContain(`Nilai sementara: ${total}`);
  });
});
