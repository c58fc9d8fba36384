import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../reference/reference-data.js";
import { spawnKuesioner } from "./cli-harness.js";

describe("the kuesioner command line (built binary)", () => {
  it.each([
    [["--help"], "help.txt"],
    [["help", "validate"], "help-validate.txt"],
    [["show", "--help"], "help-show.txt"],
    [["schema", "-h"], "help-schema.txt"],
    [["history", "--help"], "help-history.txt"],
    [["verify", "--help"], "help-verify.txt"],
  ])("prints %j on stdout, exit 0, as in the golden file", async (argv, golden) => {
    const ran = await spawnKuesioner(argv);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    await expect(ran.stdout).toMatchFileSnapshot(`__snapshots__/${golden}`);
  });

  it("prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    for (const flag of ["--version", "-V"])
      expect(await spawnKuesioner([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it.each([
    [["frobnicate"], "error: unknown command 'frobnicate'\n"],
    [["validat", "x.yaml"], "error: unknown command 'validat'\n(Did you mean validate?)\n"],
    [["--frob"], "error: unknown option '--frob'\n"],
    [["validate", "--fromat", "json", "x.yaml"], "error: unknown option '--fromat'\n(Did you mean --format?)\n"],
    [
      ["show", "smart-city-2023", "--lang", "jv"],
      "error: option '--lang <lang>' argument 'jv' is invalid. Allowed choices are id, en.\n",
    ],
  ])("exits 2 on %j with commander's message on stderr", async (argv, stderr) => {
    expect(await spawnKuesioner(argv)).toEqual({ code: 2, stdout: "", stderr });
  });

  it("exits 2 with the usage on stderr when no command is given", async () => {
    const ran = await spawnKuesioner([]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(/^Usage: kuesioner \[options\] \[command\]\n/);
  });
});
