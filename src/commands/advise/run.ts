import { resolve } from "node:path";
import * as z from "zod/mini";
import type { CommandIO } from "../../command-io.js";
import { adviseAnswers } from "../../engine/advise.js";
import { regionKey } from "../../engine/compare.js";
import { standAmongPeers, type PeerScores } from "../../engine/peers.js";
import { summarizeResult } from "../../engine/summary.js";
import { planTarget } from "../../engine/target-plan.js";
import { ExitCode, type Diagnostic } from "../../errors.js";
import { expandInputs } from "../../io/expand-inputs.js";
import { QuestionnaireCache } from "../../io/load-answers.js";
import { QuestionnaireStore } from "../../io/questionnaire-store.js";
import { checkOutputFile, writeOutputFile } from "../../io/output-file.js";
import { evaluateInput, isSkipped } from "../../io/score-inputs.js";
import { scoreNamedFile, type ScoredFile } from "../../io/scored-file.js";
import { fromNumber, type Exact } from "../../model/exact.js";
import { renderBlocksMarkdown, renderBlocksText } from "../../text/blocks.js";
import { displayPath, formatDiagnostics, sortDiagnostics } from "../../text/diagnostics.js";
import { regionName } from "../../text/format.js";
import { renderAdviseCsv } from "./csv.js";
import { adviseChoices } from "./options.js";
import { renderAdviseJson } from "./json.js";
import { skippedNote } from "../../text/input-notes.js";
import type { Lang } from "../../model/common.js";
import { adviseBlocks, type AdviseInput } from "./report.js";

export const adviseOptionsSchema = z.object({
  file: z.string().check(z.minLength(1, "option.input-empty")),
  target: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d+(?:[.,]\d+)?$/, "option.total")),
      z.transform((v): Exact => fromNumber(Number(v.replace(",", ".")))),
    ),
  ),
  peers: z.optional(
    z.array(z.string().check(z.minLength(1, "option.input-empty"))).check(z.minLength(1, "option.inputs-none")),
  ),
  profile: z.optional(z.string().check(z.minLength(1, "option.profile-id"))),
  format: z._default(z.enum(adviseChoices.format.choices), adviseChoices.format.default),
  out: z.optional(z.string().check(z.minLength(1, "option.file-name"))),
  lang: z._default(z.enum(adviseChoices.lang.choices), adviseChoices.lang.default),
  /** false (--no-cache): every questionnaire is parsed and checked from its YAML. */
  cache: z._default(z.boolean(), true),
});
export type AdviseOptions = z.infer<typeof adviseOptionsSchema>;

/**
 * `kuesioner advise FILE`: the gain of one more level for every question below the top, a
 * minimal plan to `--target`, and the region's standing among `--peers`. An error in FILE stops
 * it (exit 1); a peer that cannot be scored is reported and left out, and the exit code is 1.
 */
export async function runAdvise(options: AdviseOptions, io: CommandIO): Promise<ExitCode> {
  const outFile = options.out ? await checkOutputFile(options.out, io.cwd) : undefined;
  const display = displayPath(io.cwd);
  const cache = new QuestionnaireCache(QuestionnaireStore.forRun(io.env, options));
  const report = (diagnostics: readonly Diagnostic[]) => {
    if (diagnostics.length) io.stderr.write(formatDiagnostics(sortDiagnostics(diagnostics), io.color, options.lang));
  };
  const loaded = await scoreNamedFile(options.file, {
    cwd: io.cwd,
    cache,
    display,
    ...(options.profile ? { profile: options.profile } : {}),
  });
  report(loaded.diagnostics);
  const scored = loaded.scored;
  if (!scored) return ExitCode.Failed;

  const advice = adviseAnswers(scored.questionnaire.questionnaire, scored.result);
  const input: AdviseInput = { scored, advice };
  if (options.target) input.plan = planTarget(advice, options.target);
  let peersFailed = false;
  if (options.peers) {
    const peers = await loadPeers(options.peers, scored, { io, cache, display, report, lang: options.lang });
    peersFailed = peers.failed;
    input.peers = standAmongPeers(peerScores(scored), peers.scores);
  }

  const { lang } = options;
  let text: string;
  switch (options.format) {
    case "table":
      text = renderBlocksText(adviseBlocks(input, lang), {
        color: io.color && !outFile,
        ...(outFile || !io.stdout.columns ? {} : { width: io.stdout.columns }),
      });
      break;
    case "markdown":
      text = renderBlocksMarkdown(adviseBlocks(input, lang));
      break;
    case "json":
      text = renderAdviseJson(input);
      break;
    case "csv":
      text = renderAdviseCsv(input, lang);
      break;
  }
  if (outFile) await writeOutputFile(options.out!, outFile, text);
  else io.stdout.write(text);
  return peersFailed ? ExitCode.Failed : ExitCode.Ok;
}

function peerScores(scored: ScoredFile): PeerScores {
  return summarizeResult({
    file: scored.file,
    region: scored.region,
    answers: scored.answers,
    sha256: scored.questionnaire.sha256,
    result: scored.result,
  });
}

/**
 * The peers' scores, as `score` would score them in a batch. The region's own file (or another
 * file of the same region) is not its own peer, and a peer on another questionnaire is left out:
 * its element scores come from other questions.
 */
async function loadPeers(
  inputs: readonly string[],
  self: ScoredFile,
  ctx: {
    io: CommandIO;
    cache: QuestionnaireCache;
    display: (file: string) => string;
    report: (d: readonly Diagnostic[]) => void;
    lang: Lang;
  },
): Promise<{ scores: PeerScores[]; failed: boolean }> {
  const { io } = ctx;
  const expanded = await expandInputs(inputs, io.cwd);
  ctx.report(expanded.diagnostics);
  let failed = expanded.diagnostics.length > 0;
  const scores: PeerScores[] = [];
  const selfPath = resolve(io.cwd, self.file);
  const selfKey = regionKey(self.region);
  for (const file of expanded.files) {
    if (resolve(io.cwd, file) === selfPath) continue;
    const outcome = await evaluateInput(file, {
      cwd: io.cwd,
      cache: ctx.cache,
      named: expanded.named,
      display: ctx.display,
    });
    if (isSkipped(outcome)) {
      io.stderr.write(skippedNote(file, outcome.skipped, ctx.lang));
      continue;
    }
    ctx.report(outcome.diagnostics);
    const { result, answers, questionnaire } = outcome;
    if (!result || !answers || !questionnaire) {
      failed = true;
      continue;
    }
    const region = regionName(answers.respondent?.region, file);
    if (result.questionnaire.id !== self.result.questionnaire.id) {
      io.stderr.write(
        `kuesioner: warning: peer ${file} left out: questionnaire ${result.questionnaire.id}, not ${self.result.questionnaire.id}\n`,
      );
      continue;
    }
    if (regionKey(region) === selfKey) {
      io.stderr.write(`kuesioner: warning: peer ${file} left out: it is ${region} itself\n`);
      continue;
    }
    scores.push(summarizeResult({ file, region, answers, sha256: questionnaire.sha256, result }));
  }
  return { scores, failed };
}
