import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { jsonSchemaFor } from "../../../src/commands/schema/run.js";
import { repoRoot } from "../../reference/reference-data.js";
import { runKuesioner } from "../score/score-harness.js";

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  const?: unknown;
  description?: string;
};

const committed = (kind: string) => readFileSync(join(repoRoot, `questionnaires/${kind}.schema.json`), "utf8");

describe("the JSON Schemas for editors", () => {
  it.each(["questionnaire", "answers", "diagnostics"] as const)(
    "questionnaires/%s.schema.json is what kuesioner schema prints now",
    (kind) => {
      // If this fails, the zod schemas changed: run `npm run schemas` and commit the files.
      expect(committed(kind), `questionnaires/${kind}.schema.json is out of date: run npm run schemas`).toBe(
        jsonSchemaFor(kind),
      );
    },
  );

  it("is printed by kuesioner schema on stdout", async () => {
    const ran = await runKuesioner(["schema", "answers"], repoRoot);
    expect(ran).toEqual({ code: 0, stdout: committed("answers"), stderr: "" });
    expect((await runKuesioner(["schema", "results"], repoRoot)).code).toBe(2);
  });

  it("requires the keys a questionnaire and an answer file cannot do without", () => {
    const q = JSON.parse(committed("questionnaire")) as JsonSchema;
    expect(q.required).toEqual(["id", "version", "title", "scale", "elements", "profiles", "defaultProfile"]);
    expect(q.additionalProperties).toBe(false);
    const a = JSON.parse(committed("answers")) as JsonSchema;
    expect(a.required).toEqual(["questionnaire"]);
  });

  it("describes every key of the questionnaire format, for hover help", () => {
    const missing: string[] = [];
    const walk = (node: JsonSchema, path: string) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (!child.description) missing.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      if (node.items) walk(node.items, `${path}[]`);
      if (typeof node.additionalProperties === "object") walk(node.additionalProperties, `${path}.*`);
      for (const option of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) walk(option, path);
    };
    walk(JSON.parse(committed("questionnaire")), "");
    expect(missing).toEqual([]);
  });

  it("lets an editor complete a question's keys once its kind is known: one branch per kind", () => {
    const q = JSON.parse(committed("questionnaire")) as JsonSchema;
    const question = q.properties!.elements!.items!.properties!.questions!.items!;
    expect(question.oneOf!.map((o) => o.properties!.kind!.const)).toEqual([
      "level",
      "survey",
      "count",
      "percent",
      "number",
    ]);
    for (const branch of question.oneOf!) {
      expect(branch.additionalProperties).toBe(false);
      expect(branch.required).toEqual(expect.arrayContaining(["id", "kind", "text"]));
    }
    expect(question.oneOf![0]!.required).toContain("levels");
    expect(question.oneOf![1]!.required).toContain("respondents");
    expect(question.oneOf![2]!.required).toContain("thresholds");
  });

  it.each(readdirSync(join(repoRoot, "questionnaires")).filter((f) => f.endsWith(".yaml")))(
    "%s names the schema and uses only keys it knows",
    (file) => {
      const text = readFileSync(join(repoRoot, "questionnaires", file), "utf8");
      expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./questionnaire.schema.json");
      const unknown: string[] = [];
      const walk = (schema: JsonSchema, value: unknown, path: string) => {
        if (schema.oneOf && value && typeof value === "object") {
          const kind = (value as { kind?: unknown }).kind;
          const branch = schema.oneOf.find((o) => o.properties?.kind?.const === kind);
          if (branch) walk(branch, value, path);
          else unknown.push(`${path}: no branch for kind ${String(kind)}`);
          return;
        }
        if (Array.isArray(value)) {
          const items = schema.items;
          if (items) for (const [i, v] of value.entries()) walk(items, v, `${path}.${i}`);
        } else if (value && typeof value === "object") {
          for (const [key, child] of Object.entries(value)) {
            const sub =
              schema.properties?.[key] ??
              (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
            if (sub) walk(sub, child, `${path}.${key}`);
            else if (schema.additionalProperties === false) unknown.push(`${path}.${key}`);
          }
        }
      };
      walk(JSON.parse(committed("questionnaire")), parse(text), "");
      expect(unknown).toEqual([]);
    },
  );
});
