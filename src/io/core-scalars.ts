/**
 * Plain scalars as the `yaml` package's core schema (yaml/dist/schema/core) reads them, for the
 * readers that stand in for it (fast-yaml.ts, narrow-yaml.ts): the same patterns, in the same
 * order, the same conversions.
 */

/**
 * A plain scalar's type. `starts`: the characters its pattern can begin with, tested first: most
 * plain scalars (keys included) start with a letter no number can.
 */
export interface ScalarType {
  first: ReadonlySet<number>;
  empty: boolean;
  pattern: RegExp;
  construct: (source: string) => unknown;
}
const scalar = (starts: string, pattern: RegExp, construct: (source: string) => unknown): ScalarType => ({
  first: new Set([...starts].map((c) => c.charCodeAt(0))),
  empty: pattern.test(""),
  pattern,
  construct,
});
const SIGNED_DIGITS = "-+0123456789";

// The `yaml` package's core schema (yaml/dist/schema/core), in its order of precedence.
const CORE_TYPES: readonly ScalarType[] = [
  scalar("~nN", /^(?:~|[Nn]ull|NULL)?$/, () => null),
  scalar("tTfF", /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === "t" || s[0] === "T"),
  scalar("0", /^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)),
  scalar(SIGNED_DIGITS, /^[-+]?[0-9]+$/, (s) => parseInt(s, 10)),
  scalar("0", /^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)),
  scalar("-+.", /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) =>
    s.slice(-3).toLowerCase() === "nan" ? Number.NaN : s[0] === "-" ? -Infinity : Infinity,
  ),
  scalar(`${SIGNED_DIGITS}.`, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)),
  scalar(`${SIGNED_DIGITS}.`, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)),
];
/** Characters a core type can start with (all ASCII), by code: a plain scalar starting otherwise is a string. */
const ANY_FIRST = new Uint8Array(128);
for (const type of CORE_TYPES) for (const code of type.first) ANY_FIRST[code] = 1;

/** The first core type, by precedence, that reads `source`. */
export function coreTypeOf(source: string): ScalarType | undefined {
  if (source.length > 0 && ANY_FIRST[source.charCodeAt(0)] !== 1) return undefined;
  for (const type of CORE_TYPES)
    if (source.length === 0 ? type.empty : type.first.has(source.charCodeAt(0)) && type.pattern.test(source))
      return type;
  return undefined;
}

/**
 * What a plain scalar reads as: its core type's value, or the text itself. (The narrow reader
 * reads most numbers as it scans them, before it comes to this.)
 */
export function coreScalar(source: string): unknown {
  const type = coreTypeOf(source);
  return type ? type.construct(source) : source;
}
