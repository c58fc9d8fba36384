import { describe, expect, it } from "vitest";
import { fromNumber } from "../../../src/model/exact.js";
import { rankResults } from "../../../src/engine/rank.js";
import type { ResultSummary } from "../../../src/engine/summary.js";
import { elementColumns, rankingFacts } from "../../../src/text/ranking-cells.js";
import { inChunks } from "../../../src/command-io.js";
import { renderScoreCsv } from "../../../src/commands/score/csv.js";
import {
  displayWidth,
  formatPercent,
  formatScore,
  formatSigned,
  regionName,
  truncate,
} from "../../../src/text/format.js";
import { renderBatchJson, renderBatchJsonParts } from "../../../src/commands/score/json.js";
import { rankingMarkdownText, renderRankingMarkdown } from "../../../src/commands/score/markdown.js";
import { rankingLines, renderRanking } from "../../../src/commands/score/ranking.js";

const summary = (region: string, total: number, extra: Partial<ResultSummary> = {}): ResultSummary => ({
  file: `jawaban/${region.toLowerCase().replace(/\W+/g, "-")}.yaml`,
  region,
  year: 2023,
  questionnaire: { id: "smart-city-2023", version: "2023.1", sha256: "0".repeat(64) },
  profile: "reguler",
  elements: [
    {
      id: "baseline",
      weight: fromNumber(40),
      score: fromNumber(total),
      contribution: fromNumber(total * 0.4),
      answered: 1,
      questions: 1,
      selfScore: fromNumber(total),
      verified: 0,
    },
    {
      id: "outcome",
      weight: fromNumber(60),
      score: fromNumber(total),
      contribution: fromNumber(total * 0.6),
      answered: 1,
      questions: 1,
      selfScore: fromNumber(total),
      verified: 0,
    },
  ],
  pillars: [],
  total: fromNumber(total),
  missing: [],
  complete: true,
  selfTotal: fromNumber(total),
  verified: 0,
  unverified: [],
  panelOnly: 0,
  ...extra,
});
const titles = new Map([
  ["baseline", { id: "Baseline", en: "Baseline" }],
  ["outcome", { id: "Hasil", en: "Outcome" }],
]);

describe("number and text formatting", () => {
  it.each([
    [3.055, "en", "3.06"],
    [3.055, "id", "3,06"],
    [2.5, "id", "2,50"],
  ] as const)("shows %d in %s as %s", (value, lang, text) => {
    expect(formatScore(fromNumber(value), lang)).toBe(text);
  });

  it("signs differences and trims weights", () => {
    expect([0.25, -0.1, 0, -0.001].map((v) => formatSigned(fromNumber(v), "en"))).toEqual([
      "+0.25",
      "-0.10",
      "0.00",
      "0.00",
    ]);
    expect([10, 12.5, 33.33].map((v) => formatPercent(fromNumber(v), "id"))).toEqual(["10%", "12,5%", "33,33%"]);
  });

  it("measures and cuts text by terminal columns", () => {
    expect(displayWidth("Kabupaten Pidie Jaya")).toBe(20);
    expect(displayWidth("Cafe\u0301")).toBe(4);
    expect(displayWidth("\u001b[1mTotal\u001b[22m")).toBe(5);
    expect(displayWidth("東京")).toBe(4);
    expect(truncate("Kabupaten Pangkajene dan Kepulauan", 16)).toBe("Kabupaten Pangk…");
  });

  it("falls back to the file name for a region", () => {
    expect(regionName(undefined, "jawaban/kab-sleman.yaml")).toBe("kab-sleman");
    expect(regionName("  Kota Batu ", "x.yaml")).toBe("Kota Batu");
  });
});

