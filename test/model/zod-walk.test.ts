import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { allowedKeysAt, expectedTokens, pickOption, schemaAt } from "../../src/model/zod-walk.js";
import { repoRoot } from "../reference/reference-data.js";

// src/model/zod-walk.ts reads zod's schema descriptions (`schema.def`). These tests pin what it
// reads, so that a zod upgrade that changes them fails here, loudly, and not as vaguer messages.

const pinned = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).dependencies.zod as string;
const installed = JSON.parse(readFileSync(join(repoRoot, "node_modules/zod/package.json"), "utf8")).version as string;

describe("zod, as zod-walk reads it", () => {
  it("is pinned to an exact version, and that version is the one installed", () => {
    expect(pinned, "pin zod exactly (npm install -E): zod-walk.ts reads its schema descriptions").toMatch(
      /^\d+\.\d+\.\d+$/,
    );
    expect(installed).toBe(pinned);
    expect(installed.split(".").slice(0, 2).join("."), "zod's minor version changed: re-check zod-walk.ts").toBe("4.6");
  });

  it("describes every schema kind zod-walk follows with the fields it reads", () => {
    const object = z.strictObject({ a: z.string() });
    const union = z.discriminatedUnion("kind", [z.object({ kind: z.literal("x") })]);
    const fields: [z.ZodType, string, string[]][] = [
      [object, "object", ["shape"]],
      [z.array(z.string()), "array", ["element"]],
      [z.record(z.string(), z.number()), "record", ["valueType"]],
      [union, "union", ["options", "discriminator"]],
      [z.literal("x"), "literal", ["values"]],
      [z.enum(["a", "b"]), "enum", ["entries"]],
      [z.string().optional(), "optional", ["innerType"]],
      [z.string().nullable(), "nullable", ["innerType"]],
      [z.string().default("a"), "default", ["innerType"]],
      [z.string().transform(Number), "pipe", ["in"]],
      [z.lazy(() => z.string()), "lazy", ["getter"]],
    ];
    for (const [schema, type, keys] of fields) {
      expect(schema.def.type).toBe(type);
      for (const key of keys) expect(schema.def, `${type}.def.${key}`).toHaveProperty(key);
    }
  });

  it("follows paths, unions and wrappers to what was expected there", () => {
    const schema = z.strictObject({
      elements: z.array(
        z.strictObject({
          questions: z
            .array(
              z.discriminatedUnion("kind", [
                z.strictObject({ kind: z.literal("level"), levels: z.record(z.string(), z.string()) }),
                z.strictObject({ kind: z.literal("count"), thresholds: z.array(z.number()) }),
              ]),
            )
            .optional(),
        }),
      ),
    });
    const data = { elements: [{ questions: [{ kind: "count", thresholds: [1] }] }] };
    expect(allowedKeysAt(schema, ["elements", 0, "questions", 0], data)).toEqual(["kind", "thresholds"]);
    expect(expectedTokens(schemaAt(schema, ["elements", 0, "questions", 0, "thresholds", 0], data))).toEqual([
      "number",
    ]);
    const union = schema.shape.elements.element.shape.questions.unwrap().element;
    expect(pickOption(union, { kind: "level" })?.def.type).toBe("object");
  });
});
