import { open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

let counter = 0;

/**
 * Writes a file so that readers (and a power cut) see either the old content or the new,
 * never a torn file: write a temporary file in the same folder, flush it to disk, rename it
 * over the target, then flush the folder so the rename itself is durable. A cache, which may be
 * lost but never torn, passes `durable: false` and skips the flushes.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array,
  options: { durable?: boolean } = {},
): Promise<void> {
  const durable = options.durable !== false;
  const dir = dirname(file);
  const temp = join(
    dir,
    `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.${(counter++).toString(36)}.tmp`,
  );
  const handle = await open(temp, "wx", 0o644);
  try {
    await handle.writeFile(content);
    if (durable) await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  if (!durable) return;
  try {
    const dirHandle = await open(dir, "r");
    await dirHandle.sync().catch(() => {});
    await dirHandle.close();
  } catch {
    // Some file systems do not allow opening a folder; the rename is still atomic there.
  }
}
