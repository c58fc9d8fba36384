import type { z } from "zod";
import { UsageError } from "./errors.js";

/** Commander checked the syntax; the command's zod schema checks the meaning. Failures are usage errors (exit 2). */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  const name = first.path.length
    ? `--${String(first.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
    : "options";
  throw new UsageError(`${name}: ${first.message.replace(/^Invalid input: /, "")}`);
}
