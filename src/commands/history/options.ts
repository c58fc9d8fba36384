import type { Choice } from "../../command-options.js";
import { languages } from "../../model/lang.js";

/** history's choices and defaults: command.ts and the zod schema in run.ts are built from these. */
export const historyChoices = {
  format: { choices: ["table", "json"], default: "table" },
  lang: { choices: languages, default: "en" },
} as const satisfies Record<string, Choice>;
