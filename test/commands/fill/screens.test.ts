import { beforeAll, describe, expect, it } from "vitest";
import { scoreAnswers } from "../../../src/engine/score.js";
import { loadQuestionnaireFile } from "../../../src/io/load-questionnaire.js";
import { compareQuestionnaire } from "../../../src/commands/fill/questionnaire-changes.js";
import { progressOf, walkItems } from "../../../src/walk/walk-state.js";
import { renderReview } from "../../../src/walk/review-screen.js";
import { renderChanges } from "../../../src/commands/fill/changes-screen.js";
import {
  renderAnswerFeedback,
  renderElementIntro,
  renderInputHint,
  renderQuestion,
} from "../../../src/walk/screens.js";
import type { AnswerFile } from "../../../src/model/answers.js";
import type { Questionnaire } from "../../../src/model/questionnaire.js";

let questionnaire: Questionnaire;
beforeAll(async () => {
  const loaded = await loadQuestionnaireFile("fixtures/fill/mini.yaml");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  questionnaire = loaded.value.questionnaire;
});

const file: AnswerFile = {
  questionnaire: "mini.yaml",
  profile: "reguler",
  answers: {
    "bl-masterplan": { score: 3, evidence: ["Perbup No. 27 Tahun 2024"], note: "enacted in March" },
    "bl-programmes": { value: 7 },
    "bl-budget": { value: 150 },
    "im-online": { survey: { counts: { 0: 1, 1: 4, 2: 10, 3: 20, 4: 15 } } },
  },
};

/** Every fill screen for the mini questionnaire, as the officer sees them with colour off. */
function allScreens(lang: "id" | "en"): string {
  const options = { lang, color: false, width: 72 };
  const items = walkItems(questionnaire, "reguler");
  const progress = progressOf(questionnaire, items, file);
  const parts: string[] = [];
  for (const item of items) {
    if (item.questionIndex === 0)
      parts.push(renderElementIntro({ item, weight: item.elementIndex === 0 ? 40 : 60, answered: 2 }, options));
    const answer = file.answers[item.question.id];
    const invalid = item.question.id === "bl-budget" ? "value 150 is outside the valid range 0–100" : undefined;
    parts.push(renderQuestion({ questionnaire, item, progress, answer, ...(invalid ? { invalid } : {}) }, options));
    if (item.question.kind !== "level") parts.push(renderInputHint(answer !== undefined && !invalid, options));
    if (answer !== undefined && !invalid)
      parts.push(renderAnswerFeedback(questionnaire, item.question, answer, options));
  }
  parts.push(renderReview({ questionnaire, result: scoreAnswers(questionnaire, file).result!, progress }, options));
  const changed = structuredClone(questionnaire);
  changed.elements[0]!.questions.pop();
  parts.push(
    renderChanges(
      {
        changes: compareQuestionnaire(
          { ...file, questionDigests: { "bl-masterplan": "000000000000", "bl-budget": "000000000000" } },
          changed,
        ),
        ref: "mini.yaml",
        from: "1.0",
        to: "1.1",
      },
      options,
    ),
  );
  return parts.join("");
}

describe("fill screens", () => {
  it.each([["en" as const], ["id" as const]])("render the walk, review and change screens in %s", async (lang) => {
    await expect(allScreens(lang)).toMatchFileSnapshot(`__snapshots__/fill-screens.${lang}.txt`);
  });

  it("colour only when asked for", () => {
    const item = walkItems(questionnaire, "reguler")[0]!;
    const progress = progressOf(questionnaire, [item], file);
    const plain = renderQuestion(
      { questionnaire, item, progress, answer: undefined },
      { lang: "en", color: false, width: 80 },
    );
    const coloured = renderQuestion(
      { questionnaire, item, progress, answer: undefined },
      { lang: "en", color: true, width: 80 },
    );
    expect(plain).not.toContain("\u001b[");
    expect(coloured).toContain("\u001b[");
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, "")).toBe(plain);
  });
});
