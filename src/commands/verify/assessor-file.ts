import { assessorKey } from "../../engine/score-answer.js";
import type { AnswerFile, AssessorScore } from "../../model/answers.js";
import { own } from "../../model/own.js";
import { asObject, replaceAnswer } from "../../walk/walk-state.js";

const isMine =
  (name: string) =>
  (entry: number | AssessorScore): entry is AssessorScore =>
    typeof entry !== "number" && assessorKey(entry.name) === assessorKey(name);

/** The assessor's own score (and note) on a question, if they gave one. */
export function assessorEntry(file: AnswerFile, id: string, name: string): AssessorScore | undefined {
  const answer = own(file.answers, id);
  if (answer === undefined || answer === null || typeof answer === "number") return undefined;
  return answer.assessors?.find(isMine(name));
}

/** The file with the assessor's entry on a question replaced (undefined: removed). */
function withEntry(file: AnswerFile, id: string, name: string, entry: AssessorScore | undefined): AnswerFile {
  const { assessors = [], ...rest } = asObject(own(file.answers, id));
  const kept = assessors.filter((e) => !isMine(name)(e));
  const list = entry ? [...kept, entry] : kept;
  return replaceAnswer(file, id, list.length > 0 ? { ...rest, assessors: list } : rest);
}

/** Records the assessor's score on a question, keeping their note. */
export function setAssessorScore(file: AnswerFile, id: string, name: string, score: number): AnswerFile {
  const note = assessorEntry(file, id, name)?.note;
  return withEntry(file, id, name, { name, score, ...(note !== undefined ? { note } : {}) });
}

/** Sets (or with "" removes) the note of a question the assessor scored; unchanged when they did not. */
export function setAssessorNote(file: AnswerFile, id: string, name: string, note: string): AnswerFile {
  const entry = assessorEntry(file, id, name);
  if (!entry) return file;
  const { note: _old, ...rest } = entry;
  return withEntry(file, id, name, note === "" ? rest : { ...rest, note });
}

/** Removes the assessor's score and note from a question; the region's answer stays. */
export function clearAssessorScore(file: AnswerFile, id: string, name: string): AnswerFile {
  return withEntry(file, id, name, undefined);
}

/**
 * The assessor's file for a region's answers, as `kuesioner merge` takes it: the region's
 * answers as they are now (so merge can tell the assessor saw the same ones), `assessor:` on
 * top, and under each question only this assessor's score and note, taken from `previous` (the
 * file as the assessor left it) when resuming. Other assessors' scores in the answers are left
 * out: each file holds one assessor.
 */
export function assessorFile(self: AnswerFile, name: string, previous?: AnswerFile): AnswerFile {
  const { retiredAnswers: _r, cursor: _c, status: _s, assessor: _a, answers: selfAnswers, ...header } = self;
  let file: AnswerFile = {
    ...header,
    assessor: previous?.assessor ?? name,
    status: previous?.status ?? "draft",
    answers: {},
    ...(previous?.cursor !== undefined ? { cursor: previous.cursor } : {}),
  };
  for (const id of Object.keys(selfAnswers)) {
    const { assessors: _others, ...answer } = asObject(selfAnswers[id]);
    file = replaceAnswer(file, id, answer);
  }
  for (const id of Object.keys(previous?.answers ?? {})) {
    const entry = assessorEntry(previous!, id, name);
    if (entry) file = withEntry(file, id, name, entry);
  }
  return file;
}

/**
 * The file as the walk counts it for the assessor: a question is done when they scored it, and
 * its score is theirs. The review's provisional scores are then the assessor's own.
 */
export function assessorView(file: AnswerFile, name: string): AnswerFile {
  const answers: AnswerFile["answers"] = {};
  for (const id of Object.keys(file.answers)) {
    const entry = assessorEntry(file, id, name);
    if (entry) answers[id] = entry.score;
  }
  return { ...file, answers };
}
