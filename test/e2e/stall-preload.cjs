// Preloaded (NODE_OPTIONS=--require) by test/e2e/stalled.test.ts: `stat` of a file named
// stalls.csv returns a promise that never settles, as a library's stalled stream would, so that
// the command's work stops with nothing left for the event loop to wait for.
const fsp = require("node:fs/promises");
const { syncBuiltinESMExports } = require("node:module");
const stat = fsp.stat;
fsp.stat = (path, ...rest) => (String(path).endsWith("stalls.csv") ? new Promise(() => {}) : stat(path, ...rest));
syncBuiltinESMExports();
