import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AnswerStore } from "../../src/io/answer-store.js";
import { AuditLog, historyFileOf, readAuditLog } from "../../src/io/audit-log.js";
import type { AnswerFile } from "../../src/model/answers.js";
import { auditStateOf, auditStatesEqual, diffAnswerFiles, replayAudit } from "../../src/model/audit.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kuesioner-audit-"));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const base: AnswerFile = {
  questionnaire: "mini",
  status: "draft",
  respondent: { region: "Kota X", year: 2024 },
  answers: {},
};
const clock = () => {
  let tick = 0;
  return () => new Date(Date.UTC(2024, 9, 28, 9, 0, tick++));
};
const logOf = (file: string, by = "Sari") => new AuditLog(file, { by, command: "fill", now: clock() });

describe("the audit trail's changes (pure)", () => {
  it("lists changed fields and answers, ignoring the cursor and key order", () => {
    const after: AnswerFile = {
      ...base,
      cursor: "q2",
      status: "final",
      answers: { q1: { evidence: ["SK 1"], score: 3 }, q2: 2 },
    };
    const before: AnswerFile = { ...base, cursor: "q1", answers: { q1: { score: 3, evidence: ["SK 1"] }, q3: 1 } };
    expect(diffAnswerFiles(before, after)).toEqual([
      { field: "status", old: "draft", new: "final" },
      { question: "q2", old: null, new: 2 },
      { question: "q3", old: 1, new: null },
    ]);
  });

  it("replays a log of changes into the file they describe", () => {
    const one: AnswerFile = { ...base, answers: { q1: 3 } };
    const two: AnswerFile = { ...one, answers: { q1: { score: 2, note: "turun" } } };
    const changes = [...diffAnswerFiles(undefined, one), ...diffAnswerFiles(one, two)];
    expect(auditStatesEqual(replayAudit(changes), auditStateOf(two))).toBe(true);
  });
});

describe("AuditLog and AnswerStore", () => {
  it("records every change with its save number, time and author before the file is written", async () => {
    const file = join(dir, "a.yaml");
    const audit = logOf(file);
    await audit.reconcile(undefined);
    const store = new AnswerStore(file, { questionOrder: ["q1", "q2"], audit });
    await store.save(base);
    await store.save({ ...base, answers: { q1: 3 } });
    await store.save({ ...base, cursor: "q2", answers: { q1: 3 } }); // only the cursor: nothing to record
    await store.save({ ...base, answers: { q1: { score: 4, note: "Perda terbit" } } });
    const { entries } = await readAuditLog(historyFileOf(file));
    expect(entries.map((e) => [e.seq, e.time, e.by, e.field ?? e.question, e.old, e.new])).toEqual([
      [1, "2024-10-28T09:00:01.000Z", "Sari", "questionnaire", null, "mini"],
      [1, "2024-10-28T09:00:01.000Z", "Sari", "status", null, "draft"],
      [1, "2024-10-28T09:00:01.000Z", "Sari", "respondent", null, { region: "Kota X", year: 2024 }],
      [2, "2024-10-28T09:00:02.000Z", "Sari", "q1", null, 3],
      [3, "2024-10-28T09:00:03.000Z", "Sari", "q1", 3, { score: 4, note: "Perda terbit" }],
    ]);
  });

  it("after a kill between the log and the file, records the lost save as unsaved on the next open", async () => {
    const file = join(dir, "a.yaml");
    const audit = logOf(file);
    await audit.reconcile(undefined);
    const saved: AnswerFile = { ...base, answers: { q1: 3 } };
    await new AnswerStore(file, { questionOrder: ["q1"], audit }).save(saved);
    // The log got the next change, the file never did.
    await audit.record(saved, { ...saved, answers: { q1: 1 } });
    const reopened = logOf(file, "Budi");
    const added = await reopened.reconcile(saved);
    expect(added.map((e) => [e.by, e.command, e.reason, e.question, e.old, e.new])).toEqual([
      [null, "reconcile", "unsaved", "q1", 1, 3],
    ]);
    const { entries } = await readAuditLog(historyFileOf(file));
    expect(auditStatesEqual(replayAudit(entries), auditStateOf(saved))).toBe(true);
    expect(await reopened.reconcile(saved)).toEqual([]);
  });

  it("records an edit made outside kuesioner, and a file older than its history, as changed outside", async () => {
    const file = join(dir, "a.yaml");
    const audit = logOf(file);
    expect(
      (await audit.reconcile({ ...base, answers: { q1: 2 } })).map((e) => [e.reason, e.field ?? e.question]),
    ).toEqual([
      ["outside", "questionnaire"],
      ["outside", "status"],
      ["outside", "respondent"],
      ["outside", "q1"],
    ]);
    const edited = await logOf(file).reconcile({ ...base, answers: { q1: 4 } });
    expect(edited.map((e) => [e.reason, e.question, e.old, e.new])).toEqual([["outside", "q1", 2, 4]]);
  });

  it("skips a line torn by a kill while appending, and starts the next entry on a line of its own", async () => {
    const file = join(dir, "a.yaml");
    const audit = logOf(file);
    await audit.reconcile(undefined);
    await audit.record(undefined, { ...base, answers: { q1: 3 } });
    await appendFile(historyFileOf(file), '{"seq":2,"time":"2024-10-28T09:00:05');
    const read = await readAuditLog(historyFileOf(file));
    expect([read.torn, read.problems, read.entries.length]).toEqual([true, [], 4]);
    await logOf(file).reconcile({ ...base, answers: { q1: 2 } });
    const after = await readAuditLog(historyFileOf(file));
    expect([after.torn, after.entries.at(-1)?.question, after.entries.at(-1)?.new]).toEqual([false, "q1", 2]);
    expect(after.problems).toEqual([{ line: 5, reason: "not-json", message: "not a JSON line" }]);
  });

  it("refuses to change the file when the change cannot be recorded", async () => {
    const file = join(dir, "a.yaml");
    await writeFile(file, "questionnaire: mini\nanswers: {}\n");
    const audit = new AuditLog(join(dir, "no", "such", "a.yaml"), { by: "x", command: "fill", now: clock() });
    const store = new AnswerStore(file, {
      questionOrder: [],
      audit,
      originalText: "questionnaire: mini\nanswers: {}\n",
      opened: { questionnaire: "mini", answers: {} },
    });
    await expect(store.save({ questionnaire: "mini", answers: { q1: 3 } })).rejects.toThrow(
      /cannot record the change in .*history\.jsonl \(ENOENT\); the answer file was not changed/,
    );
    expect(await readFile(file, "utf8")).toBe("questionnaire: mini\nanswers: {}\n");
  });
});
