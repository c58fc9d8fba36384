import { constants } from "node:fs";
import { copyFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node } from "yaml";
import { KuesionerError } from "../errors.js";
import type { Answer, AnswerFile, AnswerObject, SurveyAnswer } from "../model/answers.js";
import { writeFileAtomic } from "./atomic-write.js";
import { MAX_FILE_BYTES, readRegularFile } from "./source.js";
import type { AuditLog } from "./audit-log.js";
import { shippedQuestionnairesDir } from "./package-root.js";
import { hasOwnKey, own } from "../model/own.js";
import { pushAll } from "../model/collections.js";
import { answerFileKeys } from "../model/document-keys.js";

const RESPONDENT_KEYS = ["region", "year", "office", "officer"] as const;
/** The region's answer first, then the panel's verification of it. */
const ANSWER_KEYS = [
  "score",
  "survey",
  "value",
  "evidence",
  "note",
  "assessors",
] as const satisfies readonly (keyof AnswerObject)[];

const DIGESTS_COMMENT =
  " Fingerprints of the questions, so that fill can tell which ones a later questionnaire version changed.";
const GENERATED_COMMENTS = new Set([DIGESTS_COMMENT.trim()]);

/** `# yaml-language-server: $schema=…` pointing at the shipped answer-file schema, relative to the file. */
export function schemaComment(file: string): string {
  const schema = join(shippedQuestionnairesDir(), "answers.schema.json");
  let ref = relative(dirname(file), schema).split(sep).join("/");
  if (!ref.startsWith(".")) ref = `./${ref}`;
  return ` yaml-language-server: $schema=${ref}`;
}

function pick<T extends object>(object: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key];
  return out;
}

/** Survey counts keyed by number, so YAML writes `0: 1`, not `"0": 1`. */
function orderSurvey(survey: SurveyAnswer, forYaml: boolean): unknown {
  if (!("counts" in survey)) return { mean: survey.mean, respondents: survey.respondents };
  const entries = Object.entries(survey.counts).sort(([a], [b]) => Number(a) - Number(b));
  const counts = forYaml ? new Map(entries.map(([k, v]) => [Number(k), v])) : Object.fromEntries(entries);
  return survey.imported ? { counts, imported: survey.imported } : { counts };
}

function orderAnswer(answer: Answer, forYaml: boolean): unknown {
  if (answer === null || typeof answer === "number") return answer;
  const ordered: Record<string, unknown> = pick(answer, ANSWER_KEYS);
  if (answer.survey) ordered.survey = orderSurvey(answer.survey, forYaml);
  if (answer.assessors)
    ordered.assessors = answer.assessors.map((a) =>
      typeof a === "number" ? a : { name: a.name, score: a.score, ...(a.note !== undefined ? { note: a.note } : {}) },
    );
  return ordered;
}

function orderAnswers(
  answers: Record<string, Answer>,
  questionOrder: readonly string[],
  forYaml: boolean,
): Record<string, unknown> {
  const order = new Set(questionOrder);
  const ids = [
    ...questionOrder.filter((id) => hasOwnKey(answers, id)),
    ...Object.keys(answers).filter((id) => !order.has(id)),
  ];
  return Object.fromEntries(ids.map((id) => [id, orderAnswer(own(answers, id)!, forYaml)]));
}

function orderFile(file: AnswerFile, questionOrder: readonly string[], forYaml: boolean): Record<string, unknown> {
  const ordered: Record<string, unknown> = pick(file, answerFileKeys);
  if (file.respondent) ordered.respondent = pick(file.respondent, RESPONDENT_KEYS);
  ordered.answers = orderAnswers(file.answers, questionOrder, forYaml);
  if (file.retiredAnswers) ordered.retiredAnswers = orderAnswers(file.retiredAnswers, questionOrder, forYaml);
  return ordered;
}

/**
 * The answer file as text: keys in a fixed order, answers in questionnaire order, survey results
 * on one line, no line folding. JSON for a `.json` file, YAML with the schema comment otherwise.
 */
