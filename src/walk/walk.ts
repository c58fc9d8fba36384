import type { AnswerFile } from "../model/answers.js";
import {
  describeAnswer,
  renderAnswerFeedback,
  renderElementIntro,
  renderInputHint,
  renderQuestion,
} from "./screens.js";
import { askEvidence, askNote, askQuestion } from "./ask-question.js";
import { messages } from "./messages.js";
import { respondentsOf } from "./parse-input.js";
import { importedRun, renderImported } from "./imported.js";
import { review, type ReviewAction, type ReviewContext } from "./review.js";
import {
  answerParts,
  answerState,
  isAnswered,
  progressOf,
  setAnswerCore,
  setEvidence,
  setNote,
  settleStatus,
  startIndex,
  walkItems,
  type WalkItem,
} from "./walk-state.js";
import { own } from "../model/own.js";

export interface WalkContext extends ReviewContext {
  /** Persists the answers; called after every change, before the next prompt. */
  save(file: AnswerFile): Promise<void>;
  /** false: no evidence and note prompts after each answer (a question picked in the review still asks them). */
  details?: boolean;
}

export interface WalkEnd {
  /** finished: the officer chose Finish (the file is final); quit: save and quit. */
  kind: "finished" | "quit";
  answers: AnswerFile;
}

/**
 * Walks the questions of the profile from the saved cursor (or the first unanswered one):
 * element intro, question, answer, evidence, note, with back, skip, clear, review/jump and quit.
 * Every change is saved before the next prompt, so Ctrl-C (a CancelledError from the prompter)
 * loses nothing but the question on screen; the error is passed on to the caller.
 */
export async function walkQuestionnaire(ctx: WalkContext, initial: AnswerFile): Promise<WalkEnd> {
  const { questionnaire } = ctx;
  const items = walkItems(questionnaire, ctx.profile);
  let file = initial;
  /** Where the walk stands: "continue" in the review goes back here. */
  let resumeAt = startIndex(questionnaire, items, file);
  let index = resumeAt;
  let reviewing = index >= items.length;
  /** The question was picked in the review: go back there after it. */
  let editing = false;
  let shownElement = -1;
  /** The officer went back one question: ask it even when it was imported. */
  let steppedBack = false;
  let details = ctx.details !== false;
  /** The respondents last typed for each pillar: a survey mean typed alone counts them. */
  const respondentsByPillar = new Map<string, number>();
  const commit = async (next: AnswerFile) => {
    file = settleStatus(file, next);
    await ctx.save(file);
  };
  const cursorAt = (i: number): AnswerFile => {
    const { cursor: _old, ...rest } = file;
    const id = items[i]?.question.id;
    return id === undefined ? rest : { ...rest, cursor: id };
  };
  const next = () => {
    if (editing) reviewing = true;
    else index = resumeAt = index + 1;
    if (index >= items.length) reviewing = true;
  };

  for (;;) {
    if (reviewing) {
      reviewing = false;
      const action: ReviewAction = await review(ctx, items, file, resumeAt);
      if (action.kind === "quit") {
        await commit(cursorAt(resumeAt));
        return { kind: "quit", answers: file };
      }
      if (action.kind === "finish") {
        const { cursor: _cursor, ...rest } = file;
        await commit({ ...rest, status: "final" });
        return { kind: "finished", answers: file };
      }
      index = action.index;
      editing = action.edit;
      if (!editing) resumeAt = index;
      shownElement = -1;
    }

    // Answers imported from the survey responses are shown, not asked, unless the officer
    // picked one in the review or stepped back onto it.
    const imported = editing || steppedBack ? 0 : importedRun(questionnaire, items, index, file);
    steppedBack = false;
    if (imported > 0) {
      const run = items.slice(index, index + imported);
      if (shownElement !== run[0]!.elementIndex) showElementIntro(ctx, items, run[0]!, file);
      shownElement = run[run.length - 1]!.elementIndex;
      ctx.write(renderImported(run, file, ctx.screen));
      index = resumeAt = index + imported;
      if (index >= items.length) reviewing = true;
      continue;
    }
    const item = items[index]!;
    await commit(cursorAt(index));
    showQuestion(ctx, items, item, file, shownElement !== item.elementIndex);
    shownElement = item.elementIndex;
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

    if (action.kind === "command") {
      switch (action.command) {
        case "back":
          if (editing) reviewing = true;
          else {
            index = resumeAt = Math.max(0, index - 1);
            steppedBack = true;
          }
          continue;
        case "skip":
          next();
          continue;
        case "clear":
          await commit(setAnswerCore(file, id, null));
          next();
          continue;
        case "review":
          reviewing = true;
          continue;
        case "quit":
          return { kind: "quit", answers: file };
      }
    }
    if (action.kind === "answer") {
      await commit(setAnswerCore(file, id, action.core));
      if (action.core.survey) respondentsByPillar.set(pillarOf(item), respondentsOf(action.core.survey));
      const feedback = renderAnswerFeedback(questionnaire, item.question, own(file.answers, id) ?? null, ctx.screen);
      if (feedback) ctx.write(feedback);
    }
    if (details || editing) {
      const evidence = await askEvidence(ctx, own(file.answers, id), !editing);
      if (evidence.kind === "set") await commit(setEvidence(file, id, evidence.value));
      const note = evidence.kind === "set" ? await askNote(ctx, own(file.answers, id), !editing) : evidence;
      if (note.kind === "set") file = settleStatus(file, setNote(file, id, note.value));
      else {
        details = false;
        ctx.write(`${messages[ctx.lang].detailsOff}\n`);
      }
    }
    next();
    // One save for the note and the cursor's move to where the walk goes next.
    await commit(cursorAt(reviewing ? resumeAt : index));
  }
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

function showElementIntro(ctx: WalkContext, items: readonly WalkItem[], item: WalkItem, file: AnswerFile) {
  const { questionnaire } = ctx;
  const inElement = items.filter((i) => i.elementIndex === item.elementIndex);
  const answered = inElement.filter((i) =>
    isAnswered(questionnaire, i.question, own(file.answers, i.question.id)),
  ).length;
  const weight = own(questionnaire.profiles.find((p) => p.id === ctx.profile)?.weights, item.element.id) ?? 0;
  ctx.write(renderElementIntro({ item, weight, answered }, ctx.screen));
}

function showQuestion(ctx: WalkContext, items: readonly WalkItem[], item: WalkItem, file: AnswerFile, intro: boolean) {
  const { questionnaire } = ctx;
  const answer = own(file.answers, item.question.id);
  if (intro) showElementIntro(ctx, items, item, file);
  const { answered, invalid } = answerState(questionnaire, item.question, answer, ctx.lang);
  const progress = progressOf(questionnaire, items, file);
  ctx.write(renderQuestion({ questionnaire, item, progress, answer, ...(invalid ? { invalid } : {}) }, ctx.screen));
  if (item.question.kind !== "level") ctx.write(renderInputHint(answered, ctx.screen));
}
