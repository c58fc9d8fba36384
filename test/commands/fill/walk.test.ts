import { beforeAll, describe, expect, it } from "vitest";
import { CancelledError } from "../../../src/errors.js";
import { loadQuestionnaireFile } from "../../../src/io/load-questionnaire.js";
import { walkQuestionnaire, type WalkEnd } from "../../../src/walk/walk.js";
import { answerFileSchema, type AnswerFile } from "../../../src/model/answers.js";
import type { Questionnaire } from "../../../src/model/questionnaire.js";
import { cancel, confirm, input, ScriptedPrompter, select, type Step } from "./scripted-prompter.js";

let questionnaire: Questionnaire;
let smartCity: Questionnaire;
beforeAll(async () => {
  const loaded = await loadQuestionnaireFile("fixtures/fill/mini.yaml");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  questionnaire = loaded.value.questionnaire;
  const shipped = await loadQuestionnaireFile("questionnaires/smart-city-2023.yaml");
  if (!shipped.ok) throw new Error(JSON.stringify(shipped.diagnostics));
  smartCity = shipped.value.questionnaire;
});

const blank = (more: Partial<AnswerFile> = {}): AnswerFile => ({
  questionnaire: "mini.yaml",
  profile: "reguler",
  status: "draft",
  answers: {},
  ...more,
});
/** Evidence and note left as they are. */
const noExtras: Step[] = [input(""), input("")];

interface Run {
  end?: WalkEnd;
  error?: unknown;
  saves: { file: AnswerFile; afterPrompts: number }[];
  output: string;
  prompter: ScriptedPrompter;
}

async function walk(
  steps: Step[],
  file: AnswerFile = blank(),
  options: { lang?: "id" | "en"; profile?: string; questionnaire?: Questionnaire; details?: boolean } = {},
): Promise<Run> {
  const prompter = new ScriptedPrompter(steps);
  const run: Run = { saves: [], output: "", prompter };
  const lang = options.lang ?? "en";
  try {
    run.end = await walkQuestionnaire(
      {
        questionnaire: options.questionnaire ?? questionnaire,
        profile: options.profile ?? "reguler",
        ...(options.details !== undefined ? { details: options.details } : {}),
        lang,
        prompter,
        width: 80,
        screen: { lang, color: false, width: 80 },
        write: (text) => {
          run.output += text;
        },
        save: async (saved) => {
          // What reaches the disk must always be a valid answer file.
          answerFileSchema.parse(saved);
          run.saves.push({ file: structuredClone(saved), afterPrompts: prompter.transcript.length });
        },
      },
      file,
    );
  } catch (error) {
    run.error = error;
  }
  if (prompter.remaining > 0)
    throw new Error(`the walk stopped with ${prompter.remaining} steps left: ${String(run.error)}`);
  return run;
}

const lastSave = (run: Run) => run.saves[run.saves.length - 1]!.file;

