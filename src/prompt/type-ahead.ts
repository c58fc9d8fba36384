import { PassThrough } from "node:stream";
import { StringDecoder } from "node:string_decoder";

export interface KeySource extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}

/** Where one answer ends: Enter (`\r\n`, `\r` or `\n`) or Ctrl-C, which ends the prompt too. */
function answerEnd(text: string): number {
  const at = text.search(/[\r\n\u0003]/);
  if (at < 0) return -1;
  return text.startsWith("\r\n", at) ? at + 2 : at + 1;
}

/**
 * Keeps what the officer types or pastes ahead of a prompt for that prompt. The prompt library
 * reads the terminal afresh for every prompt and drops what came before it (and the rest of a
 * pasted block after the first Enter), so several answers pasted at once were lost without a
 * word. Here one reader owns the terminal for the whole session; each prompt gets its own stream
 * and, from the queue, the keys up to and including one Enter. The rest waits for the next
 * prompt, or for the same one when it refused that line.
 */
export class TypeAhead {
  private pending = "";
  private target: PassThrough | undefined;
  /** The open prompt has been given an Enter: hold the rest until it closes or refuses. */
  private holding = false;
  private started = false;
  private readonly decoder = new StringDecoder("utf8");
  private readonly onData = (chunk: Buffer | string) => {
    this.pending += typeof chunk === "string" ? chunk : this.decoder.write(chunk);
    this.pump();
  };

  constructor(private readonly source: KeySource) {}

  /** A stream for the prompt about to open; call `fed` once the prompt listens to it. */
  open(): PassThrough {
    if (!this.started) {
      this.started = true;
      // Raw for the whole session: keys typed between prompts are kept, not echoed.
      if (this.source.isTTY) this.source.setRawMode?.(true);
      this.source.on("data", this.onData);
      this.source.resume();
    }
    const stream = new PassThrough();
    this.target = stream;
    this.holding = false;
    return stream;
  }

  /** The prompt is drawn and listens: give it what is waiting. */
  fed(): void {
    this.pump();
  }

  /** The open prompt refused its line and reads on. */
  refused(): void {
    this.holding = false;
    // After the prompt has shown its message, not while it is still checking the line.
    setImmediate(() => this.pump());
  }

  close(stream: PassThrough): void {
    if (this.target === stream) this.target = undefined;
    stream.end();
  }

  dispose(): void {
    if (!this.started) return;
    this.started = false;
    this.source.off("data", this.onData);
    if (this.source.isTTY) this.source.setRawMode?.(false);
    this.source.pause();
  }

  private pump(): void {
    if (!this.target || this.holding || this.pending === "") return;
    const end = answerEnd(this.pending);
    const piece = end < 0 ? this.pending : this.pending.slice(0, end);
    this.pending = end < 0 ? "" : this.pending.slice(end);
    if (end >= 0) this.holding = true;
    this.target.write(piece);
  }
}
