import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { run } from "../../src/main.js";
import { tempDir } from "../commands/score/score-harness.js";
import { cancel, ScriptedPrompter, scriptedIO, select } from "../commands/fill/scripted-prompter.js";
import { repoRoot } from "../reference/reference-data.js";

/**
 * Issue 14: fill's screens and prompts show a questionnaire's texts (titles, descriptions, level
 * descriptors, element names) and an answer file's (region, evidence, notes) escaped, as every
 * other text output does: neither file can repaint the officer's terminal or break a line.
 */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempDir("fill-screens"));
  const q = parse(await readFile(join(repoRoot, "fixtures/fill/mini.yaml"), "utf8"));
  q.title.en = "Mini\u001b]0;pwned\u0007";
  q.profiles[0].title.en = "Regular\u202e";
  const baseline = q.elements[0];
  baseline.title.en = "Base\nline\u001b[2J";
  baseline.description.en = "First paragraph \u001b[31mred.\nSecond\u2028paragraph.";
  baseline.questions[0].text.en = "The masterplan \u202ehas a legal basis.";
  baseline.questions[0].help.en = "Give\rthe number.";
  baseline.questions[0].levels[3].en = "Head-of-region\u2028regulation";
  baseline.indicators[0].title.en = "Plan\u0085ning";
  await writeFile(join(dir, "q.yaml"), stringify(q));
  await writeFile(
    join(dir, "x.yaml"),
    stringify({
      questionnaire: "./q.yaml",
      profile: "reguler",
      status: "draft",
      respondent: { region: "Kota\u001b[2J Satu", year: 2024 },
      cursor: "bl-masterplan",
      answers: {
        "bl-masterplan": { score: 3, evidence: ["SK\u001b[1A 1/2024"], note: "catatan\u2029baru" },
      },
    }),
  );
});
afterAll(() => remove());

describe("fill on a questionnaire and an answer file with control characters", () => {
  it("shows every text escaped on its screens and in its prompts", async () => {
    const prompter = new ScriptedPrompter([select("cmd:review"), select("quit")]);
    const { io, stdout, stderr } = scriptedIO(dir, prompter);
    const code = await run(["fill", "--out", "x.yaml", "--lang", "en", "--region", "Kota Dua"], io);
    expect([code, stderr()]).toEqual([0, ""]);
    const screen = stdout();
    expect(screen).not.toMatch(RAW);
    // The region the file held, in the notice that --region replaces it.
    expect(screen).toContain("Kota\\x1b[2J Satu");
    // The element's title with its line break, its description paragraph by paragraph.
    expect(screen).toContain("Base\\nline\\x1b[2J");
    expect(screen).toContain("First paragraph \\x1b[31mred.\n   Second\\u2028paragraph.");
    expect(screen).toContain("The masterplan \\u202ehas a legal basis.");
    expect(screen).toContain("Give\\rthe number.");
    expect(screen).toContain("Plan\\x85ning");
    // The current answer: level descriptor, evidence and note.
    expect(screen).toContain("Head-of-region\\u2028regulation");
    expect(screen).toContain("SK\\x1b[1A 1/2024");
    expect(screen).toContain("catatan\\u2029baru");
    // The review screen's titles.
    expect(screen).toContain("Mini\\x1b]0;pwned\\x07");
    for (const exchange of prompter.transcript)
      for (const text of [exchange.message, ...(exchange.choices ?? [])]) expect(text).not.toMatch(RAW);
    expect(prompter.transcript[0]!.choices).toContain("3  Head-of-region\\u2028regulation");
  });
});

// Found by the input fuzzer (issue 14): verify offered the levels of a hostile questionnaire raw.
describe("verify on the same files", () => {
  it("offers the levels escaped", async () => {
    const prompter = new ScriptedPrompter([select("level:3"), cancel()]);
    const { io, stdout } = scriptedIO(dir, prompter);
    await writeFile(join(dir, "self.yaml"), (await readFile(join(dir, "x.yaml"), "utf8")).replace(/^cursor:.*\n/m, ""));
    const code = await run(["verify", "self.yaml", "--assessor", "Ani", "--lang", "en"], io);
    expect(code).toBe(130);
    expect(stdout()).not.toMatch(RAW);
    expect(prompter.transcript[0]!.choices).toContain("3  Head-of-region\\u2028regulation");
    for (const text of prompter.transcript[0]!.choices ?? []) expect(text).not.toMatch(RAW);
  });
});

// Found by npm run fuzz (inputs, seed 822465376): the ids of answers to questions the questionnaire
// does not have were listed raw.
describe("fill on an answer file with an unknown, hostile question id", () => {
  it("lists the id escaped", async () => {
    const text = await readFile(join(dir, "x.yaml"), "utf8");
    await writeFile(join(dir, "orphan.yaml"), text.replace("answers:\n", "answers:\n  \u2029bl-gone\u001b[2J: 3\n"));
    const { io, stdout } = scriptedIO(dir, new ScriptedPrompter([cancel()]));
    const code = await run(["fill", "--out", "orphan.yaml", "--lang", "en"], io);
    expect(code).toBe(130);
    expect(stdout()).not.toMatch(RAW);
    expect(stdout()).toContain("\\u2029bl-gone\\x1b[2J");
  });
});
