import { readdir, stat } from "node:fs/promises";
import { isAbsolute, join, resolve, sep } from "node:path";
import type { Diagnostic } from "../errors.js";

/** What `score` reads from a folder: answer files are YAML or JSON. */
const ANSWER_FILE = /\.(ya?ml|json)$/i;
const GLOB_CHARS = /[*?[]/;

export interface ExpandedInputs {
  /** Files to read, as the user would write them (relative stays relative), without duplicates. */
  files: string[];
  /** Inputs that name nothing: a missing path, an empty folder, a pattern without matches. */
  diagnostics: Diagnostic[];
  /** True when the only input names one file (not a folder or a pattern): `score` then prints the full report. */
  single: boolean;
  /** Files named on the command line themselves, not found in a folder or by a pattern. */
  named: ReadonlySet<string>;
}

function hasGlob(input: string): boolean {
  return GLOB_CHARS.test(input);
}

/**
 * Expands command-line inputs: a file is taken as it is, a folder gives every *.yaml, *.yml and
 * *.json below it (hidden entries and node_modules skipped), a pattern gives the files it
 * matches. Each input's files are sorted, so the order never depends on the file system.
 */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<ExpandedInputs> {
  const files: string[] = [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const named = new Set<string>();
  const add = (file: string) => {
    const key = resolve(cwd, file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  let literal = 0;
  for (const input of inputs) {
    const info = await stat(resolve(cwd, input)).catch(() => undefined);
    if (info?.isDirectory()) {
      const found = (await walk(cwd, input, () => true))
        .filter((f) => ANSWER_FILE.test(f))
        .map((f) => joinInput(input, f));
      if (found.length === 0)
        diagnostics.push(
          problem(input, "input.folder-empty", "no answer files (*.yaml, *.yml, *.json) in this folder"),
        );
      found.forEach(add);
    } else if (info) {
      literal++;
      named.add(input);
      add(input);
    } else if (hasGlob(input)) {
      const matches = await expandGlob(input, cwd);
      if (matches.length === 0)
        diagnostics.push(
          problem(
            input,
            "input.pattern-no-match",
            "no files match this pattern",
            "patterns are matched by kuesioner: quote them so the shell passes them unchanged",
          ),
        );
      matches.forEach(add);
    } else {
      literal++;
      diagnostics.push(problem(input, "file.not-found", "file not found", "check the path and the current directory"));
    }
  }
  return { files, diagnostics, single: inputs.length === 1 && literal === 1, named };
}

function problem(file: string, code: string, message: string, hint?: string): Diagnostic {
  return { file, path: [], severity: "error", code, params: {}, message, ...(hint ? { hint } : {}) };
}

function joinInput(dir: string, relative: string): string {
  return dir === "." ? relative : join(dir, relative);
}

/** Files below `dir`, `/`-separated and relative to it, sorted; descends only where `descend` allows. */
async function walk(
  cwd: string,
  dir: string,
  descend: (relative: string, depth: number) => boolean,
): Promise<string[]> {
  const out: string[] = [];
  const visit = async (relative: string, depth: number) => {
    const entries = await readdir(resolve(cwd, dir, relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Linked files count; linked folders are not followed (no cycles).
        const target = await stat(resolve(cwd, dir, child)).catch(() => undefined);
        isFile = target?.isFile() ?? false;
        isDir = false;
      }
      if (isFile) out.push(child);
      else if (isDir && descend(child, depth + 1)) await visit(child, depth + 1);
    }
  };
  await visit("", 0);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Files matching a glob pattern, relative to `cwd` unless the pattern is absolute. */
export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const normalized = sep === "\\" ? pattern.replace(/\\/g, "/") : pattern;
  const segments = normalized.split("/");
  const firstGlob = segments.findIndex(hasGlob);
  const base = segments.slice(0, firstGlob).join("/") || (isAbsolute(normalized) ? "/" : ".");
  const rest = segments.slice(firstGlob);
  const matcher = globToRegExp(rest.join("/"));
  const unbounded = rest.includes("**");
  const files = await walk(cwd, base, (_relative, depth) => unbounded || depth < rest.length);
  return files.filter((f) => matcher.test(f)).map((f) => joinInput(base, f));
}

/**
 * A glob pattern as a regular expression over `/`-separated relative paths: `*` is any run of
 * characters inside one segment, `?` one character, `**` any number of whole segments,
 * `[abc]`, `[a-z]`, `[!a-z]` (or `[^a-z]`) a character class, `\x` the character x itself.
 * As in shells, wildcards do not match a leading dot.
 */
export function globToRegExp(pattern: string): RegExp {
  const segments = pattern.split("/");
  let source = "";
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === "**") {
      source += last ? "(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?" : "(?:(?!\\.)[^/]+/)*";
      return;
    }
    source += segmentSource(segment) + (last ? "" : "/");
  });
  return new RegExp(`^${source}$`, "u");
}

function segmentSource(segment: string): string {
  let out = /^[*?[]/.test(segment) ? "(?!\\.)" : "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "\\" && i + 1 < segment.length) {
      out += escapeRegExp(segment[++i]!);
    } else if (c === "*") {
      out += "[^/]*";
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) {
        out += "\\[";
        continue;
      }
      let body = segment.slice(i + 1, end);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated) body = body.slice(1);
      const escaped = body.replace(/[\\\]^[]/g, "\\$&");
      out += negated ? `[^/${escaped}]` : `[${escaped}]`;
      i = end;
    } else {
      out += escapeRegExp(c);
    }
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
