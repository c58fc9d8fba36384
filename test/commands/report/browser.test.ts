import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, type ExpectStatic, it } from "vitest";
import type { Page } from "playwright-core";
import YAML from "yaml";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner, tempDir } from "../score/score-harness.js";
import {
  type Browser,
  distinctColours,
  isA4,
  launchChromium,
  pdfPageSizes,
  skipBrowser,
  visibleText,
} from "./browser-harness.js";

const fixture = (path: string) => join(repoRoot, "fixtures", path);

/** What `score --format json` says about a file: the oracle for the figures the page must show. */
async function scoreJson(file: string): Promise<{ total: string; elements: string[] }> {
  const ran = await runKuesioner(["score", file, "--format", "json"], repoRoot);
  const json = JSON.parse(ran.stdout) as { totalRounded: string; elements: { scoreExact: string }[] };
  const twoDecimals = (fraction: string) => {
    const [n = "0", d = "1"] = fraction.split("/");
    const q = (BigInt(n) * 200n + BigInt(d)) / (2n * BigInt(d)); // half-up at two decimals, for scores ≥ 0
    return `${q / 100n},${String(q % 100n).padStart(2, "0")}`;
  };
  return { total: json.totalRounded.replace(".", ","), elements: json.elements.map((e) => twoDecimals(e.scoreExact)) };
}

/** Texts that would run, load or break out of the page if they were not escaped. */
const HOSTILE = {
  script: `<script>window.__pwned = "script"</script>`,
  img: `"><img src=x onerror="window.__pwned='img'">`,
  js: `javascript:window.__pwned='js'`,
  style: `</style><script>window.__pwned='style'</script>`,
  svg: `<svg onload="window.__pwned='svg'"></svg>`,
  href: `https://example.org/a"><script>window.__pwned='href'</script>`,
};

