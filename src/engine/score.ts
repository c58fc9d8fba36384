import type { Issue } from "../errors.js";
import type { AnswerFile } from "../model/answers.js";
import type { Band, Profile, Questionnaire } from "../model/questionnaire.js";
import { compare, div, exact, ExactSum, fromNumber, mul, sub, sum, type Exact } from "../model/exact.js";
import { scoreAnswer, scoreAnswerInto, type ScoredFields } from "./score-answer.js";
import { own } from "../model/own.js";
import { pushAll } from "../model/collections.js";

export interface QuestionResult extends ScoredFields {
  id: string;
  element: string;
  pillar?: string;
}

export interface ElementResult {
  id: string;
  /** Percent, from the profile. */
  weight: Exact;
  /** Mean (weighted by question weights) of its question scores, unanswered as 0. */
  score: Exact;
  /** weight × score / 100: this element's share of the total. */
  contribution: Exact;
  answered: number;
  questions: number;
  missing: string[];
  /** The element's score from the region's own answers only (no self answer counts as 0). */
  selfScore: Exact;
  /** Questions with a verified score. */
  verified: number;
}

interface PillarResult {
  id: string;
  /** Mean of the scores of the questions tagged with the pillar; null when none is in the profile. */
  score: Exact | null;
  answered: number;
  questions: number;
}

export interface ScoreResult {
  questionnaire: { id: string; version: string };
  profile: string;
  elements: ElementResult[];
  total: Exact;
  pillars: PillarResult[];
  /** Ids of unanswered questions, in questionnaire order. */
  missing: string[];
  complete: boolean;
  band?: Band;
  /** Every question of the profile's elements, scored; empty when scored with `questions: false`. */
  questions: QuestionResult[];
  /** Self-assessment against verification, for every report that shows both. */
  verification: VerificationSummary;
}

export interface VerificationSummary {
  /** Questions (of the profile) with an assessors' score. */
  verified: number;
  /** Questions with a self-assessed answer. */
  selfAnswered: number;
  /** Answered questions whose score is the self-assessed one: flagged "unverified" in reports. */
  unverified: string[];
  /**
   * Verified questions the region did not answer itself (published panel scores hold only the
   * panel's): while there are any, the self-assessed scores cannot be set beside the verified ones.
   */
  panelOnly: number;
  /** The total from the region's own answers only: Σ weight × self-assessed element score / 100. */
  selfTotal: Exact;
  /**
   * Verified questions with a self-assessed answer whose scores differ, largest difference
   * first (then in questionnaire order): what the region most needs to learn.
   */
  differences: QuestionDifference[];
}

export interface QuestionDifference {
  id: string;
  element: string;
  self: Exact;
  verified: Exact;
  /** verified − self: negative when the panel scored lower than the region. */
  difference: Exact;
}

export interface ScoreOutcome {
  /** Absent when an error makes the answers unscorable (unknown profile). */
  result?: ScoreResult;
  /** Problems with the answers, paths relative to the answer file. */
  issues: Issue[];
}

export interface ScoreOptions {
  profile?: string;
  /**
   * false: the result's `questions` stay empty, for a batch that keeps only each file's summary
   * (every question of every file would otherwise be an object made to be thrown away).
   */
  questions?: boolean;
}

/** Picks the profile: explicit choice, then the answer file's, then the questionnaire's default. */
export function selectProfile(questionnaire: Questionnaire, requested: string | undefined): Profile | undefined {
  const id = requested ?? questionnaire.defaultProfile;
  return questionnaire.profiles.find((p) => p.id === id);
}

/**
 * Scores an answer file (methodology §3): question score → element score = mean of its
 * question scores → total = Σ weight × element score / 100, for the elements of the profile.
 */
