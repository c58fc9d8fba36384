import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { CancelledError } from "../../../src/errors.js";
import { createInquirerPrompter } from "../../../src/prompt/inquirer-prompter.js";
import { separator } from "../../../src/prompt/prompter.js";

/** The adapter on in-memory streams: what the prompt library receives and gives back. */
function terminal(lang: "id" | "en" = "en", signal?: AbortSignal) {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = "";
  output.on("data", (chunk) => (screen += chunk));
  const prompter = createInquirerPrompter({ lang, color: false, input, output, ...(signal ? { signal } : {}) });
  const plain = () => screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
  /** Waits until the screen shows `text` (the prompt has drawn itself, or reacted). */
  const shows = async (text: string) => {
    for (let i = 0; !plain().includes(text); i++) {
      if (i > 500) throw new Error(`the screen never showed ${text}:\n${plain()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const type = (...keys: string[]) => {
    for (const key of keys) input.write(key);
  };
  return { prompter, type, shows, screen: plain };
}

const DOWN = "\u001b[B";
const ENTER = "\r";

describe("the inquirer prompter", () => {
  it("selects with the arrow keys, skipping separators, starting at the default", async () => {
    const { prompter, type, shows } = terminal();
    const answer = prompter.select({
      message: "Level",
      choices: [
        { value: "a", name: "first" },
        { value: "b", name: "second" },
        separator(),
        { value: "c", name: "third" },
      ],
      default: "b",
    });
    await shows("second");
    type(DOWN, ENTER);
    expect(await answer).toBe("c");
  });

  it("runs the validate function and shows its message until the text is accepted", async () => {
    const { prompter, type, shows } = terminal();
    const answer = prompter.input({
      message: "Value",
      validate: (text) => (/^\d+$/.test(text) ? true : "A count is a whole number."),
    });
    await shows("Value");
    type("2,5", ENTER);
    await shows("A count is a whole number.");
    type("\u007f\u007f\u007f", "3", ENTER);
    expect(await answer).toBe("3");
  });

  it("returns the default for an empty line", async () => {
    const { prompter, type, shows } = terminal();
    const answer = prompter.input({ message: "Value", default: "2,8 50" });
    await shows("(2,8 50)");
    type(ENTER);
    expect(await answer).toBe("2,8 50");
  });

  it("shows a file's control characters escaped, and gives the default back as the file has it (issue 14)", async () => {
    const { prompter, type, shows, screen } = terminal();
    const evidence = "SK\u001b[2J 1/2024\u202e";
    const answer = prompter.input({ message: "Evidence\u2028forged", default: evidence });
    await shows("(SK\\x1b[2J 1/2024\\u202e)");
    expect(screen()).toContain("Evidence\\u2028forged");
    type(ENTER);
    expect(await answer).toBe(evidence);
  });

  it("shows choices and separators with their control characters escaped (issue 14)", async () => {
    const { prompter, type, shows, screen } = terminal();
    const answer = prompter.select({
      message: "Level",
      choices: [separator("── Base\u001b]0;x\u0007"), { value: 1, name: "1  Draf\u0085t", description: "d\u202ee" }],
    });
    await shows("Draf\\x85t");
    expect(screen()).toContain("── Base\\x1b]0;x\\x07");
    expect(screen()).toContain("d\\u202ee");
    expect(screen()).not.toMatch(/[\u0085\u0007\u202e]/);
    type(ENTER);
    expect(await answer).toBe(1);
  });

  it("understands ya and tidak in Indonesian", async () => {
    const { prompter, type, shows } = terminal("id");
    const answer = prompter.confirm({ message: "Lanjutkan?", default: false });
    await shows("Lanjutkan?");
    type("ya", ENTER);
    expect(await answer).toBe(true);
  });

  it("turns an aborted prompt (SIGTERM, a closed terminal) into a CancelledError", async () => {
    const controller = new AbortController();
    const { prompter } = terminal("en", controller.signal);
    const answer = prompter.input({ message: "Value" });
    controller.abort("SIGTERM");
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
    await expect(prompter.input({ message: "again" })).rejects.toBeInstanceOf(CancelledError);
  });

  it("turns Ctrl-C into a CancelledError", async () => {
    const { prompter, type, shows } = terminal();
    const answer = prompter.select({ message: "Level", choices: [{ value: 1, name: "one" }] });
    const settled = answer.catch((error: unknown) => error);
    await shows("one");
    type("\u0003");
    expect(await settled).toBeInstanceOf(CancelledError);
  });
});
