import type { z } from "zod";
import { idSchema, textSchema } from "./common.js";

/**
 * Reading zod schemas back, so that messages can say what was expected at a path and which keys
 * an object allows. Uses `schema.def`, zod 4's public description of a schema (the same object as
 * the internal `_zod.def`, which this file never reads): its `type` and, per type, `innerType`,
 * `shape`, `options`, `discriminator`, `element`, `values`. zod's version is pinned exactly in
 * package.json, and test/model/zod-walk.test.ts fails loudly if an upgrade changes what is read.
 */
type Schema = z.ZodType;
type Def = z.ZodType["def"] & Record<string, unknown>;
type Path = readonly (string | number)[];

const defOf = (schema: Schema) => schema.def as Def;

/** Strips optional, default, nullable and similar wrappers. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(current);
    if (["optional", "nullable", "default", "prefault", "nonoptional", "readonly", "catch"].includes(def.type))
      current = def.innerType as Schema;
    else if (def.type === "pipe") current = def.in as Schema;
    else if (def.type === "lazy") current = (def.getter as () => Schema)();
    else return current;
  }
  return current;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** The value in `data` at `path`, or undefined. */
export function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === "number") node = node[segment];
    else if (isPlainObject(node) && Object.hasOwn(node, String(segment))) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

/** The options of a union (unwrapped), in the order zod reports their errors. */
export function optionsOf(schema: Schema): Schema[] | undefined {
  const def = defOf(schema);
  return def.type === "union" ? (def.options as Schema[]).map(unwrap) : undefined;
}

/** For a union, the option that `value` was meant for: the discriminated branch, else the one that fits its shape best. */
export function pickOption(schema: Schema, value: unknown): Schema | undefined {
  const def = defOf(schema);
  if (def.type !== "union") return schema;
  const options = optionsOf(schema)!;
  const discriminator = def.discriminator as string | undefined;
  if (discriminator && isPlainObject(value)) {
    const match = options.find((o) =>
      literalValues(ownSchema(shapeOf(o), discriminator)).includes(value[discriminator]),
    );
    if (match) return match;
  }
  if (isPlainObject(value)) {
    const objects = options.filter((o) => shapeOf(o));
    const keys = Object.keys(value);
    const overlap = (o: Schema) => keys.filter((k) => Object.hasOwn(shapeOf(o)!, k)).length;
    return objects.sort((a, b) => overlap(b) - overlap(a))[0];
  }
  if (Array.isArray(value)) return options.find((o) => defOf(o).type === "array");
  return undefined;
}

const ownSchema = (shape: Record<string, Schema> | undefined, key: string) =>
  shape && Object.hasOwn(shape, key) ? shape[key] : undefined;

function shapeOf(schema: Schema): Record<string, Schema> | undefined {
  const def = defOf(unwrap(schema));
  return def.type === "object" ? (def.shape as Record<string, Schema>) : undefined;
}

function literalValues(schema: Schema | undefined): unknown[] {
  if (!schema) return [];
  const def = defOf(unwrap(schema));
  if (def.type === "literal") return def.values as unknown[];
  if (def.type === "enum") return Object.values(def.entries as Record<string, unknown>);
  return [];
}

/** The schema that checks the value at `path`, following the data through unions. */
export function schemaAt(root: Schema, path: Path, data: unknown): Schema | undefined {
  let schema: Schema | undefined = unwrap(root);
  for (let i = 0; i < path.length && schema; i++) {
    const here = valueAt(data, path.slice(0, i));
    schema = pickOption(schema, here);
    if (!schema) return undefined;
    const def = defOf(unwrap(schema));
    const segment = path[i]!;
    if (def.type === "object") {
      const shape = def.shape as Record<string, Schema>;
      schema = Object.hasOwn(shape, String(segment)) ? shape[String(segment)] : undefined;
    } else if (def.type === "array") schema = def.element as Schema;
    else if (def.type === "record") schema = def.valueType as Schema;
    else return undefined;
    if (schema) schema = unwrap(schema);
  }
  return schema;
}

/** The keys an object allows at `path` (for "did you mean"), or undefined when it is not an object. */
export function allowedKeysAt(root: Schema, path: Path, data: unknown): string[] | undefined {
  const schema = schemaAt(root, path, data);
  if (!schema) return undefined;
  const picked = pickOption(schema, valueAt(data, path));
  const shape = picked && shapeOf(picked);
  return shape ? Object.keys(shape) : undefined;
}

/**
 * What a schema expects, as tokens the messages render in either language: `text`,
 * `bilingual-text`, `id`, `whole-number`, `number`, `boolean`, `empty`, `list`, `mapping`,
 * `mapping-with:KEY`, `literal:JSON`. Several tokens: any one of them.
 */
export function expectedTokens(schema: Schema | undefined): string[] | undefined {
  if (!schema) return undefined;
  const inner = unwrap(schema);
  // describe() makes a copy that shares the definition, so compare definitions.
  if (inner.def === textSchema.def) return ["bilingual-text"];
  if (inner.def === idSchema.def) return ["id"];
  const def = defOf(inner);
  switch (def.type) {
    case "string":
      return ["text"];
    case "number":
      return [(def as { format?: string }).format?.includes("int") ? "whole-number" : "number"];
    case "int":
      return ["whole-number"];
    case "boolean":
      return ["boolean"];
    case "null":
      return ["empty"];
    case "array":
      return ["list"];
    case "object":
    case "record":
      return ["mapping"];
    case "literal":
    case "enum":
      return literalValues(inner).map((v) => `literal:${JSON.stringify(v)}`);
    case "union": {
      if (def.discriminator) return [`mapping-with:${def.discriminator as string}`];
      const parts = (def.options as Schema[]).map(expectedTokens);
      return parts.every((p) => p !== undefined) ? [...new Set(parts.flat() as string[])] : undefined;
    }
    default:
      return undefined;
  }
}
