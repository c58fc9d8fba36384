import { execFileSync } from "node:child_process";
import { lstat, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { AnswerStore, hasOwnComments, serializeAnswerFile } from "../../src/io/answer-store.js";
import { answerFileSchema, type AnswerFile } from "../../src/model/answers.js";

const order = ["bl-1", "bl-2", "im-1", "im-2"];
const sample: AnswerFile = {
  // Keys deliberately out of order: the output order must not depend on it.
  answers: {
    "im-2": { survey: { mean: 2.8, respondents: 50 } },
    "im-1": { note: "two lines:\nsecond", survey: { counts: { 4: 15, 0: 1, 2: 10 } } },
    "bl-1": { evidence: ["Perbup No. 27 Tahun 2024", "https://jdih.example/a?b=1#x"], score: 3 },
    "bl-2": 2,
    "old-q": 1,
  },
  status: "draft",
  respondent: { year: 2024, region: "Kabupaten Buleleng" },
  questionnaire: "smart-city-2023",
  questionnaireSha256: "a".repeat(64),
  questionnaireVersion: "2023.1",
  profile: "reguler",
  cursor: "im-1",
  questionDigests: { "bl-1": "123456789012", "bl-2": "1e1234567890" },
};

describe("serializeAnswerFile", () => {
  it("writes keys in a fixed order, answers in questionnaire order, surveys on one line", () => {
    expect(
      serializeAnswerFile(sample, {
        questionOrder: order,
        comment: " yaml-language-server: $schema=./answers.schema.json",
      }),
    ).toBe(
      `# yaml-language-server: $schema=./answers.schema.json

questionnaire: smart-city-2023
questionnaireVersion: "2023.1"
questionnaireSha256: ${"a".repeat(64)}
profile: reguler
status: draft
respondent:
  region: Kabupaten Buleleng
  year: 2024
cursor: im-1
answers:
  bl-1:
    score: 3
    evidence:
      - Perbup No. 27 Tahun 2024
      - https://jdih.example/a?b=1#x
  bl-2: 2
  im-1:
    survey: { counts: { 0: 1, 2: 10, 4: 15 } }
    note: |-
      two lines:
      second
  im-2:
    survey: { mean: 2.8, respondents: 50 }
  old-q: 1
# Fingerprints of the questions, so that fill can tell which ones a later questionnaire version changed.
questionDigests:
  bl-1: "123456789012"
  bl-2: "1e1234567890"
`,
    );
  });

  it("reads back as the same answers, in YAML and in JSON", () => {
    for (const json of [false, true]) {
      const text = serializeAnswerFile(sample, { questionOrder: order, json });
      const back = answerFileSchema.parse(json ? JSON.parse(text) : parse(text));
      expect(back).toEqual(sample);
    }
  });

  it("gives the same bytes for the same answers", () => {
    const again = serializeAnswerFile(structuredClone(sample), { questionOrder: order });
    expect(again).toBe(serializeAnswerFile(sample, { questionOrder: order }));
  });
});

describe("hasOwnComments", () => {
  it("ignores the comments fill writes and finds the officer's", () => {
    const ours = serializeAnswerFile(sample, {
      questionOrder: order,
      comment: " yaml-language-server: $schema=x.json",
    });
    expect(hasOwnComments(ours)).toBe(false);
    expect(hasOwnComments(ours.replace("  bl-2: 2", "  bl-2: 2 # checked with Bappeda"))).toBe(true);
    expect(hasOwnComments("# draft from the meeting\nquestionnaire: x\nanswers: {}\n")).toBe(true);
  });
});

describe("AnswerStore", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "kuesioner-store-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates the file, leaves no temporary file, and skips saves that change nothing", async () => {
    const file = join(dir, "a.yaml");
    const store = new AnswerStore(file, { questionOrder: order });
    expect(await store.save(sample)).toBe(true);
    expect(await store.save(structuredClone(sample))).toBe(false);
    expect(await store.save({ ...sample, cursor: "im-2" })).toBe(true);
    expect(await readdir(dir)).toEqual(["a.yaml"]);
    expect(answerFileSchema.parse(parse(await readFile(file, "utf8"))).cursor).toBe("im-2");
  });

  it("says plainly why a save failed", async () => {
    const store = new AnswerStore(join(dir, "gone", "a.yaml"), { questionOrder: order, display: "gone/a.yaml" });
    await expect(store.save(sample)).rejects.toThrow("cannot save gone/a.yaml: its folder does not exist");
  });

  it("writes JSON for a .json file", async () => {
    const file = join(dir, "a.json");
    await new AnswerStore(file, { questionOrder: order }).save(sample);
    expect(answerFileSchema.parse(JSON.parse(await readFile(file, "utf8")))).toEqual(sample);
  });

  it("does not overwrite a file another program changed since it was opened", async () => {
    const file = join(dir, "a.yaml");
    const store = new AnswerStore(file, { questionOrder: order });
    await store.save(sample);
    await writeFile(file, "questionnaire: edited-elsewhere\nanswers: {}\n");
    await expect(store.save({ ...sample, cursor: "bl-1" })).rejects.toThrow(/changed by another program/);
    expect(await readFile(file, "utf8")).toBe("questionnaire: edited-elsewhere\nanswers: {}\n");
  });

  it("refuses, instead of waiting on it, a named pipe or a huge file put in the file's place while it was open", async () => {
    const file = join(dir, "a.yaml");
    const store = new AnswerStore(file, { questionOrder: order, display: "a.yaml" });
    await store.save(sample);
    await rm(file);
    execFileSync("mkfifo", [file]);
    // No program writes to the pipe: read as readFile reads, the save never ended.
    await expect(store.save({ ...sample, cursor: "bl-1" })).rejects.toThrow(
      "a.yaml was changed by another program while fill was running; not overwriting it",
    );
    expect((await lstat(file)).isFIFO()).toBe(true);
    await rm(file);
    // Past the answer files' limit (a sparse file: no disk used).
    await writeFile(file, "");
    await truncate(file, 5 * 1024 * 1024 + 1);
    await expect(store.save({ ...sample, cursor: "bl-2" })).rejects.toThrow(/changed by another program/);
    expect((await stat(file)).size).toBe(5 * 1024 * 1024 + 1);
  });

  it("does not overwrite a file that appeared after it was found missing", async () => {
    const file = join(dir, "a.yaml");
    const store = new AnswerStore(file, { questionOrder: order });
    await writeFile(file, "questionnaire: someone-else\nanswers: {}\n");
    await expect(store.save(sample)).rejects.toThrow(/changed by another program/);
  });

  it("accepts the file it opened even when it starts with a byte-order mark", async () => {
    const file = join(dir, "a.yaml");
    const original = "\uFEFFquestionnaire: smart-city-2023\nanswers: {}\n";
    await writeFile(file, original);
    const store = new AnswerStore(file, { questionOrder: order, originalText: original });
    expect(await store.save(sample)).toBe(true);
  });

  it("copies a file with the officer's own comments to FILE.bak before rewriting it, never replacing an older backup", async () => {
    const file = join(dir, "a.yaml");
    const original =
      "# from the kick-off meeting\nquestionnaire: smart-city-2023\nanswers:\n  bl-1: 3 # Perbup 27/2024\n";
    await writeFile(file, original);
    await writeFile(`${file}.bak`, "older backup");
    const backups: string[] = [];
    const store = new AnswerStore(file, {
      questionOrder: order,
      originalText: original,
      onBackup: (b) => backups.push(b),
    });
    await store.save(sample);
    await store.save({ ...sample, cursor: "bl-2" });
    expect(backups).toEqual([`${file}.bak.2`]);
    expect(await readFile(`${file}.bak.2`, "utf8")).toBe(original);
    expect(await readFile(`${file}.bak`, "utf8")).toBe("older backup");
  });
});