export function scoreAnswers(
  questionnaire: Questionnaire,
  answers: AnswerFile,
  options: ScoreOptions = {},
): ScoreOutcome {
  const issues: Issue[] = [];
  const requested = options.profile ?? answers.profile;
  const profile = selectProfile(questionnaire, requested);
  if (!profile) {
    issues.push({
      path: options.profile ? [] : ["profile"],
      severity: "error",
      code: "profile.unknown",
      params: {
        profile: String(requested),
        questionnaire: questionnaire.id,
        known: questionnaire.profiles.map((p) => p.id),
      },
    });
    return { issues };
  }

  const known = questionIds(questionnaire);
  for (const id in answers.answers) {
    if (!Object.hasOwn(answers.answers, id) || known.has(id)) continue;
    issues.push({
      path: ["answers", id],
      severity: "error",
      code: "answer.unknown-question",
      params: { id, questionnaire: questionnaire.id },
    });
  }

  const elements: ElementResult[] = [];
  const questions: QuestionResult[] = [];
  const missing: string[] = [];
  const prepared = prepare(questionnaire);
  const pillars = newPillarTallies(prepared.pillars.length);
  const verification = new VerificationTally();
  const keep = options.questions !== false;
  // Without the question list, one object takes each question's result in turn.
  const scratch = {} as QuestionResult;
  for (const element of questionnaire.elements) {
    const weight = own(profile.weights, element.id);
    if (weight === undefined) {
      pushAll(issues, unscoredElementIssues(questionnaire, element, profile.id, answers));
      continue;
    }
    const { paths, weights, totalWeight, pillarOf } = prepared.elements.get(element)!;
    // Unanswered questions count as 0: they add nothing to the sums.
    const scored = new ExactSum();
    const selfScored = new ExactSum();
    let verifiedCount = 0;
    const elementMissing: string[] = [];
    for (let i = 0; i < element.questions.length; i++) {
      const question = element.questions[i]!;
      // Field by field in a fixed order (the rest by scoreAnswerInto): spreading conditional
      // parts is slow in V8, and this runs for every question of every file of a batch.
      let result = scratch;
      if (keep) {
        result = { id: question.id, element: element.id } as QuestionResult;
        if (question.pillar) result.pillar = question.pillar;
        questions.push(result);
      }
      scoreAnswerInto(question, own(answers.answers, question.id), questionnaire.scale, paths[i]!, issues, result);
      verification.add(question.id, element.id, result);
      const pillar = pillarOf[i]!;
      if (pillar >= 0) pillars.questions[pillar]!++;
      if (result.score === null) elementMissing.push(question.id);
      else {
        scored.add(result.score, weights[i]);
        if (pillar >= 0) {
          pillars.answered[pillar]!++;
          pillars.sums[pillar]!.add(result.score);
        }
      }
      if (result.self !== null) selfScored.add(result.self, weights[i]);
      if (result.verified !== null) verifiedCount++;
    }
    const w = fromNumber(weight);
    const score = scored.meanOver(totalWeight);
    elements.push({
      id: element.id,
      weight: w,
      score,
      contribution: div(mul(w, score), HUNDRED),
      answered: element.questions.length - elementMissing.length,
      questions: element.questions.length,
      missing: elementMissing,
      selfScore: selfScored.meanOver(totalWeight),
      verified: verifiedCount,
    });
    pushAll(missing, elementMissing);
  }

  const total = sum(elements.map((e) => e.contribution));
  const result: ScoreResult = {
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    profile: profile.id,
    elements,
    total,
    pillars: pillarIndices(prepared.pillars, pillars),
    missing,
    complete: missing.length === 0,
    questions,
    verification: verification.summary(elements),
  };
  const band = bandFor(questionnaire.bands, total);
  if (band) result.band = band;
  return { result, issues };
}

const HUNDRED = fromNumber(100);

/** What scoring needs of an element beyond the questionnaire itself: the same for every file. */
interface PreparedElement {
  /** Where each question's answer sits in an answer file, for its issues. */
  paths: (readonly (string | number)[])[];
  weights: Exact[];
  totalWeight: Exact;
  /** Each question's pillar as an index into PreparedQuestionnaire.pillars; -1: none (or not one of the questionnaire's). */
  pillarOf: Int32Array;
}

interface PreparedQuestionnaire {
  elements: Map<object, PreparedElement>;
  /** The questionnaire's pillar ids, in its order. */
  pillars: string[];
}

/** What scoring needs of a questionnaire, computed once (a batch scores thousands of files against one). */
const preparedQuestionnaires = new WeakMap<Questionnaire, PreparedQuestionnaire>();
function prepare(questionnaire: Questionnaire): PreparedQuestionnaire {
  let prepared = preparedQuestionnaires.get(questionnaire);
  if (!prepared) {
    const pillars = (questionnaire.pillars ?? []).map((p) => p.id);
    const elements = new Map<object, PreparedElement>();
    for (const element of questionnaire.elements) {
      const weights = element.questions.map((q) => fromNumber(q.weight ?? 1));
      elements.set(element, {
        paths: element.questions.map((q) => ["answers", q.id]),
        weights,
        totalWeight: sum(weights),
        pillarOf: Int32Array.from(element.questions, (q) => (q.pillar === undefined ? -1 : pillars.indexOf(q.pillar))),
      });
    }
    prepared = { elements, pillars };
    preparedQuestionnaires.set(questionnaire, prepared);
  }
  return prepared;
}

