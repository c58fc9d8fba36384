import { isMap, isScalar, type Document, type Pair, parseDocument, type YAMLMap } from "yaml";
import type { AnswerFile } from "../model/answers.js";
import { serializeAnswerFile } from "./answer-store.js";
import { own } from "../model/own.js";

/** One statement's imported result: respondents per level, and the files they came from. */
export interface SurveyUpdate {
  id: string;
  counts: ReadonlyMap<number, number>;
  imported: readonly string[];
}

/**
 * The answer file's text with each statement's `survey: { counts, imported }` set, everything
 * else as it was: other answers, evidence, notes, comments, blank lines and key order. A
 * statement's earlier score, assessors or value give way to the survey; its evidence and note
 * stay. New answers go where the questionnaire's order puts them.
 */
export function applySurveyUpdates(
  text: string,
  updates: readonly SurveyUpdate[],
  questionOrder: readonly string[],
): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  let answers = doc.get("answers", true);
  if (!isMap(answers)) {
    answers = doc.createNode({}) as YAMLMap;
    doc.set("answers", answers);
  }
  const map = answers as YAMLMap;
  // `answers: {}` as fill starts it would otherwise grow into one long line.
  map.flow = false;
  const position = new Map(questionOrder.map((id, i) => [id, i]));
  for (const update of updates) {
    const survey = surveyNode(doc, update);
    const existing = map.items.find((p) => keyOf(p) === update.id);
    if (existing && isMap(existing.value)) {
      const answer = existing.value;
      for (const key of ["score", "assessors", "value"]) answer.delete(key);
      const pair = answer.items.find((p) => keyOf(p) === "survey");
      if (pair) pair.value = survey;
      else answer.items.unshift(doc.createPair("survey", survey));
      continue;
    }
    const value = doc.createNode({});
    value.flow = false;
    value.items.push(doc.createPair("survey", survey));
    if (existing) {
      existing.value = value;
      continue;
    }
    const mine = position.get(update.id) ?? Number.MAX_SAFE_INTEGER;
    const after = map.items.findIndex((p) => (position.get(keyOf(p) ?? "") ?? Number.MAX_SAFE_INTEGER) > mine);
    const pair = doc.createPair(update.id, value);
    if (after === -1) map.items.push(pair);
    else map.items.splice(after, 0, pair);
  }
  // A file marked final that gets new counts is a draft again, as fill does when an answer changes.
  if (updates.length && doc.get("status") === "final") doc.set("status", "draft");
  return doc.toString({ lineWidth: 0 });
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function surveyNode(doc: Document, update: SurveyUpdate) {
  const node = doc.createNode({
    counts: new Map([...update.counts].sort(([a], [b]) => a - b)),
    imported: [...update.imported],
  });
  node.flow = true;
  return node;
}

/** A JSON answer file has no comments to keep: the same changes, written as kuesioner writes JSON. */
export function applySurveyUpdatesJson(
  file: AnswerFile,
  updates: readonly SurveyUpdate[],
  questionOrder: readonly string[],
): string {
  const answers = { ...file.answers };
  for (const update of updates) {
    const previous = own(answers, update.id);
    const kept = previous && typeof previous === "object" ? previous : {};
    const { score: _s, assessors: _a, value: _v, survey: _old, ...rest } = kept;
    answers[update.id] = {
      ...rest,
      survey: {
        counts: Object.fromEntries([...update.counts].map(([k, v]) => [String(k), v])),
        imported: [...update.imported],
      },
    };
  }
  const status = updates.length && file.status === "final" ? "draft" : file.status;
  return serializeAnswerFile({ ...file, answers, ...(status ? { status } : {}) }, { questionOrder, json: true });
}
