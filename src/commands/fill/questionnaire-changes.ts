import { createHash } from "node:crypto";
import type { AnswerFile } from "../../model/answers.js";
import type { Questionnaire } from "../../model/questionnaire.js";
import { canonicalJson } from "../../io/load-questionnaire.js";
import { hasOwnKey, own } from "../../model/own.js";

/**
 * A short fingerprint of every question (sha256 of its canonical JSON, 12 hex digits), recorded
 * in the answer file so that a later run can say which questions changed, not only that the
 * questionnaire did.
 */
export function questionDigests(questionnaire: Questionnaire): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const element of questionnaire.elements) {
    for (const question of element.questions) {
      digests[question.id] = createHash("sha256").update(canonicalJson(question)).digest("hex").slice(0, 12);
    }
  }
  return digests;
}

export interface QuestionnaireChanges {
  /** False when the file recorded no fingerprints: added and changed questions cannot be told. */
  detailed: boolean;
  added: string[];
  removed: string[];
  changed: string[];
}

/** Compares the fingerprints recorded in an answer file with the questionnaire as it is now. */
export function compareQuestionnaire(file: AnswerFile, questionnaire: Questionnaire): QuestionnaireChanges {
  const now = questionDigests(questionnaire);
  const recorded = file.questionDigests;
  if (!recorded) {
    return { detailed: false, added: [], removed: unknownAnswerIds(file, questionnaire), changed: [] };
  }
  const added = Object.keys(now).filter((id) => !hasOwnKey(recorded, id));
  const removed = Object.keys(recorded).filter((id) => !hasOwnKey(now, id));
  const changed = Object.keys(now).filter((id) => hasOwnKey(recorded, id) && own(recorded, id) !== own(now, id));
  return { detailed: true, added, removed, changed };
}

/** Answers keyed by an id the questionnaire does not have (removed questions, or typos). */
export function unknownAnswerIds(file: AnswerFile, questionnaire: Questionnaire): string[] {
  const known = new Set(questionnaire.elements.flatMap((e) => e.questions.map((q) => q.id)));
  return Object.keys(file.answers).filter((id) => !known.has(id));
}

/** Moves answers out of `answers` into `retiredAnswers` (kept, not scored), or drops them. */
export function setAsideAnswers(file: AnswerFile, ids: readonly string[], keep: boolean): AnswerFile {
  if (ids.length === 0) return file;
  const answers = { ...file.answers };
  const retired = { ...(file.retiredAnswers ?? {}) };
  for (const id of ids) {
    if (!hasOwnKey(answers, id)) continue;
    if (keep) retired[id] = answers[id]!;
    delete answers[id];
  }
  const next: AnswerFile = { ...file, answers };
  if (Object.keys(retired).length > 0) next.retiredAnswers = retired;
  return next;
}
