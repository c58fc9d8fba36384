import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { historyFileOf, readAuditLog } from "../../src/io/audit-log.js";
import { answerFileSchema } from "../../src/model/answers.js";
import { auditStateOf, auditStatesEqual, replayAudit } from "../../src/model/audit.js";

/**
 * How an answer file and its history stand after a kill: "agree" when replaying the log gives
 * the file; "one-save-ahead" when the log holds one last save the file never got (killed
 * between the two writes, which the next open records as unsaved). Anything else is a bug.
 */
export async function auditAgreement(file: string): Promise<"agree" | "one-save-ahead" | "disagree"> {
  const answers = answerFileSchema.parse(parse(await readFile(file, "utf8")));
  const { entries, problems } = await readAuditLog(historyFileOf(file));
  if (problems.length > 0) return "disagree";
  const state = auditStateOf(answers);
  if (auditStatesEqual(replayAudit(entries), state)) return "agree";
  const last = entries.at(-1)?.seq;
  return auditStatesEqual(replayAudit(entries.filter((e) => e.seq !== last)), state) ? "one-save-ahead" : "disagree";
}
