import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import type { Questionnaire } from "../model/questionnaire.js";
import { writeFileAtomic } from "./atomic-write.js";
import { sourceFingerprint } from "./build-id.js";
import { packageRoot } from "./package-root.js";
import { readRegularFile } from "./source.js";

/** What a questionnaire's YAML compiles to: the checked definition and its content hash. */
export interface CompiledQuestionnaire {
  questionnaire: Questionnaire;
  sha256: string;
}

declare const KUESIONER_BUILD: string | undefined;
let fingerprint: string | undefined;

/** The build's fingerprint (stamped by tsup), or the source tree's when run from source. */
function buildKey(): string {
  if (fingerprint === undefined)
    fingerprint = typeof KUESIONER_BUILD === "string" ? KUESIONER_BUILD : sourceFingerprint(packageRoot());
  return fingerprint;
}

const FORMAT = 1;

/**
 * Questionnaires already parsed and checked, keyed by the SHA-256 of their text and the build
 * that checked them, so an unchanged questionnaire is not parsed again. Two places are read:
 * the shipped questionnaires compiled by the build (dist/questionnaires/) and the user's cache
 * (XDG_CACHE_HOME or ~/.cache, kuesioner/questionnaires/<build>/), which is also written.
 *
 * An entry is a header line (format, build, source hash, checksum of the rest) and the compiled
 * questionnaire as JSON. It is used only when every one of those matches: an entry from another
 * build or for other text is never looked at, and a torn, truncated or edited one fails its
 * checksum and is ignored. Only questionnaires without any diagnostic are stored, so a hit means
 * "these bytes are valid and this is their content". Writes go through a temporary file and a
 * rename, so concurrent runs never see half an entry; a folder that cannot be written is ignored.
 */
export class QuestionnaireStore {
  private constructor(
    private readonly readDirs: readonly string[],
    private readonly writeDir: string | undefined,
  ) {}

  /** Reads and writes nothing: every questionnaire is parsed from its YAML. */
  static disabled(): QuestionnaireStore {
    return new QuestionnaireStore([], undefined);
  }

  /**
   * The store for a run: off with --no-cache or KUESIONER_NO_CACHE; the user's cache in
   * KUESIONER_CACHE_DIR (the folder of entries itself), else XDG_CACHE_HOME, else HOME/.cache.
   * Without any of them only the compiled shipped questionnaires are read.
   */
  static forRun(env: Readonly<Record<string, string | undefined>>, options: { cache?: boolean } = {}) {
    const off = env.KUESIONER_NO_CACHE;
    if (options.cache === false || (off !== undefined && off !== "" && off !== "0"))
      return QuestionnaireStore.disabled();
    const shipped = join(packageRoot(), "dist", "questionnaires");
    const user = userCacheDir(env);
    return new QuestionnaireStore(user ? [shipped, user] : [shipped], user);
  }

  /** The compiled form of `text`, when a valid entry for it exists. */
  async lookup(text: string): Promise<CompiledQuestionnaire | undefined> {
    if (this.readDirs.length === 0) return undefined;
    const source = sha256(text);
    for (const dir of this.readDirs) {
      // Anything but a regular file of a sane size is no entry: a FIFO in its place hung the run.
      const read = readRegularFile(join(dir, `${source}.json`), MAX_ENTRY_BYTES);
      const compiled = "bytes" in read ? decodeEntry(read.bytes.toString("utf8"), source) : undefined;
      if (compiled) return compiled;
    }
    return undefined;
  }

  /** Remembers the compiled form of `text`; never fails (a cache that cannot be written is no cache). */
  async save(text: string, compiled: CompiledQuestionnaire): Promise<void> {
    if (!this.writeDir) return;
    const source = sha256(text);
    try {
      await mkdir(this.writeDir, { recursive: true });
      await writeFileAtomic(join(this.writeDir, `${source}.json`), encodeEntry(source, compiled), { durable: false });
    } catch {
      // Read-only or full disk, a folder in the way: the next run parses the YAML again.
    }
  }
}

function userCacheDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const explicit = env.KUESIONER_CACHE_DIR;
  if (explicit && isAbsolute(explicit)) return explicit;
  const xdg = env.XDG_CACHE_HOME;
  // The XDG specification says a relative path is to be ignored.
  const base = xdg && isAbsolute(xdg) ? xdg : env.HOME ? join(env.HOME, ".cache") : undefined;
  return base ? join(base, "kuesioner", "questionnaires", buildKey()) : undefined;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

interface EntryHeader {
  format: number;
  build: string;
  source: string;
  checksum: string;
}

function encodeEntry(source: string, compiled: CompiledQuestionnaire): string {
  const body = JSON.stringify({ sha256: compiled.sha256, questionnaire: compiled.questionnaire });
  const header: EntryHeader = { format: FORMAT, build: buildKey(), source, checksum: sha256(body) };
  return `${JSON.stringify(header)}\n${body}\n`;
}

/** The largest entry read: a shipped questionnaire's is about 140 KB, one of a 5 MiB questionnaire a few MB. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

function decodeEntry(entry: string, source: string): CompiledQuestionnaire | undefined {
  try {
    const newline = entry.indexOf("\n");
    if (newline < 0 || !entry.endsWith("\n")) return undefined;
    const header = JSON.parse(entry.slice(0, newline)) as Partial<EntryHeader>;
    const body = entry.slice(newline + 1, -1);
    if (header.format !== FORMAT || header.build !== buildKey() || header.source !== source) return undefined;
    if (header.checksum !== sha256(body)) return undefined;
    const compiled = JSON.parse(body) as Partial<CompiledQuestionnaire>;
    const q = compiled.questionnaire as Partial<Questionnaire> | undefined;
    if (typeof compiled.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(compiled.sha256)) return undefined;
    if (!q || typeof q !== "object" || !Array.isArray(q.elements) || !Array.isArray(q.profiles)) return undefined;
    return compiled as CompiledQuestionnaire;
  } catch {
    return undefined;
  }
}
