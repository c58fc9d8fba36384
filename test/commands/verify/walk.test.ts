import { beforeAll, describe, expect, it } from "vitest";
import { CancelledError } from "../../../src/errors.js";
import { loadQuestionnaireFile } from "../../../src/io/load-questionnaire.js";
import { assessorFile } from "../../../src/commands/verify/assessor-file.js";
import { walkWords } from "../../../src/commands/verify/messages.js";
import { scoreStep } from "../../../src/commands/verify/score-step.js";
import { walkWith, type WalkContext, type WalkEnd } from "../../../src/walk/walk.js";
import { answerFileSchema, type AnswerFile } from "../../../src/model/answers.js";
import type { Questionnaire } from "../../../src/model/questionnaire.js";
import { cancel, input, ScriptedPrompter, select, type Step } from "../fill/scripted-prompter.js";

/** The verify walk through the scripted prompter: every prompt's real choices and defaults. */
let questionnaire: Questionnaire;
beforeAll(async () => {
  const loaded = await loadQuestionnaireFile("fixtures/fill/mini.yaml");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  questionnaire = loaded.value.questionnaire;
});

const ANI = "Dr. Ani Wijaya";
/** The region's self-assessment: two questions answered, one with evidence and a note, one not at all. */
const self: AnswerFile = {
  questionnaire: "mini.yaml",
  profile: "reguler",
  status: "final",
  respondent: { region: "Kota Kediri", year: 2024 },
  answers: {
    "bl-masterplan": { score: 4, evidence: ["Perbup No. 27 Tahun 2024"], note: "ditetapkan\u001b[2J Maret" },
    "bl-programmes": { value: 7 },
    "im-online": { survey: { mean: 2.8, respondents: 50 } },
    "im-faster": 3,
  },
};

interface Run {
  end?: WalkEnd;
  error?: unknown;
  saves: AnswerFile[];
  output: string;
}

async function verify(steps: Step[], file: AnswerFile = assessorFile(self, ANI), lang: "id" | "en" = "en") {
  const prompter = new ScriptedPrompter(steps);
  const run: Run = { saves: [], output: "" };
  const words = walkWords[lang];
  const ctx: WalkContext = {
    questionnaire,
    profile: "reguler",
    lang,
    prompter,
    width: 80,
    words,
    screen: { lang, color: false, width: 80, words },
    write: (text) => {
      run.output += text;
    },
    save: async (saved) => {
      answerFileSchema.parse(saved);
      run.saves.push(structuredClone(saved));
    },
  };
  try {
    run.end = await walkWith(ctx, file, scoreStep(ctx, ANI));
  } catch (error) {
    run.error = error;
  }
  if (prompter.remaining > 0)
    throw new Error(`the walk stopped with ${prompter.remaining} steps left: ${String(run.error)}`);
  return { ...run, prompter };
}

const lastSave = (run: Run) => run.saves.at(-1)!;
const mine = (score: number, note?: string) => [{ name: ANI, score, ...(note ? { note } : {}) }];

