/**
 * The documentation's runnable examples: fenced blocks marked `console` whose first line is a
 * `$ kuesioner …` command line. Every `$ ` line is a command; the lines after it, up to the next
 * `$ ` line, are what it prints (standard output and standard error together, in order). A line
 * holding only `…` stands for any number of lines, so a long output can be shown in part.
 * An info string with `in-temp` (```console in-temp) runs the block in a fresh empty folder.
 */
interface DocCommand {
  command: string;
  expected: string[];
}

export interface DocExample {
  file: string;
  /** 1-based line of the opening fence, for the test's name. */
  line: number;
  inTemp: boolean;
  commands: DocCommand[];
}

const fence = /^```(\S*)(.*)$/;

export function extractExamples(file: string, markdown: string): DocExample[] {
  const lines = markdown.split("\n");
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = fence.exec(lines[i] ?? "");
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] ?? "").startsWith("```"); i++) body.push(lines[i] ?? "");
    if (open[1] !== "console" || !body[0]?.startsWith("$ kuesioner")) continue;
    const commands: DocCommand[] = [];
    for (const line of body) {
      if (line.startsWith("$ ")) commands.push({ command: line.slice(2), expected: [] });
      else commands.at(-1)?.expected.push(line);
    }
    examples.push({ file, line: start + 1, inTemp: /\bin-temp\b/.test(open[2] ?? ""), commands });
  }
  return examples;
}

const isGap = (line: string) => line.trim() === "…";

/**
 * Whether the actual lines are what the documentation shows, a `…` line matching any run of
 * lines (also none). Trailing spaces are ignored on both sides: Markdown editors strip them.
 */
export function matchesShown(expected: readonly string[], actual: readonly string[]): boolean {
  const want = expected.map((l) => l.trimEnd());
  const got = actual.map((l) => l.trimEnd());
  const memo = new Map<string, boolean>();
  const match = (w: number, g: number): boolean => {
    const key = `${w},${g}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (w === want.length) result = g === got.length;
    else if (isGap(want[w] ?? "")) result = match(w + 1, g) || (g < got.length && match(w, g + 1));
    else result = g < got.length && want[w] === got[g] && match(w + 1, g + 1);
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}

/** Splits a program's output into lines, without the empty string after the last newline. */
export function outputLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
