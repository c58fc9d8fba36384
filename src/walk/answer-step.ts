import type { AnswerFile } from "../model/answers.js";
import { own } from "../model/own.js";
import { askEvidence, askNote, askQuestion } from "./ask-question.js";
import { messages } from "./messages.js";
import { respondentsOf } from "./parse-input.js";
import { describeAnswer, renderAnswerFeedback, renderInputHint, renderQuestion } from "./screens.js";
import type { QuestionStep, WalkContext } from "./walk.js";
import {
  answerParts,
  answerState,
  progressOf,
  setAnswerCore,
  setEvidence,
  setNote,
  type WalkItem,
} from "./walk-state.js";

/**
 * fill's step: the region's answer (a level, a value or a survey result), then its evidence and
 * note. "!" at either prompt stops asking them for the rest of the run.
 */
export function answerStep(ctx: WalkContext): QuestionStep {
  const { questionnaire } = ctx;
  let details = ctx.details !== false;
  /** The respondents last typed for each pillar: a survey mean typed alone counts them. */
  const respondentsByPillar = new Map<string, number>();
  return {
    view: (file) => file,
    passImported: true,
    clear: (file, id) => setAnswerCore(file, id, null),
    async ask({ items, index, item, editing }, edit) {
      const file = edit.file();
      showQuestion(ctx, items, item, file);
      const id = item.question.id;
      const answer = own(file.answers, id);
      const { answered } = answerState(questionnaire, item.question, answer);
      const description = answered ? describeAnswer(questionnaire, item.question, answer, ctx.lang, true) : "";
      const respondents =
        item.question.kind === "survey" ? surveyDefault(items, index, file, respondentsByPillar) : undefined;
      const action = await askQuestion(
        ctx,
        item.question,
        { answer, answered, description, ...(respondents !== undefined ? { respondents } : {}) },
        index === 0,
      );
      if (action.kind === "command") return action.command;
      if (action.kind === "answer") {
        await edit.commit(setAnswerCore(edit.file(), id, action.core));
        if (action.core.survey) respondentsByPillar.set(pillarOf(item), respondentsOf(action.core.survey));
        const feedback = renderAnswerFeedback(
          questionnaire,
          item.question,
          own(edit.file().answers, id) ?? null,
          ctx.screen,
        );
        if (feedback) ctx.write(feedback);
      }
      if (!details && !editing) return undefined;
      const evidence = await askEvidence(ctx, own(edit.file().answers, id), !editing);
      if (evidence.kind === "quit") return "quit";
      if (evidence.kind === "set") await edit.commit(setEvidence(edit.file(), id, evidence.value));
      const note = evidence.kind === "set" ? await askNote(ctx, own(edit.file().answers, id), !editing) : evidence;
      if (note.kind === "quit") return "quit";
      if (note.kind === "set") edit.stage(setNote(edit.file(), id, note.value));
      else {
        details = false;
        ctx.write(`${messages[ctx.lang].detailsOff}\n`);
      }
      return undefined;
    },
  };
}

const pillarOf = (item: WalkItem) => item.question.pillar ?? "";

/**
 * The respondents a survey mean typed alone counts: the last typed in this run for the same
 * pillar, else those of the nearest earlier survey of the pillar answered in the file.
 */
function surveyDefault(
  items: readonly WalkItem[],
  index: number,
  file: AnswerFile,
  typed: ReadonlyMap<string, number>,
): number | undefined {
  const pillar = pillarOf(items[index]!);
  const last = typed.get(pillar);
  if (last !== undefined) return last;
  for (let i = index - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.question.kind !== "survey" || pillarOf(item) !== pillar) continue;
    const { core } = answerParts(own(file.answers, item.question.id));
    if (core.survey) return respondentsOf(core.survey);
  }
  return undefined;
}

function showQuestion(ctx: WalkContext, items: readonly WalkItem[], item: WalkItem, file: AnswerFile) {
  const { questionnaire } = ctx;
  const answer = own(file.answers, item.question.id);
  const { answered, invalid } = answerState(questionnaire, item.question, answer, ctx.lang);
  const progress = progressOf(questionnaire, items, file);
  ctx.write(renderQuestion({ questionnaire, item, progress, answer, ...(invalid ? { invalid } : {}) }, ctx.screen));
  if (item.question.kind !== "level") ctx.write(renderInputHint(answered, ctx.screen));
}
