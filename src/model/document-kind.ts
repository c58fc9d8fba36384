import { answerFileKeys as answerFileKeyList, questionnaireKeys as questionnaireKeyList } from "./document-keys.js";

export type DocumentKind = "questionnaire" | "answers";

const questionnaireKeys: ReadonlySet<string> = new Set(questionnaireKeyList);
const answerKeys: ReadonlySet<string> = new Set(answerFileKeyList);

/**
 * Whether parsed YAML is a questionnaire or an answer file: the telling keys first (`elements`;
 * `answers` or a `questionnaire` reference), then which format's keys it has more of, then the
 * `$schema` an editor modeline names. Without data (the YAML did not parse) the top-level keys
 * are read from the text. Undefined when nothing tells.
 */
export function detectDocumentKind(data: Record<string, unknown> | undefined, text = ""): DocumentKind | undefined {
  const keys = data ? Object.keys(data) : [...text.matchAll(/^([A-Za-z][\w-]*)[ \t]*:/gm)].map((m) => m[1]!);
  const hasElements = keys.includes("elements");
  const hasAnswers =
    keys.includes("answers") || (data ? typeof data.questionnaire === "string" : keys.includes("questionnaire"));
  if (hasElements !== hasAnswers) return hasElements ? "questionnaire" : "answers";
  const q = keys.filter((k) => questionnaireKeys.has(k)).length;
  const a = keys.filter((k) => answerKeys.has(k)).length;
  if (q !== a) return q > a ? "questionnaire" : "answers";
  const modeline = /^#\s*yaml-language-server:\s*\$schema=\S*?(questionnaire|answers)\.schema\.json/m.exec(
    text.slice(0, 2000),
  );
  if (modeline) return modeline[1] === "answers" ? "answers" : "questionnaire";
  return undefined;
}

/**
 * Whether parsed data is a JSON Schema (a `$schema` naming json-schema.org), such as the
 * questionnaire.schema.json beside the shipped questionnaires: editor help, not a document
 * `validate` checks.
 */
export function isJsonSchema(data: Record<string, unknown>): boolean {
  const schema = data.$schema;
  return typeof schema === "string" && /^https?:\/\/json-schema\.org\//.test(schema);
}
