import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_NODES } from "../../src/io/data-limits.js";
import { crowdedAt } from "../../src/io/fast-yaml.js";
import { runKuesioner, tempDir } from "../commands/score/score-harness.js";
import { repoRoot } from "../reference/reference-data.js";

/**
 * Issue 14, item 4: a 5 MiB file of 800,000 `q-1: 2` lines took the `yaml` package 11 s and
 * 750 MB to read with positions (a long flow list 27 s and 2.4 GB) before a single diagnostic.
 * A quick count with js-yaml now stops at the node past MAX_NODES, and the file is refused there.
 */
const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join("");

describe("crowdedAt", () => {
  it("finds the node past the limit in a block mapping, with duplicate keys, unknown tags or a flow list", () => {
    const limit = 1_000;
    // Two nodes (key and value) a line, after the document's mapping, `answers` and its mapping:
    // the 1,001st is the value of line 500 (js-yaml opens it just after the colon).
    expect(crowdedAt(`answers:\n${lines(600, (i) => `  q-${i}: 2\n`)}`, limit)).toEqual({ line: 500, column: 9 });
    expect(crowdedAt(`answers:\n${lines(600, (i) => `  q-${i >> 1}: 2\n`)}`, limit)).toEqual({ line: 500, column: 9 });
    // A tagged value counts once more (js-yaml opens the tag's node too).
    expect(crowdedAt(`answers:\n${lines(600, (i) => `  q-${i}: !x 2\n`)}`, limit)?.line).toBe(334);
    expect(crowdedAt(`a: [${"7, ".repeat(1_200)}3]\n`, limit)?.line).toBe(1);
  });

  it("leaves alone a text with fewer nodes, a text shorter than the limit, and one js-yaml cannot read", () => {
    const limit = 1_000;
    expect(crowdedAt(`answers:\n${lines(400, (i) => `  q-${i}: 2\n`)}`, limit)).toBeUndefined();
    expect(crowdedAt("a: [1, 2, 3]\n", limit)).toBeUndefined();
    // A syntax error before the limit: the `yaml` package reports it as before.
    expect(crowdedAt(`answers:\n  q: [\n${lines(600, (i) => `  q-${i}: 2\n`)}`, limit)).toBeUndefined();
  });

  it("passes the shipped questionnaires with room to spare", () => {
    for (const name of ["smart-city-2022", "smart-city-2023"]) {
      const text = readFileSync(join(repoRoot, `questionnaires/${name}.yaml`), "utf8");
      expect(crowdedAt(text, MAX_NODES / 50)).toBeUndefined();
    }
  });
});

describe("validate on a file with more nodes than a file may hold", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await tempDir("crowded"));
    await writeFile(join(dir, "mini.yaml"), readFileSync(join(repoRoot, "fixtures/valid/mini.yaml")));
    await writeFile(
      join(dir, "banyak.yaml"),
      `questionnaire: ./mini.yaml\nanswers:\n${lines(MAX_NODES / 2 + 10, (i) => `  q-${i}: 2\n`)}`,
    );
  });
  afterAll(() => remove());

  it("refuses it with one error at the node past the limit, in the run's language", async () => {
    const en = await runKuesioner(["validate", "banyak.yaml"], dir);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(
      `banyak.yaml:${MAX_NODES / 2}:${String(MAX_NODES / 2 - 3).length + 6}: error: the file holds more than 300,000 keys and values; checking stops here\n`,
    );
    expect(en.stderr.trimEnd().split("\n")).toHaveLength(3);
    const id = await runKuesioner(["validate", "banyak.yaml", "--lang", "id"], dir);
    expect(id.stderr).toContain(
      "kesalahan: berkas berisi lebih dari 300.000 kunci dan nilai; pemeriksaan berhenti di sini",
    );
  });
});
