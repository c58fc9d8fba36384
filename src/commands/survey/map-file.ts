import { z } from "zod";
import type { CommandIO } from "../../command-io.js";
import { type Diagnostic, ExitCode, KuesionerError } from "../../errors.js";
import { loadSource, locateIssue } from "../../io/source.js";
import type { Lang } from "../../model/common.js";
import { didYouMean } from "../../model/did-you-mean.js";
import { issuesFromZod } from "../../model/zod-issues.js";
import { formatDiagnostics } from "../../text/diagnostics.js";
import type { ColumnMap } from "./columns.js";
import type { Statement } from "./statements.js";

const mapFileSchema = z.strictObject({
  columns: z.record(z.string(), z.string().nullable()),
});

/** Values a map entry may take besides a statement id. */
const ROLES = new Set(["skip", "name", "contact"]);

/**
 * `--map FILE.yaml`: which column fills which statement, for sheets whose headers match
 * nothing (a form with its own wording). Keys are header texts as written, or column letters.
 *
 *     columns:
 *       "Seberapa mudah layanan diakses secara online?": im-gov-ps-online
 *       E: im-gov-ps-transparent
 *       Nama Lengkap: name
 *       Saran: skip
 */
export async function loadColumnMap(
  file: string,
  name: string,
  statements: readonly Statement[],
  io: CommandIO,
  lang: Lang,
): Promise<ColumnMap> {
  const read = await loadSource(file);
  const fail = (diagnostics: readonly Diagnostic[]) => {
    io.stderr.write(
      formatDiagnostics(
        diagnostics.map((d) => ({ ...d, file: name })),
        io.color,
        lang,
      ),
    );
    return new KuesionerError(`--map ${name}: not a valid map file; nothing imported`, ExitCode.Failed).coded(
      "survey.map-invalid",
      { file: name },
    );
  };
  if (!read.ok) throw fail(read.diagnostics);
  const parsed = mapFileSchema.safeParse(read.source.data);
  if (!parsed.success) {
    throw fail(
      issuesFromZod(parsed.error.issues, { schema: mapFileSchema, data: read.source.data }).map(({ issue, atKey }) =>
        locateIssue(read.source, issue, { atKey }),
      ),
    );
  }
  const ids = statements.map((s) => s.id);
  const known = new Set(ids);
  const problems: Diagnostic[] = [];
  const columns = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed.data.columns)) {
    const role = value === null ? "skip" : value.trim();
    if (!known.has(role) && !ROLES.has(role)) {
      const suggestion = didYouMean(role, ids);
      problems.push(
        locateIssue(read.source, {
          path: ["columns", key],
          severity: "error",
          code: "map.unknown-statement",
          params: { role, ...(suggestion ? { guess: suggestion } : {}) },
          message: `"${role}" is not a survey statement of the questionnaire`,
          hint: suggestion
            ? `did you mean ${suggestion}?`
            : "use a statement id (kuesioner show lists them), skip, name or contact",
        }),
      );
    }
    columns.set(key.trim(), role);
  }
  if (problems.length) throw fail(problems);
  return { columns };
}
