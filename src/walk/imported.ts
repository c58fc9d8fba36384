import { Chalk } from "chalk";
import { surveyMean } from "../engine/score-answer.js";
import type { Answer, AnswerFile } from "../model/answers.js";
import type { Questionnaire } from "../model/questionnaire.js";
import { own } from "../model/own.js";
import { escapeText } from "../text/escape.js";
import { formatScore, truncate } from "../text/format.js";
import { messages } from "./messages.js";
import type { ScreenOptions } from "./screens.js";
import { answerState, type WalkItem } from "./walk-state.js";

/** An Impact answer that `kuesioner survey import` wrote: counts from response files, valid as they are. */
function isImported(questionnaire: Questionnaire, item: WalkItem, answer: Answer | undefined): boolean {
  if (item.question.kind !== "survey" || !answer || typeof answer !== "object") return false;
  const survey = answer.survey;
  if (!survey || !("counts" in survey) || !survey.imported) return false;
  return answerState(questionnaire, item.question, answer).answered;
}

/** How many items from `index` on are imported survey answers, in a row. */
export function importedRun(questionnaire: Questionnaire, items: readonly WalkItem[], index: number, file: AnswerFile) {
  let end = index;
  while (end < items.length && isImported(questionnaire, items[end]!, own(file.answers, items[end]!.question.id)))
    end++;
  return end - index;
}

/**
 * The imported answers the walk passes over: one line each with the respondents per level and
 * the mean, so the officer sees them without being asked again.
 */
export function renderImported(items: readonly WalkItem[], file: AnswerFile, screen: ScreenOptions): string {
  const t = messages[screen.lang];
  const paint = new Chalk({ level: screen.color ? 1 : 0 });
  const sources = new Set<string>();
  const lines = items.map((item) => {
    const answer = own(file.answers, item.question.id);
    const survey = answer && typeof answer === "object" ? answer.survey : undefined;
    if (!survey || !("counts" in survey)) return "";
    for (const f of survey.imported ?? []) sources.add(escapeText(f));
    const computed = surveyMean(survey.counts);
    const counts = Object.entries(survey.counts)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([level, n]) => `${level}:${n}`)
      .join(" ");
    const mean = computed ? formatScore(computed.mean, screen.lang) : "–";
    return truncate(`  ${item.question.id}  ${t.importedLine(mean, computed?.respondents ?? 0, counts)}`, screen.width);
  });
  const heading = paint.bold(t.importedHeading(items.length, [...sources].sort().join(", ")));
  return `\n${heading}\n${lines.filter(Boolean).join("\n")}\n${paint.dim(t.importedHowToChange)}\n`;
}
