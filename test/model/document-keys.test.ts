import { expect, it } from "vitest";
import { answerFileSchema } from "../../src/model/answers.js";
import { answerFileKeys, questionnaireKeys } from "../../src/model/document-keys.js";
import { questionnaireSchema } from "../../src/model/questionnaire.js";

it("lists the top-level keys of the questionnaire schema, in its order", () => {
  expect(questionnaireKeys).toEqual(Object.keys(questionnaireSchema.shape));
});

it("lists the top-level keys of the answer file schema, in its order", () => {
  expect(answerFileKeys).toEqual(Object.keys(answerFileSchema.shape));
});
