import { spawn } from "node:child_process";
import { constants } from "node:fs";
import { access, mkdtemp, open, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { onStopSignal, removeOnSignal } from "../../io/remove-on-signal.js";

/** Browser programs that print to PDF headless, by the names their packages install. */
const NAMES = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "chrome",
  "microsoft-edge",
  "microsoft-edge-stable",
  "msedge",
  "brave-browser",
];

/**
 * Where the usual installers put them outside PATH (macOS applications, Windows program folders).
 * `process.platform`, `process.pid` and `process.getuid` below are facts about the machine and
 * this process, read where they are used rather than carried through CommandIO: none is state a
 * test would set (a test sets KUESIONER_BROWSER and PATH, which come from io.env).
 */
function wellKnownPaths(env: Readonly<Record<string, string | undefined>>): string[] {
  if (process.platform === "darwin") {
    return [
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
  }
  if (process.platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter((x): x is string => !!x);
    return roots.flatMap((root) => [
      join(root, "Google", "Chrome", "Application", "chrome.exe"),
      join(root, "Microsoft", "Edge", "Application", "msedge.exe"),
      join(root, "Chromium", "Application", "chrome.exe"),
    ]);
  }
  return [];
}

const executable = async (file: string) =>
  access(file, constants.X_OK).then(
    () => stat(file).then((s) => s.isFile()),
    () => false,
  );

/**
 * A Chromium-family browser on this machine: KUESIONER_BROWSER when set, else the first of the
 * usual names on PATH, else the usual install locations. Undefined when there is none.
 */
export async function findBrowser(env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  if (env.KUESIONER_BROWSER) return (await executable(env.KUESIONER_BROWSER)) ? env.KUESIONER_BROWSER : undefined;
  const dirs = (env.PATH ?? "").split(delimiter).filter(Boolean);
  const suffixes = process.platform === "win32" ? [".exe", ""] : [""];
  for (const name of NAMES)
    for (const dir of dirs)
      for (const suffix of suffixes) if (await executable(join(dir, name + suffix))) return join(dir, name + suffix);
  for (const file of wellKnownPaths(env)) if (await executable(file)) return file;
  return undefined;
}

/** How long a print may take before the browser is stopped. */
const TIMEOUT_MS = 120_000;

export type PrintOutcome = { ok: true } | { ok: false; reason: string };

/**
 * Prints an HTML file to PDF with the browser, headless, in a fresh profile that is removed
 * afterwards, with no network, extensions or first-run screens. The PDF is written beside the
 * target and renamed over it only when it is complete; the page size comes from the report's
 * own `@page` rule (A4).
 */
export async function printToPdf(browser: string, html: string, pdf: string): Promise<PrintOutcome> {
  const profile = await mkdtemp(join(tmpdir(), "kuesioner-pdf-"));
  const partial = join(dirname(pdf), `.${basename(pdf)}.${process.pid}.tmp`);
  // Ctrl-C while the browser prints leaves neither its profile nor a partial PDF behind.
  const forgetProfile = removeOnSignal(profile, { folder: true });
  const forgetPartial = removeOnSignal(partial);
  const args = [
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=Translate,MediaRouter",
    "--proxy-server=127.0.0.1:9",
    `--user-data-dir=${profile}`,
    "--no-pdf-header-footer",
    "--print-to-pdf-no-header",
    `--print-to-pdf=${partial}`,
    // The sandbox refuses to start as root (containers, CI); the page has no script to contain.
    ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
    pathToFileURL(html).href,
  ];
  try {
    const run = await new Promise<{ code: number | null; stderr: string; timedOut: boolean }>((resolve) => {
      const child = spawn(browser, args, { stdio: ["ignore", "ignore", "pipe"] });
      // Stopped by a signal, the browser goes first, before its profile and partial PDF are removed.
      const forgetChild = onStopSignal(() => child.kill("SIGKILL"));
      let stderr = "";
      let timedOut = false;
      child.stderr.on("data", (chunk: Buffer) => {
        if (stderr.length < 20_000) stderr += chunk.toString("utf8");
      });
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, TIMEOUT_MS);
      child.on("error", (error) => {
        clearTimeout(timer);
        forgetChild();
        resolve({ code: null, stderr: String(error), timedOut });
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        forgetChild();
        resolve({ code, stderr, timedOut });
      });
    });
    const written = await isPdf(partial);
    if (run.timedOut) return { ok: false, reason: `the browser did not finish within ${TIMEOUT_MS / 1000} s` };
    if (!written) {
      const last = run.stderr.trim().split("\n").slice(-3).join(" ").slice(0, 300);
      return {
        ok: false,
        reason: `the browser exited with code ${run.code} without writing a PDF${last ? ` (${last})` : ""}`,
      };
    }
    await rename(partial, pdf);
    return { ok: true };
  } finally {
    await rm(partial, { force: true });
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    forgetPartial();
    forgetProfile();
  }
}

async function isPdf(file: string): Promise<boolean> {
  const handle = await open(file, "r").catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    return bytesRead === 5 && buffer.toString("latin1") === "%PDF-";
  } finally {
    await handle.close();
  }
}
