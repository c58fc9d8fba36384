import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../reference/reference-data.js";
import { bin, spawnKuesioner } from "./cli-harness.js";
import { formatsInOneProcess } from "./formats-together.js";

const OLD = "fixtures/compare/kabupaten-malang-2022.yaml";
const NEW = "fixtures/compare/kabupaten-malang-2023.yaml";

const formats = [
  ["table", "en", "Σ = +0.0307 (exact value 7923803/257796000)"],
  ["table", "id", "(nilai eksak 7923803/257796000)"],
  ["markdown", "en", "| **Final score** | | **2.50** | **2.53** | **+0.03** | **+0.0307** |"],
  ["markdown", "id", "| **Nilai Final** | | **2,50** | **2,53** | **+0,03** | **+0,0307** |"],
  ["json", "en", '"equalsChange": true'],
  ["csv", "en", "question,op-council-functioning,output,changed,,,,1.000000,3.000000,2.000000,,,0.057143"],
  ["csv", "id", "question;op-council-functioning;output;changed;;;;1,000000;3,000000;2,000000;;;0,057143"],
] as const;
const compareArgs = (format: string, lang: string) => ["compare", OLD, NEW, "--format", format, "--lang", lang];

describe("kuesioner compare (built binary)", () => {
  formatsInOneProcess(formats, compareArgs, "writes %s in %s");

  it("exits 1 with the place of the problem for a broken file", async () => {
    const ran = await spawnKuesioner(["compare", OLD, "fixtures/answers/broken/out-of-scale.yaml"]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain(
      "fixtures/answers/broken/out-of-scale.yaml:6:30: error: answers.bl-masterplan-legal-basis: score 5 is outside the scale 0–4",
    );
  });

  it("exits 2 for a usage error", async () => {
    const ran = await spawnKuesioner(["compare", OLD]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("missing required argument 'new'");
  });

  it("stops quietly when the reader of a long output goes away (| head)", () => {
    const ran = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" "${bin}" compare ${OLD} ${NEW} --format json | head -n 1`],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );
    expect(ran.stdout).toBe("{\n");
    expect(ran.stderr).toBe("");
  });
});
