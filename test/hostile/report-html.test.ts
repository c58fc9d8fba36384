import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { renderCharts } from "../../src/commands/report/charts.js";
import { esc } from "../../src/commands/report/html.js";
import { run } from "../../src/main.js";
import { ScriptedPrompter, scriptedIO } from "../commands/fill/scripted-prompter.js";
import { tempDir } from "../commands/score/score-harness.js";
import { repoRoot } from "../reference/reference-data.js";

const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

// Found by npm run fuzz (seed 1770255208): an evidence item with U+2029 reached the report's HTML raw.
describe("the report's HTML escaping", () => {
  it("shows line separators, bidi and C1 controls escaped, drops C0 controls, keeps line breaks", () => {
    expect(esc("a\u2029b\u202ec\u0085d\u001be<f>\ng")).toBe("a\\u2029b\\u202ec\\x85de&lt;f&gt;\ng");
  });

  // Found by the input fuzzer (issue 14): a region's name reached a chart's axis label raw.
  it("draws the charts' labels escaped", async () => {
    const spec = {
      data: { values: [{ label: "\u202eevil\u001b[2J", value: 2 }] },
      mark: "bar",
      encoding: { y: { field: "label", type: "nominal" }, x: { field: "value", type: "quantitative" } },
    } as TopLevelSpec;
    const [svg] = await renderCharts([spec], "en");
    expect(svg).not.toMatch(RAW);
    expect(svg).toContain("\\u202eevil\\x1b[2J");
  });
});

// Found by the input fuzzer (issue 14): report's notes were English on Indonesian screens and
// quoted a region's name raw.
describe("report's notes", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await tempDir("report-notes"));
    await mkdir(join(dir, "jawaban"));
    await writeFile(join(dir, "mini.yaml"), await readFile(join(repoRoot, "fixtures/valid/mini.yaml")));
    await writeFile(join(dir, "jawaban/mini.yaml"), await readFile(join(repoRoot, "fixtures/valid/mini.yaml")));
    const answers = (region: string, year: number) =>
      `questionnaire: ../mini.yaml\nrespondent: { region: "${region}", year: ${year} }\nanswers:\n  bl-1: 3\n  bl-2: { value: 7 }\n  oc-1: { value: 12 }\n`;
    await writeFile(join(dir, "jawaban/x.yaml"), answers("Kota\\u001b[2J Satu", 2024));
    await writeFile(join(dir, "lalu.yaml"), answers("Kabupaten Dua", 2023).replace("../mini.yaml", "./mini.yaml"));
  });
  afterAll(() => remove());

  it("speak the run's language and quote names escaped", async () => {
    const report = async (...argv: string[]) => {
      const { io, stderr } = scriptedIO(dir, new ScriptedPrompter([]), { tty: false });
      const code = await run(["report", ...argv, "--out", "laporan.html", "--lang", "id"], io);
      expect(stderr()).not.toMatch(RAW);
      return { code, stderr: stderr() };
    };
    const folder = await report("jawaban");
    expect(folder.code).toBe(0);
    expect(folder.stderr).toContain(
      "kuesioner: catatan: jawaban/mini.yaml dilewati: kuesioner, bukan berkas jawaban\n",
    );
    const other = await report("jawaban/x.yaml", "--previous", "lalu.yaml");
    expect(other.code).toBe(0);
    expect(other.stderr).toContain(
      'kuesioner: peringatan: --previous untuk "Kabupaten Dua", berkas ini untuk "Kota\\x1b[2J Satu"\n',
    );
  });
});
