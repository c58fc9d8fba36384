import type { Document, LineCounter, Node } from "yaml";
import { isAlias, isMap, isPair, isScalar, isSeq } from "./yaml-lib.js";
import type { Diagnostic } from "../errors.js";
import { describeYamlError } from "./yaml-errors.js";

/**
 * Tags a questionnaire or answer file may carry: YAML's own names for the types they are made
 * of. Everything else (!!merge, !!binary, !!set, !!timestamp, !!value, a local !tag) would turn
 * into data our schemas never expect (a Symbol, a Date, a Set) or be silently read as text.
 */
const ALLOWED_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((name) => `tag:yaml.org,2002:${name}`),
);

const YAML_PREFIX = "tag:yaml.org,2002:";
const shortTag = (tag: string) => (tag.startsWith(YAML_PREFIX) ? `!!${tag.slice(YAML_PREFIX.length)}` : tag);

interface Entry {
  node: unknown;
  parent: Entry | undefined;
  segment: string | number | undefined;
}

function pathOf(entry: Entry): (string | number)[] {
  const path: (string | number)[] = [];
  for (let e: Entry | undefined = entry; e?.segment !== undefined; e = e.parent) path.push(e.segment);
  return path.reverse();
}

/** A key as the data holds it: yaml turns a key into text the way String() does, null into "". */
export function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return key.value === null || key.value === undefined ? "" : String(key.value);
}

/**
 * Checks a parsed document the parser leaves alone or checks too slowly, in one pass over its
 * nodes (linear in the size of the file, without recursion):
 * - a key used twice in one mapping (the parser's own check compares each key with every
 *   earlier one: minutes for an answer file with 100,000 keys);
 * - a list or mapping used as a key (the library would stringify it and print a process
 *   warning that names no file);
 * - a tag outside the few our files use.
 */
export function checkYamlNodes(
  file: string,
  doc: Document.Parsed,
  lineCounter: LineCounter,
  text: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (
    offset: number,
    entry: Entry,
    code: string,
    params: Record<string, string | number>,
    message: string,
    hint: string,
  ) => {
    const pos = lineCounter.linePos(offset);
    const path = pathOf(entry);
    diagnostics.push({ file, line: pos.line, column: pos.col, path, severity: "error", code, params, message, hint });
  };
  const stack: Entry[] = [{ node: doc.contents, parent: undefined, segment: undefined }];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const node = entry.node as Node | null | undefined;
    if (!node || isAlias(node) || seen.has(node)) continue;
    seen.add(node);
    if (node.tag !== undefined && !ALLOWED_TAGS.has(node.tag) && node.range) {
      at(
        node.range[0],
        entry,
        "yaml.tag-unsupported",
        { tag: shortTag(node.tag) },
        `YAML tag ${shortTag(node.tag)} is not supported`,
        "remove the tag: kuesioner files hold plain text, numbers, lists and mappings",
      );
    }
    if (isMap(node)) {
      const first = new Map<string, number>();
      const children: Entry[] = [];
      for (const pair of node.items) {
        const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
        const offset = (pair.key as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0;
        if (isMap(key) || isSeq(key)) {
          at(
            offset,
            entry,
            "yaml.collection-key",
            { kind: isMap(key) ? "mapping" : "list" },
            `YAML: a ${isMap(key) ? "mapping" : "list"} is used as a key`,
            'keys are plain text such as "title"; check for a missing ":" or a stray "?"',
          );
          continue;
        }
        const name = keyText(key);
        if (name === undefined) continue;
        const earlier = first.get(name);
        if (earlier !== undefined) {
          const { message, hint } = describeYamlError(
            { code: "DUPLICATE_KEY", message: "", pos: [offset, offset] },
            text,
          );
          const keyEntry = { node: pair.value, parent: entry, segment: name };
          const firstLine = lineCounter.linePos(earlier).line;
          at(
            offset,
            keyEntry,
            "yaml.duplicate-key",
            { key: name, firstLine },
            `YAML syntax: ${message} (first at line ${firstLine})`,
            hint!,
          );
          continue;
        }
        first.set(name, offset);
        children.push({ node: pair.key, parent: entry, segment: name });
        children.push({ node: pair.value, parent: entry, segment: name });
      }
      // Reversed, so the stack hands them out in document order.
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        stack.push({ node: isPair(item) ? item.value : item, parent: entry, segment: i });
      }
    }
  }
  return diagnostics.sort((a, b) => a.line! - b.line! || a.column! - b.column!);
}
