import { scoreAnswers } from "../engine/score.js";
import type { AnswerFile } from "../model/answers.js";
import { renderReview } from "./review-screen.js";
import { describeAnswer, shown, type ScreenOptions } from "./screens.js";
import { truncate } from "../text/format.js";
import type { AskContext } from "./ask-question.js";
import { wordsOf } from "./messages.js";
import { separator, type Choice, type Separator } from "../prompt/prompter.js";
import { isAnswered, progressOf, type WalkItem } from "./walk-state.js";
import { own } from "../model/own.js";

export type ReviewAction =
  /** Show the question at `index`; with `edit`, come back to the review after it. */
  { kind: "goto"; index: number; edit: boolean } | { kind: "finish" } | { kind: "quit" };

export interface ReviewContext extends AskContext {
  profile: string;
  write(text: string): void;
  screen: ScreenOptions;
}

/**
 * The review screen: elements with answered/total and provisional scores, then a choice of
 * where to go. `from` is the question the officer came from (items.length: the end of the walk).
 */
export async function review(
  ctx: ReviewContext,
  items: readonly WalkItem[],
  file: AnswerFile,
  from: number,
): Promise<ReviewAction> {
  const t = wordsOf(ctx.screen);
  const { questionnaire } = ctx;
  const answered = (item: WalkItem) => isAnswered(questionnaire, item.question, own(file.answers, item.question.id));
  for (;;) {
    const result = scoreAnswers(questionnaire, file, { profile: ctx.profile }).result;
    const progress = progressOf(questionnaire, items, file);
    if (result) ctx.write(renderReview({ questionnaire, result, progress }, ctx.screen));
    const target = from < items.length ? from : items.findIndex((item) => !answered(item));
    const choices: (Choice<string> | Separator)[] = [];
    if (target >= 0) choices.push({ value: "continue", name: t.continueAt(items[target]!.question.id) });
    const elementStarts = items.flatMap((item, index) => (item.questionIndex === 0 ? [{ item, index }] : []));
    for (const { item, index } of elementStarts) {
      const inElement = items.filter((i) => i.elementIndex === item.elementIndex);
      choices.push({
        value: `element:${index}`,
        name: t.goToElement(shown(item.element.title, ctx.lang), inElement.filter(answered).length, inElement.length),
      });
    }
    choices.push(
      separator(),
      { value: "change", name: t.changeAnswer },
      { value: "finish", name: t.finish },
      { value: "quit", name: t.choiceQuit },
    );
    const choice = await ctx.prompter.select({
      message: t.reviewPrompt,
      choices,
      default: progress.answered === progress.total || target < 0 ? "finish" : "continue",
      pageSize: Math.min(choices.length, 15),
    });
    if (choice === "continue") return { kind: "goto", index: target, edit: false };
    if (choice.startsWith("element:")) return { kind: "goto", index: Number(choice.slice(8)), edit: false };
    if (choice === "quit") return { kind: "quit" };
    if (choice === "finish") {
      const unanswered = progress.total - progress.answered;
      if (unanswered === 0 || (await ctx.prompter.confirm({ message: t.finishUnanswered(unanswered), default: false })))
        return { kind: "finish" };
      continue;
    }
    const picked = await pickQuestion(ctx, items, file, from);
    if (picked >= 0) return { kind: "goto", index: picked, edit: true };
  }
}

/** Every question of the profile with its current answer, grouped by element; -1 goes back. */
async function pickQuestion(
  ctx: ReviewContext,
  items: readonly WalkItem[],
  file: AnswerFile,
  from: number,
): Promise<number> {
  const t = wordsOf(ctx.screen);
  const choices: (Choice<number> | Separator)[] = [{ value: -1, name: t.backToReview }];
  items.forEach((item, index) => {
    if (item.questionIndex === 0) choices.push(separator(`── ${shown(item.element.title, ctx.lang)}`));
    const answer = own(file.answers, item.question.id);
    const state = isAnswered(ctx.questionnaire, item.question, answer)
      ? describeAnswer(ctx.questionnaire, item.question, answer, ctx.lang, true)
      : `(${t.unansweredWord})`;
    const name = `${item.question.id}  [${state}]  ${shown(item.question.text, ctx.lang)}`;
    choices.push({ value: index, name: truncate(name, ctx.width - 4), short: item.question.id });
  });
  return ctx.prompter.select({
    message: t.pickQuestion,
    choices,
    default: from < items.length ? from : -1,
    pageSize: 15,
  });
}
