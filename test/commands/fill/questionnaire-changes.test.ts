import { beforeAll, describe, expect, it } from "vitest";
import { loadQuestionnaireFile } from "../../../src/io/load-questionnaire.js";
import {
  compareQuestionnaire,
  questionDigests,
  setAsideAnswers,
  unknownAnswerIds,
} from "../../../src/commands/fill/questionnaire-changes.js";
import type { AnswerFile } from "../../../src/model/answers.js";
import type { Questionnaire } from "../../../src/model/questionnaire.js";

let before: Questionnaire;
beforeAll(async () => {
  const loaded = await loadQuestionnaireFile("fixtures/fill/mini.yaml");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  before = loaded.value.questionnaire;
});

/** The mini questionnaire with bl-budget removed, im-faster reworded and a question added. */
function edited(): Questionnaire {
  const q = structuredClone(before);
  const baseline = q.elements[0]!;
  baseline.questions = baseline.questions.filter((x) => x.id !== "bl-budget");
  baseline.questions.push({
    id: "bl-forum",
    kind: "level",
    text: { en: "A smart-city forum meets." },
    levels: { 0: { en: "a" }, 1: { en: "b" }, 2: { en: "c" }, 3: { en: "d" }, 4: { en: "e" } },
  });
  q.elements[1]!.questions[1]!.text = { en: "The service became faster." };
  return q;
}

describe("questionnaire changes", () => {
  it("fingerprints every question, the same way every time", () => {
    const digests = questionDigests(before);
    expect(Object.keys(digests)).toEqual(["bl-masterplan", "bl-programmes", "bl-budget", "im-online", "im-faster"]);
    expect(Object.values(digests).every((d) => /^[0-9a-f]{12}$/.test(d))).toBe(true);
    expect(questionDigests(structuredClone(before))).toEqual(digests);
  });

  it("lists added, removed and changed questions from the recorded fingerprints", () => {
    const file: AnswerFile = { questionnaire: "q", answers: {}, questionDigests: questionDigests(before) };
    expect(compareQuestionnaire(file, edited())).toEqual({
      detailed: true,
      added: ["bl-forum"],
      removed: ["bl-budget"],
      changed: ["im-faster"],
    });
  });

  it("reports no question change when only other parts changed", () => {
    const q = structuredClone(before);
    q.profiles[0]!.weights = { baseline: 50, impact: 50 };
    const file: AnswerFile = { questionnaire: "q", answers: {}, questionDigests: questionDigests(before) };
    expect(compareQuestionnaire(file, q)).toEqual({ detailed: true, added: [], removed: [], changed: [] });
  });

  it("without fingerprints, can only tell which answers lost their question", () => {
    const file: AnswerFile = { questionnaire: "q", answers: { "bl-budget": { value: 2 }, "bl-masterplan": 3 } };
    expect(compareQuestionnaire(file, edited())).toEqual({
      detailed: false,
      added: [],
      removed: ["bl-budget"],
      changed: [],
    });
    expect(unknownAnswerIds(file, edited())).toEqual(["bl-budget"]);
  });

  it("sets answers aside under retiredAnswers, or drops them only when asked to", () => {
    const file: AnswerFile = {
      questionnaire: "q",
      answers: { "bl-budget": { value: 2, note: "n" }, "bl-masterplan": 3 },
    };
    expect(setAsideAnswers(file, ["bl-budget"], true)).toEqual({
      questionnaire: "q",
      answers: { "bl-masterplan": 3 },
      retiredAnswers: { "bl-budget": { value: 2, note: "n" } },
    });
    expect(setAsideAnswers(file, ["bl-budget"], false)).toEqual({
      questionnaire: "q",
      answers: { "bl-masterplan": 3 },
    });
    expect(setAsideAnswers(file, [], false)).toBe(file);
  });
});
