import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandGlob, expandInputs, globToRegExp } from "../../src/io/expand-inputs.js";

describe("globToRegExp", () => {
  it.each<[string, string, boolean]>([
    ["*.yaml", "malang.yaml", true],
    ["*.yaml", "malang.yml", false],
    ["*.yaml", "2023/malang.yaml", false],
    ["*.y?ml", "malang.yml", false],
    ["*.y?ml", "malang.yaml", true],
    ["**/*.yaml", "malang.yaml", true],
    ["**/*.yaml", "a/b/c/malang.yaml", true],
    ["a/**/x.json", "a/x.json", true],
    ["a/**/x.json", "a/b/c/x.json", true],
    ["a/**/x.json", "ab/x.json", false],
    ["a/**", "a/b/c.yaml", true],
    ["kab-[a-m]*.yaml", "kab-malang.yaml", true],
    ["kab-[a-m]*.yaml", "kab-sleman.yaml", false],
    ["kab-[!a-m]*.yaml", "kab-sleman.yaml", true],
    ["kab-[^a-m]*.yaml", "kab-malang.yaml", false],
    ["20[0-9][0-9]/*.json", "2023/x.json", true],
    ["*.yaml", ".hidden.yaml", false],
    ["**/*.yaml", ".git/x.yaml", false],
    ["\\*.yaml", "*.yaml", true],
    ["\\*.yaml", "a.yaml", false],
    ["a+b (1).yaml", "a+b (1).yaml", true],
    ["[unclosed.yaml", "[unclosed.yaml", true],
  ])("%s against %s: %s", (pattern, path, matches) => {
    expect(globToRegExp(pattern).test(path)).toBe(matches);
  });
});

describe("expandInputs", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kuesioner-expand-"));
    for (const f of [
      "answers/2023/kota-b.yaml",
      "answers/2023/kab-a.yml",
      "answers/2022/x.json",
      "answers/notes.txt",
      "answers/.draft.yaml",
      "answers/.cache/y.yaml",
      "answers/node_modules/z.yaml",
      "one.yaml",
      "empty/readme.md",
    ]) {
      await mkdir(join(dir, f, ".."), { recursive: true });
      await writeFile(join(dir, f), "x: 1\n");
    }
    await symlink(join(dir, "one.yaml"), join(dir, "answers/2023/link.yaml"));
    await symlink(join(dir, "answers"), join(dir, "answers/2023/loop"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("walks a folder recursively for YAML and JSON, sorted, skipping hidden entries, node_modules and linked folders", async () => {
    const result = await expandInputs(["answers"], dir);
    expect(result).toEqual({
      files: ["answers/2022/x.json", "answers/2023/kab-a.yml", "answers/2023/kota-b.yaml", "answers/2023/link.yaml"],
      diagnostics: [],
      single: false,
      named: new Set(),
    });
  });

  it("treats one plain file as a single input, whatever its extension", async () => {
    expect(await expandInputs(["answers/notes.txt"], dir)).toEqual({
      files: ["answers/notes.txt"],
      diagnostics: [],
      single: true,
      named: new Set(["answers/notes.txt"]),
    });
    expect((await expandInputs(["one.yaml", "answers/2022/x.json"], dir)).single).toBe(false);
    expect(await expandInputs(["missing.yaml"], dir)).toMatchObject({ files: [], single: true });
    expect((await expandInputs(["answers/2022"], dir)).single).toBe(false);
    expect((await expandInputs(["answers/2022/*.json"], dir)).single).toBe(false);
  });

  it("expands patterns itself, relative to the working folder", async () => {
    expect(await expandGlob("answers/*/*.yaml", dir)).toEqual(["answers/2023/kota-b.yaml", "answers/2023/link.yaml"]);
    expect(await expandGlob("**/kab-*.y*l", dir)).toEqual(["answers/2023/kab-a.yml"]);
    expect(await expandGlob("./answers/**/*.json", dir)).toEqual(["answers/2022/x.json"]);
    expect(await expandGlob(`${dir}/answers/202[3]/k*`, "/")).toEqual([
      join(dir, "answers/2023/kab-a.yml"),
      join(dir, "answers/2023/kota-b.yaml"),
    ]);
  });

  it("lists each file once, in input order", async () => {
    const result = await expandInputs(["one.yaml", "answers/2023", "./one.yaml", "answers/**/kota-*.yaml"], dir);
    expect(result.files).toEqual([
      "one.yaml",
      "answers/2023/kab-a.yml",
      "answers/2023/kota-b.yaml",
      "answers/2023/link.yaml",
    ]);
    expect(result.named).toEqual(new Set(["one.yaml", "./one.yaml"]));
  });

  it("reports inputs that name nothing, and keeps the rest", async () => {
    const result = await expandInputs(["missing.yaml", "empty", "nothing/*.yaml", "one.yaml"], dir);
    expect(result.files).toEqual(["one.yaml"]);
    expect(result.single).toBe(false);
    expect(result.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      "missing.yaml: file not found",
      "empty: no answer files (*.yaml, *.yml, *.json) in this folder",
      "nothing/*.yaml: no files match this pattern",
    ]);
  });
});
