import { dirname } from "node:path";
import type { Diagnostic } from "../errors.js";
import type { AnswerFile } from "../model/answers.js";
import { checkAnswerFile } from "../model/answers-check.js";
import { own } from "../model/own.js";
import {
  loadQuestionnaire,
  loadQuestionnaireFile,
  resolveQuestionnaire,
  type LoadedQuestionnaire,
  type QuestionnaireResult,
} from "./load-questionnaire.js";
import type { QuestionnaireStore } from "./questionnaire-store.js";
import { loadSource, locateIssue, type ParsedSource, type SourceResult } from "./source.js";

export interface LoadedAnswers {
  file: string;
  answers: AnswerFile;
  source: ParsedSource;
}

export type AnswersResult =
  | { ok: true; value: LoadedAnswers; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; source?: ParsedSource };

/** Reads and shape-checks an answer file (YAML or JSON); `preloaded`: the file already read by loadSource. */
export async function loadAnswerFile(file: string, preloaded?: SourceResult): Promise<AnswersResult> {
  const read = preloaded ?? (await loadSource(file));
  if (!read.ok) return read;
  // A file that passes takes the hand-written check (a batch spends its time here); any other
  // goes to zod, which says what is wrong and where. zod and the schemas load only then: they
  // cost a short command more than everything else it does.
  const checked = checkAnswerFile(read.source.data);
  if (checked)
    return { ok: true, value: { file, answers: checked, source: read.source }, diagnostics: read.diagnostics };
  const [{ answerFileSchema }, { issuesFromZod }] = await Promise.all([
    import("../model/answers.js"),
    import("../model/zod-issues.js"),
  ]);
  const parsed = answerFileSchema.safeParse(read.source.data);
  if (!parsed.success) {
    const diagnostics = issuesFromZod(parsed.error.issues, { schema: answerFileSchema, data: read.source.data }).map(
      (s) => locateIssue(read.source, s.issue, { atKey: s.atKey }),
    );
    return { ok: false, diagnostics: [...read.diagnostics, ...diagnostics], source: read.source };
  }
  keepProtoKeys(read.source.data, parsed.data);
  return { ok: true, value: { file, answers: parsed.data, source: read.source }, diagnostics: read.diagnostics };
}

/**
 * zod builds a record by assignment, and assigning "__proto__" sets the prototype instead of
 * a key: the answer would vanish without a word. Put such a key back as an own property, so the
 * scorer reports it as the unknown question id it is, and fill keeps it when saving.
 */
function keepProtoKeys(raw: unknown, parsed: AnswerFile): void {
  for (const field of ["answers", "retiredAnswers", "questionDigests"] as const) {
    const from = raw !== null && typeof raw === "object" ? own(raw as Record<string, unknown>, field) : undefined;
    const to = parsed[field];
    if (!from || typeof from !== "object" || !to || !Object.hasOwn(from, "__proto__")) continue;
    Object.defineProperty(to, "__proto__", {
      value: own(from as Record<string, unknown>, "__proto__"),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

/**
 * Loads questionnaires once per reference and answer-file folder; batch scoring shares one cache.
 * `store`: where questionnaires checked by earlier runs (or the build) are kept.
 */
export class QuestionnaireCache {
  constructor(readonly store?: QuestionnaireStore) {}
  private readonly loaded = new Map<string, Promise<QuestionnaireResult>>();
  /** Resolution per folder and reference, so a batch does not probe the disk for every file. */
  private readonly resolutions = new Map<string, ReturnType<typeof resolveQuestionnaire>>();
  /** The questionnaire in `file`, loaded once. */
  getFile(file: string): Promise<QuestionnaireResult> {
    let result = this.loaded.get(file);
    if (!result) {
      result = loadQuestionnaireFile(file, this.store);
      this.loaded.set(file, result);
    }
    return result;
  }

  get(ref: string, baseDir: string): Promise<QuestionnaireResult> {
    // Keyed by the file the reference resolves to: answer files spread over many folders that
    // name the same questionnaire must not load and validate it once per folder (a batch of
    // region folders would hold hundreds of copies).
    const where = `${baseDir}\0${ref}`;
    let resolved = this.resolutions.get(where);
    if (!resolved) {
      resolved = resolveQuestionnaire(ref, baseDir);
      this.resolutions.set(where, resolved);
    }
    const key = "file" in resolved ? resolved.file : where;
    let result = this.loaded.get(key);
    if (!result) {
      result =
        "file" in resolved
          ? loadQuestionnaireFile(resolved.file, this.store)
          : loadQuestionnaire(ref, baseDir, this.store);
      this.loaded.set(key, result);
    }
    return result;
  }
}

/**
 * The questionnaire an answer file names, with a diagnostic located at `questionnaire:` when it
 * cannot be loaded, and a warning when the recorded sha256 no longer matches.
 */
export async function questionnaireForAnswers(
  loaded: LoadedAnswers,
  cache: QuestionnaireCache = new QuestionnaireCache(),
): Promise<{ questionnaire?: LoadedQuestionnaire; diagnostics: Diagnostic[] }> {
  const ref = loaded.answers.questionnaire;
  const result = await cache.get(ref, dirname(loaded.file));
  if (!result.ok) {
    const notFound = result.diagnostics.length === 1 && result.diagnostics[0]!.file === ref;
    if (notFound) {
      const d = result.diagnostics[0]!;
      return {
        diagnostics: [
          locateIssue(loaded.source, {
            path: ["questionnaire"],
            severity: "error",
            ...(d.code ? { code: d.code, params: d.params ?? {} } : {}),
            message: d.message,
            ...(d.hint ? { hint: d.hint } : {}),
          }),
        ],
      };
    }
    const head = locateIssue(loaded.source, {
      path: ["questionnaire"],
      severity: "error",
      code: "answers.questionnaire-invalid",
      params: { ref },
      message: `questionnaire "${ref}" is invalid`,
      hint: "run kuesioner validate on it",
    });
    return { diagnostics: [head, ...result.diagnostics.filter((d) => d.severity === "error")] };
  }
  const diagnostics: Diagnostic[] = [];
  const recorded = loaded.answers.questionnaireSha256;
  if (recorded && recorded !== result.value.sha256) {
    diagnostics.push(
      locateIssue(loaded.source, {
        path: ["questionnaireSha256"],
        severity: "warning",
        code: "answers.questionnaire-changed",
        params: { ref, recorded: recorded.slice(0, 12), now: result.value.sha256.slice(0, 12) },
        message: `questionnaire "${ref}" changed since this file was started (recorded sha256 ${recorded.slice(0, 12)}…, now ${result.value.sha256.slice(0, 12)}…)`,
        hint: "run kuesioner fill on the file to review what changed",
      }),
    );
  }
  return { questionnaire: result.value, diagnostics };
}
