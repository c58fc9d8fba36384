import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { inspect, isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import type { Node } from "yaml";
import { serializeAnswerFile } from "../../src/io/answer-store.js";
import { coreScalar, coreTypeOf } from "../../src/io/core-scalars.js";
import { loadFast } from "../../src/io/fast-yaml.js";
import type { AnswerFile } from "../../src/model/answers.js";
import { parseYamlText, parseYamlTextWithPositions, type SourceResult } from "../../src/io/source.js";
import { readNarrow } from "../../src/io/narrow-yaml.js";
import { mutate, narrowDocument, randomDocument, seeded } from "./yaml-documents.js";

const root = join(import.meta.dirname, "../..");

/**
 * How many documents each generated loop reads. `npm run fuzz` reads 1,500 a loop (what `npm test`
 * read before 3 December); `npm test` reads the first 500 of the same seeded streams (750 of the
 * mutations, so that every fixture under 8 KB is mutated at least once). Those 500 already take
 * every branch of the generators in yaml-documents.ts and every entry of their lists of words,
 * escapes, keys and inserts, as the 1,500 do (measured with V8's block coverage and by recording
 * each pick); what only the 1,500 have is more combinations of the same picks.
 */
const LONG = process.env.KUESIONER_FUZZ === "long";
const GENERATED = LONG ? 1500 : 500;
const MUTATIONS = LONG ? 1500 : 750;
const NARROW = LONG ? 1500 : 500;

/** Every YAML and JSON file the project ships or tests with. */
function corpus(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir)).sort()) {
      const path = join(dir, entry);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/i.test(entry)) out.push({ name: path, text: readFileSync(join(root, path), "utf8") });
    }
  };
  for (const dir of ["fixtures", "questionnaires", "examples"]) walk(dir);
  return out;
}

/** What a caller can observe of a reading: success, diagnostics and data. */
function observe(result: SourceResult) {
  return result.ok
    ? { ok: true, diagnostics: result.diagnostics, data: result.source.data }
    : { ok: false, diagnostics: result.diagnostics };
}

/**
 * The fast path may only ever answer for a document that `yaml` reads without a diagnostic into
 * the same data; otherwise it defers. Either way parseYamlText must equal the reference reading.
 */
function agree(text: string): "fast" | "deferred" {
  const reference = observe(parseYamlTextWithPositions("doc.yaml", text));
  const fast = loadFast(text);
  if (fast !== undefined) {
    if (!reference.ok || reference.diagnostics.length > 0)
      expect.fail(
        `yaml has diagnostics for what js-yaml accepted:\n${inspect(text)}\n${inspect(reference.diagnostics)}`,
      );
    // Not toStrictEqual: it compares `.constructor`, which a key named "constructor" replaces.
    if (!isDeepStrictEqual(fast, reference.data))
      expect.fail(`the parsers disagree on:\n${text}\njs-yaml: ${inspect(fast)}\nyaml: ${inspect(reference.data)}`);
  }
  const result = observe(parseYamlText("doc.yaml", text));
  if (!isDeepStrictEqual(result, reference))
    expect.fail(`parseYamlText differs from yaml on:\n${text}\n${inspect(result)}\n${inspect(reference)}`);
  return fast === undefined ? "deferred" : "fast";
}

