import type { Diagnostic } from "../errors.js";
import { questionnaireSchema, type Questionnaire } from "../model/questionnaire.js";
import { checkQuestionnaire } from "../model/questionnaire-rules.js";
import { checkSalvagedQuestionnaire } from "../model/questionnaire-salvage.js";
import { issuesFromZod } from "../model/zod-issues.js";
import { locateIssue, type ParsedSource } from "./source.js";

/**
 * Checks parsed data against the schema and the semantic rules, with positions. A module of its
 * own, imported when a questionnaire is not in the store: zod and the rules are not loaded by a
 * command whose questionnaires were checked before.
 */
export function checkQuestionnaireSource(source: ParsedSource): {
  questionnaire?: Questionnaire;
  diagnostics: Diagnostic[];
} {
  const parsed = questionnaireSchema.safeParse(source.data);
  if (!parsed.success) {
    const schemaDiagnostics = issuesFromZod(parsed.error.issues, {
      schema: questionnaireSchema,
      data: source.data,
    }).map((s) => locateIssue(source, s.issue, { atKey: s.atKey }));
    // The rules still run on the parts without schema errors, so one run reports every problem.
    const ruleDiagnostics = checkSalvagedQuestionnaire(source.data, parsed.error.issues).map((issue) =>
      locateIssue(source, issue),
    );
    return { diagnostics: [...schemaDiagnostics, ...ruleDiagnostics] };
  }
  const diagnostics = checkQuestionnaire(parsed.data).map((issue) => locateIssue(source, issue));
  return { questionnaire: parsed.data, diagnostics };
}
