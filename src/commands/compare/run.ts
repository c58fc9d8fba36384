import * as z from "zod/mini";
import type { CommandIO } from "../../command-io.js";
import { compareResults } from "../../engine/compare-results.js";
import { ExitCode, type Diagnostic } from "../../errors.js";
import { QuestionnaireCache } from "../../io/load-answers.js";
import { QuestionnaireStore } from "../../io/questionnaire-store.js";
import { checkOutputFile, writeOutputFile } from "../../io/output-file.js";
import { scoreNamedFile, type ScoredFile } from "../../io/scored-file.js";
import { compareChoices } from "./options.js";
import { renderBlocksMarkdown, renderBlocksText } from "../../text/blocks.js";
import { displayPath, formatDiagnostics, sortDiagnostics } from "../../text/diagnostics.js";
import { renderCompareCsv } from "./csv.js";
import { renderCompareJson } from "./json.js";
import { compareBlocks } from "./report.js";
import { pushAll } from "../../model/collections.js";

const profileId = z.optional(z.string().check(z.minLength(1, "option.profile-id")));

export const compareOptionsSchema = z.object({
  old: z.string().check(z.minLength(1, "option.input-empty")),
  new: z.string().check(z.minLength(1, "option.input-empty")),
  format: z._default(z.enum(compareChoices.format.choices), compareChoices.format.default),
  out: z.optional(z.string().check(z.minLength(1, "option.file-name"))),
  lang: z._default(z.enum(compareChoices.lang.choices), compareChoices.lang.default),
  oldProfile: profileId,
  newProfile: profileId,
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z._default(z.boolean(), true),
});
export type CompareOptions = z.infer<typeof compareOptionsSchema>;

/**
 * `kuesioner compare OLD NEW`: both files are scored as `score` scores them; any error in
 * either is printed with its place and nothing is compared (exit 1).
 */
export async function runCompare(options: CompareOptions, io: CommandIO): Promise<ExitCode> {
  const outFile = options.out ? await checkOutputFile(options.out, io.cwd) : undefined;
  const display = displayPath(io.cwd);
  const cache = new QuestionnaireCache(QuestionnaireStore.forRun(io.env, options));
  const diagnostics: Diagnostic[] = [];
  const load = async (file: string, profile: string | undefined): Promise<ScoredFile | undefined> => {
    const loaded = await scoreNamedFile(file, { cwd: io.cwd, cache, display, ...(profile ? { profile } : {}) });
    pushAll(diagnostics, loaded.diagnostics);
    return loaded.scored;
  };
  const before = await load(options.old, options.oldProfile);
  const after = await load(options.new, options.newProfile);
  if (diagnostics.length) io.stderr.write(formatDiagnostics(sortDiagnostics(diagnostics), io.color, options.lang));
  if (!before || !after) return ExitCode.Failed;

  const comparison = compareResults(
    { questionnaire: before.questionnaire.questionnaire, result: before.result, region: before.region },
    { questionnaire: after.questionnaire.questionnaire, result: after.result, region: after.region },
  );
  const input = { old: before, new: after, comparison };
  const { lang } = options;
  let text: string;
  switch (options.format) {
    case "table":
      text = renderBlocksText(compareBlocks(input, lang), {
        color: io.color && !outFile,
        ...(outFile || !io.stdout.columns ? {} : { width: io.stdout.columns }),
      });
      break;
    case "markdown":
      text = renderBlocksMarkdown(compareBlocks(input, lang));
      break;
    case "json":
      text = renderCompareJson(input);
      break;
    case "csv":
      text = renderCompareCsv(input, lang);
      break;
  }
  if (outFile) await writeOutputFile(options.out!, outFile, text);
  else io.stdout.write(text);
  return ExitCode.Ok;
}
