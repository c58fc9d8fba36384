/** Exit codes, documented in `--help` and the README. */
export const ExitCode = {
  Ok: 0,
  /** Invalid input: a diagnostic with severity error, a failed file, a score under --fail-under. */
  Failed: 1,
  /** Usage error: unknown flag, missing argument, bad option value, no terminal for `fill`. */
  Usage: 2,
  /** A bug in kuesioner. */
  Internal: 70,
  /** The user interrupted (Ctrl-C); work was saved. */
  Cancelled: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type Severity = "error" | "warning";

/**
 * A problem found by a pure layer (src/model, src/engine) before it is tied to a file position:
 * what it is (a code) and the values it names, never a sentence. src/text says it in the run's
 * language from the catalogues (src/text/diagnostic-messages.ts).
 */
export interface Issue {
  /** Path inside the document, e.g. ["elements", 2, "questions", 7, "levels"]. */
  path: (string | number)[];
  severity: Severity;
  /** What went wrong, for programs and for the language catalogues. */
  code: string;
  /** The values the message names (ids, numbers), by name. */
  params?: Readonly<Record<string, string | number | readonly string[]>>;
}

export interface Diagnostic extends Omit<Issue, "code"> {
  file: string;
  /** 1-based; absent when the problem has no position (file missing, unreadable). */
  line?: number;
  column?: number;
  code?: string;
  /**
   * The English text of a problem found while reading a file (src/io), where no English catalogue
   * entry says it; a coded issue of the pure layers has none (the catalogues render it).
   */
  message?: string;
  hint?: string;
  /** Set on the one diagnostic that stands for those left out past the per-file limit. */
  omitted?: { errors: number; warnings: number };
}

/** An error that carries its exit code; thrown by commands, caught only in main. */
export class KuesionerError extends Error {
  /** What went wrong and its values, for main to say it in the user's language (the message is the English fallback). */
  code?: string;
  params?: Diagnostic["params"];
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.Failed,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "KuesionerError";
  }

  /** The same error with a code and parameters. */
  coded(code: string, params: NonNullable<Diagnostic["params"]>): this {
    this.code = code;
    this.params = params;
    return this;
  }
}

export class UsageError extends KuesionerError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.Usage, hint);
    this.name = "UsageError";
  }
}

/** The user pressed Ctrl-C or closed the prompt. */
export class CancelledError extends KuesionerError {
  /** Without a message of its own, main says "Cancelled." in the user's language. */
  constructor(message = "") {
    super(message, ExitCode.Cancelled);
    this.name = "CancelledError";
  }
}

export function hasErrors(diagnostics: readonly { severity: Severity }[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
