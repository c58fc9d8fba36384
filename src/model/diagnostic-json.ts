import { z } from "zod";

/**
 * One diagnostic as `validate --format json` prints it (an array of these) and as `score --format
 * json` lists them under `failed[].diagnostics`: every key always present (null when absent), in
 * this order, so programs see one stable shape. `questionnaires/diagnostics.schema.json` is
 * generated from this schema (`kuesioner schema diagnostics`).
 */
export const diagnosticJsonSchema = z
  .strictObject({
    file: z.string().describe("The file, as given on the command line (relative to the working folder when inside it)"),
    kind: z
      .enum(["questionnaire", "answers", "unknown"])
      .describe(
        "What the file is. validate: told by its content, unknown for a file that could not be read or whose kind cannot be told. score: answers for an input (each is read as an answer file), questionnaire for the questionnaire it names",
      ),
    line: z.int().min(1).nullable().describe("1-based line; null for a problem of the whole file"),
    column: z.int().min(1).nullable().describe("1-based column; null when line is null"),
    severity: z.enum(["error", "warning"]).describe("An error fails the run (exit 1); a warning does not"),
    path: z
      .array(z.union([z.string(), z.int()]))
      .describe('Where in the document, e.g. ["elements", 2, "questions", 7, "levels"]; [] for the whole file'),
    code: z
      .string()
      .nullable()
      .describe(
        "Stable identifier of the kind of problem, for programs (the text output renders it in the language of the run); null where none is assigned",
      ),
    params: z
      .record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))
      .nullable()
      .describe("The values the message names (ids, numbers), by name; null when the message names none"),
    message: z.string().describe("What is wrong, in English whatever the language of the run"),
    hint: z.string().nullable().describe("What to do about it, when there is a suggestion; in English"),
    omitted: z
      .strictObject({ errors: z.int().min(0), warnings: z.int().min(0) })
      .nullable()
      .describe("On the one diagnostic standing for those left out past the per-file limit: how many"),
  })
  .describe("One problem found in a questionnaire or answer file");
export type DiagnosticJson = z.infer<typeof diagnosticJsonSchema>;

/** What `kuesioner validate --format json` prints. */
export const diagnosticsJsonSchema = z
  .array(diagnosticJsonSchema)
  .describe("kuesioner validate --format json: every problem in every file, files in the order given");