describe.skipIf(skipBrowser)("report pages in headless Chromium", () => {
  let dir: string;
  let remove: () => Promise<void>;
  let browser: Browser;
  const openInChromium = (file: string) => browser.open(file);
  beforeAll(async () => {
    ({ dir, remove } = await tempDir("report-browser"));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await remove();
  });

  /**
   * Opens the page once: the checks every report needs, then the test's own (`more`), then its PDF.
   * `expect` is the test's own: the tests run side by side (a page, its screenshot and its PDF are
   * mostly waiting for Chromium, which kept one of the suite's two workers idle).
   */
  async function checkPage(
    expect: ExpectStatic,
    file: string,
    expected: string[],
    more: (page: Page) => Promise<void>,
  ) {
    const opened = await openInChromium(file);
    try {
      const { page } = opened;
      const text = await visibleText(page, "body");
      for (const t of expected) expect(text).toContain(t);
      expect(opened.errors).toEqual([]);
      // The document itself is the only request: no font, image, script or analytics.
      expect(opened.requests).toEqual([page.url()]);
      expect(distinctColours(await page.screenshot())).toBeGreaterThan(10);
      await more(page);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const sizes = pdfPageSizes(pdf);
      expect(sizes.length).toBeGreaterThan(0);
      expect(sizes.every(isA4)).toBe(true);
      return { opened, text, pages: sizes.length };
    } finally {
      await opened.close();
    }
  }

  it.concurrent("shows one region's report: total, every element score, charts, no request, A4 pages", async ({
    expect,
  }) => {
    const answers = fixture("answers/2023/kabupaten-lembah-hijau.yaml");
    const out = join(dir, "one.html");
    const ran = await runKuesioner(
      [
        "report",
        answers,
        "--previous",
        fixture("answers/2022/kabupaten-lembah-hijau.yaml"),
        "--out",
        out,
        "--lang",
        "id",
      ],
      repoRoot,
    );
    expect(ran.code, ran.stderr).toBe(0);
    const oracle = await scoreJson(answers);
    const { pages } = await checkPage(
      expect,
      out,
      ["Kabupaten Lembah Hijau", oracle.total, ...oracle.elements],
      async (page) => {
        expect(await visibleText(page, "#total")).toBe(oracle.total);
        expect(await page.locator("figure.chart svg").count()).toBeGreaterThanOrEqual(4);
      },
    );
    expect(pages).toBeGreaterThan(1);
  });

  it.concurrent("prints the report to an A4 PDF through the Chromium found on PATH (--pdf)", async ({ expect }) => {
    const out = join(dir, "laporan.html");
    const ran = await runKuesioner(
      ["report", fixture("answers/2023/kabupaten-lembah-hijau.yaml"), "--out", out, "--pdf", "--lang", "id"],
      repoRoot,
      {
        env: { PATH: process.env.PATH },
      },
    );
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain("menulis");
    expect(ran.stderr).toMatch(/laporan\.pdf\n$/);
    const pdf = await readFile(join(dir, "laporan.pdf"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const sizes = pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThan(2);
    expect(sizes.every(isA4)).toBe(true);
  });

  it.concurrent("shows the ranking report with the highlighted region, its charts and every total", async ({
    expect,
  }) => {
    const out = join(dir, "ranking.html");
    const ran = await runKuesioner(
      ["report", fixture("answers/2023"), "--out", out, "--lang", "en", "--highlight", "kota tirtamulya"],
      repoRoot,
    );
    expect(ran.code, ran.stderr).toBe(0);
    const json = JSON.parse(
      (await runKuesioner(["score", fixture("answers/2023"), "--format", "json"], repoRoot)).stdout,
    );
    const totals = (json.results as { totalRounded: string }[]).map((r) => r.totalRounded);
    await checkPage(expect, out, ["Ranking of 5 regions", ...totals], async (page) => {
      expect(await page.locator("tr.highlight").count()).toBe(1);
      expect(await visibleText(page, "tr.highlight")).toContain("Kota Tirtamulya");
      expect(await page.locator("figure.chart svg").count()).toBe(2);
    });
  });

  it.concurrent("runs nothing from hostile region names, evidence, notes and questionnaire texts, and shows them literally", async ({
    expect,
  }) => {
    // A questionnaire whose own texts are hostile, answered by two regions with hostile names.
    const q = YAML.parse(await readFile(fixture("questionnaires/spbe-sample.yaml"), "utf8"));
    q.title = { id: `Judul ${HOSTILE.style}`, en: `Title ${HOSTILE.style}` };
    q.elements[0].title = { id: `Kebijakan ${HOSTILE.img}`, en: `Policy ${HOSTILE.img}` };
    q.elements[0].questions[0].text = { id: `Pertanyaan ${HOSTILE.svg}`, en: `Question ${HOSTILE.svg}` };
    await writeFile(join(dir, "hostile-q.yaml"), YAML.stringify(q));
    const ids: string[] = q.elements.flatMap((e: { questions: { id: string }[] }) => e.questions.map((x) => x.id));
    const write = (name: string, region: string, level: number) =>
      writeFile(
        join(dir, "hostile", name),
        YAML.stringify({
          questionnaire: "../hostile-q.yaml",
          respondent: { region, year: 2024 },
          answers: Object.fromEntries(
            ids.map((id, i) => [
              id,
              i === 0
                ? {
                    score: level,
                    evidence: [HOSTILE.js, HOSTILE.href, HOSTILE.img, "https://example.org/bukti.pdf"],
                    note: `${HOSTILE.style} ${HOSTILE.svg}`,
                  }
                : 1 + ((i + level) % 5),
            ]),
          ),
        }),
      );
    await mkdir(join(dir, "hostile"));
    await write("a.yaml", `Kabupaten ${HOSTILE.script}${HOSTILE.img}`, 3);
    await write("b.yaml", `Kota ${HOSTILE.style}`, 2);
    const one = join(dir, "hostile-one.html");
    const many = join(dir, "hostile-many.html");
    expect(
      (await runKuesioner(["report", join(dir, "hostile/a.yaml"), "--out", one, "--lang", "id"], repoRoot)).code,
    ).toBe(0);
    const ranked = await runKuesioner(
      ["report", join(dir, "hostile"), "--out", many, "--lang", "id", "--highlight", `Kota ${HOSTILE.style}`],
      repoRoot,
    );
    expect(ranked.code, ranked.stderr).toBe(0);

    for (const file of [one, many]) {
      // Also without the page's Content-Security-Policy: the escaping alone must hold.
      const html = await readFile(file, "utf8");
      const bare = file.replace(/\.html$/, "-nocsp.html");
      await writeFile(bare, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ""));
      expect(await readFile(bare, "utf8")).not.toContain("Content-Security-Policy");
      for (const target of [file, bare]) {
        const opened = await openInChromium(target);
        try {
          const { page } = opened;
          await page.waitForTimeout(100);
          expect(await page.evaluate("window.__pwned")).toBeUndefined();
          expect(await page.locator("script, img, iframe, object, embed, style ~ style").count()).toBe(0);
          const handlers = await page.evaluate(
            "[...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name))",
          );
          expect(handlers).toEqual([]);
          const hrefs = await page.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
          for (const href of hrefs) expect(href).toMatch(/^https:\/\/example\.org\//);
          const text = await visibleText(page, "body");
          expect(text).toContain(`Kabupaten ${HOSTILE.script}${HOSTILE.img}`);
          if (file === many) expect(text).toContain(`Kota ${HOSTILE.style}`);
          else {
            for (const t of [HOSTILE.js, HOSTILE.href, `${HOSTILE.style} ${HOSTILE.svg}`, `Pertanyaan ${HOSTILE.svg}`])
              expect(text).toContain(t);
            expect(hrefs).toEqual(["https://example.org/bukti.pdf"]);
          }
          expect(opened.errors).toEqual([]);
          expect(opened.requests).toEqual([page.url()]);
        } finally {
          await opened.close();
        }
      }
    }
  });
});
