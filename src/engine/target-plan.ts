import { add, compare, mul, sub, sum, ZERO, type Exact } from "../model/exact.js";
import type { Advice, QuestionAdvice, Step } from "./advise.js";

export interface PlanMove {
  id: string;
  element: string;
  /** null: unanswered. */
  from: Exact | null;
  to: Exact;
  /** Steps taken on this question. */
  steps: number;
  /** The last step: the level (and threshold) the region has to show. */
  last: Step;
  /** Gain in the total. */
  gain: Exact;
}

export interface TargetPlan {
  target: Exact;
  current: Exact;
  /** false: even every question at the top stays below the target. */
  reachable: boolean;
  /** The fewest steps that reach the target (0 when it is already reached). */
  steps: number;
  /** The total after the plan: at least the target, and the highest any plan of that many steps reaches. */
  reached: Exact;
  /** The total with every question at the top. */
  highest: Exact;
  /** Unanswered questions first, then by gain (largest first), then questionnaire order. */
  moves: PlanMove[];
}

/**
 * The fewest steps (as advise counts them) that lift the total to `target`, and among plans of
 * that size the one reaching the highest total.
 *
 * Why this is exact: a plan takes the first k_q steps of each question's ladder, and the gain
 * of a question's j-th step is its marginal m_q,j. Split the questions in two. (1) Ladders whose
 * marginals never increase (whole levels from a whole score, survey items): for any k, the best
 * k steps among them are the k largest marginals overall, because any selection of k steps has
 * a gain at most that sum, and taking marginals largest first respects each ladder's order
 * (a later step is never larger). So the best gain with k such steps is the prefix sum P(k) of
 * all their marginals sorted. (2) The other ladders (a fractional panel mean's first partial
 * step, thresholds that skip a level) are few and short: a knapsack over them gives D(j), the
 * best gain with exactly j of their steps. The best gain with K steps in all is then
 * M(K) = max_j D(j) + P(K − j), which never decreases in K; the answer is the smallest K with
 * M(K) ≥ target − total. test/engine/target-plan.test.ts checks this against brute force.
 */
export function planTarget(advice: Advice, target: Exact): TargetPlan {
  const base = { target, current: advice.total, highest: advice.highest };
  const need = sub(target, advice.total);
  if (need.n <= 0n) return { ...base, reachable: true, steps: 0, reached: advice.total, moves: [] };
  if (compare(advice.highest, target) < 0)
    return { ...base, reachable: false, steps: 0, reached: advice.highest, moves: [] };

  const questions = advice.questions;
  const marginals = questions.map((q) =>
    q.steps.map((s, i) => mul(q.share, sub(s.to, i ? q.steps[i - 1]!.to : (q.current ?? ZERO)))),
  );
  // Integers over a common denominator keep the search in plain BigInt additions.
  const denominator = marginals.flat().reduce((d, m) => lcm(d, m.d), 1n);
  const gains = marginals.map((ms) => ms.map((m) => m.n * (denominator / m.d)));
  const needed = ceilDiv(need.n * denominator, need.d);

  const concave = gains.map((g) => g.every((x, i) => i === 0 || x <= g[i - 1]!));
  const pool: { q: number; gain: bigint }[] = [];
  gains.forEach((g, q) => {
    if (concave[q]) for (const gain of g) pool.push({ q, gain });
  });
  // Largest first; among equals unanswered questions first, then the order advise lists them in
  // (a stable sort keeps each question's own steps in ladder order).
  pool.sort((a, b) => cmp(b.gain, a.gain) || unansweredFirst(questions[a.q]!, questions[b.q]!) || a.q - b.q);
  const prefix = [0n];
  for (const p of pool) prefix.push(prefix.at(-1)! + p.gain);

  const others = questions.map((_, q) => q).filter((q) => !concave[q]);
  const knapsack = bestWithExactly(others.map((q) => gains[q]!));
  const most = knapsack.best.length - 1;

  // M(k): the best gain with k steps in all, and the split that gives it.
  const best = (k: number) => {
    let split = -1;
    let gain = -1n;
    for (let j = Math.max(0, k - pool.length); j <= Math.min(k, most); j++) {
      const d = knapsack.best[j];
      if (d === undefined || d === null) continue;
      const total = d + prefix[k - j]!;
      if (total > gain) [split, gain] = [j, total];
    }
    return { split, gain };
  };
  // M never decreases (one more step never loses points), so the fewest steps is a binary search.
  let low = 1;
  let high = most + pool.length;
  if (best(high).gain < needed) throw new Error("planTarget: the highest total reaches the target, so some plan must");
  while (low < high) {
    const mid = (low + high) >> 1;
    if (best(mid).gain >= needed) high = mid;
    else low = mid + 1;
  }
  const { split } = best(low);
  const taken = new Array<number>(questions.length).fill(0);
  for (const p of pool.slice(0, low - split)) taken[p.q]!++;
  knapsack.choose(split).forEach((count, i) => {
    taken[others[i]!] = count;
  });
  const moves = movesFor(questions, taken);
  return { ...base, reachable: true, steps: low, reached: add(advice.total, sum(moves.map((m) => m.gain))), moves };
}

/** D(j): the best gain with exactly j steps over these ladders (null: impossible), and the steps per ladder. */
function bestWithExactly(ladders: readonly (readonly bigint[])[]) {
  let best: (bigint | null)[] = [0n];
  const choices: number[][] = [];
  for (const gains of ladders) {
    const cumulative = [0n];
    for (const g of gains) cumulative.push(cumulative.at(-1)! + g);
    const next: (bigint | null)[] = new Array(best.length + gains.length).fill(null);
    const choice: number[] = new Array(next.length).fill(0);
    for (let j = 0; j < next.length; j++) {
      for (let k = 0; k <= Math.min(gains.length, j); k++) {
        const before = best[j - k];
        if (before === undefined || before === null) continue;
        const value = before + cumulative[k]!;
        const current = next[j];
        if (current === null || current === undefined || value > current) {
          next[j] = value;
          choice[j] = k;
        }
      }
    }
    best = next;
    choices.push(choice);
  }
  return {
    best,
    choose(j: number): number[] {
      const counts = new Array<number>(ladders.length).fill(0);
      for (let i = ladders.length - 1; i >= 0; i--) {
        counts[i] = choices[i]![j]!;
        j -= counts[i]!;
      }
      return counts;
    },
  };
}

function movesFor(questions: readonly QuestionAdvice[], taken: readonly number[]): PlanMove[] {
  const moves: PlanMove[] = [];
  questions.forEach((q, i) => {
    const steps = taken[i]!;
    if (steps === 0) return;
    const last = q.steps[steps - 1]!;
    moves.push({
      id: q.id,
      element: q.element,
      from: q.current,
      to: last.to,
      steps,
      last,
      gain: mul(q.share, sub(last.to, q.current ?? ZERO)),
    });
  });
  const order = new Map(questions.map((q, i) => [q.id, i]));
  return moves.sort(
    (a, b) =>
      Number(a.from !== null) - Number(b.from !== null) ||
      compare(b.gain, a.gain) ||
      order.get(a.id)! - order.get(b.id)!,
  );
}

const unansweredFirst = (a: QuestionAdvice, b: QuestionAdvice) =>
  Number(a.current !== null) - Number(b.current !== null);
const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
const lcm = (a: bigint, b: bigint) => (a / gcd(a, b)) * b;
const ceilDiv = (n: bigint, d: bigint) => (n + d - 1n) / d;
