import { spawn } from "node:child_process";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../reference/reference-data.js";
import { runKuesioner, tempDir } from "../commands/score/score-harness.js";
import { bin, runBuiltTogether, spawnKuesioner } from "./cli-harness.js";

// score spreads a large batch over worker threads. Whatever the number of workers, the output,
// its order and every diagnostic must be the same bytes as with one thread.
describe("score with worker threads (built binary)", () => {
  let dir: string;
  let remove: () => Promise<void>;
  // "1": one thread, the oracle, run in-process (a difference between in-process and the built
  // program would fail here too); "2": the built program's main thread and a worker share the
  // batch; "2-only": the main thread leaves every file to the worker (otherwise a batch this
  // small may be done before the worker is ready). The built program's runs all happen in one
  // process of it (runBuiltTogether: one start-up instead of one a run, the worker threads
  // started by each run as in the binary); one of them again on a launch of the binary.
  const serial = (args: string[]) =>
    runKuesioner(["score", "batch", ...args], dir, { env: { KUESIONER_WORKERS: "1" } });
  const threads = (workers: "2" | "2-only"): Record<string, string> =>
    workers === "2" ? { KUESIONER_WORKERS: "2" } : { KUESIONER_WORKERS: "2", KUESIONER_WORKERS_ONLY: "1" };
  const formats = ["table", "json", "csv", "markdown"];
  const previous = ["--format", "csv", "--previous", "batch/part-0/region-000.yaml"];
  const workbook = (workers: string) => [
    "--format",
    "xlsx",
    "--out",
    `ranking-${workers}.xlsx`,
    "--fail-under",
    "2.5",
    "--require-complete",
  ];
  const runs = [
    ...formats.flatMap((format) =>
      (["2-only", "2"] as const).map((workers) => ({ workers, args: ["--format", format] })),
    ),
    { workers: "2-only" as const, args: previous },
    { workers: "2-only" as const, args: workbook("2-only") },
  ];
  let together: Awaited<ReturnType<typeof runBuiltTogether>>;
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
    together = await runBuiltTogether(
      runs.map(({ workers, args }) => ({ args: ["score", "batch", ...args], cwd: dir, env: threads(workers) })),
    );
  });
  afterAll(async () => remove());

  const parallel = (workers: "2" | "2-only", args: string[]) => {
    const i = runs.findIndex((r) => r.workers === workers && r.args.join(" ") === args.join(" "));
    const { code, stdout, stderr } = together[i]!;
    return { code, stdout, stderr };
  };

  it.each(formats.map((f) => [f]))("prints the same %s with 1 and 2 threads", async (format) => {
    const one = await serial(["--format", format]);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain("could not be scored");
    expect(one.stderr).toContain("note: skipped");
    expect(one.stderr).toContain('"Kabupaten Uji 2" is ranked 2 times');
    expect(parallel("2-only", ["--format", format])).toEqual(one);
    expect(parallel("2", ["--format", format])).toEqual(one);
  });

  it("ends and writes the same when the binary is launched with 2 threads", async () => {
    const launched = await spawnKuesioner(["score", "batch", "--format", "table"], dir, threads("2"));
    expect(launched).toEqual(await serial(["--format", "table"]));
  });

  it("gives the same warnings for last year's scores with 1 and 2 threads", async () => {
    const one = await serial(previous);
    expect(one.stderr).toContain("warning:");
    expect(parallel("2-only", previous)).toEqual(one);
  });

  it("writes the same workbook and gates with 1 and 2 threads", async () => {
    const one = await serial(workbook("1"));
    expect(parallel("2-only", workbook("2-only"))).toEqual(one);
    const bytes = await readFile(join(dir, "ranking-2-only.xlsx"));
    expect(bytes.equals(await readFile(join(dir, "ranking-1.xlsx")))).toBe(true);
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
