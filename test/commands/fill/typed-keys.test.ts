import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { askQuestion } from "../../../src/walk/ask-question.js";
import { createInquirerPrompter } from "../../../src/prompt/inquirer-prompter.js";
import { loadQuestionnaireFile } from "../../../src/io/load-questionnaire.js";
import type { Question, Questionnaire } from "../../../src/model/questionnaire.js";

/** The real terminal prompter on in-memory streams: what the officer's keys turn into. */
function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = "";
  output.on("data", (chunk) => (screen += chunk));
  const prompter = createInquirerPrompter({ lang: "en", color: false, input, output });
  const plain = () => screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
  const shows = async (text: string) => {
    for (let i = 0; !plain().includes(text); i++) {
      if (i > 300) throw new Error(`the screen never showed ${text}:\n${plain()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  // Gives the input back (the terminal prompter reads it for the whole session).
  const close = () => (prompter as { close?: () => void }).close?.();
  return { prompter, type: (keys: string) => void input.write(keys), shows, close };
}

let questionnaire: Questionnaire;
let level: Question;
beforeAll(async () => {
  const loaded = await loadQuestionnaireFile("fixtures/fill/mini.yaml");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  questionnaire = loaded.value.questionnaire;
  level = questionnaire.elements[0]!.questions.find((q) => q.kind === "level")!;
});

const fresh = { answer: undefined, answered: false, description: "" };

describe("keys on a level list", () => {
  it.each([0, 1, 2, 3, 4])("pressing %i then Enter records that level, not the row", async (n) => {
    const { prompter, type, shows, close } = terminal();
    const asked = askQuestion({ questionnaire, lang: "en", prompter, width: 80 }, level, fresh, false);
    await shows("Choose the level");
    type(`${n}\r`);
    expect(await asked).toEqual({ kind: "answer", core: { score: n } });
    close();
  });

  it("reaches the commands by their signs: q is save and quit", async () => {
    const { prompter, type, shows, close } = terminal();
    const asked = askQuestion({ questionnaire, lang: "en", prompter, width: 80 }, level, fresh, false);
    await shows("Choose the level");
    type("q\r");
    expect(await asked).toEqual({ kind: "command", command: "quit" });
    close();
  });
});

describe("keys typed ahead", () => {
  it("keeps pasted answers, Enters included, for the prompts that follow", async () => {
    const { prompter, type, shows, close } = terminal();
    const first = prompter.input({ message: "Evidence" });
    await shows("Evidence");
    // One paste: three answers arrive before the second and third prompts exist.
    type("Perbup 27/2024\r\r2,8 50\r");
    expect(await first).toBe("Perbup 27/2024");
    expect(await prompter.input({ message: "Note" })).toBe("");
    expect(await prompter.input({ message: "Survey" })).toBe("2,8 50");
    close();
  });

  it("keeps keys typed while the program was busy between two prompts", async () => {
    const { prompter, type, shows, close } = terminal();
    const first = prompter.input({ message: "Value" });
    await shows("Value");
    type("7\r");
    expect(await first).toBe("7");
    type("3\r"); // typed before the level list is drawn
    const asked = askQuestion({ questionnaire, lang: "en", prompter, width: 80 }, level, fresh, false);
    expect(await asked).toEqual({ kind: "answer", core: { score: 3 } });
    close();
  });

  it("gives the rest of a paste to the same prompt when it refuses a line", async () => {
    const { prompter, type, shows, close } = terminal();
    const answer = prompter.input({
      message: "Count",
      validate: (text) => (/^\d+$/.test(text) ? true : "A count is a whole number."),
    });
    await shows("Count");
    type("2,5\r\u007f\u007f\u007f4\r");
    expect(await answer).toBe("4");
    close();
  });

  it("treats \\r\\n as one Enter", async () => {
    const { prompter, type, shows, close } = terminal();
    const first = prompter.input({ message: "One" });
    await shows("One");
    type("a\r\nb\r\n");
    expect(await first).toBe("a");
    expect(await prompter.input({ message: "Two" })).toBe("b");
    close();
  });
});
