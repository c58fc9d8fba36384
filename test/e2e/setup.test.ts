import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { invocationFolder } from "../../src/command-io.js";
import { repoRoot } from "../reference/reference-data.js";
import { spawnKuesioner } from "./cli-harness.js";
import { installAsReadmeSays, readmeSetup } from "./setup-harness.js";

const scratch = mkdtempSync(join(tmpdir(), "kuesioner-setup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the README's set-up", () => {
  it("installs the dependencies, then puts kuesioner on the PATH", async () => {
    expect(readmeSetup()[0]).toBe("npm install");
    const bin = await installAsReadmeSays(join(scratch, "prefix"));
    const elsewhere = join(scratch, "elsewhere");
    mkdirSync(elsewhere);
    const version = execFileSync("kuesioner", ["--version"], {
      cwd: elsewhere,
      encoding: "utf8",
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ""}` },
    });
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 60_000);
});

describe("the folder paths are relative to", () => {
  const ownPackageJson = join(repoRoot, "package.json");
  it.each([
    [
      "npm start of this package",
      { npm_lifecycle_event: "start", npm_package_json: ownPackageJson, INIT_CWD: "/home/o/kantor" },
      "/home/o/kantor",
    ],
    [
      "npm test spawning the binary",
      { npm_lifecycle_event: "test", npm_package_json: ownPackageJson, INIT_CWD: "/repo" },
      "/tmp/t",
    ],
    [
      "another package's start script",
      { npm_lifecycle_event: "start", npm_package_json: "/other/package.json", INIT_CWD: "/home/o" },
      "/tmp/t",
    ],
    ["no npm at all", {}, "/tmp/t"],
  ])("%s", (_, env, expected) => {
    expect(invocationFolder(env, "/tmp/t", ownPackageJson)).toBe(expected);
  });

  it("is the folder npm start was typed in: files are found and printed relative to it", async () => {
    const typedIn = join(scratch, "kantor");
    mkdirSync(typedIn, { recursive: true });
    writeFileSync(
      join(typedIn, "jawaban.yaml"),
      "questionnaire: smart-city-2023\nanswers:\n  bl-masterplan-legal-basis: 5\n",
    );
    // npm runs the script in the package root and says where the user was.
    const result = await spawnKuesioner(["validate", "jawaban.yaml"], repoRoot, {
      npm_lifecycle_event: "start",
      npm_package_json: join(repoRoot, "package.json"),
      INIT_CWD: typedIn,
    });
    expect(result.stderr).toMatch(/^jawaban\.yaml:3:30: error: answers\.bl-masterplan-legal-basis:/m);
    expect(result.code).toBe(1);
  });
});
