import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { Diagnostic } from "../errors.js";
import { hasErrors } from "../errors.js";
import type { Questionnaire } from "../model/questionnaire.js";
import { shippedQuestionnairesDir } from "./package-root.js";
import type { QuestionnaireStore } from "./questionnaire-store.js";
import { parseYamlText, readTextFile } from "./source.js";
import { capDiagnostics } from "./diagnostic-cap.js";

export interface LoadedQuestionnaire {
  file: string;
  questionnaire: Questionnaire;
  sha256: string;
}

export type QuestionnaireResult =
  | { ok: true; value: LoadedQuestionnaire; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Ids of the questionnaires shipped in `questionnaires/`, sorted. */
function listShippedQuestionnaires(): string[] {
  const dir = shippedQuestionnairesDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ""))
    .sort();
}

const looksLikePath = (ref: string) => /[\\/]/.test(ref) || /\.(ya?ml|json)$/i.test(ref);

/**
 * Resolves a questionnaire reference: a path (relative to `baseDir`), or the id of a shipped
 * questionnaire. Returns the file to load, or a diagnostic naming what exists.
 */
export function resolveQuestionnaire(
  ref: string,
  baseDir: string,
): { file: string } | { error: string; hint?: string; code: string; params: Record<string, string | string[]> } {
  if (looksLikePath(ref)) {
    const file = isAbsolute(ref) ? ref : resolve(baseDir, ref);
    return existsSync(file)
      ? { file }
      : {
          error: `questionnaire file "${ref}" not found`,
          hint: `looked for ${file}`,
          code: "questionnaire.file-not-found",
          params: { ref, file },
        };
  }
  const dir = shippedQuestionnairesDir();
  for (const ext of [".yaml", ".yml"]) {
    const file = join(dir, ref + ext);
    if (existsSync(file)) return { file };
  }
  const local = resolve(baseDir, ref);
  if (existsSync(local)) return { file: local };
  const shipped = listShippedQuestionnaires();
  return {
    code: "questionnaire.unknown",
    params: { ref, shipped },
    error: `unknown questionnaire "${ref}"`,
    hint: shipped.length
      ? `shipped questionnaires: ${shipped.join(", ")}; or give a path to a YAML file`
      : "give a path to a YAML file",
  };
}

/**
 * Reads and checks a questionnaire file. With a store, a questionnaire whose exact text was
 * checked before (by the build, or by an earlier run) is not parsed and checked again.
 */
export async function loadQuestionnaireFile(file: string, store?: QuestionnaireStore): Promise<QuestionnaireResult> {
  const text = await readTextFile(file);
  if ("diagnostic" in text) return { ok: false, diagnostics: [text.diagnostic] };
  const compiled = await store?.lookup(text.text);
  if (compiled) return { ok: true, value: { file, ...compiled }, diagnostics: [] };
  const read = parseYamlText(file, text.text);
  if (!read.ok) return { ok: false, diagnostics: capDiagnostics(file, read.diagnostics) };
  const { checkQuestionnaireSource } = await import("./check-questionnaire.js");
  const checked = checkQuestionnaireSource(read.source);
  const diagnostics = capDiagnostics(file, [...read.diagnostics, ...checked.diagnostics]);
  if (!checked.questionnaire || hasErrors(diagnostics)) return { ok: false, diagnostics };
  const value = { file, questionnaire: checked.questionnaire, sha256: questionnaireSha256(checked.questionnaire) };
  // Only a questionnaire without any diagnostic is remembered: a hit then needs no positions.
  if (diagnostics.length === 0) await store?.save(text.text, value);
  return { ok: true, value, diagnostics };
}

/** Loads a questionnaire by id or path. */
export async function loadQuestionnaire(
  ref: string,
  baseDir: string,
  store?: QuestionnaireStore,
): Promise<QuestionnaireResult> {
  const resolved = resolveQuestionnaire(ref, baseDir);
  if ("error" in resolved) {
    return {
      ok: false,
      diagnostics: [
        {
          file: ref,
          path: [],
          severity: "error",
          code: resolved.code,
          params: resolved.params,
          message: resolved.error,
          ...(resolved.hint ? { hint: resolved.hint } : {}),
        },
      ],
    };
  }
  return loadQuestionnaireFile(resolved.file, store);
}

/**
 * sha256 of the definition's canonical JSON (keys sorted), so that comments and formatting
 * do not count as a change but any change to content does.
 */
export function questionnaireSha256(questionnaire: Questionnaire): string {
  return createHash("sha256").update(canonicalJson(questionnaire)).digest("hex");
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
