// Preloaded (NODE_OPTIONS=--require) by test/e2e/stopped.test.ts: a write to a temporary file
// (`.NAME.HEX.tmp`, src/io/atomic-write.ts) never finishes, as on a slow or stuck disk, so the
// test can stop the run while the temporary file exists. The timer keeps the process waiting.
const fsp = require("node:fs/promises");
const { syncBuiltinESMExports } = require("node:module");
const open = fsp.open;
fsp.open = async (path, ...rest) => {
  const handle = await open(path, ...rest);
  if (String(path).endsWith(".tmp")) {
    setInterval(() => {}, 60_000);
    handle.write = handle.writeFile = () => new Promise(() => {});
  }
  return handle;
};
syncBuiltinESMExports();
