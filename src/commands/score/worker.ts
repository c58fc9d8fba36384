// A worker thread of `score` (see parallel.ts): evaluates the batches of answer files it is sent
// with the very code the main thread runs (toBatchItem), and sends back what the ranking keeps of
// each. The questionnaire is not sent back (the main thread has its own copy), only its file and
// content hash.
import { serialize } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { QuestionnaireCache } from "../../io/load-answers.js";
import { QuestionnaireStore } from "../../io/questionnaire-store.js";
import { evaluateInput } from "../../io/score-inputs.js";
import { displayPath } from "../../text/diagnostics.js";
import { toBatchItem } from "./batch-item.js";
import type { WorkerBatch, WorkerMessage, WorkerOutcome, WorkerSetup } from "./parallel.js";

const setup = workerData as WorkerSetup;
const cache = new QuestionnaireCache(QuestionnaireStore.forRun(setup.env, { cache: setup.cache }));
const context = {
  cwd: setup.cwd,
  cache,
  named: new Set(setup.named),
  display: displayPath(setup.cwd),
  ...(setup.profile ? { profile: setup.profile } : {}),
  // Question scores only for the workbook: a summary needs none.
  ...(setup.keepResult ? {} : { questions: false }),
};

parentPort!.on("message", async (batch: WorkerBatch) => {
  const items: WorkerOutcome[] = [];
  for (const file of batch.files) {
    const item = toBatchItem(await evaluateInput(file, context), file, setup.previous, setup.keepResult, setup.csv);
    if ("skipped" in item || !item.questionnaire) items.push(item as WorkerOutcome);
    else {
      const { file: questionnaireFile, sha256 } = item.questionnaire;
      const { scored } = item;
      items.push({
        ...item,
        questionnaire: { file: questionnaireFile, sha256 },
        ...(scored
          ? {
              scored: {
                ...scored,
                summary: serialize(scored.summary),
                ...(scored.csvRow !== undefined ? { csvRow: serialize(scored.csvRow) } : {}),
              },
            }
          : {}),
      });
    }
  }
  parentPort!.postMessage({ id: batch.id, outcomes: items } satisfies WorkerMessage);
});
// Batches are sent only from now on: until then the main thread scores them itself.
parentPort!.postMessage({ ready: true } satisfies WorkerMessage);
