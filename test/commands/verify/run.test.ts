import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { readAuditLog } from "../../../src/io/audit-log.js";
import { run } from "../../../src/main.js";
import { answerFileSchema, type AnswerFile } from "../../../src/model/answers.js";
import { regionAnswers } from "./region-answers.js";
import { cancel, confirm, input, ScriptedPrompter, scriptedIO, select, type Step } from "../fill/scripted-prompter.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kuesioner-verify-"));
  await copyFile("fixtures/fill/mini.yaml", join(dir, "mini.yaml"));
  await writeFile(join(dir, "jawaban-kota-kediri-2024.yaml"), stringify(self));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const self = regionAnswers;
const SELF = "jawaban-kota-kediri-2024.yaml";

async function kuesioner(argv: string[], steps: Step[] = [], options: { tty?: boolean } = {}) {
  const prompter = new ScriptedPrompter(steps);
  const { io, stdout, stderr } = scriptedIO(dir, prompter, options);
  io.now = () => new Date("2024-05-06T07:08:09Z");
  const code = await run(argv, io);
  if (prompter.remaining > 0)
    throw new Error(`exit ${code} with ${prompter.remaining} steps left\n${stdout()}\n${stderr()}`);
  return { code, stdout: stdout(), stderr: stderr() };
}
const verify = (argv: string[], steps: Step[] = [], options: { tty?: boolean } = {}) =>
  kuesioner(["verify", SELF, ...argv], steps, options);

const read = (name: string) => readFile(join(dir, name), "utf8");
const answersIn = async (name: string) => answerFileSchema.parse(parse(await read(name)));
/** One score for every question of the mini questionnaire, no notes. */
const scores = (...levels: number[]): Step[] => levels.flatMap((l) => [select(`level:${l}`), input("")]);

