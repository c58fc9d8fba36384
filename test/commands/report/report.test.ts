import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner, tempDir } from "../score/score-harness.js";

const fixture = (path: string) => join(repoRoot, "fixtures", path);
const LEMBAH_2023 = fixture("answers/2023/kabupaten-lembah-hijau.yaml");
const LEMBAH_2022 = fixture("answers/2022/kabupaten-lembah-hijau.yaml");

describe("kuesioner report", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await tempDir("report"));
  });
  afterAll(async () => remove());
  /** Writes the report of `args` to `name` in the temporary folder, expects exit 0, and returns its HTML. */
  const writeReport = async (name: string, args: readonly string[]) => {
    const out = join(dir, name);
    const ran = await runKuesioner(["report", ...args, "--out", out], repoRoot);
    expect(ran.code, ran.stderr).toBe(0);
    return readFile(out, "utf8");
  };

  it("writes one region's report in Indonesian (--lang id), with nothing on standard output", async () => {
    const out = join(dir, "one.html");
    const ran = await runKuesioner(["report", LEMBAH_2023, "--out", out, "--lang", "id"], repoRoot);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(/^kuesioner: menulis .*one\.html \(\d+ KB\)\n$/);
    const html = await readFile(out, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="id">/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|url\(http/i);
    expect(html).toContain('<div class="value" id="total">2,45</div>');
    for (const heading of ["Nilai per elemen", "Indeks pilar", "Jawaban belum diisi", "Lampiran"])
      expect(html).toContain(heading);
    // Every question is in the annex, with its evidence.
    expect(html.match(/<tr><td><code>/g)?.length).toBe(117);
    expect(html).toContain("SK Bupati No. 188/245/KEP/2023 tentang Dewan Smart City");
    expect(html).toContain(
      '<a href="https://smartcity.example.go.id/bukti-dukung-2023.pdf" rel="noopener noreferrer">',
    );
    expect(Buffer.byteLength(html)).toBeLessThan(300 * 1024);
  });

  it.each([[[fixture("answers/2023"), "--highlight", "Kota Tirtamulya"]], [[LEMBAH_2023, "--previous", LEMBAH_2022]]])(
    "gives the same bytes for the same input: %j",
    async (args) => {
      const a = join(dir, "a.html");
      const b = join(dir, "b.html");
      await runKuesioner(["report", ...args, "--out", a], repoRoot);
      await runKuesioner(["report", ...args, "--out", b], repoRoot);
      expect(await readFile(a, "utf8")).toBe(await readFile(b, "utf8"));
    },
  );

  it("compares with last year's answer file element by element", async () => {
    const out = join(dir, "previous.html");
    const ran = await runKuesioner(
      ["report", LEMBAH_2023, "--previous", LEMBAH_2022, "--out", out, "--lang", "en"],
      repoRoot,
    );
    expect(ran.code, ran.stderr).toBe(0);
    const html = await readFile(out, "utf8");
    expect(html).toContain("Improvement on last year");
    expect(html).toContain("Element scores: last year and this year");
    const score = JSON.parse(
      (await runKuesioner(["score", LEMBAH_2023, "--previous", LEMBAH_2022, "--format", "json"], repoRoot)).stdout,
    );
    expect(html).toContain(`<strong>+${score.improvement.toFixed(2)}</strong>`);
    // compare's view: element contributions add up to the total's change, then every changed answer.
    expect(html).toMatch(
      /<tr class="total"><td>Final score<\/td><td class="num">2\.11<\/td><td class="num">2\.45<\/td><td class="num">\+0\.34<\/td><td class="num">\+0\.34<\/td><\/tr>/,
    );
    expect(html).toContain("Change in the final score +0.34 = changed answers");
    expect(html).toMatch(/By question: \d+ changed, \d+ unchanged/);
    expect(html).toContain("co-governance: Is there a smart-governance programme");
  });

  it("lists where the next points come from, largest gain first (advise's view)", async () => {
    const out = join(dir, "advice.html");
    await runKuesioner(["report", LEMBAH_2023, "--out", out, "--lang", "en"], repoRoot);
    const html = await readFile(out, "utf8");
    const section = html.slice(html.indexOf('<section id="next-points">'), html.indexOf('<section id="missing">'));
    expect(section).toContain("Where the next points come from");
    const gains = [...section.matchAll(/<td class="num">\+(0\.\d{3})<\/td><\/tr>/g)].map((m) => Number(m[1]));
    expect(gains).toHaveLength(15);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    expect(section).toMatch(/The highest final score reachable: 4\.00/);
  });

  it("takes --previous as a folder: the region's own answer file is compared, the ranking gets the change", async () => {
    const one = join(dir, "previous-folder.html");
    const ran = await runKuesioner(
      ["report", LEMBAH_2023, "--previous", fixture("answers/2022"), "--out", one, "--lang", "en"],
      repoRoot,
    );
    expect(ran.code, ran.stderr).toBe(0);
    expect(await readFile(one, "utf8")).toMatch(/By question: \d+ changed/);
    const many = join(dir, "previous-ranking.html");
    const ranked = await runKuesioner(
      ["report", fixture("answers/2023"), "--previous", fixture("answers/2022"), "--out", many, "--lang", "en"],
      repoRoot,
    );
    expect(ranked.code, ranked.stderr).toBe(0);
    const row = (await readFile(many, "utf8")).match(
      /<tr><td class="num">\d+<\/td><td>Kabupaten Lembah Hijau<\/td>.*<\/tr>/,
    )?.[0];
    expect(row).toContain('<td class="num">+0.34</td></tr>');
  });

  it("says the previous total alone cannot be split by element", async () => {
    const html = await writeReport("previous-total.html", [
      fixture("answers/2023/kota-tirtamulya.yaml"),
      "--lang",
      "en",
    ]);
    // kota-tirtamulya.yaml records last year's total only (previous: { total, year }).
    expect(html).toContain("Improvement on last year");
    expect(html).toContain("The previous score is a total only");
  });

  it("ranks many files, highlights one region, and lists files that could not be scored (exit 1)", async () => {
    const broken = join(dir, "broken.yaml");
    await writeFile(broken, "questionnaire: smart-city-2023\nanswers:\n  bl-council-meeting: 9\n");
    const out = join(dir, "ranking.html");
    const ran = await runKuesioner(
      ["report", fixture("answers/2023"), broken, "--out", out, "--lang", "en", "--highlight", "KAB. LEMBAH HIJAU"],
      repoRoot,
    );
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("score 9 is outside the scale 0–4");
    expect(ran.stderr).toContain("1 file could not be scored");
    const html = await readFile(out, "utf8");
    expect(html).toContain("Ranking of 5 regions");
    expect(html).toContain("Highlighted: Kabupaten Lembah Hijau, rank");
    expect(html.match(/<tr class="highlight">/g)?.length).toBe(1);
    expect(html).toContain("broken.yaml</code>: score 9 is outside the scale 0–4");
  });

  it("sets a verified region's self-assessed scores beside the panel's, with what to learn for next year", async () => {
    const html = await writeReport("panel.html", [fixture("panel/kota-sungai-jernih-2023.panel.yaml"), "--lang", "id"]);
    const section = html.slice(html.indexOf('<section id="verification">'), html.indexOf('<section id="pillars">'));
    expect(section).toContain("<h2>Penilaian mandiri dan verifikasi</h2>");
    expect(section).toContain(
      '<tr class="total"><td>Nilai Final</td><td class="num">3,29</td><td class="num">2,96</td><td class="num">-0,33</td><td class="num">55/111</td></tr>',
    );
    expect(section).toContain("Nilai tiap elemen: penilaian mandiri dan terverifikasi");
    expect(section).toContain("<h3>Yang perlu dipelajari untuk tahun depan</h3>");
    expect(section).toContain("10 dari 40 pertanyaan");
    expect(section).toMatch(
      /bl-masterplan-legal-basis: .*<td class="num">4,00<\/td><td class="num">2,80<\/td><td class="num">-1,20<\/td><td>Budi Santoso: Perwali ada, belum ada Perda; Eko Prasetyo: Perwali belum diundangkan dalam Berita Daerah<\/td>/,
    );
    expect(section).toContain("Belum diverifikasi: oc-soc-disaster-recovery, oc-env-recycling-reuse, im-gov-ps-online");
    // The annex gives the region's own level beside the panel's, and flags what the panel did not score.
    expect(html).toContain("<td>mandiri: level 4; penilai: 3, 3, 3, 3, 2 → rata-rata 2,80</td>");
    expect(html).toMatch(
      /<code>oc-soc-disaster-recovery<\/code><\/td><td>[^<]*<\/td><td>level 3 \(belum diverifikasi\)<\/td>/,
    );
    // A self-assessment alone has no such section and flags nothing in its annex.
    const selfHtml = await writeReport("self.html", [fixture("panel/kota-sungai-jernih-2023.yaml"), "--lang", "en"]);
    expect(selfHtml).not.toContain('id="verification"');
    expect(selfHtml).not.toContain("(not verified)");
    expect(selfHtml).toContain("<dt>Verification</dt><dd>not verified (self-assessment)</dd>");
  });

  it("says when last year's scores and this year's are verified differently", async () => {
    const html = await writeReport("malang.html", [
      fixture("compare/kabupaten-malang-2023.yaml"),
      "--previous",
      fixture("compare/kabupaten-malang-2022.yaml"),
      "--lang",
      "en",
    ]);
    expect(html).toContain(
      "Verification by assessors differs between the years (last year not verified, this year partly verified; elements Baseline, Output, Outcome, Quick Win)",
    );
  });

  it("marks the ranking's not and partly verified totals, with their footnotes", async () => {
    const html = await writeReport("panel-ranking.html", [
      fixture("panel/kota-sungai-jernih-2023.yaml"),
      fixture("panel/kota-sungai-jernih-2023.panel.yaml"),
      "--lang",
      "en",
    ]);
    expect(html).toContain('<td class="num">3.29†</td>');
    expect(html).toContain('<td class="num">2.96‡</td>');
    expect(html).toContain('<p class="note">† not verified: every score is the region&#39;s self-assessment</p>');
    expect(html).toContain("‡ partly verified: the self-assessed score counts where the assessors did not score");
  });

  it("refuses a --highlight that names no region, with a suggestion", async () => {
    const ran = await runKuesioner(
      [
        "report",
        fixture("answers/2023"),
        "--out",
        join(dir, "x.html"),
        "--lang",
        "en",
        "--highlight",
        "Kota Tirtamulia",
      ],
      repoRoot,
    );
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("--highlight Kota Tirtamulia: no region of that name in the ranking");
    expect(ran.stderr).toContain('did you mean "Kota Tirtamulya"?');
  });

  it.each([
    [["report", "x.yaml"], "--out"],
    [["report", "x.yaml", "--out", "r.pdf"], "write it to a .html file"],
    [["report", "x.yaml", "--out", "r.html", "--lang", "fr"], "--lang"],
    // The browser would print standard output and the PDF go into /dev; nothing is read or written.
    [["report", "x.yaml", "--out", "/dev/null", "--pdf", "--lang", "en"], "--out: with --pdf, give a file"],
    [["report", "x.yaml", "--out", "/dev/null", "--pdf", "--lang", "id"], "--out: dengan --pdf, berikan sebuah berkas"],
  ])("is a usage error: %j", async (argv, message) => {
    const ran = await runKuesioner(argv, dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
  });

  it("writes no report when nothing could be scored", async () => {
    const out = join(dir, "none.html");
    const ran = await runKuesioner(["report", join(dir, "missing.yaml"), "--out", out], repoRoot);
    expect(ran.code).toBe(1);
    await expect(readFile(out)).rejects.toThrow();
  });

  it("says how to print from a browser when --pdf finds none, and keeps the HTML", async () => {
    const out = join(dir, "nobrowser.html");
    const ran = await runKuesioner(["report", LEMBAH_2023, "--out", out, "--pdf", "--lang", "en"], repoRoot, {
      env: { PATH: "" },
    });
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("no Chromium, Chrome or Edge found");
    expect(ran.stderr).toContain("Ctrl+P");
    expect(await readFile(out, "utf8")).toContain("<!DOCTYPE html>");
  });
});
