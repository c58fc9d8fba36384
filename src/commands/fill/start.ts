import type { AnswerFile } from "../../model/answers.js";
import type { Lang } from "../../model/common.js";
import type { Questionnaire } from "../../model/questionnaire.js";
import { renderChanges } from "./changes-screen.js";
import { messages } from "./messages.js";
import { escapeText } from "../../text/escape.js";
import { shown } from "../../walk/screens.js";
import type { Prompter } from "../../prompt/prompter.js";
import { compareQuestionnaire, questionDigests, setAsideAnswers, unknownAnswerIds } from "./questionnaire-changes.js";

export interface StartContext {
  questionnaire: Questionnaire;
  lang: Lang;
  color: boolean;
  width: number;
  prompter: Prompter;
  write(text: string): void;
}

/** Region and year for a new file: the flags when given, else asked. */
export async function askRespondent(
  ctx: StartContext,
  given: { region?: string; year?: number },
  thisYear: number,
): Promise<{ region: string; year: number }> {
  const t = messages[ctx.lang];
  const region =
    given.region ??
    (
      await ctx.prompter.input({
        message: t.regionPrompt,
        validate: (text) => (text.trim() === "" ? t.regionRequired : true),
      })
    ).trim();
  const year =
    given.year ??
    Number(
      await ctx.prompter.input({
        message: t.yearPrompt,
        default: String(thisYear),
        validate: (text) => (/^\s*\d{4}\s*$/.test(text) ? true : t.yearInvalid),
      }),
    );
  return { region, year };
}

/** The weight profile of a new file: the flag, else asked when the questionnaire has several. */
export async function askProfile(ctx: StartContext, given: string | undefined): Promise<string> {
  const { questionnaire } = ctx;
  if (given !== undefined || questionnaire.profiles.length === 1) return given ?? questionnaire.defaultProfile;
  return ctx.prompter.select({
    message: messages[ctx.lang].profilePrompt,
    choices: questionnaire.profiles.map((p) => ({
      value: p.id,
      name: shown(p.title, ctx.lang),
      ...(p.description ? { description: shown(p.description, ctx.lang) } : {}),
    })),
    default: questionnaire.defaultProfile,
  });
}

/**
 * Brings an existing file up to the questionnaire as it is now. Returns undefined when the
 * officer declines to continue (the caller leaves the file untouched).
 */
export async function reconcile(
  ctx: StartContext,
  file: AnswerFile,
  current: { sha256: string; ref: string; display: string },
): Promise<AnswerFile | undefined> {
  const t = messages[ctx.lang];
  const { questionnaire } = ctx;
  let next = file;
  if (file.status === "final") {
    // It stays final until an answer changes (see settleStatus).
    if (!(await ctx.prompter.confirm({ message: t.finalReopen(current.display), default: false }))) return undefined;
  }
  if (file.questionnaireSha256 !== undefined && file.questionnaireSha256 !== current.sha256) {
    const changes = compareQuestionnaire(file, questionnaire);
    ctx.write(
      renderChanges(
        { changes, ref: current.ref, from: file.questionnaireVersion ?? "?", to: questionnaire.version },
        ctx,
      ),
    );
    if (!(await ctx.prompter.confirm({ message: t.continueChanged, default: true }))) return undefined;
    // Start at the first question that is new or changed, so the officer checks it first.
    const touched = new Set([...changes.added, ...changes.changed]);
    const first = questionnaire.elements.flatMap((e) => e.questions).find((q) => touched.has(q.id));
    if (first) next = { ...next, cursor: first.id };
  }
  const unknown = unknownAnswerIds(next, questionnaire);
  if (unknown.length > 0) {
    ctx.write(`${t.orphans(unknown.length)} ${escapeText(unknown.join(", "))}\n`);
    const keep = await ctx.prompter.select({
      message: t.orphanPrompt,
      choices: [
        { value: true, name: t.orphanKeep },
        { value: false, name: t.orphanDrop },
      ],
      default: true,
    });
    next = setAsideAnswers(next, unknown, keep);
  }
  return {
    ...next,
    questionnaireVersion: questionnaire.version,
    questionnaireSha256: current.sha256,
    questionDigests: questionDigests(questionnaire),
  };
}
