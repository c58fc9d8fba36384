/**
 * A value as the author wrote it, as tokens: `["text", "\"4\""]`, `["number", "2.5"]`,
 * `["boolean", "true"]`, `["empty"]`, `["list"]`, `["mapping"]`, `["nothing"]`. No zod here:
 * `validate` says what a document that is no mapping holds without loading it.
 */
export function valueTokens(value: unknown): string[] {
  if (value === undefined) return ["nothing"];
  if (value === null) return ["empty"];
  if (typeof value === "string")
    return ["text", JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)];
  if (typeof value === "number") return ["number", String(value)];
  if (typeof value === "boolean") return ["boolean", String(value)];
  return [Array.isArray(value) ? "list" : "mapping"];
}
