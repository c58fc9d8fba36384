import { describe, expect, it } from "vitest";
import { exact } from "../../src/model/exact.js";
import { scoreAnswers } from "../../src/engine/score.js";
import type { AnswerFile } from "../../src/model/answers.js";
import { barCells, renderScoreReport } from "../../src/text/score-report.js";
import { miniQuestionnaire } from "../engine/mini-questionnaire.js";

const answers: AnswerFile = {
  questionnaire: "mini-city",
  status: "final",
  respondent: { region: "Kabupaten Contoh", year: 2023 },
  previous: { total: 2.5, year: 2022 },
  answers: {
    "bl-01": 3,
    "bl-02": { score: 2, evidence: ["Perbup No. 27 Tahun 2024"] },
    "bl-03": { value: 7 },
    "oc-01": { assessors: [3, 3, 3, 3, 2] },
    "oc-02": 4,
    "oc-03": { value: 9.5 },
    "im-01": { survey: { counts: { "0": 1, "1": 4, "2": 10, "3": 20, "4": 15 } } },
    "qw-01": 3,
  },
};

function render(overrides: Partial<Parameters<typeof renderScoreReport>[0]> = {}, lang: "id" | "en" = "en") {
  const result = scoreAnswers(miniQuestionnaire, overrides.answers ?? answers).result!;
  return renderScoreReport(
    {
      file: "answers/contoh.yaml",
      questionnaire: miniQuestionnaire,
      sha256: "ab".repeat(32),
      answers,
      result,
      ...overrides,
    },
    { lang, color: false },
  );
}

describe("renderScoreReport", () => {
  it("renders the whole one-file report in English", async () => {
    await expect(render()).toMatchFileSnapshot("__snapshots__/score-report.en.txt");
  });

  it("renders the report in Indonesian with decimal commas", async () => {
    const text = render({}, "id");
    expect(text).toContain("Nilai Final");
    expect(text).toMatch(/Nilai Final\s+2,13/);
    await expect(text).toMatchFileSnapshot("__snapshots__/score-report.id.txt");
  });

  it("prefers a given previous total over the file's own", () => {
    expect(render({ previousTotal: exact(2n) })).toMatch(/Improvement\s+\+0\.13 \(previous 2\.00\)/);
  });

  it("falls back to the file name when the region is missing", () => {
    const { respondent: _r, ...rest } = answers;
    expect(render({ answers: rest })).toMatch(/Region\s+contoh\n/);
  });

  it("uses no escape codes without colour and some with colour", () => {
    const result = scoreAnswers(miniQuestionnaire, answers).result!;
    const coloured = renderScoreReport(
      { questionnaire: miniQuestionnaire, sha256: "0".repeat(64), answers, result },
      { lang: "en", color: true },
    );
    expect(render()).not.toContain("\u001b[");
    expect(coloured).toContain("\u001b[");
  });

  it.each([
    [exact(0n), 0],
    [exact(4n), 20],
    [exact(2n), 10],
    [exact(1n, 10n), 1], // 0.5 cells rounds half up
    [exact(19n, 200n), 0], // 0.475 cells
  ])("gives a score of %o a bar of %i cells", (score, cells) => {
    expect(barCells(score, { min: 0, max: 4 })).toBe(cells);
  });
});
