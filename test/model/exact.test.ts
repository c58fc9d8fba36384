import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  compare,
  div,
  exact,
  ExactSum,
  fromNumber,
  mul,
  ratio,
  sub,
  sum,
  toFixed,
  toFraction,
  toNumber,
  weightedMean,
} from "../../src/model/exact.js";

const x = (n: number) => fromNumber(n);

describe("exact arithmetic", () => {
  it.each([
    [2.8, "14/5"],
    [0.1, "1/10"],
    [3.055, "611/200"],
    [-0.25, "-1/4"],
    [1e-7, "1/10000000"],
    [12, "12"],
  ])("reads %d as the decimal it was written as (%s)", (value, fraction) => {
    expect(toFraction(fromNumber(value))).toBe(fraction);
  });

  it("adds 0.1 and 0.2 to exactly 0.3", () => {
    expect(toFraction(add(x(0.1), x(0.2)))).toBe("3/10");
    expect(toNumber(add(x(0.1), x(0.2)))).toBe(0.3);
  });

  it.each([
    [3.055, "3.06"],
    [3.045, "3.05"],
    [3.0549, "3.05"],
    [2.5042, "2.50"],
    [-0.245, "-0.25"],
    [-0.001, "0.00"],
    [0.005, "0.01"],
    [4, "4.00"],
  ])("rounds %d half up to %s", (value, text) => {
    expect(toFixed(x(value))).toBe(text);
  });

  it("rounds repeating fractions on their exact value", () => {
    expect(toFixed(exact(2n, 3n))).toBe("0.67");
    expect(toFixed(exact(1n, 3n), 4)).toBe("0.3333");
    expect(toFixed(exact(5n, 2n), 0)).toBe("3");
  });

  it("rounds small fractions (counted in doubles) as the digits of their exact value say", () => {
    // The reference: the decimal digits by long division in BigInt, then half up.
    const reference = (n: bigint, d: bigint, digits: number) => {
      const scale = 10n ** BigInt(digits);
      const abs = n < 0n ? -n : n;
      const q = (abs * scale) / d + ((abs * scale) % d >= (d + 1n) / 2n ? 1n : 0n);
      const text = digits ? `${q / scale}.${String(q % scale).padStart(digits, "0")}` : `${q}`;
      return n < 0n && q !== 0n ? `-${text}` : text;
    };
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }),
        fc.bigInt({ min: 1n, max: 2n ** 40n }),
        fc.integer({ min: 0, max: 6 }),
        (n, d, digits) => {
          const value = exact(n, d);
          expect(toFixed(value, digits)).toBe(reference(value.n, value.d, digits));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("keeps fractions in lowest terms with a positive denominator", () => {
    expect(exact(6n, -4n)).toEqual({ n: -3n, d: 2n });
    expect(() => exact(1n, 0n)).toThrow(RangeError);
    expect(() => fromNumber(Number.NaN)).toThrow(RangeError);
  });

  it("compares, subtracts, multiplies and divides exactly", () => {
    expect(compare(x(3.31), x(3.315))).toBe(-1);
    expect(compare(exact(1n, 3n), exact(2n, 6n))).toBe(0);
    expect(toFraction(sub(x(3.315), x(3.06)))).toBe("51/200");
    expect(toFraction(mul(x(0.3), x(2.9193)))).toBe("87579/100000");
    expect(toFraction(div(x(1), x(3)))).toBe("1/3");
  });

  it("gives a weighted mean, the plain mean for equal weights, 0 for no weight", () => {
    const one = x(1);
    expect(
      toFraction(
        weightedMean([
          { value: x(2), weight: one },
          { value: x(3), weight: one },
          { value: x(3), weight: one },
        ]),
      ),
    ).toBe("8/3");
    expect(
      toFraction(
        weightedMean([
          { value: x(4), weight: x(3) },
          { value: x(0), weight: x(1) },
        ]),
      ),
    ).toBe("3");
    expect(weightedMean([])).toEqual(exact(0n));
  });

  it("never writes -0 into JSON: a negative too small for 24 decimals becomes 0, not -0", () => {
    // -1/10^30: its 24 decimals are all zeros, so the digits alone would read back as -0.
    const tiny = exact(-1n, 10n ** 30n);
    expect(Object.is(toNumber(tiny), 0)).toBe(true);
    expect(JSON.stringify({ improvement: toNumber(tiny) })).toBe('{"improvement":0}');
    expect(toFixed(tiny)).toBe("0.00");
    // A repeating tiny negative (a total 1/3·10^-25 below last year's) too.
    expect(Object.is(toNumber(exact(-1n, 3n * 10n ** 25n)), 0)).toBe(true);
    // A negative that is still visible keeps its sign.
    expect(toNumber(exact(-1n, 10n ** 20n))).toBe(-1e-20);
  });
});

describe("exact arithmetic's shortcuts", () => {
  // add, mul and the gcd take shortcuts (whole numbers, equal denominators, gcd in doubles below
  // 2^53): each must give the very fraction the textbook formula reduced by a BigInt gcd gives.
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  const reduce = (n: bigint, d: bigint) => {
    const g = gcd(n, d) || 1n;
    return d / g < 0n ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
  };
  const fraction = fc
    .tuple(
      fc.oneof(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n })),
      fc.oneof(fc.constant(1n), fc.bigInt({ min: 1n, max: 12n }), fc.bigInt({ min: 1n, max: 2n ** 70n })),
    )
    .map(([n, d]) => exact(n, d));

  it("add, sub, mul and div equal the reduced textbook results", () => {
    fc.assert(
      fc.property(fraction, fraction, (a, b) => {
        expect(add(a, b)).toStrictEqual(reduce(a.n * b.d + b.n * a.d, a.d * b.d));
        expect(sub(a, b)).toStrictEqual(reduce(a.n * b.d - b.n * a.d, a.d * b.d));
        expect(mul(a, b)).toStrictEqual(reduce(a.n * b.n, a.d * b.d));
        if (b.n !== 0n) expect(div(a, b)).toStrictEqual(reduce(a.n * b.d, a.d * b.n));
      }),
      { numRuns: 3000, seed: 9 },
    );
  });

  it("sums and weighted means equal the reduced textbook results", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fraction, fraction), { maxLength: 12 }), (pairs) => {
        const values = pairs.map(([value, weight]) => ({
          value,
          weight: exact(weight.n < 0n ? -weight.n : weight.n, weight.d),
        }));
        let n = 0n;
        let d = 1n;
        let wn = 0n;
        let wd = 1n;
        for (const { value, weight } of values) {
          [n, d] = [n * value.d * weight.d + value.n * weight.n * d, d * value.d * weight.d];
          [wn, wd] = [wn * weight.d + weight.n * wd, wd * weight.d];
        }
        expect(sum(values.map((v) => v.value))).toStrictEqual(
          values.reduce((s, { value }) => reduce(s.n * value.d + value.n * s.d, s.d * value.d), { n: 0n, d: 1n }),
        );
        expect(weightedMean(values)).toStrictEqual(wn === 0n ? exact(0n) : reduce(n * wd, d * wn));
      }),
      { numRuns: 1000, seed: 9 },
    );
  });

  // ExactSum and ratio count in doubles while those are exact and fall back to BigInt past
  // 2^53: small values, values near the limit and huge ones must all give the textbook result.
  const nearLimit = fc.bigInt({ min: 2n ** 52n, max: 2n ** 54n });
  const term = fc
    .tuple(
      fc.oneof(fc.bigInt({ min: -50n, max: 300n }), nearLimit, fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n })),
      fc.oneof(fc.constant(1n), fc.bigInt({ min: 1n, max: 30n }), nearLimit),
    )
    .map(([n, d]) => exact(n, d));

  it("a running ExactSum equals the reduced textbook sum of products", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(term, fc.option(term, { nil: undefined })), { maxLength: 40 }), (pairs) => {
        const running = new ExactSum();
        let expected = { n: 0n, d: 1n };
        for (const [value, weight] of pairs) {
          running.add(value, weight);
          const w = weight ?? { n: 1n, d: 1n };
          expected = reduce(expected.n * value.d * w.d + value.n * w.n * expected.d, expected.d * value.d * w.d);
        }
        expect(running.value).toStrictEqual(expected);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it("a running ExactSum of a few hundred scores with many denominators stays exact", () => {
    // Denominators 1..61 make the common denominator pass 2^53 part way: the sum goes on in BigInt.
    const running = new ExactSum();
    let expected = exact(0n);
    for (let i = 0; i < 400; i++) {
      const value = exact(BigInt((i * 7919) % 97) - 13n, BigInt((i % 61) + 1));
      running.add(value);
      expected = add(expected, value);
    }
    expect(running.value).toStrictEqual(expected);
    expect(expected.d > 2n ** 53n).toBe(true);
  });

  it("ratio gives the reduced fraction of two safe integers", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1000, max: 1000 }),
          fc.maxSafeInteger(),
          fc.maxSafeNat().map((n) => -n),
        ),
        fc.oneof(
          fc.integer({ min: 1, max: 60 }),
          fc.maxSafeNat().filter((n) => n > 0),
        ),
        (n, d) => {
          expect(ratio(n, d)).toStrictEqual(reduce(BigInt(n), BigInt(d)));
        },
      ),
      { numRuns: 3000, seed: 12 },
    );
  });

  it("fromNumber reads every number as the decimal it is written as, by its shortcuts too", () => {
    // The decimal JavaScript writes the number as, read digit by digit.
    const written = (value: number) => {
      const [, sign, int, frac = "", exp = "0"] = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(value))!;
      const e = Number(exp) - frac.length;
      const digits = BigInt(int! + frac) * (sign === "-" ? -1n : 1n);
      return e >= 0 ? reduce(digits * 10n ** BigInt(e), 1n) : reduce(digits, 10n ** BigInt(-e));
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100),
          fc.integer({ min: -1000, max: 1000 }),
        ),
        (value) => {
          expect(fromNumber(value)).toStrictEqual(written(value));
        },
      ),
      { numRuns: 5000, seed: 13 },
    );
  });
});