describe("the fast YAML path agrees with the yaml package", () => {
  it("on every fixture, questionnaire and example", () => {
    const files = corpus();
    expect(files.length).toBeGreaterThan(50);
    const fast = files.filter((f) => agree(f.text) === "fast");
    // Answer files are what the fast path is for (the shipped questionnaires use anchors).
    expect(fast.map((f) => f.name)).toEqual(
      expect.arrayContaining(["fixtures/answers/2023/kota-tirtamulya.yaml", "fixtures/fill/mini.yaml"]),
    );
    expect(fast.length).toBeGreaterThan(files.length / 3);
  });

  // Each document is read up to three times; on a busy two-core machine that takes a while.
  it(`on ${GENERATED} generated documents`, { timeout: 120_000 }, () => {
    const rand = seeded(20260901);
    const outcomes = { fast: 0, deferred: 0 };
    for (let i = 0; i < GENERATED; i++) outcomes[agree(randomDocument(rand))]++;
    // The generator aims at the corners of YAML, so most of its documents are deferred.
    expect(outcomes.fast).toBeGreaterThan(GENERATED / 5);
  });

  it(`on ${MUTATIONS} mutations of fixtures and generated documents`, { timeout: 120_000 }, () => {
    const rand = seeded(77);
    const files = corpus()
      .map((f) => f.text)
      .filter((t) => t.length < 8_000);
    const outcomes = { fast: 0, deferred: 0 };
    for (let i = 0; i < MUTATIONS; i++) {
      const base = i % 2 === 0 ? files[Math.floor(rand() * files.length)]! : randomDocument(rand);
      outcomes[agree(mutate(base, rand))]++;
    }
    expect(outcomes.fast).toBeGreaterThan(MUTATIONS / 10);
    expect(outcomes.deferred).toBeGreaterThan(MUTATIONS / 10);
  });

  // The narrow reader (narrow-yaml.ts) answers first; these are the shapes it is for, and their edges.
  it(`on ${NARROW} documents in the shape of answer files, and ${NARROW} mutations of them`, {
    timeout: 120_000,
  }, () => {
    const rand = seeded(4242);
    let narrow = 0;
    for (let i = 0; i < 2 * NARROW; i++) {
      const text = i % 2 === 0 ? narrowDocument(rand) : mutate(narrowDocument(rand), rand);
      if (readNarrow(text) !== undefined) narrow++;
      agree(text);
    }
    expect(narrow).toBeGreaterThan((2 * NARROW) / 7.5);
    expect(narrow).toBeLessThan(2 * NARROW * 0.8);
  });

  it("reads an answer file in the narrow shape, and as fill writes it", () => {
    const files = corpus().filter((f) => /^fixtures\/answers\/20.*\.ya?ml$/.test(f.name));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const data = readNarrow(file.text) as AnswerFile;
      expect(data).toStrictEqual(loadFast(file.text));
      // fill writes block sequences, and a survey's counts with keys of digits.
      data.answers["extra-survey"] = { survey: { counts: { 0: 3, 1: 4, 10: 2 } } };
      data.answers["extra-evidence"] = { score: 1, evidence: ["a: b", "it's", "x # y", "", "null", "1.5"], note: "ok" };
      const written = serializeAnswerFile(data, { questionOrder: Object.keys(data.answers), comment: " a comment" });
      expect(written).toMatch(/^ {6}- /m);
      expect(readNarrow(written)).toStrictEqual(data);
      agree(written);
    }
  });

  it.each([
    ["anchors and aliases", "a: &x 1\nb: *x\n"],
    ["an explicit tag", "a: !!str 1\n"],
    ["a local tag", "a: !thing 1\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["two documents", "a: 1\n---\nb: 2\n"],
    ["a null key", "~: 1\n"],
    ["a null key written Null", "a:\n  Null: 1\n"],
    ["a null key written NULL in flow", "a: { NULL: 1 }\n"],
    ["a key left out", ": 1\n"],
    ["a key left out in flow", "a: { b: 1, : 2 }\n"],
    ["a key left out in a sequence", "- : 1\n"],
    ["a key left out after spaces", "a:\n  b: 1\n    : 2\n"],
    ["a key left out in a flow sequence", "a: [ x, [   : 1 ] ]\n"],
    ["a key left out after a complex key's mark", "? : 1\n"],
    ["a key left out after a tab", "a: {b: 1,\t: 2}\n"],
    ["a key left out on the first line after spaces", "   : 1\n"],
    ["an empty key", '"": 1\n'],
    ["an empty key in single quotes", "a: { '': 1 }\n"],
    ["a key spelt null by escapes", 'a: { "\\x6eull": 1 }\n'],
    ["a quoted null key", "'null': 1\n"],
    ["a collection as a key", "[a, b]: 1\n"],
    ["a complex key", "? a\n: 1\n"],
    ["a %YAML directive", "%YAML 1.1\n---\na: yes\n"],
    ["a flow collection closed at the start of a line", "a: [1,\n  2\n]\n"],
    ["a syntax error", "a: [1, 2\n"],
    ["nesting deeper than the limit", `${"[".repeat(80)}${"]".repeat(80)}\n`],
  ])("defers %s to the yaml package", (_, text) => {
    expect(loadFast(text)).toBeUndefined();
    agree(text);
  });

  it.each([62, 63, 64, 65])("agrees at the nesting limit: a value inside %i collections", (depth) => {
    agree(`${"[".repeat(depth)}1${"]".repeat(depth)}\n`);
    agree(`${"[".repeat(depth)}${"]".repeat(depth)}\n`);
    agree(`${"a:\n".repeat(1)}${Array.from({ length: depth - 1 }, (_, i) => `${" ".repeat(i + 1)}- `).join("\n")}x\n`);
  });

  it("resolves plain scalars by the YAML 1.2 core schema, as yaml does", () => {
    const text = "a: 0o17\nb: 0x1F\nc: 1_000\nd: 0b1\ne: -.inf\nf: 1e3\ng: 007\nh: -0\ni: yes\nj: True\nk: .5\n";
    expect(loadFast(text)).toStrictEqual({
      a: 15,
      b: 31,
      c: "1_000",
      d: "0b1",
      e: -Infinity,
      f: 1000,
      g: 7,
      h: -0,
      i: "yes",
      j: true,
      k: 0.5,
    });
    agree(text);
  });

  it("reads digits with at most one point as the core schema's patterns do", () => {
    const slow = (s: string) => {
      const type = coreTypeOf(s);
      return type ? type.construct(s) : s;
    };
    for (const s of ["0", "7", "007", "1.", "1.50", "00.5", "0.74", "9007199254740993", "1.2.3", "1..", "12a", "."])
      expect(Object.is(coreScalar(s), slow(s)), s).toBe(true);
  });

  it("reads numbers of digits and a point without their text, as the patterns read them", () => {
    const slow = (s: string) => {
      const type = coreTypeOf(s);
      return type ? type.construct(s) : s;
    };
    const rand = seeded(15);
    for (let i = 0; i < 3000; i++) {
      const digits = Array.from({ length: 1 + Math.floor(rand() * 20) }, () => String(Math.floor(rand() * 10))).join(
        "",
      );
      const at = Math.floor(rand() * (digits.length + 4));
      const s = at <= digits.length ? `${digits.slice(0, at)}.${digits.slice(at)}` : digits;
      if (s.startsWith(".")) continue;
      const block = readNarrow(`a: ${s}\n`) as { a: unknown };
      const flow = readNarrow(`a: [ ${s}, ${s} ]\n`) as { a: unknown[] };
      expect(Object.is(block.a, slow(s)) && Object.is(flow.a[0], slow(s)), s).toBe(true);
    }
    agree("a: [ 1 2, 3 # c, 1.2.3, 4 ]\nb: 5 # c\nc: 6#c\nd: 7 8\ne: 1e3\nf: 0.1\ng: 007\n");
  });

  it("locates a diagnostic in a fast-read file as the yaml package would", () => {
    const text = "questionnaire: smart-city-2023\nanswers:\n  q1: { score: 9 }\n";
    const fast = parseYamlText("doc.yaml", text);
    const slow = parseYamlTextWithPositions("doc.yaml", text);
    if (!fast.ok || !slow.ok) throw new Error("expected both to read the file");
    expect(fast.source.lineCounter.linePos((fast.source.doc.getIn(["answers", "q1"], true) as Node).range![0])).toEqual(
      {
        line: 3,
        col: 7,
      },
    );
    expect(fast.source.doc.toJS()).toStrictEqual(slow.source.doc.toJS());
  });
});
