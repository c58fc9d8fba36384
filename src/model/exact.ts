/**
 * Exact rational arithmetic on BigInt. Scores are means of means of decimals; doing them in
 * binary floating point shows users 3.0549999999 where the rules give 3.055 (which displays as
 * 3.06). Every score stays a fraction until it is displayed.
 */
export interface Exact {
  readonly n: bigint;
  /** Always positive; the fraction is in lowest terms. */
  readonly d: bigint;
}

/** Greatest common divisor of |a| and b (b ≥ 0); on small values in doubles, which BigInt division is many times slower than. */
function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (a <= SMALL && b <= SMALL) return BigInt(smallGcd(Number(a), Number(b)));
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}
/** Below 2^53 a double holds every integer exactly, so `%` on doubles is exact. */
const SMALL = BigInt(Number.MAX_SAFE_INTEGER);

/** Greatest common divisor of two safe integers x ≥ 0, y ≥ 0, in doubles. */
function smallGcd(x: number, y: number): number {
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Whether a fraction's numerator and denominator are both safe integers (exact as doubles). */
export const isSmall = (value: Exact): boolean => value.n <= SMALL && value.n >= -SMALL && value.d <= SMALL;

export function exact(n: bigint, d: bigint = 1n): Exact {
  if (d === 0n) throw new RangeError("division by zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { n, d };
  const g = gcd(n, d) || 1n;
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export const ZERO = exact(0n);

/**
 * The small whole numbers, made once: levels, weights and counts are most of what a batch
 * scores, hundreds per file. An Exact is never changed, so one object can stand for many.
 */
const WHOLE = Array.from({ length: 257 }, (_, i) => ({ n: BigInt(i), d: 1n }) as Exact);
WHOLE[0] = ZERO;
const ONE = WHOLE[1]!;

/** The decimal a JavaScript number was written as (2.8 → 28/10), not its binary approximation. */
export function fromNumber(value: number): Exact {
  // Whole numbers (levels, weights, counts) are most of what is scored: no parsing needed.
  if (Number.isSafeInteger(value))
    return value >= 0 && value < WHOLE.length ? WHOLE[value]! : { n: BigInt(value), d: 1n };
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  const point = text.indexOf(".");
  // A short decimal (2.37, a survey's mean) without a parse of its text by a pattern.
  if (point > 0 && text.length < 16 && !text.includes("e")) {
    const digits = Number(text.slice(0, point) + text.slice(point + 1));
    if (Number.isSafeInteger(digits)) return ratio(digits, 10 ** (text.length - point - 1));
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, sign, int, frac = "", exp = "0"] = match;
  let n = BigInt(int! + frac);
  let d = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e > 0) n *= 10n ** BigInt(e);
  else if (e < 0) d *= 10n ** BigInt(-e);
  return exact(sign === "-" ? -n : n, d);
}

export const add = (a: Exact, b: Exact): Exact => {
  // A whole number added to a fraction in lowest terms leaves it in lowest terms.
  if (b.d === 1n) return a.d === 1n ? { n: a.n + b.n, d: 1n } : { n: a.n + b.n * a.d, d: a.d };
  if (a.d === 1n) return { n: a.n * b.d + b.n, d: b.d };
  if (a.d === b.d) return exact(a.n + b.n, a.d);
  return exact(a.n * b.d + b.n * a.d, a.d * b.d);
};
export const sub = (a: Exact, b: Exact): Exact => exact(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Exact, b: Exact): Exact => {
  if (a.d === 1n && b.d === 1n) return { n: a.n * b.n, d: 1n };
  if (b.n === 1n && b.d === 1n) return a;
  if (a.n === 1n && a.d === 1n) return b;
  return exact(a.n * b.n, a.d * b.d);
};
export const div = (a: Exact, b: Exact): Exact => exact(a.n * b.d, a.d * b.n);
export const compare = (a: Exact, b: Exact): number => {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
};
export const equals = (a: Exact, b: Exact): boolean => a.n === b.n && a.d === b.d;

/**
 * The fractions of small numerators and denominators made so far: a survey's mean and the mean of
 * a panel's scores are a few hundred distinct fractions over a whole batch, each made twice per
 * file (three objects: the fraction and its two BigInts) without this. Bounded, like WHOLE; the
 * key n × RATIO_LIMIT + d stays a small integer, which a Map hashes fastest.
 */
const ratios = new Map<number, Exact>();
const RATIO_LIMIT = 1 << 12;
const RATIOS_KEPT = 1 << 14;

/** The fraction `n / d` of two safe integers (d > 0), in lowest terms, without BigInt arithmetic. */
export function ratio(n: number, d: number): Exact {
  if (d === 1) return fromNumber(n);
  const small = n >= 0 && n < RATIO_LIMIT && d < RATIO_LIMIT && Number.isInteger(n) && Number.isInteger(d);
  const key = n * RATIO_LIMIT + d;
  if (small) {
    const known = ratios.get(key);
    if (known !== undefined) return known;
  }
  const g = smallGcd(n < 0 ? -n : n, d) || 1;
  const value = g === d ? fromNumber(n / d) : { n: BigInt(n / g), d: BigInt(d / g) };
  if (small && ratios.size < RATIOS_KEPT) ratios.set(key, value);
  return value;
}

/**
 * A running sum of products value × weight, exact. While its numerator and denominator stay
 * safe integers it counts in doubles, where each step is exact and a step that would not be is
 * seen (rounding never brings a result past 2^53 back below it); from then on in BigInt. A
 * batch adds a few hundred scores per file, and a BigInt per step made most of its garbage.
 */
export class ExactSum {
  private n = 0;
  private d = 1;
  private big: Exact | undefined;

  /** Adds value × weight (weight 1 when not given). */
  add(value: Exact, weight: Exact = ONE): void {
    if (this.big === undefined) {
      // Weight 1 (nearly every question's) needs no product: two conversions from BigInt, not four.
      const p = weight === ONE ? Number(value.n) : Number(value.n) * Number(weight.n);
      const q = weight === ONE ? Number(value.d) : Number(value.d) * Number(weight.d);
      if (this.addSmall(p, q)) return;
    }
    this.big = add(this.big ?? exact(BigInt(this.n), BigInt(this.d)), mul(value, weight));
  }

  /** Adds p/q when every step stays exact in doubles; false (nothing added) when one would not. */
  private addSmall(p: number, q: number): boolean {
    if (!Number.isSafeInteger(p) || !Number.isSafeInteger(q)) return false;
    if (p === 0) return true;
    const { n, d } = this;
    let sumN: number;
    let sumD = d;
    if (q === d) sumN = n + p;
    else if (d % q === 0) {
      const scaled = p * (d / q);
      if (!Number.isSafeInteger(scaled)) return false;
      sumN = n + scaled;
    } else {
      sumD = (d / smallGcd(d, q)) * q;
      const left = n * (sumD / d);
      const right = p * (sumD / q);
      if (!Number.isSafeInteger(sumD) || !Number.isSafeInteger(left) || !Number.isSafeInteger(right)) return false;
      sumN = left + right;
    }
    if (!Number.isSafeInteger(sumN)) return false;
    this.n = sumN;
    this.d = sumD;
    return true;
  }

  /** The sum so far, in lowest terms. */
  get value(): Exact {
    return this.big ?? ratio(this.n, this.d);
  }

  /** The sum over `totalWeight`: Σ wᵢxᵢ / Σ wᵢ when the values were added with their weights; 0 for no weight. */
  meanOver(totalWeight: Exact): Exact {
    return totalWeight.n === 0n ? ZERO : div(this.value, totalWeight);
  }
}

export function sum(values: readonly Exact[]): Exact {
  let total = ZERO;
  for (const v of values) total = add(total, v);
  return total;
}

/** Weighted mean Σ wᵢxᵢ / Σ wᵢ; the plain mean when every weight is 1. Zero weights: 0. */
export function weightedMean(values: readonly { value: Exact; weight: Exact }[]): Exact {
  const weighted = new ExactSum();
  for (const v of values) weighted.add(v.value, v.weight);
  return weighted.meanOver(sum(values.map((v) => v.weight)));
}

/**
 * Rounds half away from zero to `digits` decimals, on the exact decimal value:
 * 3.055 → "3.06", -0.245 → "-0.25". This is the only rounding users ever see.
 */
export function toFixed(value: Exact, digits = 2): string {
  if (digits <= 8 && isSmall(value)) {
    // In doubles when every step is exact (a batch's CSV shows a score a column), else in BigInt.
    const d = Number(value.d);
    const abs = Math.abs(Number(value.n));
    const scale = 10 ** digits;
    const scaled = abs * scale;
    if (Number.isSafeInteger(scaled)) {
      const rest = scaled % d;
      const q = (scaled - rest) / d + (rest * 2 >= d ? 1 : 0);
      const frac = q % scale;
      const int = String((q - frac) / scale);
      const text = digits > 0 ? `${int}.${String(frac).padStart(digits, "0")}` : int;
      return value.n < 0n && q !== 0 ? `-${text}` : text;
    }
  }
  const scale = 10n ** BigInt(digits);
  const negative = value.n < 0n;
  const abs = negative ? -value.n : value.n;
  const scaled = abs * scale;
  let q = scaled / value.d;
  if ((scaled % value.d) * 2n >= value.d) q += 1n;
  const int = (q / scale).toString();
  const frac = (q % scale).toString().padStart(digits, "0");
  const text = digits > 0 ? `${int}.${frac}` : int;
  return negative && q !== 0n ? `-${text}` : text;
}

/**
 * The nearest JavaScript number, for JSON. Exact decimals come out as written (3.315, not
 * 3.3149999999999999); repeating ones keep 17 significant digits.
 */
export function toNumber(value: Exact): number {
  const negative = value.n < 0n;
  const abs = negative ? -value.n : value.n;
  const int = abs / value.d;
  let rest = abs % value.d;
  let frac = "";
  for (let i = 0; i < 24 && rest !== 0n; i++) {
    rest *= 10n;
    frac += (rest / value.d).toString();
    rest %= value.d;
  }
  const number = Number(`${negative ? "-" : ""}${int}${frac ? `.${frac}` : ""}`);
  return Object.is(number, -0) ? 0 : number;
}

/** "601/240": lossless, for machine output that must round-trip. */
export function toFraction(value: Exact): string {
  return value.d === 1n ? value.n.toString() : `${value.n}/${value.d}`;
}
