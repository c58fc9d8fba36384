import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { parse } from "yaml";
import { evaluateAnswerFile } from "../../src/io/evaluate-answers.js";
import { answerFileSchema } from "../../src/model/answers.js";
import { repoRoot } from "../reference/reference-data.js";
import { spawnKuesioner } from "./cli-harness.js";
import { installAsReadmeSays } from "./setup-harness.js";
import { auditAgreement } from "./audit-agreement.js";
import { hasTmux, quote, running, Terminal, waitUntil } from "./tmux-terminal.js";

/**
 * `fill` in a real terminal (tmux-terminal.ts): the test types keys, reads the screen, kills the
 * process with SIGKILL, and checks the file on disk. The three tests run side by side, each in a
 * folder and tmux sessions of its own: most of their time is spent waiting for the program to
 * print, which kept one of the suite's two workers idle.
 */
describe.skipIf(!hasTmux)(
  hasTmux ? "fill in a real terminal (tmux)" : "fill in a real terminal: SKIPPED because tmux is not installed",
  () => {
    let dirs: string;
    let pids: string;
    let term: Terminal;
    beforeAll(async () => {
      dirs = await mkdtemp(join(tmpdir(), "kuesioner-tty-"));
      pids = await mkdtemp(join(tmpdir(), "kuesioner-tty-pids-"));
      term = new Terminal(pids);
    });
    afterAll(async () => {
      await term?.stop();
      await rm(dirs, { recursive: true, force: true });
      await rm(pids, { recursive: true, force: true });
    });
    /** A test's own folder, holding the questionnaire. */
    const folder = async (name: string) => {
      const dir = join(dirs, name);
      await mkdir(dir);
      await copyFile("fixtures/fill/mini.yaml", join(dir, "mini.yaml"));
      return dir;
    };

    it.concurrent("survives SIGKILL with every answer on disk, stops cleanly on Ctrl-C, resumes, and ends with the total score gives", async ({
      expect,
    }) => {
      const dir = await folder("kill");
      const file = join(dir, "x.yaml");
      const first = await term.start(dir, [
        "fill",
        "mini.yaml",
        "--out",
        "x.yaml",
        "--region",
        "Kabupaten Buleleng",
        "--year",
        "2024",
        "--profile",
        "reguler",
        "--lang",
        "en",
      ]);
      await term.answer(first, "? Choose the level", ["Down", "Down", "Down", "Enter"]);
      await term.answer(first, "Evidence, optional", "Perbup No. 27 Tahun 2024");
      await term.answer(first, "Note, optional", ["Enter"]);
      await term.answer(first, "? Value (programmes)", "7");
      await term.noExtras(first, 2);
      await term.answer(first, "? Value (%)", "1,5");
      // The answer is on disk before the evidence prompt appears: kill the process right there.
      await term.waitFor(first, "Evidence, optional", 3);
      process.kill(await term.pid(first), "SIGKILL");
      expect(await term.exitStatus(first)).toBe(128 + 9);

      const killed = answerFileSchema.parse(parse(await readFile(file, "utf8")));
      expect(killed.answers).toEqual({
        "bl-masterplan": { score: 3, evidence: ["Perbup No. 27 Tahun 2024"] },
        "bl-programmes": { value: 7 },
        "bl-budget": { value: 1.5 },
      });
      expect((await evaluateAnswerFile(file)).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const validated = await spawnKuesioner(["validate", "x.yaml"], dir);
      expect(validated.stderr).toContain("no problems in 1 file");
      expect((await readdir(dir)).sort()).toEqual(["mini.yaml", "x.yaml", "x.yaml.history.jsonl"]);
      // The history holds every answer the file holds (and at most one save more).
      expect(await auditAgreement(file)).not.toBe("disagree");

      // Resume: the question on screen when the process died comes back with its answer.
      const second = await term.start(dir, ["fill", "--out", "x.yaml", "--lang", "en"]);
      await term.waitFor(second, "Resuming x.yaml: 3 of 5 questions answered.");
      await term.waitFor(second, "Current answer: 1.5 % → level 2");
      await term.answer(second, "? Value (%) (1.5)", ["Enter"]);
      await term.noExtras(second);
      await term.answer(second, "? Survey result", "0:1 1:4 2:10 3:20 4:15");
      await term.waitFor(second, "→ mean 2.88 from 50 respondents");
      await term.noExtras(second, 2);
      await term.answer(second, "? Choose the level", ["C-c"]);
      expect(await term.exitStatus(second)).toBe(130);
      const stopped = await term.screen(second);
      expect(stopped).toContain("kuesioner: Saved to x.yaml.\nResume with: kuesioner fill --out x.yaml");
      expect(stopped).not.toMatch(/Error|\s+at .*\.js:\d+/);
      expect(await auditAgreement(file)).toBe("agree");

      const third = await term.start(dir, ["fill", "--out", "x.yaml", "--lang", "en"]);
      await term.waitFor(third, "Resuming x.yaml: 4 of 5 questions answered.");
      await term.answer(third, "? Choose the level", ["Down", "Down", "Enter"]);
      await term.noExtras(third);
      await term.answer(third, "? What next?", ["Enter"]);
      expect(await term.exitStatus(third)).toBe(0);
      const report = await term.screen(third);
      expect(report).toContain("Saved to x.yaml and marked final.");
      const shown = /Final score\s+(\d+\.\d\d)/.exec(report)?.[1];

      const scored = await spawnKuesioner(["score", "x.yaml", "--format", "json"], dir);
      const json = JSON.parse(scored.stdout) as {
        totalRounded: string;
        totalExact: string;
        status: string;
        complete: boolean;
      };
      expect(json).toMatchObject({ status: "final", complete: true, totalRounded: "2.53", totalExact: "949/375" });
      expect(shown).toBe(json.totalRounded);
      expect(await auditAgreement(file)).toBe("agree");
    }, 120_000);

    it.concurrent("saves and exits 130 on SIGTERM, and leaves a valid file when the terminal is closed", async ({
      expect,
    }) => {
      const dir = await folder("term");
      const start = [
        "fill",
        "mini.yaml",
        "--region",
        "Kota Kediri",
        "--year",
        "2024",
        "--profile",
        "reguler",
        "--lang",
        "en",
      ];
      const termed = await term.start(dir, [...start, "--out", "term.yaml"]);
      await term.answer(termed, "? Choose the level", ["Down", "Enter"]);
      await term.waitFor(termed, "? Evidence, optional");
      process.kill(await term.pid(termed), "SIGTERM");
      expect(await term.exitStatus(termed)).toBe(130);
      expect(await term.screen(termed)).toContain(
        "kuesioner: Saved to term.yaml.\nResume with: kuesioner fill --out term.yaml",
      );
      expect(answerFileSchema.parse(parse(await readFile(join(dir, "term.yaml"), "utf8"))).answers).toEqual({
        "bl-masterplan": 1,
      });

      const stderr = join(pids, "hup.stderr");
      const closed = await term.start(dir, [...start, "--out", "hup.yaml"], { stderr });
      await term.answer(closed, "? Choose the level", ["Down", "Down", "Enter"]);
      await term.waitFor(closed, "? Evidence, optional");
      const pid = await term.pid(closed);
      await term.close(closed);
      await waitUntil(() => !running(pid));
      expect(answerFileSchema.parse(parse(await readFile(join(dir, "hup.yaml"), "utf8"))).answers).toEqual({
        "bl-masterplan": 2,
      });
      expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      // fill ended through its own path, not through an uncaught EIO from the dead terminal.
      // (Node 20 may still add an assertion about restoring the terminal afterwards: nodejs/node#51519.)
      const said = await readFile(stderr, "utf8");
      expect(said).toContain("kuesioner: Saved to hup.yaml.");
      expect(said).not.toMatch(/Unhandled 'error' event|setRawMode EIO/);
    }, 60_000);

    it.concurrent("npm start writes in the folder it was typed in, and the resume command it prints runs as printed after the README's set-up", async ({
      expect,
    }) => {
      const dir = await folder("start");
      const sub = join(dir, "kantor");
      await mkdir(sub);
      const prefix = await mkdtemp(join(tmpdir(), "kuesioner-prefix-"));
      try {
        const path = await installAsReadmeSays(prefix);
        const started = await term.start(sub, [], {
          shell: `npm --prefix ${quote(repoRoot)} start -- ../mini.yaml --out x.yaml --region R --year 2024 --profile reguler --lang en`,
        });
        await term.answer(started, "? Choose the level", ["3", "Enter"]);
        await term.answer(started, "Evidence, optional", ["C-c"]);
        await term.exitStatus(started);
        const screen = await term.screen(started);
        const printed = /Resume with: (kuesioner .*)/.exec(screen)?.[1];
        if (!printed) throw new Error(screen);
        expect(printed).toBe("kuesioner fill --out x.yaml");
        expect(existsSync(join(repoRoot, "x.yaml"))).toBe(false);
        expect(answerFileSchema.parse(parse(await readFile(join(sub, "x.yaml"), "utf8"))).answers).toEqual({
          "bl-masterplan": 3,
        });

        const resumed = await term.start(sub, [], { shell: printed!, path });
        await term.waitFor(resumed, "Resuming x.yaml: 1 of 5 questions answered.");
        await term.answer(resumed, "? Choose the level", ["C-c"]);
        expect(await term.exitStatus(resumed)).toBe(130);
      } finally {
        await rm(prefix, { recursive: true, force: true });
      }
    }, 90_000);
  },
);
