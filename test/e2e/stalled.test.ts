import { spawnSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../commands/score/score-harness.js";
import { repoRoot } from "../reference/reference-data.js";
import { bin, spawnKuesioner } from "./cli-harness.js";

// A command whose promise is left pending with nothing left to wait for: Node empties its event
// loop and exits, by itself with code 0 and nothing said. The binary says it is an internal
// error instead (src/main.ts). stall-preload.cjs makes survey import's first look at its input
// (fs/promises' stat) such a promise.
const preload = { NODE_OPTIONS: `--require ${join(repoRoot, "test/e2e/stall-preload.cjs")}` };

describe("a command that stops without finishing", () => {
  it.each([
    ["en", "kuesioner: internal error: this is a bug in kuesioner", "the command stopped before it finished"],
    ["id", "kuesioner: kesalahan internal: ini adalah bug di kuesioner", "perintah berhenti sebelum selesai"],
  ])("exits 70 with an internal error, not 0 with nothing said (%s)", async (lang, said, why) => {
    const ran = await spawnKuesioner(["survey", "import", "stalls.csv", "--lang", lang], repoRoot, preload);
    expect(ran.code).toBe(70);
    expect(ran.stderr).toContain(said);
    expect(ran.stderr).toContain(why);
    // The reason in the run's language, without a stack trace of the code that noticed.
    expect(ran.stderr).not.toMatch(/\n\s+at /);
    expect(ran.stdout).toBe("");
  });

  it("still ends quietly, exit 0, when the reader of a long ranking goes away (| head)", async () => {
    // The ranking is written a part at a time, each waiting for room in the pipe; once head has
    // gone, no room comes, which is the end of the run and not an error.
    const { dir, remove } = await tempDir("reader-left");
    try {
      await mkdir(join(dir, "answers"));
      for (let i = 1; i <= 600; i++)
        await writeFile(
          join(dir, "answers", `r-${i}.yaml`),
          `questionnaire: smart-city-2023\nprofile: reguler\nrespondent:\n  region: Kota Uji ${i}\n  year: 2024\nanswers: {}\n`,
        );
      const err = join(dir, "stderr.txt");
      const ran = spawnSync(
        "bash",
        [
          "-c",
          `"${process.execPath}" "${bin}" score answers --format csv 2>"${err}" | head -n 1; exit "\${PIPESTATUS[0]}"`,
        ],
        { cwd: dir, encoding: "utf8", env: { ...process.env, LANG: "C.UTF-8", KUESIONER_LANG: "en" } },
      );
      expect(ran.stdout.split(";")[0] ?? ran.stdout).toMatch(/^(rank|peringkat)/i);
      expect(await readFile(err, "utf8")).not.toContain("internal error");
      expect(ran.status).toBe(0);
    } finally {
      await remove();
    }
  });
});
