import { createRequire } from "node:module";

type YamlLib = typeof import("yaml");
let loaded: YamlLib | undefined;

/**
 * The `yaml` package, loaded on first use. It keeps positions and comments, so it serves
 * diagnostics and editing; a run whose files all take the fast path (fast-yaml.ts) never loads
 * it, which saves a good part of a short command's start-up. (Node resolves "yaml" to the same
 * CommonJS build for import and require, so this is the one instance every module sees.)
 */
export function yamlLib(): YamlLib {
  if (!loaded) loaded = createRequire(import.meta.url)("yaml") as YamlLib;
  return loaded;
}

// The node tests the readers use, loading the package only when one is called.
export const isAlias = ((node: unknown) => yamlLib().isAlias(node)) as YamlLib["isAlias"];
export const isMap = ((node: unknown) => yamlLib().isMap(node)) as YamlLib["isMap"];
export const isPair = ((node: unknown) => yamlLib().isPair(node)) as YamlLib["isPair"];
export const isScalar = ((node: unknown) => yamlLib().isScalar(node)) as YamlLib["isScalar"];
export const isSeq = ((node: unknown) => yamlLib().isSeq(node)) as YamlLib["isSeq"];
