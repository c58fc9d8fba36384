import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
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
});
