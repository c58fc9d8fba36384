import type { Choice } from "../../command-options.js";
import { languages } from "../../model/lang.js";

/** advise's choices and defaults: command.ts and the zod schema in run.ts are built from these. */
export const adviseChoices = {
  format: { choices: ["table", "json", "csv", "markdown"], default: "table" },
  lang: { choices: languages, default: "en" },
} as const satisfies Record<string, Choice>;
