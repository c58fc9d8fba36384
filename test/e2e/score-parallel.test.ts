import { spawn } from "node:child_process";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../reference/reference-data.js";
import { runKuesioner, tempDir } from "../commands/score/score-harness.js";
import { bin, spawnKuesioner } from "./cli-harness.js";

// score spreads a large batch over worker threads. Whatever the number of workers, the output,
// its order and every diagnostic must be the same bytes as with one thread.
describe("score with worker threads (built binary)", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await tempDir("score-parallel"));
    const answers = join(repoRoot, "fixtures/answers");
    const good = (await readdir(join(answers, "2023"))).filter((f) => !f.endsWith(".json"));
    // 40 files over 3 folders: good ones under many region names (two of them twice, which the
    // batch warns of), broken ones among them.
    for (let i = 0; i < 40; i++) {
      const folder = join(dir, "batch", `part-${i % 3}`);
      await mkdir(folder, { recursive: true });
      const name = `region-${String(i).padStart(3, "0")}.yaml`;
      if (i % 11 === 5) {
        const broken = ["syntax-error.yaml", "out-of-scale.yaml", "unknown-profile.yaml", "unknown-questionnaire.yaml"];
        await copyFile(join(answers, "broken", broken[i % broken.length]!), join(folder, name));
      } else {
        const text = await readFile(join(answers, "2023", good[i % good.length]!), "utf8");
        await writeFile(join(folder, name), text.replace(/region: .*/, `region: Kabupaten Uji ${i % 37}`));
      }
    }
    // Found in a folder, these are skipped with a note.
    await copyFile(join(repoRoot, "fixtures/questionnaires/spbe-sample.yaml"), join(dir, "batch", "spbe.yaml"));
    await writeFile(join(dir, "batch", "part-1", "notes.yaml"), "title: not an answer file\n");
  });
  afterAll(async () => remove());

  // "1": one thread, the oracle, run in-process (one launch fewer per comparison: the oracle's
  // bytes need no process of their own, and a difference between the two ways of running
  // would fail here too); "2": the built binary's main thread and a worker share the batch;
  // "2-only": the main thread leaves every file to the worker (otherwise a batch this small may
  // be done before the worker is ready).
  const score = (workers: "1" | "2" | "2-only", args: string[]) =>
    workers === "1"
      ? runKuesioner(["score", "batch", ...args], dir, { env: { KUESIONER_WORKERS: "1" } })
      : spawnKuesioner(["score", "batch", ...args], dir, {
          KUESIONER_WORKERS: "2",
          ...(workers === "2-only" ? { KUESIONER_WORKERS_ONLY: "1" } : {}),
        });

  it.each([["table"], ["json"], ["csv"], ["markdown"]])("prints the same %s with 1 and 2 threads", async (format) => {
    const serial = await score("1", ["--format", format]);
    expect(serial.code).toBe(1);
    expect(serial.stderr).toContain("could not be scored");
    expect(serial.stderr).toContain("note: skipped");
    expect(serial.stderr).toContain('"Kabupaten Uji 2" is ranked 2 times');
    expect(await score("2-only", ["--format", format])).toEqual(serial);
    expect(await score("2", ["--format", format])).toEqual(serial);
  });

  it("gives the same warnings for last year's scores with 1 and 2 threads", async () => {
    const args = ["--format", "csv", "--previous", "batch/part-0/region-000.yaml"];
    const serial = await score("1", args);
    expect(serial.stderr).toContain("warning:");
    expect(await score("2-only", args)).toEqual(serial);
  });

  it("writes the same workbook and gates with 1 and 2 threads", async () => {
    const run = async (workers: "1" | "2-only") => {
      const out = join(dir, `ranking-${workers}.xlsx`);
      const ran = await score(workers, ["--format", "xlsx", "--out", out, "--fail-under", "2.5", "--require-complete"]);
      return { ...ran, bytes: await readFile(out) };
    };
    const serial = await run("1");
    const parallel = await run("2-only");
    expect(parallel.bytes.equals(serial.bytes)).toBe(true);
    expect({ ...parallel, bytes: undefined }).toEqual({ ...serial, bytes: undefined });
  });

  it("stops at Ctrl-C with workers running, like any command (130), writing nothing", async () => {
    const out = join(dir, "interrupted.csv");
    const child = spawn(process.execPath, [bin, "score", "batch", "batch", "batch", "--format", "csv", "--out", out], {
      cwd: dir,
      env: { ...process.env, KUESIONER_WORKERS: "2", NO_COLOR: "1" },
      stdio: "ignore",
    });
    await new Promise((r) => setTimeout(r, 150));
    child.kill("SIGINT");
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) =>
      child.on("exit", (c, s) => r([c, s])),
    );
    // A shell reports a process ended by SIGINT as exit status 130.
    expect(signal === "SIGINT" || code === 130).toBe(true);
    expect((await readdir(dir)).filter((f) => f.startsWith("interrupted") || f.includes(".tmp"))).toEqual([]);
  });
});
