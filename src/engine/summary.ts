import type { AnswerFile } from "../model/answers.js";
import type { Band } from "../model/questionnaire.js";
import type { Exact } from "../model/exact.js";
import { improvementOver, type PreviousScore } from "./compare.js";
import type { ElementResult, ScoreResult } from "./score.js";

/**
 * What a batch keeps of one scored file: enough for the ranking and every output format,
 * without the per-question details, so memory does not grow with the questionnaire's size.
 */
export interface ResultSummary {
  file: string;
  /** The region named in the file, or the file name without its extension. */
  region: string;
  year?: number;
  status?: AnswerFile["status"];
  questionnaire: { id: string; version: string; sha256: string };
  profile: string;
  /** Each element's result as the engine gives it, without its list of unanswered ids. */
  elements: Omit<ElementResult, "missing">[];
  pillars: { id: string; score: Exact | null }[];
  total: Exact;
  band?: Band;
  missing: string[];
  complete: boolean;
  previous?: PreviousScore;
  improvement?: Exact;
  /** The total from the region's own answers alone. */
  selfTotal: Exact;
  /** Questions with an assessors' score, and the answered ones without (their self-assessed score counts). */
  verified: number;
  unverified: string[];
  /** Verified questions without a self-assessed answer: see `VerificationSummary.panelOnly`. */
  panelOnly: number;
}

/** How far a result rests on the assessors' scores: every answered question, some, or none. */
export type VerificationStatus = "verified" | "partial" | "unverified";

export function verificationStatus(s: Pick<ResultSummary, "verified" | "unverified">): VerificationStatus {
  return statusOf(s.verified, s.unverified.length);
}

/** The same for one element: its verified questions against its answered ones. */
export function elementVerification(e: { verified: number; answered: number }): VerificationStatus {
  return statusOf(e.verified, e.answered - e.verified);
}

function statusOf(verified: number, unverified: number): VerificationStatus {
  if (verified === 0) return "unverified";
  return unverified === 0 ? "verified" : "partial";
}

/**
 * Whether the self-assessed scores can stand beside the verified ones: the region answered every
 * question the panel scored (a file of published panel scores has no self-assessment to show).
 */
export function selfAssessmentShown(s: Pick<ResultSummary, "panelOnly">): boolean {
  return s.panelOnly === 0;
}

export function summarizeResult(input: {
  file: string;
  region: string;
  answers: Pick<AnswerFile, "respondent" | "status">;
  sha256: string;
  result: ScoreResult;
  previous?: PreviousScore;
}): ResultSummary {
  const { result, answers, previous } = input;
  const improvement = improvementOver(result.total, previous);
  return {
    file: detach(input.file),
    region: detach(input.region),
    ...(answers.respondent?.year !== undefined ? { year: answers.respondent.year } : {}),
    ...(answers.status ? { status: answers.status } : {}),
    questionnaire: { id: result.questionnaire.id, version: result.questionnaire.version, sha256: input.sha256 },
    profile: result.profile,
    elements: result.elements.map((e) => ({
      id: e.id,
      weight: e.weight,
      score: e.score,
      contribution: e.contribution,
      answered: e.answered,
      questions: e.questions,
      selfScore: e.selfScore,
      verified: e.verified,
    })),
    pillars: result.pillars.map((p) => ({ id: p.id, score: p.score })),
    total: result.total,
    ...(result.band ? { band: result.band } : {}),
    missing: result.missing,
    complete: result.complete,
    ...(previous ? { previous } : {}),
    ...(improvement ? { improvement } : {}),
    selfTotal: result.verification.selfTotal,
    verified: result.verification.verified,
    unverified: result.verification.unverified,
    panelOnly: result.verification.panelOnly,
  };
}

/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a substring
 * as a view into its parent, so a region name read from an answer file would otherwise keep the
 * whole file's text alive for as long as the summary lives: 14 KiB per file in a batch.
 */
function detach(text: string): string {
  return text.length < 13 ? text : Array.from(text).join("");
}
