import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  diagnosticMessagesEn,
  diagnosticMessagesId,
  localizeDiagnostic,
  localizeError,
} from "../../src/text/diagnostic-messages.js";

/**
 * Every code the program gives a diagnostic or an error (`"schema.unknown-key"`,
 * `.coded("out.folder-missing", …)`) has its Indonesian text; the English text is the
 * diagnostic's own message. And the catalogue holds no code nothing emits any more.
 */
const CATALOGUES = new Set([
  "src/text/diagnostic-messages.ts",
  "src/text/definition-messages.ts",
  "src/text/file-messages.ts",
  "src/text/option-messages.ts",
  "src/text/definition-messages-en.ts",
]);
const CODE =
  /"((?:answer|answers|schema|questionnaire|yaml|file|data|document|previous|diagnostics|profile|out|option|save|fill|input|audit|survey|map)\.[a-z0-9-]+)"/g;

async function sources(dir = "src"): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (path.endsWith(".ts")) out.push(path);
  }
  return out;
}

async function codesIn(files: string[]): Promise<Set<string>> {
  const codes = new Set<string>();
  for (const file of files) for (const m of (await readFile(file, "utf8")).matchAll(CODE)) codes.add(m[1]!);
  return codes;
}

describe("the diagnostic catalogue", () => {
  it("says every code the program emits in Indonesian, and holds no code nothing emits", async () => {
    const files = (await sources()).filter((f) => !CATALOGUES.has(f));
    const emitted = await codesIn(files);
    const errorCode = (code: string) => /^(out|option|save|fill|audit|survey)\./.test(code);
    const missing = [...emitted]
      .filter((code) =>
        errorCode(code)
          ? localizeError({ message: "ENGLISH", code, params: {} }, "id").message === "ENGLISH"
          : !Object.hasOwn(diagnosticMessagesId, code),
      )
      .sort();
    const stale = Object.keys(diagnosticMessagesId)
      .filter((code) => !emitted.has(code))
      .sort();
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(emitted.size).toBeGreaterThan(90);
  });

  it("says every code the pure layers (src/model, src/engine) emit in English too: they give no sentence of their own", async () => {
    const pure = [...(await sources("src/model")), ...(await sources("src/engine"))];
    const emitted = await codesIn(pure);
    const missing = [...emitted].filter((code) => !Object.hasOwn(diagnosticMessagesEn, code)).sort();
    expect(missing).toEqual([]);
    expect(emitted.size).toBeGreaterThan(60);
    for (const file of pure)
      expect(await readFile(file, "utf8"), file).not.toMatch(
        /\b(?:message|hint): [`"'](?!(?:schema|answers?|questionnaire)\.[a-z-]+["'])/,
      );
  });

  it("renders every Indonesian entry without throwing when a parameter is missing", () => {
    for (const [code, entry] of [...Object.entries(diagnosticMessagesId), ...Object.entries(diagnosticMessagesEn)]) {
      expect(entry.message({}), code).toEqual(expect.any(String));
      expect(entry.hint?.({}) ?? "", code).toEqual(expect.any(String));
    }
  });

  it("writes a file size with the decimal comma in Indonesian", () => {
    const tooLarge = {
      code: "file.too-large",
      params: { size: "5.2 MiB", limit: "5.0 MiB" },
      message: "file is 5.2 MiB, larger than the 5.0 MiB limit",
    };
    expect(localizeDiagnostic(tooLarge, "id").message).toBe("berkas berukuran 5,2 MiB, melebihi batas 5,0 MiB");
  });
});
