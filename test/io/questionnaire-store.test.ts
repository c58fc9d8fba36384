import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import {
  chmod,
  copyFile,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadQuestionnaire, questionnaireSha256 } from "../../src/io/load-questionnaire.js";
import { readTextFile } from "../../src/io/source.js";
import { repoRoot } from "../reference/reference-data.js";
import { runKuesioner, tempDir } from "../commands/score/score-harness.js";

const sample = join(repoRoot, "fixtures/questionnaires/spbe-sample.yaml");

describe("the cache of checked questionnaires", () => {
  let dir: string;
  let remove: () => Promise<void>;
  let cache: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    ({ dir, remove } = await tempDir("store"));
    cache = join(dir, "cache");
    env = { XDG_CACHE_HOME: cache };
    await copyFile(sample, join(dir, "q.yaml"));
  });
  afterEach(async () => remove());

  /** The cache entries written so far (one folder per build under kuesioner/questionnaires/). */
  async function entries(): Promise<string[]> {
    const root = join(cache, "kuesioner", "questionnaires");
    const builds = await readdir(root).catch(() => []);
    const files = await Promise.all(
      builds.map(async (b) =>
        (await readdir(join(root, b))).filter((f) => !f.startsWith(".")).map((f) => join(root, b, f)),
      ),
    );
    return files.flat();
  }
  const show = (extraEnv: Record<string, string> = {}, args: string[] = []) =>
    runKuesioner(["show", "q.yaml", "--format", "json", ...args], dir, { env: { ...env, ...extraEnv } });

  it("stores a checked questionnaire and gives the same result from the store", async () => {
    const first = await show();
    expect(first.code).toBe(0);
    const [entry] = await entries();
    expect(entry).toBeDefined();
    const before = await stat(entry!);
    const second = await show();
    expect(second).toEqual(first);
    // Read, not written again: the same file (a write renames a new one into place).
    expect((await stat(entry!)).ino).toBe(before.ino);
  });

  it("sees an edit even when the modification time is put back", async () => {
    const first = await show();
    const file = join(dir, "q.yaml");
    const { mtime } = await stat(file);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("en: SPBE evaluation sample", "en: SPBE evaluation, edited"));
    await utimes(file, mtime, mtime);
    const second = await show();
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("SPBE evaluation, edited");
    expect(second.stdout).not.toEqual(first.stdout);
    expect(await entries()).toHaveLength(2);
  });

  it("gives the same result when only the modification time changes", async () => {
    const first = await show();
    const later = new Date(Date.now() + 3_600_000);
    await utimes(join(dir, "q.yaml"), later, later);
    expect(await show()).toEqual(first);
    expect(await entries()).toHaveLength(1);
  });

  it.each([
    ["truncated", (entry: string) => entry.slice(0, entry.length / 2)],
    ["garbage", () => "\u0000\u0001 not json\n"],
    ["empty", () => ""],
    [
      "edited without its checksum",
      (entry: string) => entry.replace("SPBE evaluation sample", "SPBE evaluation forged"),
    ],
    ["from another build", (entry: string) => entry.replace(/"build":"[^"]*"/, '"build":"0000000000000000"')],
  ])("ignores an entry that is %s, and writes a good one", async (_, spoil) => {
    const first = await show();
    const [entry] = await entries();
    await writeFile(entry!, spoil(await readFile(entry!, "utf8")));
    const second = await show();
    expect(second).toEqual(first);
    expect(second.stdout).not.toContain("forged");
    const third = await show();
    expect(third).toEqual(first);
    expect(await readFile(entry!, "utf8")).toContain("SPBE evaluation sample");
  });

  it("ignores an entry that is a named pipe or a link to a device, without waiting on it or replacing it", async () => {
    const first = await show();
    const [entry] = await entries();
    await rm(entry!);
    execFileSync("mkfifo", [entry!]);
    expect(await show()).toEqual(first);
    expect((await lstat(entry!)).isFIFO()).toBe(true);
    await rm(entry!);
    await symlink("/dev/zero", entry!);
    expect(await show()).toEqual(first);
    expect(await readlink(entry!)).toBe("/dev/zero");
  });

  it("works on, without a cache, when the cache folder cannot be written", async () => {
    const expected = await runKuesioner(["show", "q.yaml", "--format", "json", "--no-cache"], dir, { env });
    // A file where the folder should be: refused even to root.
    await writeFile(cache, "not a folder");
    expect(await show()).toEqual(expected);
    if (process.getuid?.() !== 0) {
      // A read-only folder (root may write anyway, so only checked for other users).
      const readOnly = join(dir, "read-only");
      await mkdir(readOnly, { mode: 0o555 });
      await chmod(readOnly, 0o555);
      expect(await show({ XDG_CACHE_HOME: readOnly })).toEqual(expected);
      expect(await readdir(readOnly)).toEqual([]);
    }
  });

  it("reads and writes nothing with --no-cache or KUESIONER_NO_CACHE", async () => {
    expect((await show({}, ["--no-cache"])).code).toBe(0);
    expect((await show({ KUESIONER_NO_CACHE: "1" })).code).toBe(0);
    expect(await entries()).toEqual([]);
  });

  it("stays consistent under concurrent runs", async () => {
    const runs = await Promise.all(Array.from({ length: 8 }, () => show()));
    for (const run of runs) expect(run).toEqual(runs[0]);
    expect(await entries()).toHaveLength(1);
    expect(await show()).toEqual(runs[0]);
  });

  it("does not store a questionnaire with warnings, so they are reported every time", async () => {
    await copyFile(join(repoRoot, "fixtures/invalid/element-unweighted.yaml"), join(dir, "w.yaml"));
    const validate = () => runKuesioner(["validate", "w.yaml"], dir, { env });
    const first = await validate();
    expect(first.stderr).toContain("warning:");
    expect(await validate()).toEqual(first);
    expect(await entries()).toEqual([]);
  });

  it("scores answer files the same with and without the store", async () => {
    await writeFile(
      join(dir, "a.yaml"),
      "questionnaire: ./q.yaml\nanswers: {}\nrespondent: { region: Kota Uji, year: 2024 }\n",
    );
    const without = await runKuesioner(["score", "a.yaml", "--format", "json"], dir, {
      env: { KUESIONER_NO_CACHE: "1" },
    });
    expect(await runKuesioner(["score", "a.yaml", "--format", "json"], dir, { env })).toEqual(without);
    expect(await runKuesioner(["score", "a.yaml", "--format", "json"], dir, { env })).toEqual(without);
    expect(await entries()).toHaveLength(1);
  });

  it.each([
    ["compare", ["compare", "a.yaml", "a.yaml", "--format", "json"]],
    ["advise", ["advise", "a.yaml", "--format", "json"]],
    ["merge", ["merge", "a.yaml", "a.yaml", "--out", "panel.yaml", "--force"]],
    ["survey template", ["survey", "template", "q.yaml", "--out", "sheet.csv"]],
    ["survey import", ["survey", "import", "r.csv", "--questionnaire", "q.yaml"]],
  ])("is used by %s as by score, and --no-cache turns it off", async (_, args) => {
    await writeFile(
      join(dir, "a.yaml"),
      "questionnaire: ./q.yaml\nanswers: {}\nrespondent: { region: Kota Uji, year: 2024 }\n",
    );
    await writeFile(join(dir, "r.csv"), "statement\n1\n");
    const without = await runKuesioner([...args, "--no-cache"], dir, { env });
    expect(await entries()).toEqual([]);
    expect(await runKuesioner(args, dir, { env })).toEqual(without);
    expect(await entries()).toHaveLength(1);
    expect(await runKuesioner(args, dir, { env })).toEqual(without);
  });
});

describe("the questionnaires compiled by the build (dist/questionnaires)", () => {
  it.each(["smart-city-2022", "smart-city-2023"])("hold exactly what %s.yaml checks to", async (id) => {
    const fresh = await loadQuestionnaire(id, repoRoot);
    if (!fresh.ok) throw new Error(`${id} does not load`);
    const text = await readTextFile(join(repoRoot, "questionnaires", `${id}.yaml`));
    if ("diagnostic" in text) throw new Error(text.diagnostic.message);
    const key = createHash("sha256").update(text.text).digest("hex");
    const entry = await readFile(join(repoRoot, "dist", "questionnaires", `${key}.json`), "utf8");
    const body = JSON.parse(entry.slice(entry.indexOf("\n") + 1));
    expect(body.questionnaire).toEqual(fresh.value.questionnaire);
    expect(body.sha256).toBe(fresh.value.sha256);
    expect(questionnaireSha256(body.questionnaire)).toBe(fresh.value.sha256);
  });
});
