import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { lstat, open, readdir, readFile, readlink, rename, stat, symlink, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AtomicWriteFs, writeFileAtomic } from "../../src/io/atomic-write.js";
import { repoRoot } from "../reference/reference-data.js";

// What the tests claim: whatever happens between the first byte and the rename, the target holds
// either its old content or the new one, never a mix or a part. Each test fails when
// writeFileAtomic is replaced by a plain writeFile(file, content).

const dir = mkdtempSync(join(tmpdir(), "kuesioner-atomic-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OLD = "questionnaire: smart-city-2023\nanswers:\n  bl-masterplan-legal-basis: 2\n";
const NEW = `questionnaire: smart-city-2023\nanswers:\n${"  bl-masterplan-legal-basis: 4\n".repeat(2000)}`;

const tempFiles = (folder: string) => readdirSync(folder).filter((f) => f.endsWith(".tmp"));

/** A disk that fills up halfway through the write: half the bytes land, then ENOSPC. */
const diskFullHalfway: AtomicWriteFs = {
  rename,
  unlink,
  open: (async (...args: Parameters<typeof open>) => {
    const handle = await open(...args);
    const writeHalfThenFail = async (data: string | Uint8Array) => {
      const bytes = typeof data === "string" ? Buffer.from(data) : data;
      await handle.write(bytes.subarray(0, bytes.length >> 1));
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    return Object.assign(handle, { writeFile: writeHalfThenFail });
  }) as typeof open,
};

describe("writeFileAtomic: a failed write", () => {
  it("leaves the old content when the write fails before the rename, and no temporary file", async () => {
    const file = join(dir, "jawaban-disk-full.yaml");
    writeFileSync(file, OLD);
    await expect(writeFileAtomic(file, NEW, { fs: diskFullHalfway })).rejects.toMatchObject({ code: "ENOSPC" });
    expect(readFileSync(file, "utf8")).toBe(OLD);
    expect(tempFiles(dir)).toEqual([]);
  });

  it("leaves the old content when the rename itself fails", async () => {
    const file = join(dir, "jawaban-rename-fails.yaml");
    writeFileSync(file, OLD);
    const renameFails: AtomicWriteFs = {
      open,
      unlink,
      rename: async () => {
        throw Object.assign(new Error("EXDEV: cross-device link not permitted"), { code: "EXDEV" });
      },
    };
    await expect(writeFileAtomic(file, NEW, { fs: renameFails })).rejects.toMatchObject({ code: "EXDEV" });
    expect(readFileSync(file, "utf8")).toBe(OLD);
    expect(tempFiles(dir)).toEqual([]);
  });

  it("replaces the content in one step when nothing fails", async () => {
    const file = join(dir, "jawaban-ok.yaml");
    await writeFile(file, OLD);
    await writeFileAtomic(file, NEW);
    expect(await readFile(file, "utf8")).toBe(NEW);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("writeFileAtomic: what a path names", () => {
  it("writes through a link: the file it names gets the content, and the link stays a link", async () => {
    const real = join(dir, "jawaban-real.yaml");
    const link = join(dir, "jawaban-link.yaml");
    await writeFile(real, OLD);
    await symlink(real, link);
    await writeFileAtomic(link, NEW);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, "utf8")).toBe(NEW);
    expect(tempFiles(dir)).toEqual([]);
  });

  it("writes to a device as it is, the link to it kept (--out /dev/null, or /dev/stdout, as root)", async () => {
    // Renamed over, the link (and, as root, /dev/null itself) became a regular file of ours.
    const link = join(dir, "to-dev-null.csv");
    await symlink("/dev/null", link);
    await writeFileAtomic(link, NEW, { throughSpecial: true });
    expect(await readlink(link)).toBe("/dev/null");
    expect((await stat("/dev/null")).isCharacterDevice()).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
  });

  it("writes to a named pipe as it is, for the program reading it, and the pipe stays a pipe", async () => {
    const fifo = join(dir, "ranking.fifo");
    execFileSync("mkfifo", [fifo]);
    const reader = execFile("cat", [fifo], { encoding: "utf8" });
    const read = new Promise<string>((resolve) => {
      let text = "";
      reader.stdout!.on("data", (chunk: string) => (text += chunk));
      reader.on("close", () => resolve(text));
    });
    await writeFileAtomic(fifo, ["part one, ", "part two\n"], { throughSpecial: true });
    expect(await read).toBe("part one, part two\n");
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
  });

  it("refuses a pipe or a device the user did not name as the output, and leaves it as it is", async () => {
    // A cache entry or an answer file in whose place something else now is: never renamed over,
    // never waited on.
    const fifo = join(dir, "entry.json");
    execFileSync("mkfifo", [fifo]);
    await expect(writeFileAtomic(fifo, NEW)).rejects.toMatchObject({ code: "not-regular" });
    const link = join(dir, "entry-null.json");
    await symlink("/dev/null", link);
    await expect(writeFileAtomic(link, NEW, { durable: false })).rejects.toMatchObject({ code: "not-regular" });
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(await readlink(link)).toBe("/dev/null");
    expect(tempFiles(dir)).toEqual([]);
  });
});

// A child process runs the real module (bundled from src/ by esbuild, as tsup bundles it for the
// program) and is killed with SIGKILL: no handler, no cleanup, as when the power goes.
describe("writeFileAtomic: a process killed with SIGKILL", () => {
  const driver = join(dir, "driver.mjs");
  beforeAll(async () => {
    await build({
      entryPoints: [join(repoRoot, "src/io/atomic-write.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: join(dir, "atomic-write.mjs"),
      logLevel: "silent",
    });
    // argv: target file, content size in bytes, "pause" to stop at the rename and wait to be killed.
    writeFileSync(
      driver,
      `import { open, rename, unlink } from "node:fs/promises";
import { writeFileAtomic } from "./atomic-write.mjs";
const [file, size, mode] = process.argv.slice(2);
const content = "jawaban baru\\n".repeat(Math.ceil(Number(size) / 13)).slice(0, Number(size));
const fs = {
  open,
  unlink,
  rename: async (from, to) => {
    if (mode === "pause") {
      process.stdout.write("at-rename\\n");
      setInterval(() => {}, 1000);
      await new Promise(() => {});
    }
    return rename(from, to);
  },
};
await writeFileAtomic(file, content, { fs });
process.stdout.write("done\\n");
`,
    );
  });

  const launch = (file: string, size: number, mode: "pause" | "run"): ChildProcess =>
    spawn(process.execPath, [driver, file, String(size), mode], { cwd: dir, stdio: ["ignore", "pipe", "inherit"] });

  const exited = (child: ChildProcess) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );

  it("between writing and renaming leaves the old file, whole, and the new content complete beside it", async () => {
    const file = join(dir, "jawaban-killed.yaml");
    writeFileSync(file, OLD);
    const size = 200_000;
    const child = launch(file, size, "pause");
    const exit = exited(child);
    const reached = await new Promise<string>((resolve) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("at-rename") || out.includes("done")) resolve(out);
      });
      child.once("exit", () => resolve(out));
    });
    expect(reached, "the write reached the target without a rename over it: it is not atomic").toContain("at-rename");
    child.kill("SIGKILL");
    expect(await exit).toEqual({ code: null, signal: "SIGKILL" });
    expect(readFileSync(file, "utf8")).toBe(OLD);
    const [temp, ...more] = tempFiles(dir);
    expect(more).toEqual([]);
    expect(statSync(join(dir, temp!)).size, "the temporary file held all of the new content").toBe(size);
    rmSync(join(dir, temp!));
  });

  it("at any moment of a large write leaves the old file or the new one, never a part", async () => {
    const file = join(dir, "jawaban-large.yaml");
    const size = 64 * 1024 * 1024;
    // Kill as soon as bytes of the new content are on disk, anywhere in the folder. On a busy
    // machine the whole write can end between two looks: that run is let finish, checked whole,
    // and the write tried again, a few times, until a kill comes in its middle.
    let seen = "";
    for (let attempt = 0; attempt < 5 && seen === ""; attempt++) {
      writeFileSync(file, OLD);
      const child = launch(file, size, "run");
      const exit = exited(child);
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && child.exitCode === null) {
        const growing = readdirSync(dir).find((f) => {
          const bytes = statSync(join(dir, f), { throwIfNoEntry: false })?.size ?? 0;
          return f.startsWith(".jawaban-large.yaml.") || (f === "jawaban-large.yaml" && bytes !== OLD.length)
            ? bytes > 0 && bytes < size
            : false;
        });
        if (growing) {
          seen = growing;
          break;
        }
        await new Promise((r) => setImmediate(r));
      }
      child.kill("SIGKILL");
      await exit;
      const after = readFileSync(file, "utf8");
      const whole = after === OLD || after.length === size;
      expect(whole, `after SIGKILL the file holds ${after.length} of ${size} bytes of the new content`).toBe(true);
      for (const temp of tempFiles(dir)) rmSync(join(dir, temp));
    }
    expect(seen, "no kill came while the new content was being written, in five tries").not.toBe("");
  });
});
