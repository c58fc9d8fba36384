import { randomBytes } from "node:crypto";
import { write as writeFd, fstatSync, type Stats } from "node:fs";
import { type FileHandle, open, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { removeOnSignal } from "./remove-on-signal.js";

/** The file-system calls an atomic write makes; tests pass one that fails, or stops, midway. */
export interface AtomicWriteFs {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
}
const nodeFs: AtomicWriteFs = { open, rename, unlink };

/**
 * Writes a file so that readers (and a power cut) see either the old content or the new,
 * never a torn file: write a temporary file in the same folder, flush it to disk, rename it
 * over the target, then flush the folder so the rename itself is durable. A cache, which may be
 * lost but never torn, passes `durable: false` and skips the flushes.
 *
 * A link is written through: the file it names is replaced and the link stays (renamed over, a
 * link to /dev/stdout became a file of ours, as root for the whole machine). What cannot be
 * replaced, a pipe or a device, is written to as it is when the user named it
 * (`throughSpecial`: `--out /dev/stdout`, a FIFO a reader waits on), and refused otherwise.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array | Iterable<string>,
  options: {
    durable?: boolean;
    fs?: AtomicWriteFs;
    /** A pipe or a device the path names is written to (an `--out` the user chose); else refused. */
    throughSpecial?: boolean;
  } = {},
): Promise<void> {
  const durable = options.durable !== false;
  const fs = options.fs ?? nodeFs;
  // A link that names nothing yet (or that cannot be followed, as /proc/self/fd/1 on a pipe) is
  // taken as it is: stat below follows it.
  const target = await realpath(file).catch(() => file);
  const info = await stat(target).catch(() => undefined);
  // `--out /dev/stdout >> log.txt`: the link leads to the file the shell opened for us, which is
  // written through our own descriptor, as the shell opened it (appending), not replaced.
  const own = options.throughSpecial && info?.isFile() ? ownDescriptor(info) : undefined;
  if (own !== undefined) return writeToDescriptor(own, content);
  if (info && !info.isFile() && !info.isDirectory()) {
    if (options.throughSpecial) return writeInPlace(fs, target, content);
    // Never renamed over: a cache entry linked to /dev/null would replace /dev/null itself.
    throw Object.assign(new Error(`${target} is not a regular file`), { code: "not-regular" });
  }
  // Random, so two writers (processes or not) never share a temporary file.
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  // Ctrl-C during a long write (a ranking of 100,000 files) leaves no temporary file behind.
  const forget = removeOnSignal(temp);
  try {
    await write(fs, target, temp, content, durable);
  } finally {
    forget();
  }
}

/** Standard output or error when it is the file `info` describes. */
function ownDescriptor(info: Stats): number | undefined {
  for (const fd of [1, 2]) {
    try {
      const own = fstatSync(fd);
      if (own.isFile() && own.dev === info.dev && own.ino === info.ino) return fd;
    } catch {
      // Closed: not this one.
    }
  }
  return undefined;
}

async function writeToDescriptor(fd: number, content: string | Uint8Array | Iterable<string>): Promise<void> {
  const parts = typeof content === "string" || content instanceof Uint8Array ? [content] : content;
  for (const part of parts) {
    const bytes = typeof part === "string" ? Buffer.from(part) : part;
    let done = 0;
    while (done < bytes.length) done += (await writeAt(fd, bytes, done, bytes.length - done, null)).bytesWritten;
  }
}
const writeAt = promisify(writeFd);

/** Writes to a pipe or a device, which has no content to keep and cannot be renamed over. */
async function writeInPlace(fs: AtomicWriteFs, target: string, content: string | Uint8Array | Iterable<string>) {
  const handle = await fs.open(target, "w");
  try {
    await writeContent(handle, content);
  } finally {
    await handle.close();
  }
}

/** Writes the content whole, or a part at a time, so that a long output is never one string. */
async function writeContent(handle: FileHandle, content: string | Uint8Array | Iterable<string>): Promise<void> {
  if (typeof content === "string" || content instanceof Uint8Array) await handle.writeFile(content);
  else for (const part of content) await handle.write(part);
}

async function write(
  fs: AtomicWriteFs,
  file: string,
  temp: string,
  content: string | Uint8Array | Iterable<string>,
  durable: boolean,
): Promise<void> {
  const handle = await fs.open(temp, "wx", 0o644);
  try {
    await writeContent(handle, content);
    if (durable) await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await fs.unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => {});
    throw error;
  }
  if (!durable) return;
  try {
    const dirHandle = await open(dirname(file), "r");
    await dirHandle.sync().catch(() => {});
    await dirHandle.close();
  } catch {
    // Some file systems do not allow opening a folder; the rename is still atomic there.
  }
}
