import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";

/** Bytes gathered before one write to the spill file. */
const CHUNK = 1 << 20;

/**
 * Values set aside in a temporary file as they come, and read back one at a time by the index
 * `add` gave: what a batch of 100,000 files does not need in memory until it writes its output
 * stays on disk (score: the result summaries, while only the ranking keys stay in memory).
 * Values are copied with structured clone (node:v8), as worker messages are: bigints, key order
 * and absent keys come back exactly as they went in.
 *
 * The file is unlinked as soon as it is open, so nothing is left behind however the process
 * ends; where that is not possible (Windows), `close` removes it. Where no temporary file can
 * be made, the values stay in memory: slower to grow, never a failure.
 */
export class Spill<T> {
  private fd: number | undefined;
  /** The file and its folder, when they could not be removed while open. */
  private leftover: { file: string; dir: string } | undefined;
  private inMemory: Uint8Array[] | undefined;
  private starts: Float64Array;
  private count = 0;
  /** Bytes written to the file so far; what is pending follows them. */
  private written = 0;
  /**
   * Values not yet written, copied one after the other: one buffer for the whole run. Kept as
   * they came, a megabyte of small buffers lived on until V8's next full collection (the list
   * held them past the young generation's), and glibc's heap, refilled between collections,
   * grew over a long run.
   */
  private pending: Buffer | undefined;
  private pendingBytes = 0;
  private scratch: Buffer | undefined;

  constructor(
    private readonly folder: string = tmpdir(),
    /** Values expected: room for this many offsets is made at once (see BatchKeys). */
    expected = 1024,
  ) {
    this.starts = new Float64Array(Math.max(1, expected) + 1);
  }

  get size(): number {
    return this.count;
  }

  /** Sets `value` aside; returns its index. */
  add(value: T): number {
    return this.addSerialized(serialize(value));
  }

  /** Sets aside a value already serialized with node:v8 (by a worker thread); returns its index. */
  addSerialized(bytes: Uint8Array): number {
    if (this.count + 1 >= this.starts.length) {
      const grown = new Float64Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    const index = this.count++;
    this.starts[index + 1] = this.starts[index]! + bytes.length;
    if (this.inMemory || !this.open()) {
      this.inMemory!.push(bytes);
      return index;
    }
    if (this.pendingBytes + bytes.length > CHUNK) this.flush();
    // The file failed (the values went to memory), or the value is as large as the buffer.
    if (this.fd === undefined || (bytes.length >= CHUNK && !this.write(bytes))) {
      if (this.fd !== undefined) this.toMemory();
      this.inMemory!.push(bytes);
    } else if (bytes.length < CHUNK) {
      this.pending ??= Buffer.allocUnsafeSlow(CHUNK);
      this.pending.set(bytes, this.pendingBytes);
      this.pendingBytes += bytes.length;
    }
    return index;
  }

  /** The value set aside as `index`, read back. */
  get(index: number): T {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) throw new RangeError(`no value ${index}`);
    if (this.inMemory) return deserialize(this.inMemory[index]!) as T;
    if (this.pendingBytes > 0) this.flush();
    if (this.inMemory) return deserialize(this.inMemory[index]!) as T;
    // Read into one buffer kept for it: a buffer a value, 100,000 of them for a batch's output,
    // each lived until V8's next collection (deserialize copies out what it keeps).
    return deserialize(this.readBytes(index, true)) as T;
  }

  /** Closes (and, where it could not be done at once, removes) the file; the values are gone. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.leftover) {
      rmSync(this.leftover.file, { force: true });
      rmSync(this.leftover.dir, { recursive: true, force: true });
      this.leftover = undefined;
    }
    this.inMemory = undefined;
    this.pending = undefined;
    this.pendingBytes = 0;
    this.scratch = undefined;
  }

  /** Opens the file on first use; false (values kept in memory from then on) if it cannot. */
  private open(): boolean {
    if (this.fd !== undefined) return true;
    try {
      const dir = mkdtempSync(join(this.folder, "kuesioner-spill-"));
      const file = join(dir, "values");
      this.fd = openSync(file, "w+", 0o600);
      try {
        unlinkSync(file);
        rmdirSync(dir);
      } catch {
        this.leftover = { file, dir };
      }
      return true;
    } catch {
      this.inMemory = [];
      return false;
    }
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    if (this.write(this.pending!.subarray(0, this.pendingBytes))) this.pendingBytes = 0;
    else this.toMemory();
  }

  /** Writes `bytes` after what is written; false when that fails (a full or failing disk). */
  private write(bytes: Uint8Array): boolean {
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(this.fd!, bytes, done, bytes.length - done, this.written + done);
    } catch {
      return false;
    }
    this.written += bytes.length;
    return true;
  }

  /**
   * What was written is read back and what is pending copied out: the values in memory from now
   * on (a value being added when the file failed is the caller's to add).
   */
  private toMemory(): void {
    const values: Uint8Array[] = [];
    let i = 0;
    for (; i < this.count && this.starts[i + 1]! <= this.written; i++) values.push(this.readBytes(i, false));
    const pendingEnd = this.written + this.pendingBytes;
    for (; i < this.count && this.starts[i + 1]! <= pendingEnd; i++)
      values.push(
        Buffer.from(this.pending!.subarray(this.starts[i]! - this.written, this.starts[i + 1]! - this.written)),
      );
    this.close();
    this.inMemory = values;
  }

  /** Value `index`'s bytes, in the buffer kept for reading when `scratch` (valid until the next read). */
  private readBytes(index: number, scratch: boolean): Buffer {
    const start = this.starts[index]!;
    const length = this.starts[index + 1]! - start;
    let bytes: Buffer;
    if (!scratch) bytes = Buffer.allocUnsafe(length);
    else {
      if (!this.scratch || this.scratch.length < length)
        this.scratch = Buffer.allocUnsafeSlow(Math.max(length, this.scratch ? this.scratch.length * 2 : 1 << 12));
      bytes = this.scratch.subarray(0, length);
    }
    let read = 0;
    while (read < length) {
      const n = readSync(this.fd!, bytes, read, length - read, start + read);
      if (n === 0) throw new Error("the spill file is shorter than what was written to it");
      read += n;
    }
    return bytes;
  }
}
