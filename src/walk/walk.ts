import type { AnswerFile } from "../model/answers.js";
import { importedRun, renderImported } from "./imported.js";
import { review, type ReviewAction, type ReviewContext } from "./review.js";
import { isAnswered, settleStatus, startIndex, walkItems, type WalkItem } from "./walk-state.js";
import { answerStep } from "./answer-step.js";
import type { WalkCommand } from "./parse-input.js";
import { renderElementIntro } from "./screens.js";
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

/** Where the walk stands when a step asks its question. */
export interface StepAt {
  items: readonly WalkItem[];
  index: number;
  item: WalkItem;
  /** The question was picked in the review (the walk goes back there after it). */
  editing: boolean;
}

/** How a step reads and changes the file: `commit` saves at once, `stage` with the next save. */
export interface StepEdit {
  file(): AnswerFile;
  commit(next: AnswerFile): Promise<void>;
  stage(next: AnswerFile): void;
}

/**
 * What a walk does at one question: fill asks the region's answer (answer-step.ts), verify an
 * assessor's score. The walk around it (cursor, element intros, back, skip, clear, review,
 * jump, quit, saving) is the same for both.
 */
export interface QuestionStep {
  /** The file as progress, element intros and the review count it: fill's file itself, or a view of it. */
  view(file: AnswerFile): AnswerFile;
  /** Imported survey answers are shown, not asked (fill). */
  passImported: boolean;
  /**
   * Shows and asks the question, applying what was typed through `edit` (saved before the next
   * prompt). Returns the navigation command typed instead, or undefined to go on.
   */
  ask(at: StepAt, edit: StepEdit): Promise<WalkCommand | undefined>;
  /** The file with the question's answer cleared (the "-" command). */
  clear(file: AnswerFile, id: string): AnswerFile;
}

/**
 * Walks the questions of the profile from the saved cursor (or the first unanswered one):
 * element intro, question, answer, evidence, note, with back, skip, clear, review/jump and quit.
 * Every change is saved before the next prompt, so Ctrl-C (a CancelledError from the prompter)
 * loses nothing but the question on screen; the error is passed on to the caller.
 */
export function walkQuestionnaire(ctx: WalkContext, initial: AnswerFile): Promise<WalkEnd> {
  return walkWith(ctx, initial, answerStep(ctx));
}

/** The walk with another step at each question (see QuestionStep). */
export async function walkWith(ctx: WalkContext, initial: AnswerFile, step: QuestionStep): Promise<WalkEnd> {
  const { questionnaire } = ctx;
  const items = walkItems(questionnaire, ctx.profile);
  let file = initial;
  /** Where the walk stands: "continue" in the review goes back here. */
  let resumeAt = startIndex(questionnaire, items, step.view(file));
  let index = resumeAt;
  let reviewing = index >= items.length;
  /** The question was picked in the review: go back there after it. */
  let editing = false;
  let shownElement = -1;
  /** The officer went back one question: ask it even when it was imported. */
  let steppedBack = false;
  const commit = async (next: AnswerFile) => {
    file = settleStatus(file, next);
    await ctx.save(file);
  };
  const edit: StepEdit = {
    file: () => file,
    commit,
    stage: (next) => {
      file = settleStatus(file, next);
    },
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
      const action: ReviewAction = await review(ctx, items, step.view(file), resumeAt);
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
    const imported = editing || steppedBack || !step.passImported ? 0 : importedRun(questionnaire, items, index, file);
    steppedBack = false;
    if (imported > 0) {
      const run = items.slice(index, index + imported);
      if (shownElement !== run[0]!.elementIndex) showElementIntro(ctx, items, run[0]!, step.view(file));
      shownElement = run[run.length - 1]!.elementIndex;
      ctx.write(renderImported(run, file, ctx.screen));
      index = resumeAt = index + imported;
      if (index >= items.length) reviewing = true;
      continue;
    }
    const item = items[index]!;
    await commit(cursorAt(index));
    if (shownElement !== item.elementIndex) showElementIntro(ctx, items, item, step.view(file));
    shownElement = item.elementIndex;
    const command = await step.ask({ items, index, item, editing }, edit);
    switch (command) {
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
        await commit(step.clear(file, item.question.id));
        next();
        continue;
      case "review":
        reviewing = true;
        continue;
      case "quit":
        return { kind: "quit", answers: file };
    }
    next();
    // One save for the note and the cursor's move to where the walk goes next.
    await commit(cursorAt(reviewing ? resumeAt : index));
  }
}

function showElementIntro(ctx: WalkContext, items: readonly WalkItem[], item: WalkItem, view: AnswerFile) {
  const { questionnaire } = ctx;
  const inElement = items.filter((i) => i.elementIndex === item.elementIndex);
  const answered = inElement.filter((i) =>
    isAnswered(questionnaire, i.question, own(view.answers, i.question.id)),
  ).length;
  const weight = own(questionnaire.profiles.find((p) => p.id === ctx.profile)?.weights, item.element.id) ?? 0;
  ctx.write(renderElementIntro({ item, weight, answered }, ctx.screen));
}
