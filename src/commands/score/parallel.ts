import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { PreviousScore } from "../../engine/compare.js";
import type { QuestionnaireCache } from "../../io/load-answers.js";
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
}
export interface WorkerBatch {
  id: number;
  files: string[];
}
/** An item as a worker sends it: the questionnaire named by its file and hash, not copied. */
export type WorkerOutcome = BatchItem<{ file: string; sha256: string }>;

/** Files per message: large enough that messaging costs little, small enough to share the work evenly. */
const BATCH = 16;
/** Below this many files one thread is as fast: starting a worker costs about as much as 50 files. */
const MIN_FILES_FOR_WORKERS = 200;

/**
 * How many worker threads a batch of `files` gets: KUESIONER_WORKERS when set (1: none), else one
 * per core (at most 8) for a batch large enough to gain, else none.
 */
export function workerCount(files: number, env: Readonly<Record<string, string | undefined>>): number {
  const asked = Number.parseInt(env.KUESIONER_WORKERS ?? "", 10);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 64);
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/**
 * Evaluates `files` in order: in this thread, or spread over worker threads, whose outcomes come
 * back in the order of the files, so the output is the same byte for byte. `here` evaluates one
 * file in this thread; it also serves whenever a worker's questionnaire is not the one this
 * thread has (the file changed during the run).
 */
export async function* evaluateInOrder(
  files: readonly string[],
  setup: WorkerSetup,
  cache: QuestionnaireCache,
  here: (file: string) => Promise<BatchItem>,
  workers: number,
): AsyncGenerator<BatchItem> {
  const script = new URL("./score-worker.js", import.meta.url);
  // Run from source (the tests), there is no built worker: one thread does it all.
  if (workers <= 1 || files.length < 2 || !existsSync(fileURLToPath(script))) {
    for (const file of files) yield await here(file);
    return;
  }
  const pool = new WorkerPool(script, setup, Math.min(workers, Math.ceil(files.length / BATCH)), files);
  try {
    for (let b = 0; b * BATCH < files.length; b++) {
      const outcomes = await pool.result(b);
      for (const [i, outcome] of outcomes.entries()) {
        const file = files[b * BATCH + i]!;
        yield (await attach(outcome, cache)) ?? (await here(file));
      }
    }
  } finally {
    await pool.close();
  }
}

/** The item with this thread's questionnaire; undefined when that is not the one the worker used. */
async function attach(item: WorkerOutcome, cache: QuestionnaireCache): Promise<BatchItem | undefined> {
  if ("skipped" in item || !item.questionnaire) return item as BatchItem;
  const ref = item.questionnaire;
  const loaded = await cache.getFile(ref.file);
  if (!loaded.ok || loaded.value.sha256 !== ref.sha256) return undefined;
  return { ...item, questionnaire: loaded.value };
}

interface Slot {
  promise: Promise<WorkerOutcome[]>;
  resolve: (outcomes: WorkerOutcome[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Worker threads fed batches of files, a few ahead of the consumer: enough that no worker waits,
 * few enough that results waiting to be consumed stay bounded whatever the batch's size.
 */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly slots = new Map<number, Slot>();
  private readonly idle: Worker[] = [];
  private readonly batches: number;
  private next = 0;
  private consumed = 0;
  private failure: unknown;
  private closing = false;

  constructor(
    script: URL,
    setup: WorkerSetup,
    count: number,
    private readonly files: readonly string[],
  ) {
    this.batches = Math.ceil(files.length / BATCH);
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData: setup });
      worker.on("message", (message: { id: number; outcomes: WorkerOutcome[] }) => {
        this.slot(message.id).resolve(message.outcomes);
        this.idle.push(worker);
        this.dispatch();
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (code !== 0) this.fail(new Error(`a scoring worker stopped with exit code ${code}`));
      });
      this.workers.push(worker);
      // Two batches each: one being worked on, one waiting.
      this.idle.push(worker, worker);
    }
    this.dispatch();
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
      slot = { promise, resolve, reject };
      if (this.failure !== undefined) reject(this.failure);
      this.slots.set(id, slot);
    }
    return slot;
  }

  private dispatch(): void {
    const ahead = this.workers.length * 3;
    while (this.idle.length > 0 && this.next < this.batches && this.next < this.consumed + ahead) {
      const worker = this.idle.shift()!;
      const id = this.next++;
      this.slot(id);
      worker.postMessage({ id, files: this.files.slice(id * BATCH, (id + 1) * BATCH) } satisfies WorkerBatch);
    }
  }

  /** The outcomes of batch `id`, once its worker is done. */
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
