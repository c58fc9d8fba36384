import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../reference/reference-data.js";
import { runKuesioner, tempDir } from "../commands/score/score-harness.js";

/**
 * Issue 14, items 1 and 8: ids a user chooses are looked up as own properties only. An element
 * or question called like a member of Object.prototype is an ordinary id; "__proto__" as an
 * answer id is an unknown id like any other, not dropped.
 */
let dir: string;
let remove: () => Promise<void>;
const ids = ["constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf"];

beforeAll(async () => {
  ({ dir, remove } = await tempDir("proto"));
  const mini = await readFile(join(repoRoot, "fixtures/valid/mini.yaml"), "utf8");
  // The second element is called "constructor" and weighed by no profile; a question "toString"-like too.
  const hostile = mini
    .replace("- id: outcome\n", "- id: constructor\n")
    .replace("weights: { baseline: 40, outcome: 60 }", "weights: { baseline: 100 }")
    .replace("weights: { outcome: 100 }", "weights: { baseline: 100 }")
    .replace("- id: oc-1\n", "- id: valueof\n");
  await writeFile(join(dir, "q.yaml"), hostile);
  const answers = (extra: string) => `questionnaire: ./q.yaml\nanswers:\n  bl-1: 2\n  bl-2: { value: 3 }\n${extra}`;
  await writeFile(join(dir, "uses-constructor.yaml"), answers("  valueof: { value: 12 }\n"));
  await writeFile(join(dir, "plain.yaml"), answers(""));
  await writeFile(join(dir, "proto.yaml"), answers("  __proto__: 3\n"));
  await writeFile(join(dir, "proto-retired.yaml"), `${answers("")}retiredAnswers:\n  __proto__: 2\n`);
  // Answer ids named like Object.prototype members, none of them in the questionnaire.
  await writeFile(join(dir, "member-ids.yaml"), answers(ids.map((id) => `  ${id}: 1\n`).join("")));
});
afterAll(() => remove());

const run = (...argv: string[]) => runKuesioner(argv, dir);

describe("ids named like Object.prototype members", () => {
  it("scores a file whose questionnaire has an element called constructor, weighed by no profile", async () => {
    const ran = await run("score", "uses-constructor.yaml", "--format", "json");
    expect(ran.code).toBe(0);
    // baseline: bl-1 = 2, bl-2 = 3 programmes = level 2; the element weighs 100%.
    expect(JSON.parse(ran.stdout).total).toBe(2);
    expect(ran.stderr).toMatch(
      /uses-constructor\.yaml:\d+:\d+: warning: answers\.valueof: element "constructor" is not part of profile/,
    );
  });

  it("keeps the other files of a batch when one uses such an element", async () => {
    const ran = await run("score", "uses-constructor.yaml", "plain.yaml", "--format", "json");
    const json = JSON.parse(ran.stdout);
    expect(json.results.map((r: { file: string }) => r.file).sort()).toEqual(["plain.yaml", "uses-constructor.yaml"]);
    expect(ran.code).toBe(0);
  });

  it("reports unknown answer ids named like Object.prototype members, one error each", async () => {
    const ran = await run("validate", "member-ids.yaml");
    expect(ran.code).toBe(1);
    for (const id of ids) expect(ran.stderr).toContain(`answers.${id}: unknown question id "${id}"`);
  });

  it("validates the questionnaire: only the warning about the unweighted element", async () => {
    const ran = await run("validate", "q.yaml");
    expect(ran.code).toBe(0);
    expect(ran.stderr).toMatch(/warning: elements\.1\.id: element "constructor" has a weight in no profile/);
  });
});

describe("__proto__ as an answer id", () => {
  it("is an unknown question id, at its line, like any other", async () => {
    const ran = await run("validate", "proto.yaml");
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('proto.yaml:5:3: error: answers.__proto__: unknown question id "__proto__"');
  });

  it("makes score refuse the file instead of scoring it without the answer", async () => {
    const ran = await run("score", "proto.yaml");
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain("unknown question id");
  });

  it("does not touch Object.prototype", async () => {
    await run("score", "proto.yaml", "proto-retired.yaml");
    expect(({} as Record<string, unknown>).valueOf).toBe(Object.prototype.valueOf);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
