import type { Choice } from "../../command-options.js";
import { languages } from "../../model/lang.js";
import { groupKinds } from "../../text/score-labels.js";

/** score's choices and defaults: command.ts and the zod schema in run.ts are built from these. */
export const scoreChoices = {
  format: { choices: ["table", "json", "csv", "markdown", "xlsx"], default: "table" },
  lang: { choices: languages, default: "en" },
  groupBy: { choices: groupKinds },
} as const satisfies Record<string, Choice>;
