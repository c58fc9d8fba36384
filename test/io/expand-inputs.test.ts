import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandGlob, expandInputs, type ExpandedInputs } from "../../src/io/expand-inputs.js";
import { leftOutNotes } from "../../src/text/input-notes.js";

/** The expansion with its file list as an array, to compare whole. */
const listed = (expanded: ExpandedInputs) => ({ ...expanded, files: [...expanded.files] });

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
    // A link to the folder it is in: followed once, every file through it already listed.
    await symlink(join(dir, "answers/2023"), join(dir, "answers/2023/loop"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("walks a folder recursively for YAML and JSON, sorted, skipping hidden entries and node_modules, a file reached twice through a link read once", async () => {
    const result = await expandInputs(["answers"], dir);
    expect(listed(result)).toEqual({
      files: ["answers/2022/x.json", "answers/2023/kab-a.yml", "answers/2023/kota-b.yaml", "answers/2023/link.yaml"],
      diagnostics: [],
      single: false,
      named: new Set(),
      notData: ["answers/notes.txt"],
      otherExtension: [],
    });
  });

  it("names a folder's files as path.join would, however the folder is written", async () => {
    const expected = [
      "answers/2022/x.json",
      "answers/2023/kab-a.yml",
      "answers/2023/kota-b.yaml",
      "answers/2023/link.yaml",
    ];
    for (const folder of ["./answers/", "answers/2023/../", "answers//"]) {
      const { files } = await expandInputs([folder], dir);
      expect([...files]).toEqual(expected.map((f) => join(folder, f.slice("answers/".length))));
    }
    expect([...(await expandInputs(["answers/2023/../2022"], dir)).files]).toEqual(["answers/2022/x.json"]);
    const absolute = join(dir, "answers/2022");
    expect([...(await expandInputs([`${absolute}/`], "/")).files]).toEqual([join(absolute, "x.json")]);
    expect([...(await expandInputs(["."], join(dir, "answers/2022"))).files]).toEqual(["x.json"]);
    expect(await expandGlob("./answers/2023/../2022/*.json", dir)).toEqual(["answers/2022/x.json"]);
  });

  it("treats one plain file as a single input, whatever its extension", async () => {
    expect(listed(await expandInputs(["answers/notes.txt"], dir))).toEqual({
      files: ["answers/notes.txt"],
      diagnostics: [],
      single: true,
      named: new Set(["answers/notes.txt"]),
      notData: [],
      otherExtension: [],
    });
    expect((await expandInputs(["one.yaml", "answers/2022/x.json"], dir)).single).toBe(false);
    expect(listed(await expandInputs(["missing.yaml"], dir))).toMatchObject({ files: [], single: true });
    expect((await expandInputs(["answers/2022"], dir)).single).toBe(false);
    expect((await expandInputs(["answers/2022/*.json"], dir)).single).toBe(false);
  });

  it("expands patterns itself, relative to the working folder", async () => {
    expect(await expandGlob("answers/*/*.yaml", dir)).toEqual(["answers/2023/kota-b.yaml", "answers/2023/link.yaml"]);
    expect(await expandGlob("answers/2023/{kab,kota}-*", dir)).toEqual([
      "answers/2023/kab-a.yml",
      "answers/2023/kota-b.yaml",
    ]);
    expect(await expandGlob("answers/*.yaml", dir)).toEqual([]);
    expect(await expandGlob("answers/2023/kab-[a-m].yml", dir)).toEqual(["answers/2023/kab-a.yml"]);
    expect(await expandGlob("answers/2023/kab-[!a-m].yml", dir)).toEqual([]);
    expect(await expandGlob("../answers/*/*.json", join(dir, "empty"))).toEqual(["../answers/2022/x.json"]);
    expect([...(await expandInputs(["**/kab-*.y*l"], dir)).files]).toEqual(["answers/2023/kab-a.yml"]);
    expect([...(await expandInputs(["./answers/**/*.json"], dir)).files]).toEqual(["answers/2022/x.json"]);
    expect(await expandGlob(`${dir}/answers/202[3]/k*`, "/")).toEqual([
      join(dir, "answers/2023/kab-a.yml"),
      join(dir, "answers/2023/kota-b.yaml"),
    ]);
  });

  it("lists each file once, in input order, a link to a file already listed left out", async () => {
    const result = await expandInputs(["one.yaml", "answers/2023", "./one.yaml", "answers/**/kota-*.yaml"], dir);
    expect([...result.files]).toEqual(["one.yaml", "answers/2023/kab-a.yml", "answers/2023/kota-b.yaml"]);
    expect(result.named).toEqual(new Set(["one.yaml", "./one.yaml"]));
  });

  it("takes a file reached through links once, the path without a link winning wherever it sorts, in the last input as in the others", async () => {
    const root = await mkdtemp(join(tmpdir(), "kuesioner-expand-links-"));
    await mkdir(join(root, "c/z"), { recursive: true });
    await writeFile(join(root, "c/z/real.yaml"), "x: 1\n");
    await writeFile(join(root, "outside.yaml"), "x: 1\n");
    // Sorting before the file it names, in the same folder input.
    await symlink(join(root, "c/z/real.yaml"), join(root, "c/a-link.yaml"));
    // Two links to one file outside: the first is taken, the second left out.
    await symlink(join(root, "outside.yaml"), join(root, "c/b-link.yaml"));
    await symlink(join(root, "outside.yaml"), join(root, "c/y-link.yaml"));
    const expected = ["c/b-link.yaml", "c/z/real.yaml"];
    expect([...(await expandInputs(["c"], root)).files]).toEqual(expected);
    expect([...(await expandInputs(["c", "outside.yaml"], root)).files]).toEqual(expected);
    expect([...(await expandInputs(["outside.yaml", "c"], root)).files]).toEqual(["outside.yaml", "c/z/real.yaml"]);
    expect([...(await expandInputs(["c/z", "c"], root)).files]).toEqual(["c/z/real.yaml", "c/b-link.yaml"]);
    expect([...(await expandInputs(["c", "c/z"], root)).files]).toEqual(expected);
    await rm(root, { recursive: true, force: true });
  });

  it("reports inputs that name nothing, and keeps the rest", async () => {
    const result = await expandInputs(["missing.yaml", "empty", "nothing/*.yaml", "one.yaml"], dir);
    expect([...result.files]).toEqual(["one.yaml"]);
    expect(result.single).toBe(false);
    expect(result.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      "missing.yaml: file not found",
      "empty: no answer files (*.yaml, *.yml, *.json) in this folder",
      "nothing/*.yaml: no files match this pattern",
    ]);
  });

  it("says what a pattern or a folder left out, once per kind, with the count", async () => {
    const result = await expandInputs(["answers/2023/*.yaml", "empty"], dir);
    expect([...result.files]).toEqual(["answers/2023/kota-b.yaml", "answers/2023/link.yaml"]);
    expect(result.otherExtension).toEqual(["answers/2023/kab-a.yml"]);
    expect(result.notData).toEqual(["empty/readme.md"]);
    expect(leftOutNotes(result, "en")).toBe(
      [
        "kuesioner: note: the pattern's extension leaves out 1 YAML or JSON file: answers/2023/kab-a.yml; widen it (e.g. '*.y*ml') or name them",
        "kuesioner: note: 1 file not named *.yaml, *.yml or *.json left out: empty/readme.md",
        "",
      ].join("\n"),
    );
    expect(leftOutNotes({ notData: ["a.txt", "b.md", "c.pdf", "d.doc"] }, "id")).toBe(
      "kuesioner: catatan: 4 berkas yang namanya bukan *.yaml, *.yml atau *.json tidak dibaca: a.txt, b.md, c.pdf, …\n",
    );
    expect(leftOutNotes({}, "en")).toBe("");
  });
});

describe("inputs that name nothing, in Indonesian", () => {
  it("has every message of expandInputs in the catalogue", async () => {
    const { localizeDiagnostic } = await import("../../src/text/diagnostic-messages.js");
    const dir = await mkdtemp(join(tmpdir(), "kuesioner-expand-id-"));
    await mkdir(join(dir, "kosong"));
    const { diagnostics } = await expandInputs(["hilang.yaml", "kosong", "*.yml"], dir);
    expect(diagnostics.map((d) => localizeDiagnostic(d, "id").message)).toEqual([
      "berkas tidak ditemukan",
      "tidak ada berkas jawaban (*.yaml, *.yml, *.json) di folder ini",
      "tidak ada berkas yang cocok dengan pola ini",
    ]);
    await rm(dir, { recursive: true, force: true });
  });
});
