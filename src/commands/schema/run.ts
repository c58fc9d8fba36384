import { toJSONSchema } from "zod";
import * as z from "zod/mini";
import { schemaChoices } from "./options.js";
import type { CommandIO } from "../../command-io.js";
import { ExitCode } from "../../errors.js";
import { answerFileSchema } from "../../model/answers.js";
import { questionnaireSchema } from "../../model/questionnaire.js";
import { diagnosticsJsonSchema } from "../../model/diagnostic-json.js";

export const schemaOptionsSchema = z.object({ kind: z.enum(schemaChoices.kind.choices) });
export type SchemaOptions = z.infer<typeof schemaOptionsSchema>;

const titles = {
  questionnaire: { schema: questionnaireSchema, title: "kuesioner questionnaire" },
  answers: { schema: answerFileSchema, title: "kuesioner answer file" },
  diagnostics: { schema: diagnosticsJsonSchema, title: "kuesioner diagnostics (validate --format json)" },
} as const;

/** The JSON Schema for editors, generated from the zod schemas (the single source of truth). */
export function jsonSchemaFor(kind: SchemaOptions["kind"]): string {
  const { schema, title } = titles[kind];
  const json = toJSONSchema(schema, { target: "draft-7", io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...json, title }, null, 2)}\n`;
}

export async function runSchema(options: SchemaOptions, io: CommandIO): Promise<ExitCode> {
  io.stdout.write(jsonSchemaFor(options.kind));
  return ExitCode.Ok;
}
