import type { CommandIO } from "../command-io.js";
import type { Prompter } from "./prompter.js";

/**
 * The injected prompter (tests), or the terminal one. SIGTERM and SIGHUP (terminal closed) end
 * the prompt on screen like Ctrl-C: every answer is already saved, and handling the signal
 * lets a save in progress finish instead of being cut off.
 *
 * This is the one module besides src/main.ts that touches `process`, on purpose: a terminal
 * prompt is the process's own terminal, so its signal handlers (installed only while the
 * prompts run, and removed by `dispose`), its stdin in raw mode and its stdout/stderr error
 * handlers cannot be handed in as data through CommandIO. Tests never reach it: they inject
 * `io.createPrompter`, and the tmux tests drive the real one.
 */
export async function openPrompter(
  io: CommandIO,
  lang: "id" | "en",
): Promise<{ prompter: Prompter; dispose: () => void }> {
  if (io.createPrompter) return { prompter: await io.createPrompter({ lang, color: io.color }), dispose: () => {} };
  const { createInquirerPrompter } = await import("./inquirer-prompter.js");
  const controller = new AbortController();
  const ignore = () => {};
  const hangUp = () => {
    // The terminal is gone: writing to it fails, and so does leaving raw mode when the prompt
    // closes (readline turns that EIO into an uncaught error). Neither may become a crash.
    process.stdout.on("error", ignore);
    process.stderr.on("error", ignore);
    controller.abort("SIGHUP");
  };
  const onTerm = () => controller.abort("SIGTERM");
  const stdin = process.stdin;
  const setRawMode = stdin.isTTY ? stdin.setRawMode : undefined;
  if (setRawMode) {
    stdin.setRawMode = function (this: typeof stdin, mode: boolean) {
      const emit = this.emit;
      this.emit = (event: string | symbol, ...args: unknown[]): boolean => {
        if (event !== "error") return Reflect.apply(emit, this, [event, ...args]);
        hangUp();
        return true;
      };
      try {
        return setRawMode.call(this, mode);
      } finally {
        this.emit = emit;
      }
    } as typeof stdin.setRawMode;
  }
  process.on("SIGTERM", onTerm);
  process.on("SIGHUP", hangUp);
  stdin.on("end", hangUp);
  stdin.on("error", hangUp);
  const prompter = createInquirerPrompter({ lang, color: io.color, signal: controller.signal, input: stdin });
  return {
    prompter,
    dispose: () => {
      prompter.close();
      stdin.off("error", hangUp);
      process.off("SIGTERM", onTerm);
      process.off("SIGHUP", hangUp);
      // A closed terminal sends SIGHUP and ends stdin in either order: when the end came first,
      // a SIGHUP arriving now would kill the process with the default action before it says
      // where the answers are. Once the prompts are over, a hang-up has nothing left to stop.
      if (controller.signal.aborted) process.on("SIGHUP", ignore);
      stdin.off("end", hangUp);
      if (setRawMode) stdin.setRawMode = setRawMode;
    },
  };
}
