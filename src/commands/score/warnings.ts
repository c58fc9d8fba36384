import type { Diagnostic } from "../../errors.js";
import type { Lang } from "../../model/common.js";
import type { PreviousSource } from "../../io/score-inputs.js";
import { escapeText } from "../../text/escape.js";
import { scoreMessages } from "./messages.js";

/**
 * What `score` says on standard error about a batch, in the order that matters (issue 8, item 13):
 * first what concerns the whole ranking (two questionnaires or years in one ranking, a region
 * ranked twice, regions --previous has no result for), then each file in input order: its errors
 * in full, its warnings in one line unless --verbose. Everything is held until the batch is
 * read, which is what lets the batch-wide warnings come first; a file adds a line or two.
 */
export class ScoreWarnings {
  private readonly batchWide: string[] = [];
  private readonly perFile: string[] = [];
  /** What --previous did not give, after the other batch-wide warnings. */
  private readonly previousLines: string[] = [];
  private readonly previousMissing: { region: string; usedOwn: boolean }[] = [];

  constructor(
    private readonly lang: Lang,
    private readonly verbose: boolean,
    /** Diagnostics as text lines, localized, with files shown as the user typed them. */
    private readonly format: (diagnostics: readonly Diagnostic[]) => string,
  ) {}

  private get t() {
    return scoreMessages[this.lang];
  }

  /** A warning about the batch as a whole. */
  batch(text: string): void {
    this.batchWide.push(`kuesioner: ${this.t.warning}: ${escapeText(text)}\n`);
  }

  /** A note about one input (a file skipped). */
  note(text: string): void {
    this.perFile.push(`kuesioner: ${this.t.note}: ${escapeText(text)}\n`);
  }

  /** A file's diagnostics: every error; its warnings in full with --verbose or when there is one, else counted. */
  file(file: string, diagnostics: readonly Diagnostic[]): void {
    if (diagnostics.length === 0) return;
    const warnings = diagnostics.filter((d) => d.severity === "warning");
    if (this.verbose || warnings.length <= 1) {
      this.perFile.push(this.format(diagnostics));
      return;
    }
    const errors = diagnostics.filter((d) => d.severity !== "warning");
    if (errors.length) this.perFile.push(this.format(errors));
    this.perFile.push(`kuesioner: ${this.t.warning}: ${escapeText(file)}: ${this.countWarnings(warnings)}\n`);
  }

  /** "54 survey items under-sampled; 2 other warnings (--verbose for details)". */
  private countWarnings(warnings: readonly Diagnostic[]): string {
    const t = this.t;
    const byCode = new Map<string, number>();
    for (const w of warnings) {
      const key = w.code !== undefined && w.code in t.warningCounts ? w.code : "";
      byCode.set(key, (byCode.get(key) ?? 0) + 1);
    }
    const parts = [...byCode].filter(([code]) => code !== "").map(([code, n]) => t.warningCounts[code]!(n));
    const others = byCode.get("") ?? 0;
    if (others) parts.push(parts.length ? t.otherWarnings(others) : t.warnings(others));
    return `${parts.join("; ")} ${t.verboseForDetails}`;
  }

  /** Why --previous gave no previous score for a region, if it did not. */
  previous(source: PreviousSource, region: string): void {
    const t = this.t;
    const warn = (text: string) => this.previousLines.push(`kuesioner: ${t.warning}: ${escapeText(text)}\n`);
    if (source.from === "given" && source.otherRegion !== undefined)
      warn(t.previousOtherRegion(source.otherRegion, region));
    if (source.from === "none") this.previousMissing.push({ region, usedOwn: source.usedOwn });
    if (source.from === "ambiguous") warn(t.previousAmbiguous(region, source.regions, source.usedOwn));
  }

  /** Writes everything held: batch-wide warnings first, then file by file. */
  flush(write: (text: string) => void): void {
    const missing = this.previousMissing;
    if (this.verbose || missing.length <= 1)
      for (const m of missing) this.batch(this.t.previousNone(m.region, m.usedOwn));
    else this.batch(this.t.previousNoneMany(missing.map((m) => m.region)));
    const text = [...this.batchWide, ...this.previousLines, ...this.perFile].join("");
    for (const list of [this.batchWide, this.previousLines, this.perFile, this.previousMissing]) list.length = 0;
    if (text) write(text);
  }
}
