import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuiltTogether, spawnKuesioner, streamsOf } from "./cli-harness.js";

/** The built binary with stdin from /dev/null, or from a pipe that stays open (what would make a naive prompt wait forever). */
const kuesioner = (
  args: string[],
  cwd: string,
  stdin: "ignore" | "pipe",
  env: Record<string, string | undefined> = {},
) => spawnKuesioner(args, cwd, env, { stdin });

// The language rule, case by case, in one process of the built program (runBuiltTogether: each
// command with its own variables over the neutral locale); the first case on a launch too.
const languages: [Record<string, string>, string[], "id" | "en"][] = [
  [{ LANG: "id_ID.UTF-8" }, [], "id"],
  [{ LC_ALL: "id_ID.UTF-8", LANG: "en_US.UTF-8" }, [], "id"],
  [{ KUESIONER_LANG: "id", LANG: "en_US.UTF-8" }, [], "id"],
  [{ KUESIONER_LANG: "id" }, ["--lang", "en"], "en"],
  [{ LANG: "en_US.UTF-8" }, [], "en"],
  [{}, [], "en"],
];

describe("kuesioner fill without a terminal (built binary)", () => {
  let dir: string;
  let together: Awaited<ReturnType<typeof runBuiltTogether>>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kuesioner-notty-"));
    together = await runBuiltTogether(languages.map(([env, args]) => ({ args: ["fill", ...args], cwd: dir, env })));
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

  it.each(languages.map((c, i) => [...c, i] as const))(
    "speaks by one rule: --lang, KUESIONER_LANG, the locale, English (%j %j → %s)",
    async (_env, _args, lang, i) => {
      const ran = together[i]!;
      expect(ran.code).toBe(2);
      expect(ran.stderr).toMatch(
        lang === "id" ? /^kuesioner: fill membutuhkan terminal/ : /^kuesioner: fill needs a terminal/,
      );
    },
  );

  it("speaks Indonesian by the locale when launched, as in the shared process", async () => {
    const [env, args] = languages[0]!;
    const ran = await kuesioner(["fill", ...args], dir, "ignore", env);
    expect(ran).toEqual(streamsOf(together[0]!));
  });
});
