import { describe, expect, it } from "vitest";
import { rankResults } from "../../../src/engine/rank.js";
import type { ResultSummary } from "../../../src/engine/summary.js";
import { fromNumber } from "../../../src/model/exact.js";
import { renderRanking, shortenRegion } from "../../../src/commands/score/ranking.js";
import { elementColumns } from "../../../src/text/ranking-cells.js";
import { displayWidth } from "../../../src/text/format.js";
import { outputColumns } from "../../../src/command-io.js";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner } from "./score-harness.js";

/** The six elements of smart-city-2023 with their real titles, and region names as long as real ones. */
const elements = [
  ["baseline", "Baseline"],
  ["output", "Output"],
  ["outcome", "Outcome"],
  ["impact", "Impact"],
  ["quick-win", "Quick Win"],
  ["collaboration", "Collaboration"],
] as const;
const titles = new Map(elements.map(([id, title]) => [id, { id: title, en: title }]));

const result = (region: string, scores: readonly number[], extra: Partial<ResultSummary> = {}): ResultSummary => {
  const total = scores.reduce((a, b) => a + b, 0) / scores.length;
  return {
    file: `jawaban/${region.toLowerCase().replace(/\W+/g, "-")}.yaml`,
    region,
    year: 2023,
    questionnaire: { id: "smart-city-2023", version: "2023.1", sha256: "0".repeat(64) },
    profile: "kppn-ikn",
    elements: elements.map(([id], i) => ({
      id,
      weight: fromNumber(i === 2 ? 20 : 10),
      score: fromNumber(scores[i]!),
      contribution: fromNumber(scores[i]! / 10),
      answered: 1,
      questions: 1,
      selfScore: fromNumber(scores[i]!),
      verified: 0,
    })),
    pillars: [],
    total: fromNumber(total),
    missing: [],
    complete: true,
    selfTotal: fromNumber(total),
    verified: 0,
    unverified: [],
    panelOnly: 0,
    ...extra,
  };
};

const ranked = rankResults([
  result("Kabupaten Pangkajene dan Kepulauan", [3.2, 3.29, 2.57, 2.81, 3.02, 2.5], {
    improvement: fromNumber(0.1),
  }),
  result("Kota Baubau", [2.56, 2.14, 2.67, 2.48, 2.34, 2.63], { improvement: fromNumber(-0.39) }),
  result("Kabupaten Penajam Paser Utara", [1.4, 1.54, 2.92, 2.56, 3.08, 1.25], {
    complete: false,
    missing: ["oc-1"],
  }),
]);
const columns = elementColumns(
  ranked.map((r) => r.item),
  titles,
);

describe("the ranking table fits the terminal", () => {
  it.each([60, 80, 100, 120])(
    "at %i columns: no line wider, numbers whole, names cut with an ellipsis",
    async (width) => {
      const text = renderRanking(ranked, columns, [], { lang: "en", color: false, width });
      await expect(text).toMatchFileSnapshot(`__snapshots__/ranking-${width}.txt`);
      const lines = text.trimEnd().split("\n");
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      // Every total and change is printed whole, never cut or wrapped.
      for (const figure of ["2.90", "2.47", "2.13*", "+0.10", "-0.39"]) expect(text).toContain(` ${figure}`);
      // Each result is one line: the table never wraps.
      expect(lines.filter((l) => /^\s+\d /.test(l))).toHaveLength(3);
    },
  );

  it("cuts a region name after writing Kabupaten as Kab., so two regions stay apart", () => {
    expect(shortenRegion("Kabupaten Pangkajene dan Kepulauan", 12)).toBe("Kab. Pangka…");
    expect(shortenRegion("Kabupaten Penajam Paser Utara", 12)).toBe("Kab. Penaja…");
    expect(shortenRegion("Kota Baubau", 12)).toBe("Kota Baubau");
    expect(shortenRegion("Kabupaten Sleman", 16)).toBe("Kabupaten Sleman");
  });

  it("shows whole names and every element where the terminal is wide enough", () => {
    const text = renderRanking(ranked, columns, [], { lang: "en", color: false, width: 140 });
    expect(text).toContain("Kabupaten Pangkajene dan Kepulauan");
    expect(text.split("\n")[0]).toContain("Collaboration");
  });

  it("says so in Indonesian too when the element columns are left out", () => {
    const text = renderRanking(ranked, columns, [], { lang: "id", color: false, width: 60 });
    expect(text).toContain("nilai elemen tidak ditampilkan agar muat dalam 60 kolom");
  });
});

describe("the width a table may take", () => {
  it.each<[string, { isTTY?: boolean; columns?: number }, string | undefined, number | undefined]>([
    ["a terminal", { isTTY: true, columns: 93 }, undefined, 93],
    ["COLUMNS over the terminal", { isTTY: true, columns: 93 }, "72", 72],
    ["COLUMNS for a pipe", {}, "100", 100],
    ["a pipe or a file: no limit", {}, undefined, undefined],
    ["a COLUMNS that is not a number", {}, "wide", undefined],
  ])("%s", (_name, stdout, columnsEnv, expected) => {
    expect(outputColumns({ stdout: { write: () => true, ...stdout }, env: { COLUMNS: columnsEnv } })).toBe(expected);
  });

  it("score fits the ranking to COLUMNS and to the terminal", { timeout: 60_000 }, async () => {
    const widest = (text: string) => Math.max(...text.split("\n").map(displayWidth));
    const folder = ["score", "fixtures/answers/2023"];
    expect(widest((await runKuesioner(folder, repoRoot, { env: { COLUMNS: "80" } })).stdout)).toBeLessThanOrEqual(80);
    expect(widest((await runKuesioner(folder, repoRoot, { columns: 60 })).stdout)).toBeLessThanOrEqual(60);
  });
});
