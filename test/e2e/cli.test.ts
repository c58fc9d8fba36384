import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../reference/reference-data.js";
import { runBuiltTogether, spawnKuesioner, streamsOf } from "./cli-harness.js";

const helps: [string[], string][] = [
  [["--help"], "help.txt"],
  [["help", "validate"], "help-validate.txt"],
  [["show", "--help"], "help-show.txt"],
  [["schema", "-h"], "help-schema.txt"],
  [["history", "--help"], "help-history.txt"],
  [["verify", "--help"], "help-verify.txt"],
];

const usageErrors: [string[], string][] = [
  [["frobnicate"], "error: unknown command 'frobnicate'\n"],
  [["validat", "x.yaml"], "error: unknown command 'validat'\n(Did you mean validate?)\n"],
  [["--frob"], "error: unknown option '--frob'\n"],
  [["validate", "--fromat", "json", "x.yaml"], "error: unknown option '--fromat'\n(Did you mean --format?)\n"],
  [
    ["show", "smart-city-2023", "--lang", "jv"],
    "error: option '--lang <lang>' argument 'jv' is invalid. Allowed choices are id, en.\n",
  ],
];

describe("the kuesioner command line (built binary)", () => {
  // The help screens and usage errors run one after the other in one process of the built program
  // (runBuiltTogether); the first of each kind is also launched, and must end and write the same.
  let together: Awaited<ReturnType<typeof runBuiltTogether>>;
  const streams = (i: number) => streamsOf(together[i]!);
  beforeAll(async () => {
    together = await runBuiltTogether([...helps, ...usageErrors].map(([args]) => ({ args })));
  });

  it.each(helps.map(([argv, golden], i) => [argv, golden, i] as const))(
    "prints %j on stdout, exit 0, as in the golden file",
    async (_argv, golden, i) => {
      const ran = streams(i);
      expect(ran.code).toBe(0);
      expect(ran.stderr).toBe("");
      await expect(ran.stdout).toMatchFileSnapshot(`__snapshots__/${golden}`);
    },
  );

  it("prints --help the same when launched: exit 0, on stdout", async () => {
    expect(await spawnKuesioner(helps[0]![0])).toEqual(streams(0));
  });

  it("prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    for (const flag of ["--version", "-V"])
      expect(await spawnKuesioner([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it.each(usageErrors.map(([argv, stderr], i) => [argv, stderr, helps.length + i] as const))(
    "exits 2 on %j with commander's message on stderr",
    (_argv, stderr, i) => {
      expect(streams(i)).toEqual({ code: 2, stdout: "", stderr });
    },
  );

  it("exits 2 on an unknown command when launched too, the message on stderr", async () => {
    expect(await spawnKuesioner(usageErrors[0]![0])).toEqual(streams(helps.length));
  });

  it("exits 2 with the usage on stderr when no command is given", async () => {
    const ran = await spawnKuesioner([]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(/^Usage: kuesioner \[options\] \[command\]\n/);
  });
});
