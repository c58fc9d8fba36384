import { open } from "node:fs/promises";
import { dirname } from "node:path";
import type { AnswerFile } from "../model/answers.js";
import {
  auditEntrySchema,
  auditStateOf,
  diffAnswerFiles,
  reconcileEntries,
  type AuditChange,
  type AuditEntry,
} from "../model/audit.js";
import { KuesionerError } from "../errors.js";
import { readRegularFile } from "./source.js";

/** The history of `jawaban.yaml` is `jawaban.yaml.history.jsonl`, beside it (copied with it). */
export function historyFileOf(answerFile: string): string {
  return `${answerFile}.history.jsonl`;
}

/**
 * A line that is not an entry: its reason for the catalogues (history's messages), and the
 * English message `history --format json` shows.
 */
export interface AuditLogProblem {
  line: number;
  reason: "not-json" | "not-entry";
  message: string;
}

export interface AuditLogRead {
  exists: boolean;
  entries: AuditEntry[];
  /** Lines that are not valid entries (1-based line numbers); a torn last line is not one. */
  problems: AuditLogProblem[];
  /** The last line was cut short (a kill while appending): ignored, and ended on the next append. */
  torn: boolean;
}

/**
 * The largest history log read: about 200 bytes an entry, so some 300,000 changes, where a
 * questionnaire's file sees a few hundred in a year. Past it the log is refused, not read into
 * memory whole (a log that is a link to /dev/zero read half a gigabyte before failing).
 */
const MAX_LOG_BYTES = 64 * 1024 * 1024;

/**
 * Reads a history log. A missing log is an empty one. `shown` is the log as its errors name it:
 * the answer file as the user gave it, with the log's suffix (the path read is absolute).
 */
export async function readAuditLog(logFile: string, shown = logFile): Promise<AuditLogRead> {
  const text = readLogText(logFile, shown);
  if (text === undefined) return { exists: false, entries: [], problems: [], torn: false };
  const lines = text.split("\n");
  const endsCleanly = text === "" || text.endsWith("\n");
  if (endsCleanly) lines.pop();
  const entries: AuditEntry[] = [];
  const problems: AuditLogRead["problems"] = [];
  let torn = false;
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const last = i === lines.length - 1;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      if (last && !endsCleanly) torn = true;
      else problems.push({ line: i + 1, reason: "not-json", message: "not a JSON line" });
      return;
    }
    const parsed = auditEntrySchema.safeParse(data);
    if (parsed.success) entries.push(parsed.data);
    else
      problems.push({
        line: i + 1,
        reason: "not-entry",
        message: `not a history entry (${parsed.error.issues[0]?.message ?? "invalid"})`,
      });
  });
  return { exists: true, entries, problems, torn };
}

/**
 * The log's text; undefined when there is none. Opened without blocking and checked on the open
 * descriptor, as answer files are (src/io/source.ts): a FIFO in its place would otherwise hang
 * fill, verify, merge and history at their start, and a device be read without end.
 */
function readLogText(logFile: string, shown: string): string | undefined {
  const read = readRegularFile(logFile, MAX_LOG_BYTES);
  if ("bytes" in read) return read.bytes.toString("utf8");
  switch (read.refused) {
    case "not-found":
      return undefined;
    case "not-regular":
      throw new KuesionerError(
        `cannot read ${shown}: ${LOG_KINDS[read.kind === "other" ? "device" : read.kind]}, expected a history log (a text file)`,
      ).coded("audit.not-regular", { file: shown, kind: read.kind });
    case "too-large":
      throw tooLarge(shown);
    case "unreadable":
      throw cannotRead(shown, (read.error as NodeJS.ErrnoException).code ?? String(read.error));
  }
}

const LOG_KINDS = {
  folder: "it is a folder",
  fifo: "it is a named pipe (FIFO)",
  socket: "it is a socket",
  device: "it is a device",
};

function cannotRead(logFile: string, reason: string): KuesionerError {
  return new KuesionerError(`cannot read ${logFile} (${reason})`).coded("audit.cannot-read", { file: logFile, reason });
}

const tooLarge = (logFile: string) =>
  new KuesionerError(
    `${logFile} is larger than ${MAX_LOG_BYTES / 1024 / 1024} MiB: too large for a history log`,
    undefined,
    "move it aside (the answers are not in it) and kuesioner starts a new one",
  ).coded("audit.too-large", { file: logFile, limit: MAX_LOG_BYTES / 1024 / 1024 });

async function appendDurably(logFile: string, lines: string, created: boolean): Promise<void> {
  const handle = await open(logFile, "a", 0o644);
  try {
    await handle.writeFile(lines, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (created) {
    // A new log's name must be durable before the answer file it vouches for is.
    try {
      const dir = await open(dirname(logFile), "r");
      await dir.sync().catch(() => {});
      await dir.close();
    } catch {
      // Folders cannot be opened on some file systems; the append itself is synced.
    }
  }
}

/**
 * The audit trail one command keeps while it changes an answer file. Every change is appended
 * and flushed to disk BEFORE the answer file is replaced, so after a kill the log holds at least
 * what the file holds; on the next open, `reconcile` records the difference (a save that never
 * reached the file, or an edit made outside kuesioner), and the log and the file agree again.
 */
export class AuditLog {
  readonly logFile: string;
  /** The log as its errors name it (readAuditLog). */
  private readonly shown: string;
  private seq = 0;
  private torn = false;
  private exists = false;

  constructor(
    answerFile: string,
    private readonly who: { by: string; command: string; now: () => Date },
    /** The answer file as the user named it. */
    shownAs = answerFile,
  ) {
    this.logFile = historyFileOf(answerFile);
    this.shown = historyFileOf(shownAs);
  }

  /** Reads the log and brings it in line with the file as opened (undefined: a new file). */
  async reconcile(onDisk: AnswerFile | undefined): Promise<AuditEntry[]> {
    const read = await readAuditLog(this.logFile, this.shown);
    this.exists = read.exists;
    this.torn = read.torn;
    this.seq = read.entries.at(-1)?.seq ?? 0;
    const added = reconcileEntries(read.entries, auditStateOf(onDisk), this.who.now().toISOString());
    if (added.length > 0) await this.append(added);
    return added;
  }

  /** Records the changes from `before` to `after`; returns false when there were none. */
  async record(before: AnswerFile | undefined, after: AnswerFile): Promise<boolean> {
    const changes = diffAnswerFiles(before, after);
    if (changes.length === 0) return false;
    const seq = this.seq + 1;
    const time = this.who.now().toISOString();
    await this.append(
      changes.map((c: AuditChange) => ({ seq, time, by: this.who.by, command: this.who.command, ...c })),
    );
    return true;
  }

  private async append(entries: AuditEntry[]): Promise<void> {
    const text = (this.torn ? "\n" : "") + entries.map((e) => `${JSON.stringify(e)}\n`).join("");
    try {
      await appendDurably(this.logFile, text, !this.exists);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new KuesionerError(
        `cannot record the change in ${this.shown} (${code}); the answer file was not changed`,
      ).coded("audit.cannot-record", { file: this.shown, reason: code });
    }
    this.exists = true;
    this.torn = false;
    this.seq = entries.at(-1)?.seq ?? this.seq;
  }
}
