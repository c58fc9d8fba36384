import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { generateAnswers } from "../../bench/generate.mjs";
import { answerFileSchema } from "../../src/model/answers.js";
import { checkAnswerFile } from "../../src/model/answers-check.js";

const root = join(import.meta.dirname, "../..");

/**
 * Cases of the hostile-edits property: `npm run fuzz` runs 3,000 (what `npm test` ran before 3
 * December), `npm test` the first 1,000 of the same seed. Those already draw every base file,
 * every kind of edit, every hostile value, every hostile key and every number of edits, as the
 * 3,000 do (counted by recording each case's draws at 500, 1,000 and 3,000 cases).
 */
const EDITED_CASES = process.env.KUESIONER_FUZZ === "long" ? 3000 : 1000;

/** Equal values with their keys in the same order (zod's output order is part of what it gives). */
function sameInOrder(a: unknown, b: unknown, at = "$"): string | undefined {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null)
    return Object.is(a, b) ? undefined : `${at}: ${String(a)} ≠ ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array and object`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: other prototypes`;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.join("\0") !== keysB.join("\0")) return `${at}: keys ${keysA.join(",")} ≠ ${keysB.join(",")}`;
  for (const key of keysA) {
    const problem = sameInOrder(
      (a as Record<string | symbol, unknown>)[key],
      (b as Record<string | symbol, unknown>)[key],
      `${at}.${String(key)}`,
    );
    if (problem) return problem;
  }
  return undefined;
}

/**
 * The fast check may only answer for data zod accepts, and then with zod's very output;
 * otherwise it leaves the file to zod. Returns which of the two happened.
 */
function agree(data: unknown): "fast" | "zod" {
  const reference = answerFileSchema.safeParse(data);
  const fast = checkAnswerFile(data);
  if (fast === undefined) return "zod";
  if (!reference.success)
    expect.fail(`zod refuses what the fast check accepted:\n${JSON.stringify(data)}\n${reference.error.message}`);
  const problem = sameInOrder(fast, reference.data);
  if (problem) expect.fail(`the fast check differs from zod at ${problem}:\n${JSON.stringify(data)}`);
  return "fast";
}

const smartCity = YAML.parse(readFileSync(join(root, "questionnaires/smart-city-2023.yaml"), "utf8"));

/** Realistic answer files, as the benchmark writes them: every form of answer the format has. */
function generated(count: number) {
  return Array.from({ length: count }, (_, i) =>
    generateAnswers(smartCity, {
      region: `Kota Uji ${i}`,
      year: 2023,
      seed: i,
      capacity: (i % 10) / 10,
      missing: (i % 3) / 10,
      ...(i % 2 ? { profile: "kppn-ikn" } : {}),
    }),
  );
}

/** Every answer file among the fixtures and examples, parsed (once: two tests read them). */
let parsedFixtures: { name: string; data: unknown }[] | undefined;
function fixtures(): { name: string; data: unknown }[] {
  if (parsedFixtures) return parsedFixtures;
  const out: { name: string; data: unknown }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir)).sort()) {
      const path = join(dir, entry);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/i.test(entry)) {
        let data: unknown;
        try {
          data = YAML.parse(readFileSync(join(root, path), "utf8"), { logLevel: "silent" });
        } catch {
          continue;
        }
        if (data !== null && typeof data === "object" && "answers" in data) out.push({ name: path, data });
      }
    }
  };
  for (const dir of ["fixtures", "examples"]) walk(dir);
  parsedFixtures = out;
  return out;
}

/** Values that break some rule of the schema somewhere, or nearly do. */
const hostile = fc.constantFrom<unknown>(
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  0,
  -1,
  2.5,
  2 ** 60,
  "",
  " ",
  "  Ani  ",
  "x",
  "\u0007",
  "draft",
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "E3B0",
  "0a1b2c3d",
  [],
  [1],
  [""],
  ["x"],
  [{ name: " B ", score: 2 }],
  {},
  { score: 1 },
  { counts: { 1: 2 } },
  { counts: { 2: 1, "04": 2, 12: 3 } },
  { respondents: 4, mean: 2 },
  { counts: {} },
  { "-1": 3 },
  { mean: 2, respondents: 0 },
  true,
  "3",
);

/** How many values `data` holds, itself included: the paths an edit can pick from. */
function countValues(data: unknown): number {
  let n = 1;
  if (Array.isArray(data)) for (const v of data) n += countValues(v);
  else if (data !== null && typeof data === "object") for (const v of Object.values(data)) n += countValues(v);
  return n;
}

/**
 * The path to the `index`-th value inside `data` in pre-order (the root is 0, a value comes
 * before what it holds, keys in enumeration order): the walk stops there instead of listing
 * every path of the file for each edit.
 */
function pathAt(data: unknown, index: number): (string | number)[] {
  const path: (string | number)[] = [];
  let left = index;
  const visit = (node: unknown): boolean => {
    if (left === 0) return true;
    left--;
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? [...node.entries()]
      : node !== null && typeof node === "object"
        ? Object.entries(node)
        : [];
    for (const [key, value] of entries) {
      path.push(key);
      if (visit(value)) return true;
      path.pop();
    }
    return false;
  };
  visit(data);
  return path;
}

type Edit = { kind: "set"; value: unknown } | { kind: "delete" } | { kind: "key"; key: string; value: unknown };

/** A shallow copy of an array or object: own keys in their order, a key named __proto__ included. */
const copyOf = (value: unknown): unknown =>
  Array.isArray(value) ? [...value] : value !== null && typeof value === "object" ? { ...value } : value;

/**
 * `data` with one edit at `path`. Every array and object on the way down, and the one edited, is a
 * fresh copy; the rest is shared with `data`, which stays as it was (the bases serve every case).
 */
function edited(data: unknown, path: (string | number)[], edit: Edit): unknown {
  if (path.length === 0) return edit.kind === "set" ? edit.value : data;
  // biome-ignore lint/suspicious/noExplicitAny: a walk through data of any shape
  const copy: any = copyOf(data);
  let parent = copy;
  for (const step of path.slice(0, -1)) {
    parent[step] = copyOf(parent[step]);
    parent = parent[step];
  }
  const last = path[path.length - 1]!;
  if (edit.kind === "set") parent[last] = edit.value;
  else if (edit.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target !== null && typeof target === "object" && !Array.isArray(target)) {
      const copied = { ...target };
      // defineProperty: a key named __proto__ becomes an own key, as YAML and JSON.parse make it.
      Object.defineProperty(copied, edit.key, {
        value: edit.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      parent[last] = copied;
    }
  }
  return copy;
}

const edit = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), value: hostile }),
  fc.record({ kind: fc.constant("delete" as const) }),
  fc.record({
    kind: fc.constant("key" as const),
    key: fc.constantFrom("__proto__", "constructor", "extra", "0", "-2", "1.5", "score", "name", "note", "counts"),
    value: hostile,
  }),
);

describe("the fast answer-file check agrees with zod", () => {
  it("on every answer file among the fixtures and examples", { timeout: 120_000 }, () => {
    const files = fixtures();
    expect(files.length).toBeGreaterThan(20);
    const outcomes = files.map((f) => ({ name: f.name, how: agree(f.data) }));
    // Every file zod accepts without a __proto__ key takes the fast path.
    for (const f of files) {
      const accepted = answerFileSchema.safeParse(f.data).success && !JSON.stringify(f.data).includes('"__proto__"');
      if (accepted) expect(outcomes.find((o) => o.name === f.name)?.how, f.name).toBe("fast");
    }
  });

  it("on 300 generated answer files, every one through the fast path", { timeout: 120_000 }, () => {
    for (const data of generated(300)) expect(agree(data)).toBe("fast");
  });

  it(`on ${EDITED_CASES} files with one to three hostile edits`, { timeout: 120_000 }, () => {
    const bases = [...generated(20), ...fixtures().map((f) => f.data)];
    const outcomes = { fast: 0, zod: 0 };
    fc.assert(
      fc.property(
        fc.nat(bases.length - 1),
        fc.array(fc.tuple(fc.nat(), edit), { minLength: 1, maxLength: 3 }),
        (base, edits) => {
          let data = bases[base];
          for (const [pick, e] of edits) {
            data = edited(data, pathAt(data, pick % countValues(data)), e);
          }
          outcomes[agree(data)]++;
        },
      ),
      { numRuns: EDITED_CASES, seed: 9 },
    );
    // Most edits break the file (zod gives the diagnostics), but some keep it valid.
    expect(outcomes.fast).toBeGreaterThan(EDITED_CASES / 10);
    expect(outcomes.zod).toBeGreaterThan(EDITED_CASES / 10);
  });
});
