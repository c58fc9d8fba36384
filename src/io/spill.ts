import {
  closeSync,
  mkdtempSync,
  openSync,
  readSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync,
  writevSync,
} from "node:fs";
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
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

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
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= CHUNK) this.flush();
    return index;
  }

  /** The value set aside as `index`, read back. */
  get(index: number): T {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) throw new RangeError(`no value ${index}`);
    if (this.inMemory) return deserialize(this.inMemory[index]!) as T;
    if (this.pendingBytes > 0) this.flush();
    if (this.inMemory) return deserialize(this.inMemory[index]!) as T;
    return deserialize(this.readBytes(index)) as T;
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
    this.pending = [];
    this.pendingBytes = 0;
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
    try {
      // The pending values as they are, without copying them into one buffer first.
      let done = writevSync(this.fd!, this.pending, this.written);
      if (done < this.pendingBytes) {
        const bytes = Buffer.concat(this.pending, this.pendingBytes);
        while (done < bytes.length) done += writeSync(this.fd!, bytes, done, bytes.length - done, this.written + done);
      }
    } catch {
      // A full or failing disk: what was written is read back, and everything stays in memory.
      this.toMemory();
      return;
    }
    this.written += this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private toMemory(): void {
    const onDisk = this.count - this.pending.length;
    const values: Uint8Array[] = [];
    for (let i = 0; i < onDisk; i++) values.push(this.readBytes(i));
    for (const bytes of this.pending) values.push(bytes);
    this.close();
    this.inMemory = values;
  }

  private readBytes(index: number): Buffer {
    const start = this.starts[index]!;
    const bytes = Buffer.allocUnsafe(this.starts[index + 1]! - start);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(this.fd!, bytes, read, bytes.length - read, start + read);
      if (n === 0) throw new Error("the spill file is shorter than what was written to it");
      read += n;
    }
    return bytes;
  }
}
