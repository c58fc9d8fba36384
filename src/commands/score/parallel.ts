import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { PreviousScore } from "../../engine/compare.js";
import type { QuestionnaireCache } from "../../io/load-answers.js";
import type { LoadedQuestionnaire } from "../../io/load-questionnaire.js";
import type { Lang } from "../../model/common.js";
import type { StringList } from "../../model/string-list.js";
import type { BatchItem } from "./batch-item.js";

/** What every worker is started with. */
export interface WorkerSetup {
  cwd: string;
  env: Record<string, string | undefined>;
  cache: boolean;
  named: string[];
  profile?: string;
  previous?: PreviousScore[];
  /** Whether items keep their question scores (for the workbook). */
  keepResult: boolean;
  /** With --format csv, the output's language: items keep their line (ScoredItem.csvRow). */
  csv?: Lang;
}
/** The batch's files, in order: kept as bytes, each name made when it is needed (string-list.ts). */
type FileNames = Pick<StringList, "length" | "get" | "slice" | typeof Symbol.iterator>;
export interface WorkerBatch {
  id: number;
  files: string[];
}
/** What a worker sends: "ready" once its code is loaded, then the outcomes of each batch. */
export type WorkerMessage = { ready: true } | { id: number; outcomes: WorkerOutcome[] };
/** An item as a worker sends it: the questionnaire named by its file and hash, not copied. */
export type WorkerOutcome = BatchItem<{ file: string; sha256: string }>;

/**
 * A worker's young generation: 8 MB, where V8 lets it grow to 3 × 16 MB. What a worker keeps
 * between files is small (the questionnaire, a batch's results until they are sent), so a small
 * nursery collects as fast: on the bench's 100,000 files (two cores, two runs each, in turn) 16.2
 * and 16.6 s with it, 16.7 and 17.1 s without, and a peak RSS of 185 MiB instead of 219 MiB
 * (5,000 files: 144 instead of 173 MiB, 1.5 s either way).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };
/**
 * Files scored on one thread between two turns of the event loop. Reads and scoring are
 * synchronous, so without a turn a batch was one long task, and the work V8's collector leaves for
 * the event loop waited until the end: one thread peaked at 125-127 MiB on 5,000 files and 125 MiB
 * on 10,000 instead of 116-122 and 115 (and at 100,000 files 136 or 146-149 MiB depending on
 * whether reading the questionnaire happened to turn the loop). The collector's work done during
 * the run costs a little CPU: at 5,000 files 2.22-2.28 s against 2.08-2.25 s (five runs each in
 * turn, 113-123 MiB against 125-128); every 2,048 files instead kept the CPU and lost most of the
 * saving (122-125 MiB).
 */
const TURN_EVERY = 256;
/** Files per message: large enough that messaging costs little, small enough to share the work evenly. */
const BATCH = 16;
/**
 * Below this many files one thread is as fast, and spends less CPU. A worker thread costs about
 * 0.3 s of CPU to start (Node compiles its own modules again for the thread, then ours and the
 * questionnaire), and one thread already keeps V8's compiler and collector busy on a second core
 * for a third of its time. Measured on two cores (3 December 2026, `--format csv`, medians of 3):
 * 1,500 files 0.70 s on one thread and 0.73 s on two, 3,000 files 1.12 s and 1.13 s, 5,000 files
 * 1.71 s and 1.60 s, 10,000 files 3.1 s and 2.5 s, 100,000 files 26.6 s and 18.0 s. With more
 * cores the gain starts a little earlier; this errs on the side of fewer threads.
 */
export const MIN_FILES_FOR_WORKERS = 4000;

/**
 * How many threads score a batch of `files`, this one included: KUESIONER_WORKERS when set
 * (1: this thread alone), else one per core (at most 8) for a batch large enough to gain.
 */
