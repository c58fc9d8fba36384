import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * vitest's global setup: every test, and every process the end-to-end tests start, keeps its
 * questionnaire cache in a temporary folder of this run, never in the user's ~/.cache. The
 * tests of one run share it, as runs of the tool share the user's.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "kuesioner-test-cache-"));
  process.env.XDG_CACHE_HOME = dir;
  delete process.env.KUESIONER_CACHE_DIR;
  delete process.env.KUESIONER_NO_CACHE;
  return () => rm(dir, { recursive: true, force: true });
}
