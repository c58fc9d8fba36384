import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../commands/score/score-harness.js";
import { repoRoot } from "../reference/reference-data.js";
import { bin, neutralLocale } from "./cli-harness.js";
import { running, waitUntil } from "./tmux-terminal.js";

// A run stopped by a signal while it writes (Ctrl-C during a long ranking to --out, `kill`, a
// closed terminal) ends as the signal ends any program, and leaves nothing of its own behind:
// the old --out file as it was, no temporary file beside it, no browser still printing, no
// browser profile in the temporary folder (src/io/remove-on-signal.ts).

/** Launches the binary with its temporary folder in `dir`; resolves with how it ended. */
function launch(args: string[], dir: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: dir,
    env: { ...process.env, ...neutralLocale, NO_COLOR: "1", TMPDIR: dir, ...env },
    stdio: "ignore",
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, ended };
}

const temporary = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".tmp"));

describe("a run stopped by a signal", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "ends by %s while writing --out, the old file kept and no temporary file left",
    async (signal) => {
      const { dir, remove } = await tempDir("stopped-out");
      try {
        await writeFile(join(dir, "ranking.csv"), "the ranking of last week\n");
        // The write to the temporary file never finishes (slow-write-preload.cjs).
        const preload = `--require ${join(repoRoot, "test/e2e/slow-write-preload.cjs")}`;
        const answers = join(repoRoot, "fixtures/answers/2023");
        const run = launch(["score", answers, "--format", "csv", "--out", "ranking.csv"], dir, {
          NODE_OPTIONS: preload,
        });
        await waitUntil(() => temporary(dir).length > 0);
        run.child.kill(signal);
        expect(await run.ended).toEqual({ code: null, signal });
        expect(temporary(dir)).toEqual([]);
        expect(readFileSync(join(dir, "ranking.csv"), "utf8")).toBe("the ranking of last week\n");
      } finally {
        await remove();
      }
    },
  );

  it("ends by SIGINT while the browser prints the PDF: the browser stopped, its profile and the partial PDF removed", async () => {
    const { dir, remove } = await tempDir("stopped-pdf");
    try {
      const log = join(dir, "browser.log");
      const run = launch(
        ["report", join(repoRoot, "fixtures/answers/2023/kota-tirtamulya.yaml"), "--out", "laporan.html", "--pdf"],
        dir,
        { KUESIONER_BROWSER: join(repoRoot, "test/e2e/fake-browser.sh"), FAKE_BROWSER_LOG: log },
      );
      await waitUntil(() => existsSync(log));
      const [pid, profile] = readFileSync(log, "utf8").trim().split(" ") as [string, string];
      expect(existsSync(join(profile, "Local State"))).toBe(true);
      expect(temporary(dir)).toHaveLength(1);
      // To kuesioner alone: a terminal's Ctrl-C would reach the browser too, `kill` does not.
      run.child.kill("SIGINT");
      expect(await run.ended).toEqual({ code: null, signal: "SIGINT" });
      await waitUntil(() => !running(Number(pid)));
      expect(existsSync(profile)).toBe(false);
      expect(temporary(dir)).toEqual([]);
      // The HTML was complete before the browser started; it stays.
      expect(readFileSync(join(dir, "laporan.html"), "utf8")).toMatch(/<\/html>\s*$/);
    } finally {
      await remove();
    }
  });
});
