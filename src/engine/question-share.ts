import { div, exact, fromNumber, mul, sum, ZERO, type Exact } from "../model/exact.js";
import type { Questionnaire } from "../model/questionnaire.js";
import type { ScoreResult } from "./score.js";

/**
 * How much one point of a question's score is worth in the total, under the profile a result
 * was scored with: element weight / 100 × question weight / Σ question weights of the element
 * (w / (100 × n) when every question weighs 1). The total is exactly Σ share × score over the
 * scored questions, which is what lets compare split a change and advise price a step.
 * Questions of elements the profile leaves out have no share.
 */
export function questionShares(questionnaire: Questionnaire, result: ScoreResult): Map<string, Exact> {
  const shares = new Map<string, Exact>();
  for (const element of result.elements) {
    const questions = questionnaire.elements.find((e) => e.id === element.id)?.questions ?? [];
    const weights = questions.map((q) => fromNumber(q.weight ?? 1));
    const totalWeight = sum(weights);
    questions.forEach((q, i) => {
      shares.set(
        q.id,
        totalWeight.n === 0n ? ZERO : div(mul(element.weight, weights[i]!), mul(exact(100n), totalWeight)),
      );
    });
  }
  return shares;
}
