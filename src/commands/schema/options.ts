import type { Choice } from "../../command-options.js";

/** schema's argument choices: command.ts and the zod schema in run.ts are built from these. */
export const schemaChoices = {
  kind: { choices: ["questionnaire", "answers", "diagnostics"] },
} as const satisfies Record<string, Choice>;
