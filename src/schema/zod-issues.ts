import type { z } from "zod";
import type { Issue } from "../errors.js";

/** An issue, and whether it is best shown at the map key rather than the value. */
export interface SchemaIssue {
  issue: Issue;
  atKey: boolean;
}

type ZodIssue = z.core.$ZodIssue;

/** Turns zod issues into plain, path-qualified messages a questionnaire author can act on. */
export function issuesFromZod(issues: readonly ZodIssue[], prefix: (string | number)[] = []): SchemaIssue[] {
  return issues.flatMap((raw) => convert(raw, prefix));
}

function convert(raw: ZodIssue, prefix: (string | number)[]): SchemaIssue[] {
  const path = [...prefix, ...raw.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const error = (message: string, hint?: string, atKey = false): SchemaIssue => ({
    issue: { path, severity: "error", message, ...(hint ? { hint } : {}) },
    atKey,
  });
  switch (raw.code) {
    case "unrecognized_keys":
      return raw.keys.map((key) => ({
        issue: {
          path: [...path, key],
          severity: "error",
          message: `unknown key "${key}"`,
          hint: "check the spelling; keys are case-sensitive (see docs/questionnaire-format.md)",
        },
        atKey: true,
      }));
    case "invalid_union": {
      if ("note" in raw && raw.note === "No matching discriminator") {
        const options = (raw as { options?: unknown[] }).options ?? [];
        return [error(`expected ${options.map((o) => JSON.stringify(o)).join(" | ")}`)];
      }
      const branches = raw.errors;
      // A branch that got past the type check is what the author meant: report its problems.
      const matched = branches.filter((b) => !b.every((i) => i.code === "invalid_type" && i.path.length === 0));
      if (matched.length > 0) return issuesFromZod(matched[0]!, path);
      const expected = [...new Set(branches.flatMap((b) => b.map((i) => (i.code === "invalid_type" ? i.expected : "?"))))];
      return [error(`expected ${expected.join(" or ")}`)];
    }
    case "invalid_key": {
      const inner = raw.issues[0];
      return [error(`invalid key "${String(raw.path[raw.path.length - 1])}": ${inner ? cleanMessage(inner.message) : "not allowed"}`, undefined, true)];
    }
    case "invalid_type":
      if (raw.message.includes("received undefined")) return [error(`missing required key "${String(path[path.length - 1])}" (${raw.expected})`)];
      return [error(cleanMessage(raw.message))];
    default:
      return [error(cleanMessage(raw.message))];
  }
}

function cleanMessage(message: string): string {
  return message.replace(/^Invalid input: /, "").replace(/^Invalid string: /, "");
}
