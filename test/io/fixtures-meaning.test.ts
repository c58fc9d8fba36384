import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateAnswerFile } from "../../src/io/evaluate-answers.js";
import { toFraction } from "../../src/model/exact.js";
import { runCache } from "../reference/questionnaire-cache.js";

const root = join(import.meta.dirname, "../..");
const answerFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? answerFiles(join(dir, e.name)) : [join(dir, e.name)]))
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.includes("broken"))
    .sort();

/**
 * Every answer file in fixtures/ keeps the exact scores it had before verification (self-assessed
 * and verified answers side by side) was added: the golden file was written by the engine as it
 * was then, question by question, as exact fractions.
 */
describe("existing answer files keep their meaning", () => {
  it("scores every fixture exactly as before, question by question", async () => {
    const lines: string[] = [];
    const cache = runCache();
    for (const file of answerFiles("fixtures/answers")) {
      const evaluated = await evaluateAnswerFile(join(root, file), { cache });
      const result = evaluated.result;
      if (!result) {
        lines.push(`${file}: not scored`);
        continue;
      }
      lines.push(`${relative(root, join(root, file))}: total ${toFraction(result.total)}`);
      for (const e of result.elements) lines.push(`  ${e.id} ${toFraction(e.score)}`);
      lines.push(
        `  questions ${result.questions.map((q) => `${q.id}=${q.score ? toFraction(q.score) : "-"}`).join(" ")}`,
      );
    }
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("__snapshots__/fixtures-exact.txt");
  });
});
