// A batch's CSV lines are made as each file is scored, with its own questionnaire's elements as
// the columns (src/commands/score/batch-item.ts), and made again from the summaries when the
// batch's columns turn out different (two questionnaires with other elements). Both ways are
// checked here against the same batch's JSON: every line's rank, file and scores in the column
// its header names.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner, tempDir } from "./score-harness.js";

interface JsonResult {
  rank: number;
  file: string;
  questionnaire: { id: string };
  totalExact: string;
  elements: { id: string; scoreExact: string | null }[];
}

/** An exact "n/d" as the CSV writes it: four decimals, half up. */
const fourDecimals = (fraction: string, decimal: string) => {
  const [n, d = "1"] = fraction.split("/");
  const scaled = (BigInt(n!) * 20000n + BigInt(d)) / (2n * BigInt(d));
  const digits = scaled.toString().padStart(5, "0");
  return `${digits.slice(0, -4)}${decimal}${digits.slice(-4)}`;
};

let dir: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir, remove } = await tempDir("csv-lines"));
  await mkdir(join(dir, "q"));
  await copyFile(join(repoRoot, "fixtures/valid/mini.yaml"), join(dir, "q/mini.yaml"));
  for (const batch of ["one", "mixed"]) {
    await mkdir(join(dir, batch));
    for (const f of ["kota-tirtamulya.yaml", "kabupaten-lembah-hijau.yaml", "kabupaten-sukamaju.yaml"])
      await copyFile(join(repoRoot, "fixtures/answers/2023", f), join(dir, batch, f));
  }
  // First in the batch: the columns start with mini's two elements, then smart-city-2023's others.
  await writeFile(
    join(dir, "mixed/a-kota-kecil.yaml"),
    [
      "questionnaire: ../q/mini.yaml",
      "respondent: { region: Kota Kecil, year: 2023 }",
      "answers:",
      "  bl-1: 3",
      "  bl-2: { value: 4 }",
      "  oc-1: { value: 12.5 }",
      '  oc-2: { survey: { counts: { "1": 5, "2": 10, "3": 25, "4": 10 } } }',
      "",
    ].join("\n"),
  );
});
afterAll(() => remove());

const score = (...argv: string[]) => runKuesioner(["score", ...argv], dir);

describe("score --format csv: each line as the batch's JSON has it", () => {
  for (const [batch, lang] of [
    ["one", "en"],
    ["mixed", "en"],
    ["mixed", "id"],
  ] as const)
    it(`${batch} questionnaire${batch === "one" ? "" : "s"}, ${lang}`, async () => {
      const json = await score(batch, "--format", "json");
      const csv = await score(batch, "--format", "csv", "--lang", lang);
      expect(csv.code).toBe(json.code);
      const results = (JSON.parse(json.stdout) as { results: JsonResult[] }).results;
      const [separator, decimal] = lang === "id" ? [";", ","] : [",", "."];
      const [header, ...lines] = csv.stdout.replace(/^\ufeff/, "").split("\r\n");
      expect(lines.pop()).toBe("");
      const columns = header!.split(separator);
      const ids = new Set(results.flatMap((r) => r.elements.map((e) => e.id)));
      if (batch === "mixed") expect(columns.slice(10, 12)).toEqual(["baseline", "outcome"]);
      expect(lines).toHaveLength(results.length);
      results.forEach((result, i) => {
        const fields = lines[i]!.split(separator);
        expect(fields).toHaveLength(columns.length);
        const at = (column: string) => fields[columns.indexOf(column)];
        expect([at("rank"), at("file"), at("questionnaire")]).toEqual([
          String(result.rank),
          result.file,
          result.questionnaire.id,
        ]);
        expect(at("total")).toBe(fourDecimals(result.totalExact, decimal));
        for (const id of ids) {
          const element = result.elements.find((e) => e.id === id);
          expect(at(id), `${result.file}: ${id}`).toBe(
            element?.scoreExact ? fourDecimals(element.scoreExact, decimal) : "",
          );
        }
      });
    });

  it("puts each line's group after its rank", async () => {
    const grouped = await score("mixed", "--format", "csv", "--group-by", "questionnaire");
    const [header, ...lines] = grouped.stdout.split("\r\n").filter((l) => l !== "");
    expect(header!.split(",").slice(0, 3)).toEqual(["rank", "group", "file"]);
    const groups = lines.map((l) => l.split(","));
    expect(groups.map((f) => f[1])).toEqual(groups.map((f) => f[5]));
    expect(groups.map((f) => `${f[0]} ${f[1]}`)).toEqual([
      "1 mini",
      "1 smart-city-2023",
      "2 smart-city-2023",
      "3 smart-city-2023",
    ]);
  });
});
