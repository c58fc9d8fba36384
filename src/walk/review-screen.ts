import type { ScoreResult } from "../engine/score.js";
import type { Questionnaire } from "../model/questionnaire.js";
import { wordsOf } from "./messages.js";
import type { Progress } from "./walk-state.js";
import { paint, shown, type ScreenOptions } from "./screens.js";
import { displayWidth, formatPercent, formatScore, padEnd, padStart } from "../text/format.js";
import { maxOf } from "../model/collections.js";

/**
 * The review screen: every element of the profile with answered/total and its provisional
 * score, then the provisional total. Scores are exact until this display rounding.
 */
export function renderReview(
  input: { questionnaire: Questionnaire; result: ScoreResult; progress: Progress },
  options: ScreenOptions,
): string {
  const { questionnaire, result, progress } = input;
  const { lang } = options;
  const t = wordsOf(options);
  const c = paint(options.color);
  const profile = questionnaire.profiles.find((p) => p.id === result.profile);
  const rows = result.elements.map((element, i) => {
    const definition = questionnaire.elements.find((e) => e.id === element.id);
    return [
      `${i + 1}`,
      shown(definition?.title, lang),
      formatPercent(element.weight, lang),
      `${element.answered}/${element.questions}`,
      formatScore(element.score, lang),
    ];
  });
  const header = ["#", t.columnElement, t.columnWeight, t.columnAnswered, t.columnScore];
  const widths = header.map((h, col) => maxOf([displayWidth(h), ...rows.map((r) => displayWidth(r[col]!))]));
  // Numbers right-aligned, names left-aligned.
  const format = (cells: string[]) =>
    cells.map((cell, col) => (col === 1 ? padEnd(cell, widths[col]!) : padStart(cell, widths[col]!))).join("  ");
  const complete = (row: string[]) => {
    const [answered, total] = row[3]!.split("/");
    return answered === total;
  };
  const lines = [
    "",
    c.bold.cyan(t.reviewTitle(shown(questionnaire.title, lang), shown(profile?.title, lang) || result.profile)),
    "",
    `  ${c.bold(format(header))}`,
    ...rows.map((row) => `  ${complete(row) ? format(row) : c.yellow(format(row))}`),
    "",
    `  ${c.bold(t.provisionalTotal(formatScore(result.total, lang)))}`,
    `  ${t.answeredCount(progress.answered, progress.total, progress.percent)}`,
  ];
  return `${lines.join("\n")}\n`;
}