/** Per pillar (by index): the sum of its questions' scores, how many of them are answered, how many there are. */
interface PillarTallies {
  sums: ExactSum[];
  answered: Int32Array;
  questions: Int32Array;
}

function newPillarTallies(count: number): PillarTallies {
  const sums: ExactSum[] = [];
  for (let i = 0; i < count; i++) sums.push(new ExactSum());
  return { sums, answered: new Int32Array(count), questions: new Int32Array(count) };
}

/** Every question id of a questionnaire, computed once per questionnaire (a batch scores thousands of files against one). */
const questionIdSets = new WeakMap<Questionnaire, ReadonlySet<string>>();
function questionIds(questionnaire: Questionnaire): ReadonlySet<string> {
  let ids = questionIdSets.get(questionnaire);
  if (!ids) {
    ids = new Set(questionnaire.elements.flatMap((e) => e.questions.map((q) => q.id)));
    questionIdSets.set(questionnaire, ids);
  }
  return ids;
}

/**
 * Answers to an element the profile leaves out are not scored. Invalid ones are still errors
 * (the file is wrong whatever the profile), and a warning says they were ignored: a region of
 * the KPPN & IKN cohort that forgot `profile:` would otherwise lose its Collaboration silently.
 */
function unscoredElementIssues(
  questionnaire: Questionnaire,
  element: Questionnaire["elements"][number],
  profileId: string,
  answers: AnswerFile,
): Issue[] {
  const answered = element.questions.filter(
    (q) => own(answers.answers, q.id) !== undefined && own(answers.answers, q.id) !== null,
  );
  if (answered.length === 0) return [];
  const issues = answered.flatMap((q) =>
    scoreAnswer(q, own(answers.answers, q.id), questionnaire.scale, ["answers", q.id]).issues.filter(
      (i) => i.severity === "error",
    ),
  );
  const others = questionnaire.profiles.filter((p) => own(p.weights, element.id) !== undefined).map((p) => p.id);
  issues.push({
    path: ["answers", answered[0]!.id],
    severity: "warning",
    code: "answer.element-not-in-profile",
    params: { element: element.id, profile: profileId, count: answered.length, others },
  });
  return issues;
}

/** Self-assessed against verified (methodology §9), tallied question by question in questionnaire order. */
class VerificationTally {
  private readonly differences: (QuestionDifference & { order: number })[] = [];
  private verified = 0;
  private selfAnswered = 0;
  private panelOnly = 0;
  private readonly unverified: string[] = [];
  private order = 0;

  add(id: string, element: string, q: ScoredFields): void {
    const order = this.order++;
    if (q.verified !== null) this.verified++;
    if (q.self !== null) this.selfAnswered++;
    if (q.verified === null && q.score !== null) this.unverified.push(id);
    if (q.verified !== null && q.self === null) this.panelOnly++;
    if (q.self === null || q.verified === null) return;
    const difference = sub(q.verified, q.self);
    if (difference.n !== 0n)
      this.differences.push({ id, element, self: q.self, verified: q.verified, difference, order });
  }

  summary(elements: readonly ElementResult[]): VerificationSummary {
    const size = (e: Exact) => (e.n < 0n ? exact(-e.n, e.d) : e);
    const differences = this.differences;
    differences.sort((a, b) => compare(size(b.difference), size(a.difference)) || a.order - b.order);
    const selfTotal = new ExactSum();
    for (const e of elements) selfTotal.add(e.selfScore, e.weight);
    return {
      verified: this.verified,
      selfAnswered: this.selfAnswered,
      unverified: this.unverified,
      panelOnly: this.panelOnly,
      selfTotal: div(selfTotal.value, HUNDRED),
      differences: differences.map(({ order: _order, ...d }) => d),
    };
  }
}

/** This tool's pillar index: the mean of the questions tagged with the pillar (not official). */
function pillarIndices(ids: readonly string[], tallies: PillarTallies): PillarResult[] {
  return ids.map((id, i) => {
    const questions = tallies.questions[i]!;
    return {
      id,
      score: questions ? div(tallies.sums[i]!.value, exact(BigInt(questions))) : null,
      answered: tallies.answered[i]!,
      questions,
    };
  });
}

/** The band with the highest minimum not above the total. */
export function bandFor(bands: readonly Band[] | undefined, total: Exact): Band | undefined {
  let best: Band | undefined;
  for (const band of bands ?? []) {
    if (compare(fromNumber(band.min), total) <= 0 && (!best || band.min > best.min)) best = band;
  }
  return best;
}
