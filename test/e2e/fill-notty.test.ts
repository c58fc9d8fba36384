import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnKuesioner } from "./cli-harness.js";

/** The built binary with stdin from /dev/null, or from a pipe that stays open (what would make a naive prompt wait forever). */
const kuesioner = (args: string[], cwd: string, stdin: "ignore" | "pipe") => spawnKuesioner(args, cwd, {}, { stdin });

describe("kuesioner fill without a terminal (built binary)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kuesioner-notty-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([["ignore" as const], ["pipe" as const]])(
    "explains and exits 2 at once with stdin %s, writing nothing",
    async (stdin) => {
      const ran = await kuesioner(
        ["fill", "--out", "x.yaml", "--region", "R", "--year", "2024", "--lang", "en"],
        dir,
        stdin,
      );
      expect(ran.code).toBe(2);
      expect(ran.stdout).toBe("");
      expect(ran.stderr).toBe(
        "kuesioner: fill needs a terminal; to score a file use kuesioner score; to prepare answers without a terminal write the YAML answer file (see README)\n",
      );
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it("says it in Indonesian by default", async () => {
    const ran = await kuesioner(["fill"], dir, "ignore");
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^kuesioner: fill membutuhkan terminal/);
  });
});
