import { currentUser, type CommandIO } from "../command-io.js";
import { CancelledError } from "../errors.js";
import { AnswerStore } from "../io/answer-store.js";
import { AuditLog } from "../io/audit-log.js";
import type { AnswerFile } from "../model/answers.js";
import type { Questionnaire } from "../model/questionnaire.js";
import type { WalkEnd } from "./walk.js";

/** The file a walk writes, as its command opened it. */
export interface WalkFile {
  /** Absolute path. */
  file: string;
  /** The path as the user reads and types it. */
  display: string;
  /** The file's text when it was opened; absent for a new file. */
  originalText?: string;
  /** The answers as that text held them (the audit trail's start). */
  opened?: AnswerFile;
}

/**
 * The store every change of a walk goes through: each save is recorded in the file's history
 * (with who and which command) before the file is replaced atomically. The history is first
 * brought in line with the file as it was opened.
 */
export async function openWalkStore(
  target: WalkFile,
  questionnaire: Questionnaire,
  io: CommandIO,
  who: { as: string | undefined; command: string; onBackup: (backup: string) => void },
): Promise<AnswerStore> {
  const audit = new AuditLog(
    target.file,
    { by: currentUser(io, who.as), command: who.command, now: io.now ?? (() => new Date()) },
    target.display,
  );
  await audit.reconcile(target.opened);
  return new AnswerStore(target.file, {
    audit,
    ...(target.opened ? { opened: target.opened } : {}),
    questionOrder: questionnaire.elements.flatMap((e) => e.questions.map((q) => q.id)),
    ...(target.originalText !== undefined ? { originalText: target.originalText } : {}),
    onBackup: who.onBackup,
    display: target.display,
  });
}

/**
 * Runs the walk; Ctrl-C (or SIGTERM, or a closed terminal) becomes a CancelledError that says
 * where the answers are and how to resume (exit 130), and "save and quit" says the same. Returns
 * the finished walk's answers, or undefined when the user quit.
 */
export async function walkUntilDone(
  walk: () => Promise<WalkEnd>,
  resume: string,
  write: (text: string) => void,
): Promise<AnswerFile | undefined> {
  let end: WalkEnd;
  try {
    end = await walk();
  } catch (error) {
    if (error instanceof CancelledError) {
      write("\n");
      throw new CancelledError(resume);
    }
    throw error;
  }
  if (end.kind === "finished") return end.answers;
  write(`\n${resume}\n`);
  return undefined;
}
