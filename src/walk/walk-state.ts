import type { Answer, AnswerFile, AnswerObject } from "../model/answers.js";
import type { Lang } from "../model/common.js";
import { localizeDiagnostic } from "../text/diagnostic-messages.js";
import type { Element, Question, Questionnaire } from "../model/questionnaire.js";
import { scoreAnswer, type AnswerScore } from "../engine/score-answer.js";
import { selectProfile } from "../engine/score.js";
import { own } from "../model/own.js";

/** One stop of the walk: a question of an element that counts in the chosen profile. */
export interface WalkItem {
  element: Element;
  /** 0-based position of the element among the profile's elements. */
  elementIndex: number;
  elementCount: number;
  question: Question;
  /** 0-based position of the question in its element. */
  questionIndex: number;
}

/** The questions of the profile's elements, in questionnaire order (the elements the scorer counts). */
export function walkItems(questionnaire: Questionnaire, profileId: string | undefined): WalkItem[] {
  const profile = selectProfile(questionnaire, profileId);
  if (!profile) return [];
  const elements = questionnaire.elements.filter((e) => own(profile.weights, e.id) !== undefined);
  return elements.flatMap((element, elementIndex) =>
    element.questions.map((question, questionIndex) => ({
      element,
      elementIndex,
      elementCount: elements.length,
      question,
      questionIndex,
    })),
  );
}

function scoreOf(questionnaire: Questionnaire, question: Question, answer: Answer | undefined): AnswerScore {
  return scoreAnswer(question, answer, questionnaire.scale, ["answers", question.id]);
}

/** Answered means the scorer gives it a score without an error; `invalid` is that error, if any. */
export function answerState(
  questionnaire: Questionnaire,
  question: Question,
  answer: Answer | undefined,
  lang: Lang = "en",
): { answered: boolean; invalid?: string } {
  const scored = scoreOf(questionnaire, question, answer);
  // Fill's screens speak the officer's language: the issue is a code, said from the catalogue.
  const issue = scored.issues.find((i) => i.severity === "error");
  const invalid = issue && localizeDiagnostic(issue, lang).message;
  return invalid !== undefined ? { answered: false, invalid } : { answered: scored.score !== null };
}

export function isAnswered(questionnaire: Questionnaire, question: Question, answer: Answer | undefined): boolean {
  return answerState(questionnaire, question, answer).answered;
}

export interface Progress {
  answered: number;
  total: number;
  /** Rounded down, so 100 % means every question is answered. */
  percent: number;
}

export function progressOf(questionnaire: Questionnaire, items: readonly WalkItem[], file: AnswerFile): Progress {
  const answered = items.filter((item) =>
    isAnswered(questionnaire, item.question, own(file.answers, item.question.id)),
  ).length;
  return { answered, total: items.length, percent: items.length ? Math.floor((answered * 100) / items.length) : 100 };
}

/** Where to start: the saved cursor, else the first unanswered question, else the end (review). */
export function startIndex(questionnaire: Questionnaire, items: readonly WalkItem[], file: AnswerFile): number {
  const atCursor = file.cursor === undefined ? -1 : items.findIndex((item) => item.question.id === file.cursor);
  if (atCursor >= 0) return atCursor;
  const unanswered = items.findIndex(
    (item) => !isAnswered(questionnaire, item.question, own(file.answers, item.question.id)),
  );
  return unanswered >= 0 ? unanswered : items.length;
}

/** The scoring part of an answer: exactly one of these, or none (unanswered). */
export type AnswerCore = Pick<AnswerObject, "score" | "assessors" | "survey" | "value">;

export const asObject = (answer: Answer | undefined): AnswerObject =>
  answer === undefined || answer === null ? {} : typeof answer === "number" ? { score: answer } : { ...answer };

/** The smallest form of an answer: a bare score when it has nothing else, undefined when empty. */
function compact(object: AnswerObject): Answer | undefined {
  const entries = Object.entries(object).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return undefined;
  if (entries.length === 1 && object.score !== undefined) return object.score;
  return Object.fromEntries(entries) as AnswerObject;
}

function withAnswerValue(file: AnswerFile, id: string, answer: Answer | undefined): AnswerFile {
  const answers = { ...file.answers };
  if (answer === undefined) delete answers[id];
  else answers[id] = answer;
  return { ...file, answers };
}

/** Puts `object` in as the question's answer, in its smallest form (removed when empty). */
export function replaceAnswer(file: AnswerFile, id: string, object: AnswerObject): AnswerFile {
  return withAnswerValue(file, id, compact(object));
}

/**
 * Replaces the region's answer, keeping its evidence and note; null clears it. The assessors'
 * scores (the verification) are kept unless the new core brings its own: the officer's answer
 * and the panel's are two things, and changing one must not lose the other.
 */
export function setAnswerCore(file: AnswerFile, id: string, core: AnswerCore | null): AnswerFile {
  const { score: _s, survey: _v, value: _x, ...kept } = asObject(own(file.answers, id));
  if (core?.assessors) delete kept.assessors;
  return withAnswerValue(file, id, compact({ ...(core ?? {}), ...kept }));
}

export function setEvidence(file: AnswerFile, id: string, evidence: readonly string[]): AnswerFile {
  const object = asObject(own(file.answers, id));
  return withAnswerValue(file, id, compact({ ...object, evidence: evidence.length ? [...evidence] : undefined }));
}

export function setNote(file: AnswerFile, id: string, note: string): AnswerFile {
  const object = asObject(own(file.answers, id));
  return withAnswerValue(file, id, compact({ ...object, note: note === "" ? undefined : note }));
}

export function answerParts(answer: Answer | undefined): { core: AnswerCore; evidence: string[]; note: string } {
  const { evidence = [], note = "", ...core } = asObject(answer);
  return { core, evidence, note };
}

/** What a score depends on; the cursor and the status do not count. */
const scoredParts = (file: AnswerFile) =>
  JSON.stringify([
    file.answers,
    file.retiredAnswers,
    file.profile,
    file.respondent,
    file.previous,
    file.questionnaireSha256,
  ]);

/**
 * A final file becomes a draft again only when something it is scored on changes: reopening it
 * to look, or moving through it, leaves it final.
 */
export function settleStatus(before: AnswerFile, after: AnswerFile): AnswerFile {
  if (after.status !== "final" || scoredParts(before) === scoredParts(after)) return after;
  return { ...after, status: "draft" };
}
