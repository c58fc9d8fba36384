import { z } from "zod";
import type { languages } from "./lang.js";

// Also importable from here; defined in lang.ts, which --help declarations load without zod.
export { languages } from "./lang.js";

/** Stable identifiers: lowercase kebab-case, so they are safe as YAML keys, CSV headers and file names. */
export const idSchema = z.string().regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, "schema.id-format");

/**
 * A user-facing string in Indonesian (`id`) and English (`en`). One language may be missing
 * (a warning, reported by the semantic rules); both missing is an error.
 */
export const textSchema = z
  .strictObject({
    id: z.string().min(1).optional().describe("Indonesian text"),
    en: z.string().min(1).optional().describe("English text"),
  })
  .refine((t) => t.id !== undefined || t.en !== undefined, {
    message: "schema.text-no-language",
  })
  .describe("Bilingual text: { id: Indonesian, en: English }");
export type Text = z.infer<typeof textSchema>;

export type Lang = (typeof languages)[number];
