import type { AnswerFile } from "./answers.js";
import type { Questionnaire } from "./questionnaire.js";

/**
 * The top-level keys of each document, in the order their zod schemas declare them
 * (questionnaireSchema, answerFileSchema; test/model/document-keys.test.ts holds them equal).
 * Kept apart from the schemas so that telling a file's kind and the fast answer-file check do not
 * load zod, which costs a short command about half the start-up of Node itself. The answer
 * store writes an answer file's keys in this order.
 */
export const questionnaireKeys = [
  "id",
  "version",
  "title",
  "description",
  "source",
  "scale",
  "surveyLabels",
  "pillars",
  "elements",
  "profiles",
  "defaultProfile",
  "bands",
] as const satisfies readonly (keyof Questionnaire)[];

export const answerFileKeys = [
  "questionnaire",
  "questionnaireVersion",
  "questionnaireSha256",
  "profile",
  "status",
  "assessor",
  "respondent",
  "previous",
  "cursor",
  "answers",
  "retiredAnswers",
  "questionDigests",
] as const satisfies readonly (keyof AnswerFile)[];
