import { resolve } from "node:path";
import type { Diagnostic } from "../errors.js";
import { detectDocumentKind, isJsonSchema, type DocumentKind } from "../model/document-kind.js";
import { valueTokens } from "../model/value-tokens.js";
import { foundEn } from "../text/message-parts.js";
import { evaluateAnswerFile } from "./evaluate-answers.js";
import type { QuestionnaireCache } from "./load-answers.js";
import { questionnaireSha256 } from "./load-questionnaire.js";
import { locateIssue, parseYamlText, readTextFile, type ParsedSource } from "./source.js";
import { capDiagnostics } from "./diagnostic-cap.js";

export type FileKind = DocumentKind | "unknown";

export interface FileReport {
  /** As the user typed it. */
  file: string;
  kind: FileKind;
  /** Problems in the file, and in the questionnaire an answer file names when that one is broken. */
  diagnostics: Diagnostic[];
  /** Set when the file is not one to check (a JSON Schema): the command notes it and counts it apart. */
  skipped?: "json-schema";
}

/**
 * Checks one file, deciding from its content whether it is a questionnaire or an answer file.
 * Never throws for bad input: every problem is a diagnostic. `file` is read relative to `cwd`
 * and reported as given.
 */
export async function validateFile(
  file: string,
  options: { cwd: string; cache?: QuestionnaireCache },
): Promise<FileReport> {
  const absolute = resolve(options.cwd, file);
  const asTyped = (diagnostics: Diagnostic[]) =>
    capDiagnostics(absolute, diagnostics).map((d) => (d.file === absolute ? { ...d, file } : d));
  const text = await readTextFile(absolute);
  if ("diagnostic" in text) return { file, kind: "unknown", diagnostics: asTyped([text.diagnostic]) };
  // A questionnaire checked before, byte for byte, by this build has no diagnostics.
  const store = options.cache?.store;
  if (await store?.lookup(text.text)) return { file, kind: "questionnaire", diagnostics: [] };
  const read = parseYamlText(absolute, text.text);
  if (!read.ok)
    return {
      file,
      kind: (read.text !== undefined && detectDocumentKind(undefined, read.text)) || "unknown",
      diagnostics: asTyped(read.diagnostics),
    };

  const { source } = read;
  const data = source.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const found = data === null ? ["empty-document"] : valueTokens(data);
    return {
      file,
      kind: "unknown",
      diagnostics: asTyped([
        ...read.diagnostics,
        atRoot(
          source,
          "document.not-mapping",
          { found },
          `expected a mapping at the top level (a questionnaire or an answer file), found ${foundEn(found)}`,
        ),
      ]),
    };
  }
  if (isJsonSchema(data as Record<string, unknown>))
    return { file, kind: "unknown", diagnostics: [], skipped: "json-schema" };
  const kind = detectDocumentKind(data as Record<string, unknown>, source.text);
  if (!kind) {
    const unknown = atRoot(
      source,
      "document.kind-unknown",
      {},
      "cannot tell whether this is a questionnaire or an answer file",
      'a questionnaire has a top-level "elements" list; an answer file names its "questionnaire" and has "answers"',
    );
    return { file, kind: "unknown", diagnostics: asTyped([...read.diagnostics, unknown]) };
  }
  if (kind === "questionnaire") {
    const { checkQuestionnaireSource } = await import("./check-questionnaire.js");
    const checked = checkQuestionnaireSource(source);
    const diagnostics = [...read.diagnostics, ...checked.diagnostics];
    if (checked.questionnaire && diagnostics.length === 0)
      await store?.save(text.text, {
        questionnaire: checked.questionnaire,
        sha256: questionnaireSha256(checked.questionnaire),
      });
    return { file, kind, diagnostics: asTyped(diagnostics) };
  }
  const evaluated = await evaluateAnswerFile(absolute, {
    source: read,
    ...(options.cache ? { cache: options.cache } : {}),
  });
  return { file, kind, diagnostics: asTyped(evaluated.diagnostics) };
}

function atRoot(
  source: ParsedSource,
  code: string,
  params: NonNullable<Diagnostic["params"]>,
  message: string,
  hint?: string,
): Diagnostic {
  return locateIssue(source, { path: [], severity: "error", code, params, message, ...(hint ? { hint } : {}) });
}
