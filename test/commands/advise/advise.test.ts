import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner, tempDir } from "../score/score-harness.js";

const MALANG = "fixtures/compare/kabupaten-malang-2023.yaml";
const SUKAMAJU = "fixtures/answers/2023/kabupaten-sukamaju.yaml";
const advise = (...args: string[]) => runKuesioner(["advise", ...args], repoRoot);

interface Scored {
  file: string;
  elements: { id: string; scoreExact: string }[];
  pillars: { id: string; scoreExact: string | null }[];
}

/** An exact fraction "a/b" as a number precise enough to order these scores. */
const fraction = (text: string) => {
  const [n, d = "1"] = text.split("/");
  return Number(n) / Number(d);
};

interface Both {
  value: number;
  exact: string;
}

describe("advise: one file", () => {
  it("lists every question below the top by gain, grouped by element, with what to show next", async () => {
    const ran = await advise(MALANG);
    expect(ran).toMatchObject({ code: 0, stderr: "" });
    await expect(ran.stdout).toMatchFileSnapshot("__snapshots__/malang.en.txt");
    expect(ran.stdout).toMatch(/\+0\.0286 {2}op-council-functioning {2}3 {20}4\n {11}Level 4: The council is active/);
  });

  it("speaks Indonesian, with the questionnaire's Indonesian descriptors", async () => {
    const ran = await advise(MALANG, "--lang", "id");
    await expect(ran.stdout).toMatchFileSnapshot("__snapshots__/malang.id.txt");
    expect(ran.stdout).toContain("Dari mana tambahan nilai berikutnya: Kabupaten Malang (2023)");
    expect(ran.stdout).toContain("capaian ≥ 12 program. Level 4:");
  });

  it("writes Markdown with the descriptor as a last column", async () => {
    const ran = await advise(MALANG, "--format", "markdown", "--lang", "id");
    await expect(ran.stdout).toMatchFileSnapshot("__snapshots__/malang.id.md");
    expect(ran.stdout).toContain("| Tambahan | Pertanyaan | Sekarang | Berikutnya | Yang perlu ditunjukkan |");
  });

  it("writes JSON with exact gains, sorted by gain, unanswered first among equals", async () => {
    const ran = await advise(SUKAMAJU, "--format", "json");
    const json = JSON.parse(ran.stdout);
    const questions = json.questions as { id: string; gain: Both; current: Both | null; next: { level: number } }[];
    expect(questions.length).toBeGreaterThan(50);
    for (let i = 1; i < questions.length; i++) {
      expect(questions[i - 1]!.gain.value).toBeGreaterThanOrEqual(questions[i]!.gain.value);
    }
    const unanswered = questions.filter((q) => q.current === null);
    expect(unanswered.length).toBeGreaterThan(0);
    expect(json.target).toBeNull();
    expect(json.peers).toBeNull();
    expect((await advise(SUKAMAJU, "--format", "json", "--lang", "id")).stdout).toBe(ran.stdout);
  });

  it("says which of a verified region's scores are still self-assessed", async () => {
    const panel = "fixtures/panel/kota-sungai-jernih-2023.panel.yaml";
    const json = JSON.parse((await advise(panel, "--format", "json")).stdout);
    expect([json.verification, json.verified, json.unverified]).toEqual(["partial", 55, 56]);
    const text = (await advise(panel, "--lang", "id")).stdout;
    expect(text).toMatch(/Verifikasi\s+56 belum diverifikasi \(nilai mandiri yang dihitung\)/);
    expect(text).toContain("56 jawaban belum diverifikasi: nilai mandirinya yang dihitung");
    expect(text).toMatch(/Baseline\s+10%.*terverifikasi\n/);
    expect(text).toMatch(/Impact\s+20%.*belum diverifikasi\n/);
    // A self-assessment alone says so once, without the note or the column.
    const self = (await advise("fixtures/panel/kota-sungai-jernih-2023.yaml")).stdout;
    expect(self).toMatch(/Verification\s+not verified \(self-assessment\)/);
    expect(self).not.toContain("are not verified");
  });

  it("writes CSV in both dialects", async () => {
    const en = await advise(MALANG, "--format", "csv", "--target", "3");
    const lines = en.stdout.split("\r\n");
    expect(lines[0]).toBe(
      "section,id,element,kind,current,next,next_level,threshold,gain,steps,rank,of,percentile,peer_mean,gap",
    );
    expect(lines).toContain("question,bl-programs-realised,baseline,count,3.000000,4.000000,4,12,0.020000,1,,,,,");
    expect(lines.some((l) => l.startsWith("plan,"))).toBe(true);
    const id = await advise(MALANG, "--format", "csv", "--lang", "id");
    expect(id.stdout).toContain("question;op-budget-share-apbd;output;percent;1,000000;2,000000;2;1;0,028571;1;;;;;");
  });
});

