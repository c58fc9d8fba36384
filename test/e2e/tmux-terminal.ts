import { execFile, spawnSync } from "node:child_process";
import { readFileSync, watch, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { bin } from "./cli-harness.js";

/**
 * A real terminal for fill and verify: tmux gives the program a pseudo-terminal of fixed size;
 * a test types keys, reads the screen, and kills the process (SIGKILL, SIGTERM, a closed window).
 */
export const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const run = promisify(execFile);

export const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export class Terminal {
  private count = 0;

  /** `dir` holds the pid files and a private tmux server's socket, removed with it. */
  constructor(private readonly pidDir: string) {}

  private tmux(...args: string[]) {
    return run("tmux", ["-S", join(this.pidDir, "tmux.sock"), "-f", "/dev/null", ...args]);
  }

  /**
   * Starts `kuesioner ARGS` in a new 100×40 session. tmux does not always collect the exit
   * status of a pane's process, so a shell waits for it and prints it; the inner shell
   * records the pid kuesioner will have (exec keeps it) for the SIGKILL.
   */
  async start(
    cwd: string,
    args: string[],
    options: { stderr?: string; shell?: string; path?: string } = {},
  ): Promise<string> {
    const name = `fill${++this.count}`;
    const redirect = options.stderr ? ` 2> ${quote(options.stderr)}` : "";
    // `shell`: a command line exactly as a user would type it, instead of the binary and ARGS.
    const program = options.shell ?? `${quote(process.execPath)} ${quote(bin)} ${args.map(quote).join(" ")}`;
    const path = options.path ? ` PATH=${quote(`${options.path}:${process.env.PATH ?? ""}`)}` : "";
    const inner = `echo $$ > ${quote(join(this.pidDir, name))}; exec env -u KUESIONER_LANG -u LC_MESSAGES LC_ALL=C.UTF-8 NO_COLOR=1${path} ${program}${redirect}`;
    const command = `sh -c ${quote(inner)}; echo "[exit $?]"`;
    // Whatever the pane prints is also appended to this file, which waitFor watches to look again.
    writeFileSync(this.outputFile(name), "");
    await this.tmux(
      "start-server",
      ";",
      "set-option",
      "-g",
      "remain-on-exit",
      "on",
      ";",
      "new-session",
      "-d",
      "-s",
      name,
      "-x",
      "100",
      "-y",
      "40",
      "-c",
      cwd,
      command,
      ";",
      "pipe-pane",
      "-t",
      name,
      `cat >> ${quote(this.outputFile(name))}`,
    );
    return name;
  }

  private outputFile(name: string): string {
    return join(this.pidDir, `${name}.out`);
  }

  async screen(name: string): Promise<string> {
    return (await this.tmux("capture-pane", "-p", "-J", "-S", "-2000", "-t", name)).stdout;
  }

  /**
   * Reads the screen until `pattern` has appeared `times` times (screens are redrawn, so count
   * matters): again as soon as the program prints something more, else every 100 ms.
   */
  async waitFor(name: string, pattern: string | RegExp, times = 1): Promise<string> {
    const regex =
      typeof pattern === "string"
        ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g")
        : new RegExp(pattern.source, "g");
    const deadline = Date.now() + 15_000;
    let wake: (() => void) | undefined;
    let printed = false;
    const watcher = watch(this.outputFile(name), () => {
      printed = true;
      wake?.();
    });
    try {
      for (;;) {
        printed = false;
        const screen = await this.screen(name);
        if ((screen.match(regex) ?? []).length >= times) return screen;
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${pattern} ×${times}; the screen shows:\n${screen}`);
        if (!printed)
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 100);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        wake = undefined;
      }
    } finally {
      watcher.close();
    }
  }

  /**
   * Waits for the `times`-th appearance of a prompt, then answers it: a string is typed and
   * entered, an array is sent as tmux key names (Enter, Down, C-c).
   */
  async answer(name: string, prompt: string, reply: string | string[], times = 1) {
    await this.waitFor(name, prompt, times);
    if (typeof reply === "string") await this.type(name, reply);
    else await this.keys(name, ...reply);
  }

  /** Leaves the `times`-th evidence and note prompts empty. */
  async noExtras(name: string, times = 1) {
    await this.answer(name, "Evidence, optional", ["Enter"], times);
    await this.answer(name, "Note, optional", ["Enter"], times);
  }

  /** Sends tmux key names (Enter, Down, C-c). */
  async keys(name: string, ...keys: string[]) {
    await this.tmux("send-keys", "-t", name, ...keys);
  }

  /** Types `text` literally, then Enter. */
  async type(name: string, text: string) {
    await this.tmux("send-keys", "-t", name, "-l", text);
    await this.keys(name, "Enter");
  }

  async pid(name: string): Promise<number> {
    return Number((await readFile(join(this.pidDir, name), "utf8")).trim());
  }

  /** Waits for kuesioner to end and returns its exit status (128 + n when killed by signal n). */
  async exitStatus(name: string): Promise<number> {
    const screen = await this.waitFor(name, /\[exit \d+\]/);
    return Number(/\[exit (\d+)\]/.exec(screen)![1]);
  }

  /** Closes the session's terminal, as closing the window does: the program gets SIGHUP. */
  async close(name: string) {
    await this.tmux("kill-session", "-t", name);
  }

  async stop() {
    await this.tmux("kill-server").catch(() => {});
  }
}

/** Whether a process is still running (a zombie waiting to be reaped has finished). */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true; // no /proc: a zombie counts as running, and tmux reaps it in the end
  }
}

export async function waitUntil(condition: () => boolean) {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}
