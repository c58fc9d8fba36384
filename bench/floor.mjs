// The floor: what any tool must at least do to score these files. It lists the same files
// the same way (recursive, sorted), reads each and parses it with the same YAML library,
// keeping nothing. `kuesioner score` is measured against this.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";

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
  const data = parse(await readFile(file, "utf8"));
  answered += Object.keys(data.answers ?? {}).length;
}
process.stdout.write(`${answered}\n`);
