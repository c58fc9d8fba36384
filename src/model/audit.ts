import { z } from "zod";
import type { AnswerFile } from "./answers.js";

/**
 * The audit trail of an answer file: one JSON line per change, appended before the change
 * reaches the file. Pure: diffing two versions of a file, replaying a log, and telling
 * whether a log and a file agree. The reading and writing is in src/io/audit-log.ts.
 */

/** Top-level keys whose changes are recorded; the cursor and the question fingerprints are bookkeeping. */
const AUDITED_FIELDS = [
  "questionnaire",
  "questionnaireVersion",
  "profile",
  "status",
  "assessor",
  "respondent",
  "previous",
  "retiredAnswers",
] as const satisfies readonly (keyof AnswerFile)[];

export const auditEntrySchema = z.strictObject({
  /** The save this change belongs to: every change of one save has the same number. */
  seq: z.int().nonnegative(),
  /** ISO 8601, UTC. */
  time: z.string().min(1),
  /** Who made the change (`--as`, else the system user); null for a reconciliation. */
  by: z.string().nullable(),
  /** fill, verify, merge; "reconcile" when kuesioner found the file differing from its log. */
  command: z.string().min(1),
  /** Why a reconciliation was needed (see `reconcileReason`). */
  reason: z.enum(["unsaved", "outside"]).optional(),
  question: z.string().min(1).optional(),
  field: z.string().min(1).optional(),
  old: z.unknown(),
  new: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A change before it is stamped with a save number, a time and an author. */
export interface AuditChange {
  question?: string;
  field?: string;
  old: unknown;
  new: unknown;
}

/** What the log records of a file: the audited fields and each question's answer (null: none). */
export interface AuditState {
  fields: Record<string, unknown>;
  answers: Record<string, unknown>;
}

/** Without a prototype: question ids are the user's, and "__proto__" must stay a plain key. */
const emptyAuditState = (): AuditState => ({ fields: Object.create(null), answers: Object.create(null) });

/** JSON with sorted keys, so that equal values compare equal whatever order YAML gave them in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** A value as the log holds it: a plain JSON copy, absent and null both null. */
const logged = (value: unknown): unknown =>
  value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));

export function auditStateOf(file: AnswerFile | undefined): AuditState {
  const state = emptyAuditState();
  if (!file) return state;
  for (const field of AUDITED_FIELDS) {
    const value = logged(file[field]);
    if (value !== null) state.fields[field] = value;
  }
  for (const [id, answer] of Object.entries(file.answers)) {
    const value = logged(answer);
    if (value !== null) state.answers[id] = value;
  }
  return state;
}

/** The changes that turn `before` into `after`: fields in a fixed order, then questions in `after`'s order. */
function diffAuditStates(before: AuditState, after: AuditState): AuditChange[] {
  const changes: AuditChange[] = [];
  const differ = (a: unknown, b: unknown) => canonicalJson(a ?? null) !== canonicalJson(b ?? null);
  const fields = [...AUDITED_FIELDS, ...Object.keys(before.fields), ...Object.keys(after.fields)];
  for (const field of new Set(fields)) {
    if (differ(before.fields[field], after.fields[field]))
      changes.push({ field, old: before.fields[field] ?? null, new: after.fields[field] ?? null });
  }
  const questions = [...Object.keys(after.answers), ...Object.keys(before.answers)];
  for (const question of new Set(questions)) {
    if (differ(before.answers[question], after.answers[question]))
      changes.push({ question, old: before.answers[question] ?? null, new: after.answers[question] ?? null });
  }
  return changes;
}

export function diffAnswerFiles(before: AnswerFile | undefined, after: AnswerFile): AuditChange[] {
  return diffAuditStates(auditStateOf(before), auditStateOf(after));
}

/** The state a log describes: every change applied in order, starting from an empty file. */
export function replayAudit(entries: readonly AuditChange[]): AuditState {
  const state = emptyAuditState();
  for (const entry of entries) {
    const target = entry.question !== undefined ? state.answers : entry.field !== undefined ? state.fields : undefined;
    const key = entry.question ?? entry.field;
    if (!target || key === undefined) continue;
    if (entry.new === null || entry.new === undefined) delete target[key];
    else target[key] = entry.new;
  }
  return state;
}

export function auditStatesEqual(a: AuditState, b: AuditState): boolean {
  return diffAuditStates(a, b).length === 0;
}

/**
 * Why the file differs from what its log describes: "unsaved" when the log's last save never
 * reached the file (the process was killed between writing the log and renaming the file),
 * "outside" otherwise (edited by hand or by another program, or written before it had a log).
 */
function reconcileReason(entries: readonly AuditEntry[], file: AuditState): "unsaved" | "outside" {
  const last = entries.at(-1)?.seq;
  if (last === undefined) return "outside";
  const before = entries.filter((e) => e.seq !== last);
  return auditStatesEqual(replayAudit(before), file) ? "unsaved" : "outside";
}

/** Entries that bring a log back in line with the file as it is; empty when they agree. */
export function reconcileEntries(entries: readonly AuditEntry[], file: AuditState, time: string): AuditEntry[] {
  const changes = diffAuditStates(replayAudit(entries), file);
  if (changes.length === 0) return [];
  const seq = (entries.at(-1)?.seq ?? 0) + 1;
  const reason = reconcileReason(entries, file);
  return changes.map((c) => ({ seq, time, by: null, command: "reconcile", reason, ...c }));
}
