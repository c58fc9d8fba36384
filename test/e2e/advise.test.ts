import { describe, expect, it } from "vitest";
import { spawnKuesioner } from "./cli-harness.js";
import { formatsInOneProcess } from "./formats-together.js";

const FILE = "fixtures/compare/kabupaten-malang-2023.yaml";
const PEERS = "fixtures/answers/2023";

const formats = [
  ["table", "en", "Level 4: The council is active and regular"],
  ["table", "id", "Level 4: Dewan aktif dan teratur"],
  ["markdown", "en", "| Gain | Question | Now | Next | What to show |"],
  ["markdown", "id", "| Tambahan | Pertanyaan | Sekarang | Berikutnya | Yang perlu ditunjukkan |"],
  ["json", "en", '"reachable": true'],
  ["csv", "en", "question,op-budget-share-apbd,output,percent,1.000000,2.000000,2,1,0.028571,1,,,,,"],
  ["csv", "id", "question;op-budget-share-apbd;output;percent;1,000000;2,000000;2;1;0,028571;1;;;;;"],
] as const;
const adviseArgs = (format: string, lang: string) => [
  "advise",
  FILE,
  "--target",
  "3",
  "--format",
  format,
  "--lang",
  lang,
  "--peers",
  PEERS,
];

describe("kuesioner advise (built binary)", () => {
  formatsInOneProcess(formats, adviseArgs, "writes %s in %s, with a target and peers");

  it("exits 1 with the place of the problem for a broken file", async () => {
    const ran = await spawnKuesioner(["advise", "fixtures/answers/broken/syntax-error.yaml"]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain("fixtures/answers/broken/syntax-error.yaml:6:3: error: YAML syntax");
  });

  it("exits 2 for a target that is not a number", async () => {
    const ran = await spawnKuesioner(["advise", FILE, "--target", "banyak"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("--target: expected a total such as 3 or 3.25 (3,25)");
  });
});
