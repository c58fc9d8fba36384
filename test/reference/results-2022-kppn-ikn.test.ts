import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadQuestionnaire } from "../../src/io/load-questionnaire.js";
import { runKuesioner, tempDir, type Ran } from "../commands/score/score-harness.js";
import { readReference } from "./reference-data.js";

interface Row {
  region: string;
  elements: Record<string, number>;
  published: number;
}

interface BatchJson {
  results: {
    rank: number;
    file: string;
    region: string;
    total: number;
    totalRounded: string;
    elements: { id: string; score: number }[];
  }[];
  failed: unknown[];
}

const COLUMNS: Record<string, string> = {
  baseline: "baseline",
  output: "output",
  outcome: "outcome",
  impact: "impact",
  quick_win: "quick-win",
};

function parseTsv(text: string): Row[] {
  const [head, ...lines] = text
    .trim()
    .split("\n")
    .map((l) => l.split("\t"));
  return lines.map((cells) => {
    const get = (name: string) => cells[head!.indexOf(name)]!;
    return {
      region: get("region"),
      elements: Object.fromEntries(Object.entries(COLUMNS).map(([column, id]) => [id, Number(get(column))])),
      published: Number(get("published_total")),
    };
  });
}

/**
 * The 38 evaluated regions of the 2022 KPPN & IKN results. Only element scores were published,
 * so each answer file gives every question of an element that element's score (the mean of
 * equal scores is the score); `kuesioner score` on the folder must recompute every printed
 * total within ±0.015 and rank them.
 */
describe("reference: 2022 KPPN & IKN results, 38 regions", () => {
  let rows: Row[];
  let ran: Ran;
  let json: BatchJson;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    rows = parseTsv(readReference("results-2022-kppn-ikn.tsv"));
    const loaded = await loadQuestionnaire("smart-city-2022", ".");
    if (!loaded.ok) throw new Error("shipped questionnaire smart-city-2022 does not load");
    const { dir, remove } = await tempDir("kppn-2022");
    cleanup = remove;
    await mkdir(join(dir, "2022"));
    for (const [i, row] of rows.entries()) {
      const answers: Record<string, { score: number }> = {};
      for (const element of loaded.value.questionnaire.elements) {
        for (const q of element.questions) answers[q.id] = { score: row.elements[element.id]! };
      }
      const doc = {
        questionnaire: "smart-city-2022",
        profile: "kppn-ikn",
        respondent: { region: row.region, year: 2022 },
        answers,
      };
      await writeFile(join(dir, "2022", `${String(i + 1).padStart(2, "0")}.json`), JSON.stringify(doc));
    }
    ran = await runKuesioner(["score", "2022", "--format", "json"], dir);
    json = JSON.parse(ran.stdout) as BatchJson;
  });
  afterAll(async () => cleanup?.());

  it("scores all 38 files", () => {
    expect(rows).toHaveLength(38);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(json.failed).toEqual([]);
    expect(json.results).toHaveLength(38);
  });

  it("recomputes every printed total within ±0.015 (Σ weight × element score, weights 10/20/30/10/30)", () => {
    const gaps = rows.map((row) => {
      const result = json.results.find((r) => r.region === row.region)!;
      const expected =
        (10 * row.elements.baseline! +
          20 * row.elements.output! +
          30 * row.elements.outcome! +
          10 * row.elements.impact! +
          30 * row.elements["quick-win"]!) /
        100;
      expect(result.total).toBeCloseTo(expected, 10);
      return { region: row.region, gap: Math.abs(result.total - row.published) };
    });
    const outside = gaps.filter((g) => g.gap > 0.015);
    expect(outside).toEqual([]);
    // The methodology states the residual: at most 0.013.
    expect(Math.max(...gaps.map((g) => g.gap))).toBeLessThanOrEqual(0.013 + 1e-9);
  });

  it("ranks by the recomputed totals with competition ranks, agreeing with the printed order wherever printed totals differ by more than the rounding", () => {
    const ranks = json.results.map((r) => r.rank);
    expect(ranks[0]).toBe(1);
    json.results.forEach((r, i) => {
      if (i === 0) return;
      const before = json.results[i - 1]!;
      expect(before.total).toBeGreaterThanOrEqual(r.total);
      expect(r.rank).toBe(before.total === r.total ? before.rank : i + 1);
    });
    expect(json.results[0]!.region).toBe("KOTA SURABAYA");
    expect(json.results.at(-1)!.region).toBe("KAB. RAJA AMPAT");
    const rankOf = new Map(json.results.map((r) => [r.region, r.rank]));
    for (const a of rows) {
      for (const b of rows) {
        if (a.published > b.published + 0.03)
          expect(rankOf.get(a.region)!, `${a.region} above ${b.region}`).toBeLessThan(rankOf.get(b.region)!);
      }
    }
  });
});
