import { beforeAll, expect, it } from "vitest";
import { runBuiltTogether, spawnKuesioner, streamsOf } from "./cli-harness.js";

/**
 * Tests (inside a describe) that a command writes each of `rows`' formats in its language,
 * exit 0 and nothing on stderr, with a line each shows: all in one process of the built
 * program (one start-up instead of one a row), then the first row again on a launch of the
 * binary, which must end and write exactly as it did in the shared process.
 */
export function formatsInOneProcess(
  rows: readonly (readonly [format: string, lang: string, shown: string])[],
  argsOf: (format: string, lang: string) => string[],
  title: string,
) {
  let together: Awaited<ReturnType<typeof runBuiltTogether>>;
  beforeAll(async () => {
    together = await runBuiltTogether(rows.map(([format, lang]) => ({ args: argsOf(format, lang) })));
  });

  it.each(rows.map((row, i) => [...row, i] as const))(title, (_format, _lang, shown, i) => {
    const ran = together[i]!;
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(shown);
  });

  it("exits 0 and writes only on stdout when launched, as in the same process", async () => {
    const [format, lang] = rows[0]!;
    expect(await spawnKuesioner(argsOf(format, lang))).toEqual(streamsOf(together[0]!));
  });
}
