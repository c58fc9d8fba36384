import type { Choice } from "../../command-options.js";
import { languages } from "../../model/lang.js";

/** survey template's choices and defaults: command.ts and the zod schema in template.ts are built from these. */
export const templateChoices = {
  lang: { choices: languages, default: "en" },
  delimiter: { choices: [",", ";", "tab"] },
} as const satisfies Record<string, Choice>;

/** Defaults of survey template's other options, shown by --help and applied by the zod schema. */
export const templateDefaults = { questionnaire: "smart-city-2023", rows: 100 } as const;

/** survey import's choices and defaults: command.ts and the zod schema in import.ts are built from these. */
export const importChoices = {
  delimiter: { choices: [",", ";", "tab"] },
  format: { choices: ["table", "json", "csv", "markdown"], default: "table" },
  lang: { choices: languages, default: "en" },
} as const satisfies Record<string, Choice>;
