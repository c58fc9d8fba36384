// The floor under what a worker thread of `score` costs in memory: started as
// `node bench/idle-worker.mjs N`, starts N worker threads that do nothing but say they are ready,
// waits for them all, and stops them. The benchmark compares the peak RSS of N = 1 with N = 0
// (bench/run.mjs, memory).
import { Worker } from "node:worker_threads";

const count = Number(process.argv[2] ?? 1);
const workers = [];
for (let i = 0; i < count; i++) {
  const worker = new Worker("require('node:worker_threads').parentPort.postMessage('ready')", { eval: true });
  await new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  workers.push(worker);
}
await Promise.all(workers.map((worker) => worker.terminate()));