export function workerCount(files: number, env: Readonly<Record<string, string | undefined>>): number {
  const asked = Number.parseInt(env.KUESIONER_WORKERS ?? "", 10);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 64);
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/**
 * Evaluates `files` in order: in this thread, or shared between this thread and `threads - 1`
 * worker threads. Outcomes come back in the order of the files, so the output is the same byte
 * for byte. `here` evaluates one file in this thread; it also serves whenever a worker's
 * questionnaire is not the one this thread has (the file changed during the run).
 *
 * This thread works too: it takes every batch no worker has been sent, the next in order first,
 * and while the batch whose turn it is is still with a worker, it takes one further on (kept
 * until its turn). Workers are sent batches only once they are ready, so a slow start costs
 * nothing, and at most a few ahead, so what waits for its turn stays bounded.
 */
export async function* evaluateInOrder(
  files: FileNames,
  setup: WorkerSetup,
  cache: QuestionnaireCache,
  here: (file: string) => Promise<BatchItem>,
  threads: number,
  /** false: this thread leaves every batch to the workers (the tests, to be sure workers serve). */
  share = true,
): AsyncGenerator<BatchItem> {
  const script = new URL("./score-worker.js", import.meta.url);
  const batches = Math.ceil(files.length / BATCH);
  // Run from source (the tests), there is no built worker: one thread does it all.
  if (threads <= 1 || batches < 2 || !existsSync(fileURLToPath(script))) {
    let sinceTurn = 0;
    for (const file of files) {
      yield await here(file);
      if (++sinceTurn === TURN_EVERY) {
        sinceTurn = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return;
  }
  const filesOf = (b: number) => files.slice(b * BATCH, (b + 1) * BATCH);
  const pool = new WorkerPool(script, setup, Math.min(threads - 1, batches - 1), filesOf, batches);
  /** Batches this thread evaluated before their turn. */
  const early = new Map<number, BatchItem[]>();
  const questionnaires = new Questionnaires(cache);
  const evaluate = async (b: number) => {
    const items: BatchItem[] = [];
    for (const file of filesOf(b)) items.push(await here(file));
    return items;
  };
  try {
    for (let b = 0; b < batches; b++) {
      // Reading and scoring a file never returns to the event loop (the reads are synchronous),
      // so without this the workers' messages ("ready", results) wait until this thread has
      // done every batch itself: the workers sat idle and two cores scored no faster than one.
      await new Promise((resolve) => setImmediate(resolve));
      let items = early.get(b);
      early.delete(b);
      while (!items) {
        if (share && pool.claim(b)) {
          items = await evaluate(b);
          break;
        }
        // The batch is with a worker. Let its messages in (this thread's work never waits on the
        // event loop otherwise), and while it is not back, take a later batch.
        await new Promise((resolve) => setImmediate(resolve));
        if (share && !pool.done(b)) {
          const later = pool.claimNext(b + pool.ahead);
          if (later !== undefined) {
            early.set(later, await evaluate(later));
            continue;
          }
        }
        const outcomes = await pool.result(b);
        items = [];
        for (const [i, outcome] of outcomes.entries())
          items.push((await questionnaires.attach(outcome)) ?? (await here(files.get(b * BATCH + i)!)));
      }
      for (const item of items) yield item;
    }
  } finally {
    await pool.close();
  }
}

/** The questionnaires workers name by file and hash, as this thread has them: looked up once each. */
class Questionnaires {
  private readonly known = new Map<string, LoadedQuestionnaire | null>();
  constructor(private readonly cache: QuestionnaireCache) {}

  /** The item with this thread's questionnaire; undefined when that is not the one the worker used. */
  async attach(item: WorkerOutcome): Promise<BatchItem | undefined> {
    if ("skipped" in item || !item.questionnaire) return item as BatchItem;
    const ref = item.questionnaire;
    const key = `${ref.sha256}\0${ref.file}`;
    let loaded = this.known.get(key);
    if (loaded === undefined) {
      const result = await this.cache.getFile(ref.file);
      loaded = result.ok && result.value.sha256 === ref.sha256 ? result.value : null;
      this.known.set(key, loaded);
    }
    // The item was made for this thread by the message that brought it: it can take the questionnaire itself.
    return loaded ? Object.assign(item, { questionnaire: loaded }) : undefined;
  }
}

interface Slot {
  promise: Promise<WorkerOutcome[]>;
  resolve: (outcomes: WorkerOutcome[]) => void;
  reject: (error: unknown) => void;
  done: boolean;
}

/**
 * Worker threads fed batches of files once they are ready, a few ahead of the consumer: enough
 * that no worker waits, few enough that results waiting to be consumed stay bounded whatever the
 * batch's size. Batches are handed out in order; the consumer's thread claims the ones it takes.
 */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly slots = new Map<number, Slot>();
  private readonly idle: Worker[] = [];
  /** Batches claimed by the consumer's thread, not to be sent. */
  private readonly claimed = new Set<number>();
  /** The lowest batch neither sent nor claimed (all below are one or the other). */
  private next = 0;
  private consumed = 0;
  private failure: unknown;
  private closing = false;
  /** How far past the batch being consumed batches are handed out. */
  readonly ahead: number;

  constructor(
    script: URL,
    setup: WorkerSetup,
    count: number,
    private readonly filesOf: (batch: number) => string[],
    private readonly batches: number,
  ) {
    // Wide enough that a worker, faster than this thread (which also keeps and writes what comes
    // back), seldom waits for this thread to take the batch whose turn it is; still a few hundred
    // results waiting at most. With three a worker, profiles showed each thread idle 6-9 %.
    this.ahead = count * 8 + 1;
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData: setup, resourceLimits: WORKER_LIMITS });
      worker.on("message", (message: WorkerMessage) => {
        if ("id" in message) {
          const slot = this.slot(message.id);
          slot.done = true;
          slot.resolve(message.outcomes);
          this.idle.push(worker);
        } else {
          // Ready: two batches each, one being worked on, one waiting.
          this.idle.push(worker, worker);
        }
        this.dispatch();
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (code !== 0) this.fail(new Error(`a scoring worker stopped with exit code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  private slot(id: number): Slot {
    let slot = this.slots.get(id);
    if (!slot) {
      let resolve!: Slot["resolve"];
      let reject!: Slot["reject"];
      const promise = new Promise<WorkerOutcome[]>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // Awaited when its turn comes; a failure before then must not count as unhandled.
      promise.catch(() => undefined);
      slot = { promise, resolve, reject, done: false };
      if (this.failure !== undefined) reject(this.failure);
      this.slots.set(id, slot);
    }
    return slot;
  }

  private skipClaimed(): void {
    while (this.claimed.has(this.next)) this.claimed.delete(this.next++);
  }

  private dispatch(): void {
    this.skipClaimed();
    while (this.idle.length > 0 && this.next < this.batches && this.next < this.consumed + this.ahead) {
      const worker = this.idle.shift()!;
      const id = this.next++;
      this.slot(id);
      worker.postMessage({ id, files: this.filesOf(id) } satisfies WorkerBatch);
      this.skipClaimed();
    }
  }

  /** Claims batch `id` for the consumer's thread; false when it was sent to a worker. */
  claim(id: number): boolean {
    this.consumed = id;
    if (id < this.next) return false;
    this.claimed.add(id);
    this.dispatch();
    return true;
  }

  /** Claims the lowest batch not yet handed out, if it is below `limit`. */
  claimNext(limit: number): number | undefined {
    this.skipClaimed();
    if (this.next >= Math.min(limit, this.batches)) return undefined;
    const id = this.next++;
    this.skipClaimed();
    this.dispatch();
    return id;
  }

  /** Whether the worker that has batch `id` has sent it back. */
  done(id: number): boolean {
    return this.slots.get(id)?.done === true;
  }

  /** The outcomes of batch `id` (sent to a worker), once its worker is done. */
  async result(id: number): Promise<WorkerOutcome[]> {
    this.consumed = id;
    this.dispatch();
    try {
      return await this.slot(id).promise;
    } finally {
      this.slots.delete(id);
    }
  }

  private fail(error: unknown): void {
    if (this.closing) return;
    this.failure ??= error;
    for (const slot of this.slots.values()) slot.reject(error);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
