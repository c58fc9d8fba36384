import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { answerFileSchema } from "../../src/model/answers.js";
import { auditAgreement } from "./audit-agreement.js";
import { spawnKuesioner } from "./cli-harness.js";
import { hasTmux, Terminal } from "./tmux-terminal.js";
import { regionAnswers } from "../commands/verify/region-answers.js";

/**
 * `verify` in a real terminal: an assessor scores by key presses; the process is killed with
 * SIGKILL at a prompt again and again, and after every kill the assessor's file holds every
 * score given and its history agrees with it; Ctrl-C saves; the last run finishes.
 */
describe.skipIf(!hasTmux)(
  hasTmux ? "verify in a real terminal (tmux)" : "verify in a real terminal: SKIPPED because tmux is not installed",
  () => {
    let dir: string;
    let pids: string;
    let term: Terminal;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "kuesioner-verify-tty-"));
      pids = await mkdtemp(join(tmpdir(), "kuesioner-verify-tty-pids-"));
      term = new Terminal(pids);
      await copyFile("fixtures/fill/mini.yaml", join(dir, "mini.yaml"));
      // The region left bl-budget and im-online unanswered.
      const { "bl-budget": _budget, "im-online": _online, ...answered } = regionAnswers.answers;
      await writeFile(join(dir, "jawaban.yaml"), stringify({ ...regionAnswers, answers: answered }));
    });
    afterAll(async () => {
      await term?.stop();
      await rm(dir, { recursive: true, force: true });
      await rm(pids, { recursive: true, force: true });
    });

    const file = () => join(dir, "jawaban.verifikasi-ani.yaml");
    const scoresOnDisk = async () => {
      const saved = answerFileSchema.parse(parse(await readFile(file(), "utf8")));
      return Object.fromEntries(
        Object.entries(saved.answers).flatMap(([id, a]) =>
          a && typeof a === "object" && a.assessors ? [[id, a.assessors]] : [],
        ),
      );
    };
    const verify = () => term.start(dir, ["verify", "jawaban.yaml", "--assessor", "Ani", "--lang", "en"]);
    const killAt = async (name: string, prompt: string, times: number) => {
      await term.waitFor(name, prompt, times);
      process.kill(await term.pid(name), "SIGKILL");
      expect(await term.exitStatus(name)).toBe(128 + 9);
      // The history holds every score the file holds (and at most one save more).
      expect(await auditAgreement(file())).not.toBe("disagree");
    };

    it("keeps every score and a history that agrees with the file through SIGKILLs, Ctrl-C and resume", async () => {
      const first = await verify();
      await term.waitFor(first, "Region's answer: level 4: Enacted by a regional regulation. · evidence: Perbup");
      await term.answer(first, "Your score (0–4)", ["3", "Enter"]);
      await term.answer(first, "Your note, optional", "Perda belum ada");
      await term.answer(first, "Your score (0–4)", ["2", "Enter"], 2);
      // The score is on disk before the note prompt appears: kill the process right there.
      await killAt(first, "Your note, optional", 2);
      expect(await scoresOnDisk()).toEqual({
        "bl-masterplan": [{ name: "Ani", score: 3, note: "Perda belum ada" }],
        "bl-programmes": [{ name: "Ani", score: 2 }],
      });

      const second = await verify();
      await term.waitFor(second, "Resuming jawaban.verifikasi-ani.yaml: 2 of 5 questions scored.");
      await term.waitFor(second, "Your score: level 2");
      await term.answer(second, "Your score (0–4)", ["Enter"]);
      await term.answer(second, "Your note, optional", ["Enter"]);
      await term.waitFor(second, "Region's answer: not answered");
      await term.answer(second, "Your score (0–4)", ["1", "Enter"], 2);
      await killAt(second, "Your note, optional", 2);
      expect((await scoresOnDisk())["bl-budget"]).toEqual([{ name: "Ani", score: 1 }]);

      const third = await verify();
      await term.waitFor(third, "Resuming jawaban.verifikasi-ani.yaml: 3 of 5 questions scored.");
      await term.answer(third, "Your score (0–4)", ["Enter"]);
      await term.answer(third, "Your note, optional", ["Enter"]);
      await term.answer(third, "Your score (0–4)", ["3", "Enter"], 2);
      await killAt(third, "Your note, optional", 2);

      const fourth = await verify();
      await term.waitFor(fourth, "Resuming jawaban.verifikasi-ani.yaml: 4 of 5 questions scored.");
      await term.answer(fourth, "Your score (0–4)", ["C-c"]);
      expect(await term.exitStatus(fourth)).toBe(130);
      expect(await term.screen(fourth)).toContain(
        "kuesioner: Saved to jawaban.verifikasi-ani.yaml.\nResume with: kuesioner verify jawaban.yaml --assessor Ani",
      );
      expect(await auditAgreement(file())).toBe("agree");

      const last = await verify();
      await term.answer(last, "Your score (0–4)", ["Enter"]);
      await term.answer(last, "Your note, optional", ["Enter"]);
      await term.answer(last, "Your score (0–4)", ["Enter"], 2);
      await term.answer(last, "Your note, optional", ["Enter"], 2);
      await term.answer(last, "? What next?", ["Enter"]);
      expect(await term.exitStatus(last)).toBe(0);
      expect(await term.screen(last)).toContain("Saved to jawaban.verifikasi-ani.yaml and marked final.");
      expect(await auditAgreement(file())).toBe("agree");
      expect(await scoresOnDisk()).toEqual({
        "bl-masterplan": [{ name: "Ani", score: 3, note: "Perda belum ada" }],
        "bl-programmes": [{ name: "Ani", score: 2 }],
        "bl-budget": [{ name: "Ani", score: 1 }],
        "im-online": [{ name: "Ani", score: 3 }],
        "im-faster": [{ name: "Ani", score: 3 }],
      });
      // The region's answers were never written, and the assessor's file is one merge takes.
      expect((await readdir(dir)).sort()).toEqual([
        "jawaban.verifikasi-ani.yaml",
        "jawaban.verifikasi-ani.yaml.history.jsonl",
        "jawaban.yaml",
        "mini.yaml",
      ]);
      const merged = await spawnKuesioner(
        ["merge", "jawaban.yaml", "jawaban.verifikasi-ani.yaml", "--out", "panel.yaml", "--lang", "en"],
        dir,
      );
      expect(merged.code, merged.stderr).toBe(0);
    }, 180_000);
  },
);