describe("the Impact survey without retyping", () => {
  const impact = (more: Partial<AnswerFile> = {}) =>
    blank({ questionnaire: "smart-city-2023", cursor: "im-gov-ps-online", ...more });

  it("counts a mean typed alone with the respondents last typed for the same pillar", async () => {
    const run = await walk(
      [
        input("2,8", { rejected: /number of respondents/ }),
        input("2,8 48"),
        ...noExtras,
        input("3,1", { message: /mean alone counts 48 respondents/ }),
        ...noExtras,
        input("0:2 1:3 2:10 3:20 4:15"),
        ...noExtras,
        input("2,5", { message: /counts 50 respondents/ }),
        ...noExtras,
        input("q"),
      ],
      impact(),
      { questionnaire: smartCity },
    );
    expect(lastSave(run).answers).toEqual({
      "im-gov-ps-online": { survey: { mean: 2.8, respondents: 48 } },
      "im-gov-ps-transparent": { survey: { mean: 3.1, respondents: 48 } },
      "im-gov-ps-faster-cheaper": { survey: { counts: { 0: 2, 1: 3, 2: 10, 3: 20, 4: 15 } } },
      "im-gov-pp-participation": { survey: { mean: 2.5, respondents: 50 } },
    });
  });

  it("takes the count from the file when resuming, and never from another pillar", async () => {
    const branding = smartCity.elements
      .flatMap((e) => e.questions)
      .find((q) => q.kind === "survey" && q.pillar === "branding")!;
    const resumed = await walk(
      [input("3", { message: /counts 45 respondents/ }), input(""), input(""), input("q")],
      impact({
        cursor: "im-gov-ps-transparent",
        answers: { "im-gov-ps-online": { survey: { mean: 2, respondents: 45 } } },
      }),
      { questionnaire: smartCity },
    );
    expect(lastSave(resumed).answers["im-gov-ps-transparent"]).toEqual({ survey: { mean: 3, respondents: 45 } });
    const other = await walk(
      [input("3", { rejected: /number of respondents/ }), input("q")],
      impact({ cursor: branding.id, answers: { "im-gov-ps-online": { survey: { mean: 2, respondents: 45 } } } }),
      { questionnaire: smartCity },
    );
    expect(other.prompter.transcript[0]!.message).toBe("Survey result");
  });
});

describe("Impact answers imported from the survey responses", () => {
  const counts = { 0: 1, 1: 4, 2: 10, 3: 20, 4: 15 };
  const imported = (more: Partial<AnswerFile> = {}) =>
    blank({
      questionnaire: "smart-city-2023",
      cursor: "im-gov-ps-online",
      answers: {
        "im-gov-ps-online": { survey: { counts, imported: ["tata-kelola.xlsx"] } },
        "im-gov-ps-transparent": { survey: { counts: { 3: 50 }, imported: ["tata-kelola.xlsx"] }, note: "cek" },
        "im-gov-ps-faster-cheaper": { survey: { counts, imported: ["tata-kelola.xlsx"] } },
      },
      ...more,
    });

  it("shows their counts and means and asks the next question, in Indonesian too", async () => {
    const run = await walk([input("q", { message: /Survey result/ })], imported(), { questionnaire: smartCity });
    expect(run.output).toContain(
      "3 survey statements imported from tata-kelola.xlsx; not asked again:\n" +
        "  im-gov-ps-online  mean 2.88 · 50 respondents · 0:1 1:4 2:10 3:20 4:15\n" +
        "  im-gov-ps-transparent  mean 3.00 · 50 respondents · 3:50\n",
    );
    expect(run.prompter.transcript).toHaveLength(1);
    expect(run.output).toContain("im-gov-pp-participation");
    const id = await walk([input("q")], imported(), { questionnaire: smartCity, lang: "id" });
    expect(id.output).toContain("  im-gov-ps-online  rata-rata 2,88 · 50 responden · 0:1 1:4 2:10 3:20 4:15");
  });

  it("asks an imported statement when the officer steps back to it or picks it in the review", async () => {
    const run = await walk(
      [input("<"), input("3,2 50", { message: /Survey result/ }), ...noExtras, input("q")],
      imported(),
      { questionnaire: smartCity },
    );
    expect(lastSave(run).answers["im-gov-ps-faster-cheaper"]).toEqual({ survey: { mean: 3.2, respondents: 50 } });
    expect(lastSave(run).answers["im-gov-ps-online"]).toEqual({ survey: { counts, imported: ["tata-kelola.xlsx"] } });
  });

  it("asks again a statement whose imported counts are not valid", async () => {
    const run = await walk(
      [input("q", { message: /Survey result/ })],
      imported({ answers: { "im-gov-ps-online": { survey: { counts: { 7: 3 }, imported: ["x.csv"] } } } }),
      { questionnaire: smartCity },
    );
    expect(run.output).not.toContain("imported from");
  });
});

