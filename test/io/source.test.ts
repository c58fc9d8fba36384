import type { Diagnostic } from "../../src/errors.js";
import { localizeDiagnostic } from "../../src/text/diagnostic-messages.js";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkDataLimits } from "../../src/io/data-limits.js";
import { loadSource, MAX_FILE_BYTES, parseYamlText, readBounded } from "../../src/io/source.js";
import { tempDir } from "../commands/score/score-harness.js";

/** Nine levels of nine aliases: 9⁹ strings if expanded. */
function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = "abcdefghi";
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(", ")}]`,
    );
  return `${lines.join("\n")}\n`;
}

/** The diagnostics as the English catalogue says them (src/io gives codes and parameters). */
const said = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => localizeDiagnostic(d, "en"));
const english = <R extends { diagnostics: Diagnostic[] }>(result: R): R => ({
  ...result,
  diagnostics: said(result.diagnostics),
});
const englishParse = (file: string, text: string) => english(parseYamlText(file, text));

describe("readTextFile limits, through loadSource", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir("source")));
  afterAll(async () => remove());

  const load = async (name: string, content?: string | Buffer) => {
    if (content !== undefined) await writeFile(join(dir, name), content);
    const result = await loadSource(join(dir, name));
    return result.ok
      ? { ok: true }
      : { ok: false, diagnostics: said(result.diagnostics).map((d) => ({ ...d, file: d.file.replace(dir, "DIR") })) };
  };

  it("refuses a file larger than the limit before reading it", async () => {
    const big = Buffer.alloc(6 * 1024 * 1024, "a: 1\n");
    expect(big.length).toBeGreaterThan(MAX_FILE_BYTES);
    expect(await load("big.yaml", big)).toEqual({
      ok: false,
      diagnostics: [
        {
          file: "DIR/big.yaml",
          path: [],
          severity: "error",
          code: "file.too-large",
          params: { size: "6.0 MiB", limit: "5.0 MiB" },
          message: "file is 6.0 MiB, larger than the 5.0 MiB limit",
          hint: "questionnaires and answer files are small text files; is this the right file?",
        },
      ],
    });
  });

  it.each<[string, string | Buffer, string]>([
    [
      "image.png",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      "file is binary (contains NUL bytes), expected YAML or JSON text",
    ],
    ["latin1.yaml", Buffer.from("title: Caf\xe9\n", "latin1"), "file is not valid UTF-8 text"],
    ["empty.yaml", "", "file is empty"],
    ["blank.yaml", "  \n\n", "file is empty"],
  ])("refuses %s", async (name, content, message) => {
    const result = await load(name, content);
    expect(result.ok).toBe(false);
    expect(result.diagnostics?.map((d) => d.message)).toEqual([message]);
  });

  it("refuses a directory and a missing file with a clear message", async () => {
    await mkdir(join(dir, "folder.yaml"));
    expect((await load("folder.yaml")).diagnostics?.[0]?.message).toBe("is a directory, expected a YAML or JSON file");
    expect((await load("missing.yaml")).diagnostics?.[0]).toMatchObject({
      message: "file not found",
      hint: "check the path and the current directory",
    });
  });

  it.each(["/dev/zero", "/dev/urandom", "/dev/null"].filter((f) => existsSync(f)))(
    "refuses the device %s at once instead of reading it forever (issue 14, item 9)",
    async (device) => {
      const result = english(await loadSource(device));
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]).toMatchObject({
        file: device,
        message: "is a device, expected a YAML or JSON file",
      });
    },
  );

  it.runIf(process.platform !== "win32")("refuses a named pipe without waiting for a writer", async () => {
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    expect((await load("pipe.yaml")).diagnostics?.[0]?.message).toBe(
      "is a named pipe (FIFO), expected a YAML or JSON file",
    );
  });

  it("stops reading at the limit whatever the size said: an endless source gives limit + 1 bytes", async () => {
    let calls = 0;
    const endless = (buffer: Buffer) => {
      calls++;
      buffer.fill(0x61);
      return buffer.length;
    };
    const bytes = readBounded(endless, 200_000);
    expect(bytes.length).toBe(200_001);
    expect(calls).toBe(4);
  });

  it("reads UTF-8 with a byte-order mark", async () => {
    expect(await load("bom.yaml", "\ufeffid: x\n")).toEqual({ ok: true });
  });
});

describe("parseYamlText guards", () => {
  it("stops a billion-laughs alias bomb with a clear diagnostic", () => {
    const result = englishParse("bomb.yaml", billionLaughs());
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      {
        file: "bomb.yaml",
        path: [],
        severity: "error",
        code: "yaml.alias-bomb",
        params: {},
        message: "too many YAML alias expansions (the file expands to an enormous document)",
        hint: "write the values out instead of reusing anchors (&) through many aliases (*)",
      },
    ]);
  });

  it("stops aliases that repeat one large list many times, under the alias count", () => {
    const text = `a: &a [${Array(5000).fill("1").join(",")}]\nb: [${Array(500).fill("*a").join(",")}]\n`;
    const result = englishParse("wide.yaml", text);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.message).toBe(
      "the document expands to more than 2,000,000 values (YAML aliases repeat nodes)",
    );
  });

  it("points at an alias that contains its own anchor", () => {
    const result = englishParse("cycle.yaml", "a: &a\n  b: [1, *a]\n");
    expect(result.diagnostics).toEqual([
      {
        file: "cycle.yaml",
        line: 2,
        column: 10,
        path: ["a", "b", 1],
        severity: "error",
        code: "yaml.alias-cycle",
        params: {},
        message: "a YAML alias (*) refers to a node that contains it, so the data never ends",
        hint: "an alias may only repeat a node defined before and outside it",
      },
    ]);
  });

  it("points at an alias without an anchor", () => {
    const result = englishParse("alias.yaml", "a: 1\nb: *nope\n");
    expect(result.diagnostics).toEqual([
      {
        file: "alias.yaml",
        line: 2,
        column: 4,
        path: ["b"],
        severity: "error",
        code: "yaml.alias-undefined",
        params: { alias: "nope" },
        message: "YAML alias *nope has no anchor &nope before it",
        hint: "define the anchor (&name) before the alias (*name) that repeats it",
      },
    ]);
  });

  it("refuses data nested deeper than any questionnaire", () => {
    const result = englishParse("deep.yaml", `a: ${"[".repeat(100)}${"]".repeat(100)}\n`);
    expect(result.diagnostics[0]).toMatchObject({
      line: 1,
      severity: "error",
      message: "the data is nested more than 64 levels deep",
    });
  });

  it("survives nesting deep enough to exhaust the parser's stack", () => {
    const result = englishParse("deeper.yaml", "[".repeat(20000) + "]".repeat(20000));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.severity)).toContain("error");
  });

  it("reports two documents in one file", () => {
    const result = englishParse("two.yaml", "a: 1\n---\nb: 2\n");
    expect(result.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2, 'YAML syntax: the file holds more than one YAML document (a second "---")'],
    ]);
  });

  it("keeps the text of a file it could not parse, to tell what it was meant to be", () => {
    const result = englishParse("bad.yaml", "elements: [\n");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.text).toBe("elements: [\n");
  });

  it("reads JSON too", () => {
    const result = englishParse("q.json", '{ "id": "x", "list": [1, 2] }');
    expect(result.ok && result.source.data).toEqual({ id: "x", list: [1, 2] });
  });
});

describe("parseYamlText: what the parser lets through (issue 14, items 3, 4, 7 and 11)", () => {
  const messages = (text: string) =>
    said(parseYamlText("f.yaml", text).diagnostics).map(
      (d) => `${d.line}:${d.column} ${d.path.join(".")}: ${d.message}`,
    );

  it.each([
    [
      "!!merge on a scalar (became a Symbol that crashed the salvage pass)",
      "title: !!merge x\n",
      "1:16 title: YAML tag !!merge is not supported",
    ],
    ["!!value", "a:\n  b: !!value 3\n", "2:14 a.b: YAML tag !!value is not supported"],
    ["a local tag", "a: !foo 3\n", "1:9 a: YAML tag !foo is not supported"],
    ["!!binary", "a: !!binary aGVsbG8=\n", "1:13 a: YAML tag !!binary is not supported"],
    ["!!set on a mapping", "a: !!set { x }\n", "1:10 a: YAML tag !!set is not supported"],
    ["!!timestamp", "a: !!timestamp 2023-01-01\n", "1:16 a: YAML tag !!timestamp is not supported"],
  ])("refuses %s with a position", (_, text, expected) => {
    expect(messages(text)).toEqual([expected]);
  });

  it("accepts YAML's own tags for text, numbers, lists and mappings", () => {
    const result = englishParse("f.yaml", 'a: !!str 2023.1\nb: !!int "3"\nc: !!seq [1]\nd: !!map { e: !!null ~ }\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.ok && result.source.data).toEqual({ a: "2023.1", b: 3, c: [1], d: { e: null } });
  });

  it("reports a list or a mapping used as a key as its own diagnostic, and prints nothing itself", () => {
    const warn = vi.spyOn(process, "emitWarning");
    try {
      expect(messages("a: 1\n? [x, y]\n: 2\n{ k: v }: 3\n")).toEqual([
        "2:3 : YAML: a list is used as a key",
        "4:1 : YAML: a mapping is used as a key",
      ]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it("reports duplicate keys, including ones that differ only in how YAML typed them", () => {
    expect(messages("a: 1\nb:\n  1: x\n  '1': y\na: 2\n")).toEqual([
      '4:3 b.1: YAML syntax: duplicate key "1" (first at line 3)',
      '5:1 a: YAML syntax: duplicate key "a" (first at line 1)',
    ]);
  });

  it("finds a duplicate among 20,000 keys (checked with a set; linearity is measured by npm run fuzz)", () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}\n`).join("");
    const result = englishParse("wide.yaml", `${keys}k17: again\n`);
    expect(result.diagnostics.map((d) => d.message)).toEqual(['YAML syntax: duplicate key "k17" (first at line 18)']);
  });
});

describe("checkDataLimits", () => {
  it("counts shared nodes each time they are reached", () => {
    const shared = [1, 2, 3];
    expect(checkDataLimits({ a: shared, b: shared }, { values: 8, depth: 10 })).toEqual({ kind: "too-many", limit: 8 });
    expect(checkDataLimits({ a: shared, b: shared }, { values: 9, depth: 10 })).toBeUndefined();
  });
});
