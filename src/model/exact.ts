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
  if (a <= SMALL && b <= SMALL) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    return BigInt(x);
  }
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}
/** Below 2^53 a double holds every integer exactly, so `%` on doubles is exact. */
const SMALL = BigInt(Number.MAX_SAFE_INTEGER);

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

/** The decimal a JavaScript number was written as (2.8 → 28/10), not its binary approximation. */
export function fromNumber(value: number): Exact {
  // Whole numbers (levels, weights, counts) are most of what is scored: no parsing needed.
  if (Number.isSafeInteger(value)) return { n: BigInt(value), d: 1n };
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(value));
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

export function sum(values: readonly Exact[]): Exact {
  let total = ZERO;
  for (const v of values) total = add(total, v);
  return total;
}

/** Weighted mean Σ wᵢxᵢ / Σ wᵢ; the plain mean when every weight is 1. Zero weights: 0. */
export function weightedMean(values: readonly { value: Exact; weight: Exact }[]): Exact {
  const totalWeight = sum(values.map((v) => v.weight));
  if (totalWeight.n === 0n) return ZERO;
  return div(sum(values.map((v) => mul(v.value, v.weight))), totalWeight);
}

/**
 * Rounds half away from zero to `digits` decimals, on the exact decimal value:
 * 3.055 → "3.06", -0.245 → "-0.25". This is the only rounding users ever see.
 */
export function toFixed(value: Exact, digits = 2): string {
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
