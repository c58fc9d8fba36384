import { readdirSync, realpathSync } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, posix, resolve, sep } from "node:path";
import type { Diagnostic } from "../errors.js";
import { StringList } from "../model/string-list.js";

/** tinyglobby, loaded when a folder or a pattern needs it: a command given files only never does. */
const globbing = () => import("tinyglobby");

/** What a folder or a pattern gives: questionnaires and answer files are YAML or JSON. */
const DATA_FILE = /\.(ya?ml|json)$/i;

export interface ExpandedInputs {
  /**
   * Files to read, as the user would write them (relative stays relative), without duplicates.
   * Kept as bytes, not a string each: `score` holds the list for the whole batch (issue 9).
   */
  files: StringList;
  /** Inputs that name nothing: a missing path, an empty folder, a pattern without matches. */
  diagnostics: Diagnostic[];
  /** True when the only input names one file (not a folder or a pattern): `score` then prints the full report. */
  single: boolean;
  /** Files named on the command line themselves, not found in a folder or by a pattern. */
  named: ReadonlySet<string>;
  /**
   * Files a folder or a pattern found but left out because their names do not end in .yaml,
   * .yml or .json (a README, a PDF of evidence); and, for a pattern naming one extension
   * (`'*.yaml'`), the YAML and JSON files beside its matches that it did not match. The command
   * says so in one note each: a file is never left out silently.
   */
  notData: string[];
  otherExtension: string[];
}

/**
 * Expands command-line inputs, the same way for `validate`, `score`, `report`, `advise` and
 * `--previous`: a file is taken as it is, whatever its name; a folder gives every *.yaml, *.yml
 * and *.json below it, at any depth; a pattern (quoted, so kuesioner and not the shell expands
 * it; tinyglobby's syntax: `*`, `?`, `**`, `[a-z]`, `{a,b}`) gives the YAML and JSON files it
 * matches. Hidden files and folders and node_modules are left out of folders and patterns;
 * linked files and folders are followed, and a file reached twice is read once. Each input's
 * files are sorted, so the order never depends on the file system.
 */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<ExpandedInputs> {
  // Sorted paths share most of their length with the one before: only the rest is kept.
  const files = new StringList({ shared: true });
  const diagnostics: Diagnostic[] = [];
  const named = new Set<string>();
  const notData: string[] = [];
  const otherExtension: string[] = [];
  // Linked files and folders are followed: a file reached twice (a link beside its target, a
  // link to a parent folder) is the same file, keyed by its real path and taken once.
  const seen = new Set<string>();
  const addFound = ({ dir, found }: Found, last: boolean) => {
    const absolute = prefixOf(resolve(cwd, dir));
    const real = new RealPaths();
    for (const f of found) real.expect(absolute + native(f));
    // Only files reached through a link have a key other than their path: one per such file,
    // so a folder of 100,000 plain files keeps no string or set entry per file (issue 9).
    const linked = new Map<number, string>();
    found.forEach((f, i) => {
      const path = absolute + native(f);
      const key = real.of(path);
      if (key !== path) linked.set(i, key);
    });
    // The path without a link in it wins, wherever it sorts.
    const direct = new Set<string>();
    if (linked.size > 0) {
      const reachedByLink = new Set(linked.values());
      found.forEach((f, i) => {
        const path = absolute + native(f);
        if (!linked.has(i) && reachedByLink.has(path)) direct.add(path);
      });
    }
    const shown = prefixOf(dir);
    found.forEach((f, i) => {
      const key = linked.get(i);
      const path = key ?? absolute + native(f);
      if (seen.has(path) || (key !== undefined && direct.has(key))) return;
      // Within one input two plain paths are never the same file: the last input's keeps only
      // what a link could reach again.
      if (!last || key !== undefined) seen.add(path);
      (DATA_FILE.test(f) ? files : notData).push(shown + native(f));
    });
  };
  let literal = 0;
  for (const [n, input] of inputs.entries()) {
    const last = n === inputs.length - 1;
    const info = await stat(resolve(cwd, input)).catch(() => undefined);
    if (info?.isDirectory()) {
      const all = { dir: input, found: await listFiles(cwd, input, "**") };
      if (!all.found.some((f) => DATA_FILE.test(f)))
        diagnostics.push(
          problem(input, "input.folder-empty", "no answer files (*.yaml, *.yml, *.json) in this folder"),
        );
      addFound(all, last);
    } else if (info) {
      literal++;
      named.add(input);
      const key = realPathOr(resolve(cwd, input));
      if (!seen.has(key)) files.push(input);
      seen.add(key);
    } else if ((await globbing()).isDynamicPattern(toPosix(input))) {
      const matches = await globFound(input, cwd);
      for (const f of await unmatchedByExtension(input, cwd, joined(matches))) otherExtension.push(f);
      if (matches.found.length === 0)
        diagnostics.push(
          problem(
            input,
            "input.pattern-no-match",
            "no files match this pattern",
            "patterns are matched by kuesioner: quote them so the shell passes them unchanged",
          ),
        );
      addFound(matches, last);
    } else {
      literal++;
      diagnostics.push(problem(input, "file.not-found", "file not found", "check the path and the current directory"));
    }
  }
  return {
    files,
    diagnostics,
    single: inputs.length === 1 && literal === 1,
    named,
    notData: unique(notData),
    otherExtension: unique(otherExtension),
  };
}

