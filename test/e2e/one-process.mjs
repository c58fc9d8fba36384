// Runs kuesioner commands one after the other in this one process of the built program
// (dist/main.js's run, which the binary calls), without a start-up per command: for the
// documentation's examples (test/docs/examples.test.ts) and end-to-end checks of what each
// format prints (runBuiltTogether in cli-harness.ts). Reads [{ argv, cwd, env }] as JSON on stdin
// (env: variables set for that command only, over this process's);
// writes [{ code, stdout, stderr, output }], `output` being both streams in the order they
// were written (as `2>&1` into a pipe shows them).
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";

const { run } = await import(new URL("../../dist/main.js", import.meta.url).href);

let user;
try {
  user = userInfo().username;
} catch {
  user = undefined;
}

const results = [];
for (const { argv, cwd, env } of JSON.parse(readFileSync(0, "utf8"))) {
  const streams = { stdout: "", stderr: "", output: "" };
  const stream = (name) => ({
    write: (text) => {
      streams[name] += text;
      streams.output += text;
      return true;
    },
  });
  process.chdir(cwd);
  const code = await run(argv, {
    stdout: stream("stdout"),
    stderr: stream("stderr"),
    stdinIsTTY: false,
    cwd,
    env: { ...process.env, ...env },
    color: false,
    user,
  });
  results.push({ code, ...streams });
}
process.stdout.write(JSON.stringify(results));