describe("ranking renderers", () => {
  const ranked = rankResults([
    summary("Kota Batu", 3.1),
    summary("Kabupaten Pangkajene dan Kepulauan", 2.6, { complete: false, missing: ["oc-1"] }),
    summary("Kota Malang", 3.1),
  ]);
  const columns = elementColumns(
    ranked.map((r) => r.item),
    titles,
  );

  it("fits a narrow terminal by cutting element headers, then the region column", () => {
    const text = renderRanking(ranked, columns, [], { lang: "en", color: false, width: 70 });
    const lines = text.split("\n");
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(70);
    expect(lines[0]).toBe("Rank  Region           Year  Profile  Baseline  Outcome  Total  Change");
    expect(lines[3]).toBe("   3  Kab. Pangkajen…  2023  reguler      2.60     2.60  2.60*       -");
  });

  it("keeps full names when the output is not a terminal", () => {
    expect(renderRanking(ranked, columns, [], { lang: "en", color: false })).toContain(
      "Kabupaten Pangkajene dan Kepulauan",
    );
  });

  it("lists files that were not scored under the table", () => {
    const failed = [
      {
        file: "jawaban/rusak.yaml",
        diagnostics: [
          {
            file: "jawaban/rusak.yaml",
            line: 3,
            column: 1,
            path: [],
            severity: "error" as const,
            message: "YAML syntax: bad",
          },
        ],
      },
    ];
    expect(renderRanking([], [], failed, { lang: "id", color: false })).toBe(
      "Tidak dinilai: 1 berkas berisi kesalahan (rinciannya di keluaran galat, stderr)\n  jawaban/rusak.yaml: YAML syntax: bad\n",
    );
    expect(renderRankingMarkdown([], [], failed, { lang: "en" })).toBe(
      "## Not scored\n\n- `jawaban/rusak.yaml`: YAML syntax: bad\n",
    );
    expect(JSON.parse(renderBatchJson([], failed))).toEqual({
      results: [],
      failed: [
        {
          file: "jawaban/rusak.yaml",
          diagnostics: [
            {
              file: "jawaban/rusak.yaml",
              line: 3,
              column: 1,
              path: [],
              severity: "error",
              message: "YAML syntax: bad",
              hint: null,
              kind: "answers",
              code: null,
              params: null,
              omitted: null,
            },
          ],
        },
      ],
    });
  });

  it("escapes table pipes in Markdown and marks incomplete totals", () => {
    const piped = rankResults([summary("Kota A|B", 2)]);
    expect(renderRankingMarkdown(piped, columns, [], { lang: "en" })).toContain("| 1 | Kota A\\|B | 2023 |");
    expect(renderRankingMarkdown(ranked, columns, [], { lang: "en" })).toContain("| 2.60\\* |");
  });
});

describe("verification marks in a ranking", () => {
  const verified = summary("Kota Batu", 3.1, { verified: 2, unverified: [] });
  const partly = summary("Kota Malang", 3, { verified: 1, unverified: ["outcome-1"], selfTotal: fromNumber(3.4) });
  const self = summary("Kota Blitar", 3.2, { verified: 0, unverified: ["baseline-1", "outcome-1"] });

  it("marks the not verified and the partly verified totals, never the verified one, with one footnote each", () => {
    const ranked = rankResults([verified, partly, self]);
    const columns = elementColumns(
      ranked.map((r) => r.item),
      titles,
    );
    const text = renderRanking(ranked, columns, [], { lang: "en", color: false });
    expect(text).toMatch(/Kota Blitar .* 3\.20† /);
    expect(text).toMatch(/Kota Batu .* 3\.10 /);
    expect(text).toMatch(/Kota Malang .* 3\.00‡ /);
    expect(text).toContain("† not verified: every score is the region's self-assessment\n");
    expect(text).toContain("‡ partly verified: the self-assessed score counts where the assessors did not score\n");
    const md = renderRankingMarkdown(
      rankResults([partly, summary("Kota Kediri", 2.6, { complete: false })]),
      columns,
      [],
      {
        lang: "id",
      },
    );
    expect(md).toContain("| 2,60\\*† |");
    expect(md).toContain("\\* belum lengkap");
    expect(md).toContain("\n\n‡ sebagian terverifikasi");
  });

  it("marks no row of a ranking in which nothing is verified, and says so once", () => {
    const ranked = rankResults([self, summary("Kota Kediri", 2.6)]);
    const text = renderRanking(ranked, elementColumns([self], titles), [], { lang: "id", color: false });
    expect(text).not.toMatch(/[†‡]/);
    expect(text).toContain("belum ada hasil yang diverifikasi oleh asesor: semua nilai adalah penilaian mandiri");
  });
});

describe("CSV", () => {
  const ranked = rankResults([summary('Kota "Lama", Baru', 3.05), summary("=1+1", 2)]);
  const columns = elementColumns(
    ranked.map((r) => r.item),
    titles,
  );

  it("quotes separators and quotes, and defuses formulas in text cells", () => {
    const csv = renderScoreCsv(ranked, columns, "en", false).split("\r\n");
    expect(csv[1]).toBe(
      '1,jawaban/kota-lama-baru.yaml,"Kota ""Lama"", Baru",2023,smart-city-2023,2023.1,reguler,,yes,0,3.0500,3.0500,3.0500,,,unverified,0,0,3.0500,3.0500,3.0500',
    );
    expect(csv[2]).toContain(",'=1+1,");
  });

  it("writes the Indonesian dialect: BOM, semicolons, decimal commas", () => {
    const csv = renderScoreCsv(ranked, columns, "id", false);
    expect(csv.startsWith("\ufeffrank;file;region;")).toBe(true);
    expect(csv.split("\r\n")[1]).toBe(
      '1;jawaban/kota-lama-baru.yaml;"Kota ""Lama"", Baru";2023;smart-city-2023;2023.1;reguler;;ya;0;3,0500;3,0500;3,0500;;;belum;0;0;3,0500;3,0500;3,0500',
    );
  });

  it("adds a group column when ranking by groups", () => {
    const grouped = rankResults([summary("Kota Batu", 3)], (s) => s.profile);
    expect(renderScoreCsv(grouped, columns, "en", true).split("\r\n")[1]).toMatch(
      /^1,reguler,jawaban\/kota-batu\.yaml,/,
    );
  });
});