export function serializeAnswerFile(
  file: AnswerFile,
  options: { questionOrder: readonly string[]; json?: boolean; comment?: string },
): string {
  if (options.json) return `${JSON.stringify(orderFile(file, options.questionOrder, false), null, 2)}\n`;
  const doc = new Document(orderFile(file, options.questionOrder, true));
  if (options.comment) doc.commentBefore = options.comment;
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      if (pair.key.value === "survey" && isMap(pair.value)) pair.value.flow = true;
      // One line per assessor: name, score and note read as one verdict.
      if (pair.key.value === "assessors" && isSeq(pair.value))
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      if (pair.key.value === "questionDigests") pair.key.commentBefore = DIGESTS_COMMENT;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** Whether a YAML text carries comments of its own, which rewriting the file would lose. */
export function hasOwnComments(text: string): boolean {
  const doc = parseDocument(text);
  const comments: string[] = [];
  const collect = (node: { commentBefore?: string | null; comment?: string | null }) => {
    if (node.commentBefore) pushAll(comments, node.commentBefore.split("\n"));
    if (node.comment) pushAll(comments, node.comment.split("\n"));
  };
  collect(doc);
  visit(doc, {
    Node(_, node: Node) {
      collect(node);
    },
  });
  return comments
    .map((c) => c.trim())
    .some((c) => c !== "" && !c.startsWith("yaml-language-server:") && !GENERATED_COMMENTS.has(c));
}

/**
 * Saves the answer file after every change, atomically. It never overwrites what it did not
 * write itself: before each save, the file on disk must still be what was loaded (or last
 * saved), so a second `fill` on the same file or an edit in another window is not clobbered.
 */
export class AnswerStore {
  private lastText: string | undefined;
  private checkedComments = false;
  /** JSON of the answers last written, or found already written. */
  private lastSaved: string | undefined;
  /** The answers as the file last held them, for the audit trail. */
  private lastFile: AnswerFile | undefined;

  constructor(
    readonly file: string,
    private readonly options: {
      questionOrder: readonly string[];
      originalText?: string;
      onBackup?: (backup: string) => void;
      /** The file's name in messages (relative to the current folder); the path otherwise. */
      display?: string;
      /** Where every change is recorded before the file is replaced. */
      audit?: AuditLog;
      /** The answers as read from `originalText`: what the first save's changes are counted from. */
      opened?: AnswerFile;
    },
  ) {
    this.lastText = options.originalText;
    this.lastFile = options.opened;
  }

  /** Writes the answers; returns false when nothing changed since the last save. */
  async save(answers: AnswerFile): Promise<boolean> {
    // Most saves (a cursor that did not move, evidence left as it was) change nothing: a cheap
    // check spares serialising the whole file again.
    const fingerprint = JSON.stringify(answers);
    if (fingerprint === this.lastSaved) return false;
    const json = /\.json$/i.test(this.file);
    const text = serializeAnswerFile(answers, {
      questionOrder: this.options.questionOrder,
      json,
      comment: schemaComment(this.file),
    });
    if (text === this.lastText) {
      this.lastSaved = fingerprint;
      this.lastFile = answers;
      return false;
    }
    const name = this.options.display ?? this.file;
    // Read as every answer file is (readRegularFile): a pipe, a device or a folder put in the
    // file's place while fill ran, or a file grown past what an answer file may be, is not the
    // file fill opened; a FIFO read with readFile would have held the save, and fill, forever.
    const read = readRegularFile(this.file, MAX_FILE_BYTES);
    if ("refused" in read && read.refused === "unreadable") {
      const reason = (read.error as NodeJS.ErrnoException).code ?? String(read.error);
      throw new KuesionerError(`cannot read ${name} before saving (${reason})`).coded("save.cannot-read", {
        file: name,
        reason,
      });
    }
    const onDisk = "bytes" in read ? read.bytes.toString("utf8") : undefined;
    if (("refused" in read && read.refused !== "not-found") || stripBom(onDisk) !== stripBom(this.lastText)) {
      throw new KuesionerError(
        `${name} was changed by another program while fill was running; not overwriting it`,
        undefined,
        "your last answer was not saved; run kuesioner fill again to resume from the file as it is now",
      ).coded("save.changed-elsewhere", { file: name });
    }
    // Only the file as it was opened can hold the officer's comments; later versions are ours.
    if (onDisk !== undefined && onDisk === this.options.originalText && !this.checkedComments && !json) {
      this.checkedComments = true;
      if (hasOwnComments(onDisk)) {
        const backup = await backUp(this.file);
        this.options.onBackup?.(backup);
      }
    }
    // The log first: after a kill between the two, the log holds a change the file lacks, which
    // the next open records as unsaved; the other order could lose a change from the history.
    await this.options.audit?.record(this.lastFile, answers);
    try {
      await writeFileAtomic(this.file, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      const reason =
        code === "ENOENT"
          ? "its folder does not exist"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : code === "ENOSPC"
              ? "the disk is full"
              : code;
      const kept = onDisk === undefined ? "" : "; the file keeps its previous content";
      throw new KuesionerError(`cannot save ${name}: ${reason}${kept}`).coded("save.failed", {
        file: name,
        reason: code,
        ...(onDisk === undefined ? {} : { kept: "yes" }),
      });
    }
    this.lastText = text;
    this.lastSaved = fingerprint;
    this.lastFile = answers;
    return true;
  }
}

const stripBom = (text: string | undefined) => text?.replace(/^\uFEFF/, "");

/** Copies the file to FILE.bak (or FILE.bak.2, … : an older backup is never replaced). */
async function backUp(file: string): Promise<string> {
  for (let n = 1; ; n++) {
    const target = n === 1 ? `${file}.bak` : `${file}.bak.${n}`;
    try {
      await copyFile(file, target, constants.COPYFILE_EXCL);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}
