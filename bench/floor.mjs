// The floor: what any tool must at least do to score these files. It lists the same files
// the same way (recursive, sorted), reads each and parses it with the fastest well-kept YAML
// parser for Node (js-yaml, YAML 1.2 core schema), keeping nothing. `kuesioner score` is
// measured against this.
//
// Reads are synchronous, as `score`'s are: on a two-core virtual machine with the other core
// idle, `fs.promises.readFile` took 3.4 s of wall and 2.9 s of CPU for the bench's 5,000 files
// where readFileSync took 1.5 s of each (3 December 2026; each read wakes a thread of libuv's
// pool on the idle core). A floor twice as slow as it need be would flatter every ratio.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";

function list(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...list(path));
    else if (/\.(ya?ml|json)$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

let answered = 0;
for (const file of list(process.argv[2])) {
  const data = load(readFileSync(file, "utf8"), { schema: CORE_SCHEMA });
  answered += Object.keys(data.answers ?? {}).length;
}
process.stdout.write(`${answered}\n`);