describe("JSON written a part at a time", () => {
  const failed = [
    {
      file: "jawaban/rusak.yaml",
      diagnostics: [
        { file: "jawaban/rusak.yaml", line: 3, column: 1, path: [], severity: "error" as const, message: "bad\u2028" },
      ],
    },
  ];
  const many = rankResults(
    Array.from({ length: 7 }, (_, i) =>
      summary(`Kota ${i}\n"${"é".repeat(i)}"`, (i * 37) % 5, i % 2 ? { missing: ["q-1"], complete: false } : {}),
    ),
    (s) => (s.region.length % 2 ? "a" : "b"),
  );

  it.each([
    ["no results, no failures", 0, false, 1],
    ["no results, a failure", 0, true, 3],
    ["one result", 1, false, 1],
    ["every result in one part", 7, true, 7],
    ["results in parts of two", 7, true, 2],
    ["results in parts of one, with empty parts", 7, false, 1],
  ])("gives renderBatchJson's bytes: %s", (_, count, withFailed, size) => {
    const ranked = many.slice(0, count);
    const parts: (typeof ranked)[] = [[]];
    for (let i = 0; i < ranked.length; i += size) parts.push(ranked.slice(i, i + size), []);
    const whole = renderBatchJson(ranked, withFailed ? failed : []);
    expect([...renderBatchJsonParts(parts, withFailed ? failed : [])].join("")).toBe(whole);
  });
});

describe("tables written a part at a time", () => {
  const failed = [
    {
      file: "jawaban/rusak.yaml",
      diagnostics: [{ file: "jawaban/rusak.yaml", path: [], severity: "error" as const, message: "bad |" }],
    },
  ];
  // Only the last result is verified and only the fifth has a long name: a part that went by
  // its own results alone would lose the marks or the width.
  const many = rankResults(
    Array.from({ length: 9 }, (_, i) =>
      summary(i === 4 ? `Kabupaten Yang Namanya Sangat Panjang ${i}` : `Kota ${i}`, (i * 37) % 5, {
        ...(i % 3 ? {} : { missing: ["q-1"], complete: false }),
        ...(i === 8 ? { verified: 1, unverified: ["outcome-1"] } : {}),
      }),
    ),
    (s) => (s.total.n % 2n ? "a" : "b"),
  );
  const columns = elementColumns(
    many.map((r) => r.item),
    titles,
  );
  const inParts = (ranked: typeof many, size: number) => {
    const parts: (typeof ranked)[] = [[]];
    for (let i = 0; i < ranked.length; i += size) parts.push(ranked.slice(i, i + size), []);
    return parts;
  };

  it.each([
    ["no results, no failures", 0, false, 1, undefined],
    ["no results, a failure", 0, true, 3, undefined],
    ["one result", 1, false, 1, 70],
    ["results in parts of two, groups across them", 9, true, 2, undefined],
    ["results in parts of one, narrow", 9, true, 1, 62],
  ])("gives the whole table's and Markdown's bytes: %s", (_, count, withFailed, size, width) => {
    const ranked = many.slice(0, count);
    const parts = inParts(ranked, size);
    const facts = { ...rankingFacts(parts), columns };
    const bad = withFailed ? failed : [];
    for (const lang of ["en", "id"] as const) {
      const groups = { kind: "profile" as const, titles: new Map() };
      const options = { lang, color: true, groups, ...(width ? { width } : {}) };
      expect([...rankingLines(() => parts, facts, bad, options)].join("")).toBe(
        renderRanking(ranked, columns, bad, options),
      );
      expect([...rankingMarkdownText(parts, facts, bad, { lang, groups })].join("")).toBe(
        renderRankingMarkdown(ranked, columns, bad, { lang, groups }),
      );
    }
    if (count === 9) expect(renderRanking(ranked, columns, bad, { lang: "en", color: false })).toMatch(/Kota 8 .*‡/);
  });

  it("joins small parts into writes of about 64 K characters, the same text in all", () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `${"é".repeat(i % 13)}${i}\n`);
    const chunks = [...inChunks(lines)];
    expect(chunks.join("")).toBe(lines.join(""));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(2 ** 16 + 20);
    expect([...inChunks([])]).toEqual([]);
  });
});
