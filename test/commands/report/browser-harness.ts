import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { PNG } from "pngjs";

/** Debian's chromium package; CI installs it (.ci/run), so there the browser tests always run. */
const CHROMIUM = process.env.KUESIONER_TEST_CHROMIUM ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
/** Without a browser the tests are skipped on a developer's machine, never in CI. */
export const skipBrowser = !hasChromium && !process.env.CI;

export interface Opened {
  page: Page;
  /** Console messages of type error, and uncaught page errors. */
  errors: string[];
  /** Every URL the page asked for, the document itself included. */
  requests: string[];
  close: () => Promise<void>;
}

export interface Browser {
  open: (file: string) => Promise<Opened>;
  close: () => Promise<void>;
}

/**
 * Headless Chromium with a fresh profile and no network services (no background requests,
 * component updates, sync or first-run pages). Each opened page records its console errors
 * and every request it makes.
 */
export async function launchChromium(viewport = { width: 1000, height: 900 }): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), "kuesioner-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    open: async (file) => {
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      return { page, errors, requests, close: () => page.close() };
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** How many distinct colours a PNG screenshot has: 1 for a blank page. */
export function distinctColours(png: Buffer): number {
  const image = PNG.sync.read(png);
  const seen = new Set<number>();
  for (let i = 0; i < image.data.length; i += 4) {
    seen.add(image.data.readUInt32BE(i));
    if (seen.size > 1000) break;
  }
  return seen.size;
}

/** The page sizes (MediaBox, in points) of a PDF Chromium wrote. */
export function pdfPageSizes(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString("latin1");
  return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));
}

/** A4 is 210 × 297 mm: 595.3 × 841.9 points. */
export const isA4 = (size: { width: number; height: number }) =>
  Math.abs(size.width - 595.3) < 2 && Math.abs(size.height - 841.9) < 2;

/** The text a reader sees (rendered, as innerText), not the DOM's textContent. */
export function visibleText(page: Page, selector: string): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the test checks
  return page.innerText(selector);
}
