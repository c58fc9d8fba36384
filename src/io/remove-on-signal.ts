import { rmSync } from "node:fs";

/**
 * What a signal stopping the run (Ctrl-C, `kill`, a closed terminal) would leave behind: an
 * `--out` file being written, a browser printing and its profile. Node ends the process at once
 * and no `finally` runs. While any clean-up is registered, the signal runs them, the last
 * registered first, and then ends the process as it would have without us (the shell still sees
 * exit 130 for Ctrl-C); unless another part of the program listens for that signal and ends the
 * run itself (`fill` saves first on SIGTERM and SIGHUP, src/prompt/terminal.ts), whose own
 * writes then finish, or remove their temporary file, as usual.
 */
const cleanUps = new Set<{ run: () => void }>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  for (const cleanUp of [...cleanUps].reverse()) {
    try {
      cleanUp.run();
    } catch {
      // Nothing more can be done as the process ends: what is left is as a killed process leaves it.
    }
  }
  cleanUps.clear();
  listen(false);
  process.kill(process.pid, signal);
}

function listen(on: boolean): void {
  for (const signal of SIGNALS) {
    if (on) process.on(signal, onSignal);
    else process.off(signal, onSignal);
  }
}

/**
 * Runs `run` (synchronous: the process ends right after) if a signal stops the run before the
 * returned function is called, which the caller does once there is nothing left to clean up.
 */
export function onStopSignal(run: () => void): () => void {
  if (cleanUps.size === 0) listen(true);
  const cleanUp = { run };
  cleanUps.add(cleanUp);
  return () => {
    if (!cleanUps.delete(cleanUp)) return;
    if (cleanUps.size === 0) listen(false);
  };
}

/** Removes `path` (a folder with what it holds when `folder`) if a signal stops the run first. */
export function removeOnSignal(path: string, options: { folder?: boolean } = {}): () => void {
  return onStopSignal(() => rmSync(path, { force: true, recursive: options.folder === true }));
}
