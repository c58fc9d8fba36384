import type { OutputStream } from "../../command-io.js";
import type { Lang } from "../../model/common.js";
import { scoreMessages } from "./messages.js";

/**
 * "scored 1,200 of 5,000 files" on standard error, for a batch that takes more than a second
 * and only on a terminal (never in a pipe, a file or a CI log). The line is rewritten in place
 * at most ten times a second and erased before anything else is written to standard error.
 */
export class Progress {
  private readonly started = Date.now();
  private shownAt = 0;
  private shown = false;

  constructor(
    private readonly stderr: OutputStream,
    private readonly total: number,
    private readonly lang: Lang = "en",
  ) {}

  update(done: number): void {
    if (this.stderr.isTTY !== true || this.total < 2) return;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.shownAt < 100) return;
    this.shownAt = now;
    this.shown = true;
    this.stderr.write(`\r\x1b[Kkuesioner: ${scoreMessages[this.lang].progress(done, this.total)}`);
  }

  /** Erases the line, if one is shown. */
  clear(): void {
    if (!this.shown) return;
    this.shown = false;
    this.stderr.write("\r\x1b[K");
  }
}
