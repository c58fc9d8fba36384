import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "../../../src/main.js";
import { input, ScriptedPrompter, scriptedIO, select, type Step } from "../fill/scripted-prompter.js";

let dir: string;
/** The test clock: one second further at every reading, across the runs of a test. */
let tick = 0;
beforeEach(async () => {
  tick = 0;
  dir = await mkdtemp(join(tmpdir(), "kuesioner-history-"));
  await copyFile("fixtures/fill/mini.yaml", join(dir, "mini.yaml"));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** Runs kuesioner with a scripted prompter, user "sari" and a clock one second per reading. */
async function kuesioner(argv: string[], steps: Step[] = [], user = "sari") {
  const prompter = new ScriptedPrompter(steps);
  const { io, stdout, stderr } = scriptedIO(dir, prompter);
  const code = await run(argv, { ...io, user, now: () => new Date(Date.UTC(2024, 9, 28, 9, 0, tick++)) });
  if (prompter.remaining > 0) throw new Error(`${argv.join(" ")}: ${prompter.remaining} steps left\n${stdout()}`);
  return { code, stdout: stdout(), stderr: stderr() };
}

const noExtras: Step[] = [input(""), input("")];

describe("kuesioner history", () => {
  it("prints who changed what and when, in Indonesian and English, and one question's history", async () => {
    const flags = ["fill", "mini.yaml", "--out", "x.yaml", "--region", "Kota Tirtamulya", "--year", "2024"];
    await kuesioner([...flags, "--profile", "reguler"], [select("level:3"), input("SK 1/2024"), input(""), input("q")]);
    await kuesioner(
      ["fill", "--out", "x.yaml", "--as", "Budi Santoso"],
      [input("<"), select("level:4"), input(""), input("Perda terbit Maret"), input("q")],
    );
    const id = await kuesioner(["history", "x.yaml", "--lang", "id"]);
    expect(id.code).toBe(0);
    await expect(id.stdout).toMatchFileSnapshot("__snapshots__/history-x.id.txt");
    const en = await kuesioner(["history", "x.yaml", "bl-masterplan", "--lang", "en"]);
    await expect(en.stdout).toMatchFileSnapshot("__snapshots__/history-x-question.en.txt");
    const json = JSON.parse((await kuesioner(["history", "x.yaml", "--format", "json"])).stdout);
    expect(json.entries.filter((e: { question: string }) => e.question === "bl-masterplan")).toMatchObject([
      { seq: 2, by: "sari", command: "fill", old: null, new: 3, recorded: true },
      { seq: 3, by: "sari", old: 3, new: { score: 3, evidence: ["SK 1/2024"] } },
      {
        by: "Budi Santoso",
        old: { score: 3, evidence: ["SK 1/2024"] },
        new: { score: 4, evidence: ["SK 1/2024"] },
      },
      {
        by: "Budi Santoso",
        new: { score: 4, evidence: ["SK 1/2024"], note: "Perda terbit Maret" },
      },
    ]);
  });

  it("shows an edit made outside kuesioner as not yet recorded, and fill records it on the next open", async () => {
    await kuesioner(
      ["fill", "mini.yaml", "--out", "x.yaml", "--region", "R", "--year", "2024", "--profile", "reguler"],
      [select("level:3"), ...noExtras, input("q")],
    );
    const text = await readFile(join(dir, "x.yaml"), "utf8");
    await writeFile(join(dir, "x.yaml"), text.replace("bl-masterplan: 3", "bl-masterplan: 1"));
    const shown = await kuesioner(["history", "x.yaml", "bl-masterplan", "--lang", "en"]);
    expect(shown.stdout).toMatch(
      /\(not yet recorded\)\s+-\s+reconcile: changed outside kuesioner\s+bl-masterplan\s+3 → 1/,
    );
    expect(shown.stdout).toContain('the "not yet recorded" rows are recorded when the file is next opened');
    await kuesioner(["fill", "--out", "x.yaml"], [select("cmd:quit")]);
    const json = JSON.parse((await kuesioner(["history", "x.yaml", "bl-masterplan", "--format", "json"])).stdout);
    expect(json.entries.map((e: { recorded: boolean; reason: string }) => [e.recorded, e.reason])).toEqual([
      [true, null],
      [true, "outside"],
    ]);
  });

  it("says when a file has no history, and fails for a file that does not exist", async () => {
    await writeFile(join(dir, "a.yaml"), "questionnaire: ./mini.yaml\nanswers: {}\n");
    const none = await kuesioner(["history", "a.yaml", "--lang", "en"]);
    expect([none.code, none.stdout, none.stderr]).toEqual([
      0,
      "",
      "a.yaml has no history yet: kuesioner fill or verify never changed it.\n",
    ]);
    const missing = await kuesioner(["history", "nope.yaml", "--lang", "en"]);
    expect([missing.code, missing.stderr]).toEqual([1, "kuesioner: nope.yaml does not exist, and it has no history\n"]);
  });

  it("warns about a damaged line in the history and shows the rest", async () => {
    await kuesioner(
      ["fill", "mini.yaml", "--out", "x.yaml", "--region", "R", "--year", "2024", "--profile", "reguler"],
      [select("level:2"), ...noExtras, input("q")],
    );
    const log = join(dir, "x.yaml.history.jsonl");
    await writeFile(log, `not json\n${await readFile(log, "utf8")}`);
    const shown = await kuesioner(["history", "x.yaml", "--lang", "en"]);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toBe("x.yaml.history.jsonl:1: warning: not a JSON line; line skipped\n");
    expect(shown.stdout).toMatch(/bl-masterplan\s+- → 2/);
    await writeFile(log, `{"seq": "satu"}\n${await readFile(log, "utf8")}`);
    const id = await kuesioner(["history", "x.yaml", "--lang", "id"]);
    expect(id.stderr).toBe(
      "x.yaml.history.jsonl:1: peringatan: bukan entri riwayat; baris dilewati\n" +
        "x.yaml.history.jsonl:2: peringatan: bukan baris JSON; baris dilewati\n",
    );
  });

  it("lists the first thousand damaged lines of a log and counts the rest, as for every file", async () => {
    await kuesioner(
      ["fill", "mini.yaml", "--out", "x.yaml", "--region", "R", "--year", "2024", "--profile", "reguler"],
      [select("level:2"), ...noExtras, input("q")],
    );
    // A log with another file's bytes appended (here 1,500 lines of CSV): a problem on every line.
    const log = join(dir, "x.yaml.history.jsonl");
    const rows = Array.from({ length: 1500 }, (_, i) => `Kota ${i + 1};2024;3,06\n`).join("");
    const entries = await readFile(log, "utf8");
    await writeFile(log, `${entries}${rows}`);
    const first = entries.split("\n").length;
    const en = await kuesioner(["history", "x.yaml", "--lang", "en"]);
    expect(en.code).toBe(0);
    const warnings = en.stderr.split("\n").slice(0, -1);
    expect(warnings).toHaveLength(1001);
    expect(warnings[999]).toBe(`x.yaml.history.jsonl:${first + 999}: warning: not a JSON line; line skipped`);
    expect(warnings[1000]).toBe(
      `x.yaml.history.jsonl:${first + 1000}: warning: and 500 more lines skipped from here on, not shown`,
    );
    expect(en.stdout).toMatch(/bl-masterplan\s+- → 2/);
    const id = await kuesioner(["history", "x.yaml", "--lang", "id"]);
    expect(id.stderr.split("\n").at(-2)).toBe(
      `x.yaml.history.jsonl:${first + 1000}: peringatan: 500 baris lagi dilewati mulai dari sini, tidak ditampilkan`,
    );
    const json = JSON.parse((await kuesioner(["history", "x.yaml", "--format", "json"])).stdout);
    expect(json.problems).toHaveLength(1000);
    expect(json.problemsNotShown).toBe(500);
  });

  it("refuses a log that is not a file or is too large, at once and in both languages", async () => {
    await writeFile(join(dir, "a.yaml"), "questionnaire: ./mini.yaml\nanswers: {}\n");
    const log = join(dir, "a.yaml.history.jsonl");
    // A named pipe no one writes to: opened without blocking, so refused instead of waited on.
    execFileSync("mkfifo", [log]);
    const pipe = await kuesioner(["history", "a.yaml", "--lang", "en"]);
    expect([pipe.code, pipe.stderr]).toEqual([
      1,
      "kuesioner: cannot read a.yaml.history.jsonl: it is a named pipe (FIFO), expected a history log (a text file)\n",
    ]);
    await rm(log);
    // A link to a device that never ends: refused before reading, not read until memory runs out.
    await symlink("/dev/zero", log);
    const device = await kuesioner(["history", "a.yaml", "--lang", "id"]);
    expect([device.code, device.stderr]).toEqual([
      1,
      "kuesioner: a.yaml.history.jsonl tidak dapat dibaca: ini perangkat, seharusnya catatan riwayat (berkas teks)\n",
    ]);
    await rm(log);
    // Past 64 MiB (a sparse file: no disk used).
    await writeFile(log, "");
    await truncate(log, 64 * 1024 * 1024 + 1);
    const large = await kuesioner(["history", "a.yaml", "--lang", "en"]);
    expect([large.code, large.stderr]).toEqual([
      1,
      "kuesioner: a.yaml.history.jsonl is larger than 64 MiB: too large for a history log\n" +
        "  hint: move it aside (the answers are not in it) and kuesioner starts a new one\n",
    ]);
    // fill reads the same log before its first question: refused the same way, nothing written.
    const fill = await kuesioner(["fill", "--out", "a.yaml", "--lang", "en"]);
    expect(fill.code).toBe(1);
    // Named as the user named the answer file, as every other message of fill names it.
    expect(fill.stderr).toBe(
      "kuesioner: a.yaml.history.jsonl is larger than 64 MiB: too large for a history log\n" +
        "  hint: move it aside (the answers are not in it) and kuesioner starts a new one\n",
    );
    expect(await readFile(join(dir, "a.yaml"), "utf8")).toBe("questionnaire: ./mini.yaml\nanswers: {}\n");
  });
});