describe("verify's walk", () => {
  it("scores every question, the unanswered one too, keeping the region's answers beside the scores", async () => {
    const run = await verify([
      select("level:3", { expectDefault: "level:4", message: /Your score \(0–4\)/ }),
      input("Perbup ada, belum ada Perda"),
      select("level:2", { expectDefault: "level:3" }),
      input(""),
      select("level:1", { expectDefault: undefined }),
      input(""),
      select("level:3", { expectDefault: undefined }),
      input(""),
      select("level:3", { expectDefault: "level:3" }),
      input(""),
      select("finish", { message: /What next/ }),
    ]);
    expect(run.end?.kind).toBe("finished");
    const saved = lastSave(run);
    expect(saved.status).toBe("final");
    expect(saved.assessor).toBe(ANI);
    expect(saved.cursor).toBeUndefined();
    expect(saved.answers).toEqual({
      "bl-masterplan": {
        ...(self.answers["bl-masterplan"] as object),
        assessors: mine(3, "Perbup ada, belum ada Perda"),
      },
      "bl-programmes": { value: 7, assessors: mine(2) },
      "bl-budget": { assessors: mine(1) },
      "im-online": { survey: { mean: 2.8, respondents: 50 }, assessors: mine(3) },
      "im-faster": { score: 3, assessors: mine(3) },
    });
  });

  it("shows the region's answer, evidence and note escaped, and says when the region did not answer", async () => {
    const run = await verify([select("level:4"), input(""), select("cmd:skip"), select("cmd:quit")]);
    const screen = run.output.replace(/\n {2}/g, " ");
    expect(screen).toContain(
      "Region's answer: level 4: Enacted by a regional regulation. · evidence: Perbup No. 27 Tahun 2024 · note: ditetapkan\\x1b[2J Maret",
    );
    expect(run.output).not.toContain("\u001b");
    expect(run.output).toContain("Region's answer: not answered");
    expect(run.output).toMatch(/0 % of the questionnaire scored/);
    expect(run.end?.kind).toBe("quit");
    expect(lastSave(run).cursor).toBe("bl-budget");
  });

  it("clears only the assessor's score and note; the region's answer stays", async () => {
    const started = assessorFile(self, ANI);
    const file: AnswerFile = {
      ...started,
      cursor: "im-faster",
      answers: { ...started.answers, "im-faster": { score: 3, assessors: mine(2, "tidak ada bukti") } },
    };
    const run = await verify([select("cmd:clear", { expectDefault: "level:2" }), select("cmd:quit")], file);
    expect(lastSave(run).answers["im-faster"]).toBe(3);
    expect(run.output).toContain("Your score: level 2 · note: tidak ada bukti");
  });

  it("resumes at the saved cursor with the assessor's own score and note as defaults, in Indonesian", async () => {
    const started = assessorFile(self, ANI);
    const file: AnswerFile = {
      ...started,
      cursor: "bl-programmes",
      answers: { ...started.answers, "bl-programmes": { value: 7, assessors: mine(1, "hanya 2 program berjalan") } },
    };
    const run = await verify(
      [
        select("level:1", { expectDefault: "level:1", message: /Nilai Anda \(0–4\)/ }),
        input("", { expectDefault: "hanya 2 program berjalan", message: /Catatan Anda/ }),
        select("cmd:quit"),
      ],
      file,
      "id",
    );
    expect(run.output).toContain("Jawaban daerah: 7 program → tingkat 3");
    expect(run.output).toContain("pertanyaan 2 dari 3 · 20 % kuesioner dinilai");
    expect(lastSave(run).answers["bl-programmes"]).toEqual({
      value: 7,
      assessors: mine(1, "hanya 2 program berjalan"),
    });
  });

  it("goes back to the previous score, and stops asking notes after !", async () => {
    const run = await verify([
      select("level:3"),
      input("!", { message: /! stops asking for notes/ }),
      select("level:2"),
      select("cmd:back"),
      select("level:1", { expectDefault: "level:2" }),
      select("level:0"),
      select("cmd:quit"),
    ]);
    expect(run.output).toContain("Notes are no longer asked in this run");
    const answers = lastSave(run).answers;
    expect(answers["bl-masterplan"]).toMatchObject({ assessors: mine(3) });
    expect(answers["bl-programmes"]).toEqual({ value: 7, assessors: mine(1) });
    expect(answers["bl-budget"]).toEqual({ assessors: mine(0) });
  });

  it("saves and quits on q at the note prompt instead of recording q as the note", async () => {
    const run = await verify([select("level:3"), input("q")]);
    expect(run.end?.kind).toBe("quit");
    expect(lastSave(run).answers["bl-masterplan"]).toMatchObject({ assessors: mine(3) });
  });

  it("passes Ctrl-C on after every score so far is saved", async () => {
    const run = await verify([select("level:3"), input(""), cancel()]);
    expect(run.error).toBeInstanceOf(CancelledError);
    expect(lastSave(run).answers["bl-masterplan"]).toMatchObject({ assessors: mine(3) });
    expect(lastSave(run).cursor).toBe("bl-programmes");
  });

  it("counts the review's progress and provisional total from the assessor's scores only", async () => {
    const run = await verify([select("cmd:review"), select("quit")]);
    expect(run.output).toContain("0 of 5 questions scored (0 %).");
    expect(run.output).toMatch(/Your provisional total: 0\.00/);
  });
});
