import { spawnSync } from "node:child_process";
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../reference/reference-data.js";
import { tempDir } from "../commands/score/score-harness.js";
import { bin, neutralLocale, spawnKuesioner } from "./cli-harness.js";

const kuesioner = (args: string[], cwd: string) => spawnKuesioner(args, cwd);

describe("kuesioner score (built binary)", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove: cleanup } = await tempDir("score-e2e"));
    await mkdir(join(dir, "jawaban/2023"), { recursive: true });
    for (const f of ["kota-tirtamulya.yaml", "kabupaten-sukamaju.yaml", "kota-pelabuhan-baru.json"])
      await copyFile(join(repoRoot, "fixtures/answers/2023", f), join(dir, "jawaban/2023", f));
    await copyFile(join(repoRoot, "fixtures/answers/broken/syntax-error.yaml"), join(dir, "jawaban/rusak.yaml"));
    await copyFile(join(repoRoot, "examples/kabupaten-contoh-2023.yaml"), join(dir, "contoh.yaml"));
  });
  afterAll(async () => cleanup?.());

  it("prints one file's report on stdout, plain under NO_COLOR, exit 0", async () => {
    const ran = await kuesioner(["score", "contoh.yaml"], dir);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toMatch(/^Smart City Implementation Evaluation 2023\n/);
    expect(ran.stdout).toMatch(/Final score\s+2\.91/);
    expect(ran.stdout).not.toContain("\u001b[");
  });

  it("ranks a folder on stdout, streams the broken file's diagnostics on stderr, exit 1", async () => {
    const ran = await kuesioner(["score", "jawaban"], dir);
    expect(ran.code).toBe(1);
    expect(
      ran.stdout
        .split("\n")
        .slice(0, 4)
        .map((l) => l.replace(/\s+/g, " ").trim()),
    ).toEqual([
      "Rank Region Year Profile Baseline Output Outcome Impact Quick Win Collaboration Total Change",
      "1 Kota Tirtamulya 2023 reguler 3.28 3.20 3.12 3.23 3.30 - 3.21‡ +0.09",
      "2 Kabupaten Sukamaju 2023 reguler 2.76 1.60 2.00 1.92 2.19 - 2.02*‡ -0.39",
      "3 Kota Pelabuhan Baru 2023 kppn-ikn 2.55 1.24 1.94 1.87 2.01 1.63 1.83‡ -",
    ]);
    expect(ran.stdout).toContain("Not scored: 1 file with errors");
    expect(ran.stderr).toMatch(/^jawaban\/rusak\.yaml:6:3: error: YAML syntax/m);
    expect(ran.stderr).toContain("kuesioner: 1 of 4 inputs could not be scored");
  });

  it("writes the same JSON bytes on every run, without absolute paths", async () => {
    const first = await kuesioner(["score", "jawaban/2023", "--format", "json"], dir);
    const second = await kuesioner(["score", "jawaban/2023", "--format", "json"], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).not.toContain(dir);
  });

  it("writes --out atomically and leaves no temporary file behind", async () => {
    const ran = await kuesioner(
      ["score", "jawaban/2023/*.yaml", "--format", "csv", "--lang", "id", "--out", "peringkat.csv"],
      dir,
    );
    // The pattern names .yaml only: the JSON answer file beside them is left out, and said so.
    expect(ran).toMatchObject({
      code: 0,
      stdout: "",
      stderr:
        "kuesioner: catatan: ekstensi pada pola tidak mencakup 1 berkas YAML atau JSON: jawaban/2023/kota-pelabuhan-baru.json; perluas polanya (mis. '*.y*ml') atau sebut berkasnya\n",
    });
    const csv = await readFile(join(dir, "peringkat.csv"), "utf8");
    expect(csv.split("\r\n")[1]).toMatch(/^1;jawaban\/2023\/kota-tirtamulya\.yaml;Kota Tirtamulya;2023;/);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes --out /dev/stdout through the shell's own redirection, appending after >>", async () => {
    // Followed to the file the shell opened, it was renamed over: `>> log` lost what log held.
    const ran = spawnSync(
      "bash",
      [
        "-c",
        `echo "the run of last week" > log.txt; "${process.execPath}" "${bin}" score contoh.yaml --format csv --out /dev/stdout >> log.txt`,
      ],
      { cwd: dir, encoding: "utf8", env: { ...process.env, ...neutralLocale, NO_COLOR: "1" } },
    );
    expect(ran.status).toBe(0);
    const lines = (await readFile(join(dir, "log.txt"), "utf8")).split("\n");
    expect(lines[0]).toBe("the run of last week");
    expect(lines[1]).toMatch(/^rank,file,region,year,/);
    expect(lines[2]).toMatch(/^1,contoh\.yaml,Kabupaten Contoh,2023,/);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("gates CI with --fail-under", async () => {
    const ran = await kuesioner(["score", "jawaban/2023", "--fail-under", "2", "--format", "json"], dir);
    expect(ran.code).toBe(1);
    expect(JSON.parse(ran.stdout).results).toHaveLength(3);
    expect(ran.stderr).toBe(
      "kuesioner: 1 result below --fail-under 2.00:\n  jawaban/2023/kota-pelabuhan-baru.json: 1.83\n",
    );
  });
});