describe("evidence and note prompts turned off for a run", () => {
  it("asks neither after an answer with details off, yet asks both for a question changed from the review", async () => {
    const run = await walk(
      [
        select("level:3"),
        input("7"),
        input("?"),
        select("change"),
        select(0),
        select("level:4"),
        input("Perda 5/2024", { message: /Evidence/ }),
        input("", { message: /Note/ }),
        select("quit", { message: /What next/ }),
      ],
      blank(),
      { details: false },
    );
    expect(lastSave(run).answers).toEqual({
      "bl-masterplan": { score: 4, evidence: ["Perda 5/2024"] },
      "bl-programmes": { value: 7 },
    });
  });

  it("stops asking them when the officer types ! at the evidence prompt", async () => {
    const run = await walk([
      select("level:3"),
      input("!", { message: /! stops asking/ }),
      input("7"),
      input("1,5"),
      input("q"),
    ]);
    expect(run.output).toContain("Evidence and notes are no longer asked in this run");
    expect(lastSave(run).answers).toEqual({
      "bl-masterplan": 3,
      "bl-programmes": { value: 7 },
      "bl-budget": { value: 1.5 },
    });
  });
});

describe("walking the questionnaire", () => {
  it("answers every kind of question, then finishes from the review and marks the file final", async () => {
    const run = await walk([
      select("level:3"),
      input("Perbup No. 27 Tahun 2024; https://jdih.example/27"),
      input(""),
      input("7"),
      ...noExtras,
      input("1,5"),
      input(""),
      input("checked with the budget office"),
      input("0:1 1:4 2:10 3:20 4:15"),
      ...noExtras,
      select("level:2"),
      ...noExtras,
      select("finish", { message: /What next/, expectDefault: "finish" }),
    ]);
    expect(run.error).toBeUndefined();
    expect(run.end?.kind).toBe("finished");
    expect(lastSave(run)).toEqual({
      questionnaire: "mini.yaml",
      profile: "reguler",
      status: "final",
      answers: {
        "bl-masterplan": { score: 3, evidence: ["Perbup No. 27 Tahun 2024", "https://jdih.example/27"] },
        "bl-programmes": { value: 7 },
        "bl-budget": { value: 1.5, note: "checked with the budget office" },
        "im-online": { survey: { counts: { 0: 1, 1: 4, 2: 10, 3: 20, 4: 15 } } },
        "im-faster": 2,
      },
    });
    expect(run.output).toContain("Element 1 of 2: Baseline");
    expect(run.output).toContain("element 2 of 2 · question 1 of 2 · 60 % of the questionnaire answered");
    expect(run.output).toContain("→ level 3");
    expect(run.output).toContain("→ mean 2.88 from 50 respondents");
    // Baseline (3 + 3 + 2) / 3, Impact (144/50 + 2) / 2, total 40 % and 60 % of them.
    expect(run.output).toMatch(/Baseline\s+40%\s+3\/3\s+2\.67/);
    expect(run.output).toMatch(/Impact\s+60%\s+2\/2\s+2\.44/);
    expect(run.output).toContain("Provisional total: 2.53");
  });

  it("saves each answer, evidence and note before showing the next prompt", async () => {
    const run = await walk([select("level:4"), input("SK 12/2024"), input("note"), input("q")]);
    const afterAnswer = run.saves.find((s) => s.afterPrompts === 1)!.file;
    expect(afterAnswer.answers["bl-masterplan"]).toBe(4);
    const afterEvidence = run.saves.find((s) => s.afterPrompts === 2)!.file;
    expect(afterEvidence.answers["bl-masterplan"]).toEqual({ score: 4, evidence: ["SK 12/2024"] });
    const afterNote = run.saves.find((s) => s.afterPrompts === 3)!.file;
    expect(afterNote.answers["bl-masterplan"]).toEqual({ score: 4, evidence: ["SK 12/2024"], note: "note" });
    expect(run.end?.kind).toBe("quit");
    expect(lastSave(run).cursor).toBe("bl-programmes");
  });

  it("goes back to the previous question with its answer as the default", async () => {
    const run = await walk([
      select("level:1"),
      ...noExtras,
      input("<"),
      select("level:2", { expectDefault: "level:1" }),
      ...noExtras,
      input("3", { expectDefault: undefined }),
      ...noExtras,
      input("<"),
      input("", { expectDefault: "3" }),
      ...noExtras,
      input("q"),
    ]);
    expect(lastSave(run).answers).toEqual({ "bl-masterplan": 2, "bl-programmes": { value: 3 } });
    expect(lastSave(run).cursor).toBe("bl-budget");
  });

  it("does not offer going back from the first question", async () => {
    const run = await walk([select("cmd:quit")]);
    const choices = run.prompter.transcript[0]!.choices!;
    expect(choices.some((c) => c.includes("Back"))).toBe(false);
    expect(choices.some((c) => c.includes("Skip"))).toBe(true);
  });

  it("skips a question, leaving it unanswered, and asks before finishing with unanswered questions", async () => {
    const run = await walk([
      select("cmd:skip"),
      input(">"),
      input(">"),
      input(">"),
      select("cmd:skip"),
      select("finish", { expectDefault: "continue" }),
      confirm(false, /5 questions are unanswered/),
      select("finish"),
      confirm(true),
    ]);
    expect(run.end?.kind).toBe("finished");
    expect(lastSave(run).answers).toEqual({});
    expect(run.output).toContain("Provisional total: 0.00");
  });

  it("jumps to another element from the review and walks on from there", async () => {
    const run = await walk([
      select("cmd:review"),
      select("Go to Impact"),
      input("2,5 50"),
      ...noExtras,
      select("cmd:quit"),
    ]);
    expect(run.output).toMatch(/Review: Fill Test Questionnaire · Regular cohort/);
    expect(run.output).toContain("Element 2 of 2: Impact");
    expect(lastSave(run).answers).toEqual({ "im-online": { survey: { mean: 2.5, respondents: 50 } } });
    expect(lastSave(run).cursor).toBe("im-faster");
  });

  it("changes an answer picked in the review and comes back to the review", async () => {
    const file = blank({ answers: { "bl-masterplan": 1, "bl-programmes": { value: 2, evidence: ["Laporan 2023"] } } });
    const run = await walk(
      [
        input("?"),
        select("change"),
        select(1, { expectDefault: 2 }),
        input("12", { expectDefault: "2" }),
        input("", { expectDefault: "Laporan 2023" }),
        input(""),
        select("quit", { message: /What next/ }),
      ],
      { ...file, cursor: "bl-budget" },
    );
    expect(lastSave(run).answers["bl-programmes"]).toEqual({ value: 12, evidence: ["Laporan 2023"] });
    // The review's "continue" still points where the walk stood.
    expect(lastSave(run).cursor).toBe("bl-budget");
    expect(run.output).toContain("→ level 4");
  });

  it("clears an answer but keeps its evidence and note", async () => {
    const file = blank({
      cursor: "bl-programmes",
      answers: { "bl-programmes": { value: 2, evidence: ["x"], note: "n" } },
    });
    const run = await walk([input("-"), input("q")], file);
    expect(lastSave(run).answers).toEqual({ "bl-programmes": { evidence: ["x"], note: "n" } });
  });

  it("removes evidence and a note typed as -", async () => {
    const file = blank({
      cursor: "bl-masterplan",
      answers: { "bl-masterplan": { score: 2, evidence: ["x"], note: "n" } },
    });
    const run = await walk([select("level:2"), input("-"), input("-"), input("q")], file);
    expect(lastSave(run).answers["bl-masterplan"]).toBe(2);
  });

  it("saves and quits on q at the evidence or the note prompt instead of recording q", async () => {
    const atEvidence = await walk([select("level:3"), input("q")]);
    expect(atEvidence.end?.kind).toBe("quit");
    expect(lastSave(atEvidence).answers).toEqual({ "bl-masterplan": 3 });
    expect(lastSave(atEvidence).cursor).toBe("bl-masterplan");
    const atNote = await walk([select("level:3"), input("Perbup 27/2024"), input("Q")]);
    expect(atNote.end?.kind).toBe("quit");
    expect(lastSave(atNote).answers).toEqual({ "bl-masterplan": { score: 3, evidence: ["Perbup 27/2024"] } });
  });

  it("keeps an answer it cannot show as a choice, such as an assessors' mean", async () => {
    const file = blank({ cursor: "bl-masterplan", answers: { "bl-masterplan": { assessors: [3, 3, 3, 3, 2] } } });
    const run = await walk([select("keep", { expectDefault: "keep" }), ...noExtras, input("q")], file);
    expect(run.prompter.transcript[0]!.choices![0]).toContain(
      "Keep the current answer (assessors 3, 3, 3, 3, 2 (mean 2.80))",
    );
    expect(lastSave(run).answers["bl-masterplan"]).toEqual({ assessors: [3, 3, 3, 3, 2] });
  });

  it("asks again for an answer the file holds but the scorer rejects", async () => {
    const file = blank({ answers: { "bl-masterplan": 9 } });
    const run = await walk([select("level:4", { expectDefault: undefined }), ...noExtras, input("q")], file);
    expect(run.output).toMatch(
      /The answer in the file is not valid \(score 9 is outside the scale 0–4\); answer\s+again\./,
    );
    expect(lastSave(run).answers["bl-masterplan"]).toBe(4);
  });

  it("explains a refused value and asks again", async () => {
    const run = await walk([
      select("cmd:skip"),
      input("2,5", { rejected: /whole number/ }),
      input("lots", { rejected: /not a number/ }),
      input("", { rejected: /Type an answer/ }),
      input("3"),
      ...noExtras,
      input("q"),
    ]);
    expect(lastSave(run).answers).toEqual({ "bl-programmes": { value: 3 } });
  });

  it("warns when a survey has fewer respondents than the method needs, and keeps the answer", async () => {
    const run = await walk([input("0:1 4:29"), ...noExtras, select("cmd:quit")], blank({ cursor: "im-online" }));
    expect(run.output).toContain("Only 30 respondents; the method needs 50.");
    expect(lastSave(run).answers["im-online"]).toEqual({ survey: { counts: { 0: 1, 4: 29 } } });
  });

  it("resumes at the saved cursor with the saved answers as defaults, in Indonesian", async () => {
    const file = blank({ cursor: "im-online", answers: { "im-online": { survey: { mean: 2.8, respondents: 50 } } } });
    const run = await walk(
      [input("", { expectDefault: "2,8 50", message: /Hasil survei/ }), ...noExtras, select("cmd:quit")],
      file,
      { lang: "id" },
    );
    expect(run.output).toContain("Elemen 2 dari 2: Dampak");
    expect(run.output).toContain("Jawaban saat ini: rata-rata 2,8 dari 50 responden");
    expect(lastSave(run).answers["im-online"]).toEqual({ survey: { mean: 2.8, respondents: 50 } });
  });

  it("starts at the review when every question is answered", async () => {
    const answers = {
      "bl-masterplan": 1,
      "bl-programmes": { value: 1 },
      "bl-budget": { value: 1 },
      "im-online": 2,
      "im-faster": 3,
    };
    const run = await walk([select("finish", { expectDefault: "finish" })], blank({ answers }));
    expect(run.end?.kind).toBe("finished");
  });

  it("walks only the elements of the chosen profile", async () => {
    const run = await walk(
      [select("level:4"), ...noExtras, input("10"), ...noExtras, input("3"), ...noExtras, select("finish")],
      blank({ profile: "baseline-only" }),
      { profile: "baseline-only" },
    );
    expect(run.output).toContain("Element 1 of 1: Baseline");
    expect(run.output).not.toContain("Impact");
    expect(run.output).toContain("Provisional total: 4.00");
  });

  it("passes Ctrl-C on after everything answered so far is saved", async () => {
    const run = await walk([select("level:3"), ...noExtras, cancel()]);
    expect(run.error).toBeInstanceOf(CancelledError);
    expect(lastSave(run)).toMatchObject({ cursor: "bl-programmes", answers: { "bl-masterplan": 3 } });
  });
});
