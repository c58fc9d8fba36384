// Runs kuesioner commands one after the other in this one process of the built program, with
// what each printed to stdout and stderr kept together in the order it was written (as `2>&1`
// into a pipe shows it): the documentation's examples, without a start-up per command
// (test/docs/examples.test.ts). Reads [{ argv, cwd }] as JSON on stdin, writes [{ code, output }].
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
for (const { argv, cwd } of JSON.parse(readFileSync(0, "utf8"))) {
  let output = "";
  const stream = {
    write: (text) => {
      output += text;
      return true;
    },
  };
  process.chdir(cwd);
  const code = await run(argv, {
    stdout: stream,
    stderr: stream,
    stdinIsTTY: false,
    cwd,
    env: process.env,
    color: false,
    user,
  });
  results.push({ code, output });
}
process.stdout.write(JSON.stringify(results));