/**
 * The real path of each file, given by its absolute path: the key under which a file reached
 * twice is read once. A file that is not itself a link is an entry of its folder's real path, so
 * one realpath and one listing per folder do what a realpath per file did: 100,000 of those at
 * once held 300 MB and took seconds (issue 9). Anything else (a link, a folder that cannot be
 * read) gets its own realpath, or its absolute path when it has none. A folder's listing is let
 * go once its last file has been asked for, so that only the folders being walked are held, not
 * the names of every file of the batch.
 */
class RealPaths {
  private readonly folders = new Map<string, { real: string; plain: ReadonlySet<string> } | undefined>();
  /** Files still to be asked for, by folder. */
  private readonly left = new Map<string, number>();

  /** Says that `of(absolute)` will be asked, once. */
  expect(absolute: string): void {
    const dir = dirname(absolute);
    this.left.set(dir, (this.left.get(dir) ?? 0) + 1);
  }

  /** The real path of `absolute`, expected before. */
  of(absolute: string): string {
    const dir = dirname(absolute);
    if (!this.folders.has(dir)) this.folders.set(dir, readFolder(dir));
    const folder = this.folders.get(dir);
    const left = (this.left.get(dir) ?? 1) - 1;
    if (left > 0) this.left.set(dir, left);
    else {
      this.left.delete(dir);
      this.folders.delete(dir);
    }
    const name = basename(absolute);
    if (!folder?.plain.has(name)) return realPathOr(absolute);
    // No link on the way: the path itself, not a copy of it.
    if (folder.real === dir) return absolute;
    return folder.real.endsWith(sep) ? folder.real + name : folder.real + sep + name;
  }
}

/** A folder's real path and its entries that are plain files (no link), if it can be read. */
function readFolder(dir: string): { real: string; plain: ReadonlySet<string> } | undefined {
  try {
    const real = realpathSync.native(dir);
    const entries = readdirSync(dir, { withFileTypes: true });
    return { real, plain: new Set(entries.filter((e) => e.isFile()).map((e) => e.name)) };
  } catch {
    return undefined;
  }
}

function realPathOr(absolute: string): string {
  try {
    return realpathSync.native(absolute);
  } catch {
    return absolute;
  }
}

function problem(file: string, code: string, message: string, hint?: string): Diagnostic {
  return { file, path: [], severity: "error", code, params: { input: file }, message, ...(hint ? { hint } : {}) };
}

const unique = (list: readonly string[]) => [...new Set(list)];
const toPosix = (path: string) => (sep === "\\" ? path.replace(/\\/g, "/") : path);
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Files a folder or a pattern found: `/`-separated paths relative to `dir`, sorted. */
interface Found {
  dir: string;
  found: string[];
}

/**
 * What joins a folder and a path below it as path.join would: `jawaban/` for `./jawaban`, `` for
 * `.`. tinyglobby's paths have no `.` or `..` in them, so joining each needs no normalizing;
 * normalizing each of 100,000 paths left them as trees of pieces, about 400 bytes a path.
 */
const prefixOf = (dir: string) => join(dir, "x").slice(0, -1);
const native = (path: string) => (sep === "/" ? path : path.replaceAll("/", sep));
const joined = ({ dir, found }: Found) => {
  const prefix = prefixOf(dir);
  return found.map((f) => prefix + native(f));
};

/** Files below `dir` matching `pattern`, `/`-separated and relative to it, sorted. */
async function listFiles(cwd: string, dir: string, pattern: string): Promise<string[]> {
  const found = await (await globbing())
    .glob(pattern, {
      cwd: resolve(cwd, dir),
      onlyFiles: true,
      dot: false,
      expandDirectories: false,
      followSymbolicLinks: true,
      ignore: ["**/node_modules/**"],
    })
    .catch(() => []);
  return found.sort(byName);
}

/** A pattern as its fixed leading folders and the rest, so `../x/*` and `/abs/*` work from any cwd. */
async function splitPattern(pattern: string): Promise<{ base: string; rest: string }> {
  const normalized = toPosix(pattern);
  const segments = normalized.split("/");
  const { isDynamicPattern } = await globbing();
  const firstGlob = segments.findIndex((s) => isDynamicPattern(s));
  const base = segments.slice(0, firstGlob).join("/") || (isAbsolute(normalized) ? "/" : ".");
  return { base, rest: segments.slice(firstGlob).join("/") };
}

/** Files matching a glob pattern, relative to `cwd` unless the pattern is absolute; sorted. */
export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  return joined(await globFound(pattern, cwd));
}

async function globFound(pattern: string, cwd: string): Promise<Found> {
  const { base, rest } = await splitPattern(pattern);
  return { dir: posix.normalize(base), found: await listFiles(cwd, base, rest) };
}

/**
 * YAML and JSON files that a pattern naming one extension leaves out beside its matches:
 * `'jawaban/*.yaml'` does not take `jawaban/kota-x.yml`, and the user should hear it.
 */
async function unmatchedByExtension(pattern: string, cwd: string, matches: readonly string[]): Promise<string[]> {
  const extension = /\.[A-Za-z0-9]+$/.exec(pattern);
  if (!extension) return [];
  const wider = `${pattern.slice(0, extension.index)}.{yaml,yml,json,YAML,YML,JSON}`;
  const taken = new Set(matches);
  // A JSON Schema beside the YAML files (questionnaires/*.yaml) is editor help, not a file left out by mistake.
  return (await expandGlob(wider, cwd)).filter((f) => !taken.has(f) && !/\.schema\.json$/i.test(f));
}
