import type { Choice } from "../../command-options.js";

/** validate's choices and defaults: command.ts and the zod schema in run.ts are built from these. */
export const validateChoices = {
  format: { choices: ["text", "json", "github"], default: "text" },
} as const satisfies Record<string, Choice>;
