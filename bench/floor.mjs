// The floor: what any tool must at least do to score these files. It lists the same files
// the same way (recursive, sorted), reads each and parses it with the fastest well-kept YAML
// parser for Node (js-yaml, YAML 1.2 core schema), keeping nothing. `kuesioner score` is
// measured against this.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";

async function list(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await list(path)));
    else if (/\.(ya?ml|json)$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

let answered = 0;
for (const file of await list(process.argv[2])) {
  const data = load(await readFile(file, "utf8"), { schema: CORE_SCHEMA });
  answered += Object.keys(data.answers ?? {}).length;
}
process.stdout.write(`${answered}\n`);
