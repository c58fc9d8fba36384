import type { AnswerFile, AssessorScore } from "../model/answers.js";
import { own } from "../model/own.js";
import { regionKey } from "./compare.js";
import { assessorKey } from "./score-answer.js";

/** One answer file as merge sees it: its name in messages, its content, the questionnaire it loaded. */
export interface PanelFile {
  file: string;
  answers: AnswerFile;
  questionnaire: { id: string; version: string; sha256: string };
  /** The weight profile in effect (the file's, else the questionnaire's default). */
  profile: string;
}

/** Why files cannot be merged (errors) or what the merged file should be checked for (warnings). Codes + data. */
export type PanelProblem =
  | { code: "same-assessor"; name: string; file: string; other: string }
  | { code: "anonymous-scores"; file: string; question: string }
  | { code: "different-region"; file: string; region: string; expected: string }
  | { code: "different-year"; file: string; year: number; expected: number }
  | { code: "different-questionnaire"; file: string; id: string; expected: string }
  | { code: "different-version"; file: string; version: string; expected: string }
  | { code: "different-content"; file: string; version: string }
  | { code: "different-profile"; file: string; profile: string; expected: string }
  | { code: "no-scores"; file: string }
  | { code: "self-answer-differs"; file: string; question: string }
  | { code: "partly-scored"; questions: string[]; assessors: number };

export interface PanelMerge {
  /** Absent when there is any error: nothing may be written. */
  merged?: AnswerFile;
  errors: PanelProblem[];
  warnings: PanelProblem[];
  /** The assessors, in the order their files were given. */
  assessors: string[];
}

const selfPart = (answer: unknown) => {
  if (answer === null || answer === undefined) return null;
  if (typeof answer === "number") return { score: answer, survey: null, value: null };
  const { score, survey, value } = answer as Record<string, unknown>;
  return { score: score ?? null, survey: survey ?? null, value: value ?? null };
};
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Combines the region's self-assessment with the files of its assessors (one per assessor, as
 * `kuesioner verify` writes them) into one panel file: the region's answers as they were, and
 * under each question every assessor's score and note. Conflicts are never resolved: the same
 * assessor twice, another region, year, questionnaire, version or profile, or scores without a
 * name are errors, and then nothing is merged. Pure.
 */
export function mergePanel(self: PanelFile, others: readonly PanelFile[]): PanelMerge {
  const errors: PanelProblem[] = [];
  const warnings: PanelProblem[] = [];
  const seen = new Map<string, { name: string; file: string }>();
  const claim = (name: string, file: string) => {
    const key = assessorKey(name);
    const first = seen.get(key);
    if (first && first.file !== file) errors.push({ code: "same-assessor", name, file, other: first.file });
    else if (!first) seen.set(key, { name, file });
  };
  const entriesOf = (f: PanelFile, anonymousIsError: boolean) => {
    const byQuestion = new Map<string, AssessorScore[]>();
    for (const [question, answer] of Object.entries(f.answers.answers)) {
      if (answer === null || typeof answer === "number" || !answer.assessors) continue;
      const named: AssessorScore[] = [];
      for (const entry of answer.assessors) {
        if (typeof entry === "number") {
          if (anonymousIsError) errors.push({ code: "anonymous-scores", file: f.file, question });
          break;
        }
        named.push(entry);
      }
      byQuestion.set(question, named);
    }
    return byQuestion;
  };

  // The self-assessment may already hold a panel's scores (merging more in): they count as given.
  const selfEntries = entriesOf(self, false);
  for (const entries of selfEntries.values()) for (const e of entries) claim(e.name, self.file);

  const region = self.answers.respondent?.region;
  const year = self.answers.respondent?.year;
  const perFile: Map<string, AssessorScore[]>[] = [];
  const assessors: string[] = [];
  for (const f of others) {
    const r = f.answers.respondent;
    if (region && r?.region && regionKey(r.region) !== regionKey(region))
      errors.push({ code: "different-region", file: f.file, region: r.region, expected: region });
    if (year !== undefined && r?.year !== undefined && r.year !== year)
      errors.push({ code: "different-year", file: f.file, year: r.year, expected: year });
    if (f.questionnaire.id !== self.questionnaire.id)
      errors.push({
        code: "different-questionnaire",
        file: f.file,
        id: f.questionnaire.id,
        expected: self.questionnaire.id,
      });
    else if (f.questionnaire.version !== self.questionnaire.version)
      errors.push({
        code: "different-version",
        file: f.file,
        version: f.questionnaire.version,
        expected: self.questionnaire.version,
      });
    else if (f.questionnaire.sha256 !== self.questionnaire.sha256)
      errors.push({ code: "different-content", file: f.file, version: f.questionnaire.version });
    if (f.profile !== self.profile)
      errors.push({ code: "different-profile", file: f.file, profile: f.profile, expected: self.profile });

    const entries = entriesOf(f, true);
    perFile.push(entries);
    const names = new Set<string>();
    if (f.answers.assessor) names.add(f.answers.assessor);
    for (const list of entries.values()) for (const e of list) names.add(e.name);
    if (entries.size === 0) warnings.push({ code: "no-scores", file: f.file });
    const distinct = new Map([...names].map((n) => [assessorKey(n), n]));
    for (const name of distinct.values()) {
      claim(name, f.file);
      assessors.push(name);
    }
    for (const question of entries.keys()) {
      const mine = selfPart(own(self.answers.answers, question));
      const theirs = selfPart(own(f.answers.answers, question));
      if (theirs !== null && !sameJson(mine, theirs))
        warnings.push({ code: "self-answer-differs", file: f.file, question });
    }
  }
  if (errors.length > 0) return { errors: dedupe(errors), warnings, assessors };

  const answers: AnswerFile["answers"] = { ...self.answers.answers };
  const questions = new Set([...selfEntries.keys(), ...perFile.flatMap((m) => [...m.keys()])]);
  const counts: number[] = [];
  for (const question of questions) {
    const merged = [...(selfEntries.get(question) ?? []), ...perFile.flatMap((m) => m.get(question) ?? [])];
    const current = own(answers, question);
    const base =
      current === undefined || current === null ? {} : typeof current === "number" ? { score: current } : current;
    answers[question] = { ...base, assessors: merged };
    counts.push(merged.length);
  }
  const panel = Math.max(0, ...counts);
  const partly = [...questions].filter((_, i) => counts[i]! < panel);
  if (partly.length > 0) warnings.push({ code: "partly-scored", questions: partly, assessors: panel });
  const { assessor: _assessor, cursor: _cursor, ...rest } = self.answers;
  return { merged: { ...rest, answers }, errors, warnings, assessors };
}

/** Two files claiming the same name are one conflict, however many questions they share. */
function dedupe(problems: PanelProblem[]): PanelProblem[] {
  const keys = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify(p);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}