describe("kuesioner verify", () => {
  it("refuses to run without a terminal, at once and without touching anything", async () => {
    const result = await verify(["--assessor", "Ani", "--lang", "id"], [], { tty: false });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("verify membutuhkan terminal");
    expect((await readdir(dir)).sort()).toEqual([SELF, "mini.yaml"]);
  });

  it("writes the assessor's own file beside the answers, records who changed what, and resumes there", async () => {
    const first = await verify(
      ["--assessor", "Dr. Ani Wijaya", "--lang", "en"],
      [select("level:3"), input("Perda belum ada"), cancel()],
    );
    expect(first.code).toBe(130);
    const file = "jawaban-kota-kediri-2024.verifikasi-dr-ani-wijaya.yaml";
    expect(first.stdout).toContain(`The scores of Dr. Ani Wijaya are saved to ${file} after every score.`);
    expect(first.stderr).toContain(
      `Saved to ${file}.\nResume with: kuesioner verify ${SELF} --assessor 'Dr. Ani Wijaya'\n`,
    );
    // The region's answers are never written.
    expect(parse(await read(SELF))).toEqual(self);
    const saved = await answersIn(file);
    expect(saved).toMatchObject({ assessor: "Dr. Ani Wijaya", status: "draft", cursor: "bl-programmes" });
    expect(saved.answers["bl-masterplan"]).toEqual({
      score: 4,
      evidence: ["Perbup No. 27 Tahun 2024"],
      assessors: [{ name: "Dr. Ani Wijaya", score: 3, note: "Perda belum ada" }],
    });
    const log = await readAuditLog(join(dir, `${file}.history.jsonl`));
    expect(log.problems).toEqual([]);
    expect(new Set(log.entries.map((e) => `${e.by}/${e.command}`))).toEqual(new Set(["Dr. Ani Wijaya/verify"]));
    expect(log.entries.some((e) => e.question === "bl-masterplan")).toBe(true);

    const second = await verify(
      ["--assessor", "dr. ani  wijaya", "--as", "sekretariat", "--lang", "en"],
      [select("level:2", { expectDefault: "level:3" }), input(""), select("cmd:quit")],
    );
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`Resuming ${file}: 1 of 5 questions scored.`);
    const entries = (await readAuditLog(join(dir, `${file}.history.jsonl`))).entries;
    expect(entries.at(-1)?.by).toBe("sekretariat");
    expect((await answersIn(file)).answers["bl-programmes"]).toEqual({
      value: 7,
      assessors: [{ name: "Dr. Ani Wijaya", score: 2 }],
    });
  });

  it("finishes with the report of the assessor's file and the merge command", async () => {
    const result = await verify(
      ["--assessor", "Budi", "--out", "budi.yaml", "--lang", "en"],
      [...scores(3, 2, 2, 3, 3), select("finish")],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Saved to budi.yaml and marked final. Run kuesioner verify jawaban-kota-kediri-2024.yaml --assessor Budi --out budi.yaml to reopen it.",
    );
    expect(result.stdout).toContain(
      `When every assessor has finished: kuesioner merge ${SELF} budi.yaml … --out panel-kota-kediri-2024.yaml`,
    );
    expect(result.stdout).toMatch(/Final score/);
    expect((await answersIn("budi.yaml")).status).toBe("final");

    // Reopening a final file is asked; declining leaves it as it was.
    const before = await read("budi.yaml");
    const declined = await verify(
      ["--assessor", "Budi", "--out", "budi.yaml", "--lang", "en"],
      [confirm(false, /budi\.yaml is marked final/)],
    );
    expect(declined.code).toBe(0);
    expect(await read("budi.yaml")).toBe(before);
  });

  it("gives a question scored 3, 3, 3, 3 and 2 by five assessors the score 2.8 after merge", async () => {
    const panel = ["Ani", "Budi", "Citra", "Dewi", "Eko"];
    for (const [i, name] of panel.entries()) {
      const result = await verify(
        ["--assessor", name, "--lang", "id"],
        [...scores(i === 4 ? 2 : 3, 2, 2, 3, 3), select("finish")],
      );
      expect(result.code, result.stderr).toBe(0);
    }
    const files = panel.map((n) => `jawaban-kota-kediri-2024.verifikasi-${n.toLowerCase()}.yaml`);
    const merged = await kuesioner(["merge", SELF, ...files, "--out", "panel.yaml", "--lang", "en"]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toBe("");
    const scored = await kuesioner(["score", "panel.yaml", "--format", "json"]);
    expect(scored.code, scored.stderr).toBe(0);
    const json = JSON.parse(scored.stdout) as { questions: { id: string; scoreExact: string; selfExact: string }[] };
    const question = json.questions.find((q) => q.id === "bl-masterplan")!;
    expect(question).toMatchObject({ scoreExact: "14/5", selfExact: "4" });
  });

  describe("refuses, writing nothing,", () => {
    const ani = ["--assessor", "Ani", "--lang", "en"];
    it("an assessor's file given as the region's answers", async () => {
      await writeFile(join(dir, "a.yaml"), stringify({ ...self, assessor: "Budi" }));
      const result = await kuesioner(["verify", "a.yaml", ...ani]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("a.yaml is the file of assessor Budi, not a region's answers");
    });

    it("--out naming the region's answers themselves", async () => {
      const result = await verify([...ani, "--out", SELF]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--out ${SELF} is the region's answer file itself`);
    });

    it("a file that is not an answer file, and one whose questionnaire is unknown", async () => {
      await writeFile(join(dir, "notes.yaml"), "- just\n- a list\n");
      const notes = await kuesioner(["verify", "notes.yaml", ...ani]);
      expect(notes.code).toBe(1);
      expect(notes.stderr).toMatch(/notes\.yaml:1:1: error/);
      await writeFile(join(dir, "lost.yaml"), stringify({ ...self, questionnaire: "smart-city-1999" }));
      const lost = await kuesioner(["verify", "lost.yaml", ...ani]);
      expect(lost.code).toBe(1);
      expect(lost.stderr).toMatch(/lost\.yaml:\d+:\d+: error: .*smart-city-1999/);
    });

    it("an assessor's file of another assessor, region, year or questionnaire, or one that is not an assessor's", async () => {
      const started = { ...self, status: "draft", assessor: "Budi", answers: {} };
      const cases: [AnswerFile, RegExp][] = [
        [started as AnswerFile, /holds the scores of assessor Budi, not Ani/],
        [
          { ...started, assessor: "Ani", respondent: { region: "Kota Malang", year: 2024 } } as AnswerFile,
          /is for region Kota Malang, but the answers are for Kota Kediri/,
        ],
        [
          { ...started, assessor: "Ani", respondent: { region: "Kota Kediri", year: 2023 } } as AnswerFile,
          /is for year 2023, but the answers are for 2024/,
        ],
        [
          { ...started, assessor: "Ani", questionnaire: "smart-city-2023" } as AnswerFile,
          /was started with questionnaire smart-city-2023, but the answers use mini\.yaml/,
        ],
        [self, /theirs\.yaml is not an assessor's file/],
      ];
      for (const [file, message] of cases) {
        const text = stringify(file);
        await writeFile(join(dir, "theirs.yaml"), text);
        const result = await verify([...ani, "--out", "theirs.yaml"]);
        expect(result.code, result.stderr).toBe(1);
        expect(result.stderr).toMatch(message);
        expect(await read("theirs.yaml")).toBe(text);
      }
      expect((await readdir(dir)).filter((f) => f.endsWith(".jsonl"))).toEqual([]);
    });
    // Found by the input fuzzer (issue 14): a bidi isolate in --assessor reached the screen and the
    // resume command raw, and another assessor's hostile name came back in the refusal as it was.
    it("a name with control or bidi characters, and shows a hostile name from a file escaped", async () => {
      for (const name of ["\u2066Ani\u2069", "Ani\u001b[2J", "Ani\u202e"]) {
        const result = await verify(["--assessor", name, "--lang", "en"]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain("--assessor: a name is one line without control characters");
      }
      const asOther = await verify(["--assessor", "Ani", "--as", "Ani\u2028Budi"]);
      expect(asOther.code).toBe(2);
      await writeFile(
        join(dir, "theirs.yaml"),
        stringify({ ...self, status: "draft", assessor: "Budi\u001b[2J\u202e" }),
      );
      const other = await verify(["--assessor", "Ani", "--lang", "en", "--out", "theirs.yaml"]);
      expect(other.code).toBe(1);
      expect(other.stderr).toContain("holds the scores of assessor Budi\\x1b[2J\\u202e, not Ani");
      expect((await readdir(dir)).sort()).toEqual([SELF, "mini.yaml", "theirs.yaml"]);
    });
  });
});