describe("advise --target", () => {
  it("gives the fewest steps, unanswered questions first", async () => {
    const ran = await advise(SUKAMAJU, "--target", "2,5", "--format", "json");
    const { target, total } = JSON.parse(ran.stdout);
    expect(total.value).toBeLessThan(2.5);
    expect(target).toMatchObject({ reachable: true });
    expect(target.reached.value).toBeGreaterThanOrEqual(2.5);
    expect(target.moves.reduce((n: number, m: { steps: number }) => n + m.steps, 0)).toBe(target.steps);
    const firstAnswered = target.moves.findIndex((m: { from: Both | null }) => m.from !== null);
    expect(target.moves.slice(firstAnswered).every((m: { from: Both | null }) => m.from !== null)).toBe(true);
    expect(firstAnswered).toBeGreaterThan(0);
  });

  it("says when the target is out of reach, with the highest total reachable", async () => {
    const ran = await advise(MALANG, "--target", "4.5");
    expect(ran.code).toBe(0);
    expect(ran.stdout.replace(/\s+/g, " ")).toContain(
      "The target 4.50 is out of reach: with every question at the top the total is 4.00.",
    );
  });

  it("says when the target is already reached", async () => {
    const ran = await advise(MALANG, "--target", "2", "--lang", "id");
    expect(ran.stdout).toContain("Nilai 2,53 sudah mencapai target 2,00.");
  });
});

describe("advise --peers", () => {
  it("ranks the total as score ranks the same batch", async () => {
    const { dir, remove } = await tempDir("advise-peers");
    try {
      const batch = await runKuesioner(
        ["score", join(repoRoot, "fixtures/answers/2023"), join(repoRoot, MALANG), "--format", "json"],
        dir,
      );
      const ranks = new Map(
        JSON.parse(batch.stdout).results.map((r: { file: string; rank: number }) => [r.file, r.rank] as const),
      );
      for (const [self, others] of [
        [MALANG, "fixtures/answers/2023"],
        ["fixtures/answers/2023/kota-tirtamulya.yaml", "fixtures/answers/2023"],
        ["fixtures/answers/2023/kabupaten-gunung-sari.yml", "fixtures/answers/2023"],
      ] as const) {
        const ran = await advise(self, "--peers", others, MALANG, "--format", "json");
        expect(ran.code).toBe(0);
        const { peers } = JSON.parse(ran.stdout);
        expect(peers.count).toBe(5);
        expect(peers.total.of).toBe(6);
        expect(peers.total.rank).toBe(ranks.get(join(repoRoot, self)));
        // Each element and pillar: 1 + the number of regions of the batch scoring strictly higher there.
        const results = JSON.parse(batch.stdout).results as Scored[];
        const mine = results.find((r) => r.file === join(repoRoot, self))!;
        for (const kind of ["elements", "pillars"] as const) {
          for (const standing of peers[kind] as { id: string; rank: number; of: number }[]) {
            const scoreOf = (r: Scored) => r[kind].find((e) => e.id === standing.id)?.scoreExact ?? null;
            const others = results.filter((r) => r !== mine && scoreOf(r) !== null);
            const higher = others.filter((r) => fraction(scoreOf(r)!) > fraction(scoreOf(mine)!)).length;
            expect([kind, standing.id, standing.rank, standing.of]).toEqual([
              kind,
              standing.id,
              higher + 1,
              others.length + 1,
            ]);
          }
        }
      }
    } finally {
      await remove();
    }
  });

  it("prints the standing table and the three strongest and weakest", async () => {
    const ran = await advise(MALANG, "--peers", "fixtures/answers/2023", "--target", "2.7");
    await expect(ran.stdout).toMatchFileSnapshot("__snapshots__/malang-peers.en.txt");
    expect(ran.stdout).toContain("Among 5 peer regions");
    const id = await advise(MALANG, "--peers", "fixtures/answers/2023", "--lang", "id", "--format", "markdown");
    await expect(id.stdout).toMatchFileSnapshot("__snapshots__/malang-peers.id.md");
    expect(id.stdout).toContain("- Kemasyarakatan (+0,85 terhadap rata-rata, peringkat 2 dari 6)");
    expect(ran.stdout).toMatch(
      /Strongest relative to the peers\n {2}- Smart Society \(\+0\.85 against the mean, rank 2 of 6\)/,
    );
  });

  it("reports a peer that cannot be scored, leaves it out and exits 1", async () => {
    const ran = await advise(MALANG, "--peers", "fixtures/answers/2023", "fixtures/answers/broken/syntax-error.yaml");
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("fixtures/answers/broken/syntax-error.yaml:6:3: error: YAML syntax");
    expect(ran.stdout).toContain("Among 5 peer regions");
  });

  it("exits 1 for a peer folder that does not exist, after printing the advice", async () => {
    const ran = await advise(MALANG, "--peers", "nowhere/");
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("nowhere/: error: file not found");
    expect(ran.stdout).toContain("No peer region could be scored.");
  });

  it("leaves out peers on another questionnaire and the region's own other files", async () => {
    const ran = await advise(MALANG, "--peers", "fixtures/answers/2022", "fixtures/compare/kabupaten-malang-2022.yaml");
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain("left out: questionnaire smart-city-2022, not smart-city-2023");
    expect(ran.stdout).toContain("No peer region could be scored.");
  });
});

describe("advise: bad input", () => {
  it("exits 1 with file:line:column for a broken file", async () => {
    const ran = await advise("fixtures/answers/broken/out-of-scale.yaml");
    expect(ran).toMatchObject({ code: 1, stdout: "" });
    expect(ran.stderr).toContain("fixtures/answers/broken/out-of-scale.yaml:6:30: error:");
  });

  it.each([
    [[], "missing required argument 'file'"],
    [[MALANG, "--target", "tiga"], "--target: expected a total such as 3 or 3.25 (3,25)"],
    [[MALANG, "--target", "-1"], "--target"],
    [[MALANG, "--format", "pdf"], "argument 'pdf' is invalid"],
  ])("exits 2 for %j", async (args, message) => {
    const ran = await advise(...args);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
  });
});
