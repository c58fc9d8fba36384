import { paint, wrap, type ScreenOptions } from "../../walk/screens.js";
import { messages } from "./messages.js";
import type { QuestionnaireChanges } from "./questionnaire-changes.js";

/** What changed in the questionnaire since the answer file was started. */
export function renderChanges(
  input: { changes: QuestionnaireChanges; ref: string; from: string; to: string },
  options: ScreenOptions,
): string {
  const t = messages[options.lang];
  const c = paint(options.color);
  const { changes } = input;
  const lines = ["", c.yellow.bold(wrap(t.questionnaireChanged(input.ref, input.from, input.to), options.width))];
  const list = (heading: string, ids: string[]) => {
    if (ids.length) lines.push(`  ${heading}`, wrap(ids.join(", "), options.width, "    "));
  };
  if (!changes.detailed) lines.push(wrap(t.notDetailed, options.width, "  "));
  list(t.addedQuestions, changes.added);
  list(t.removedQuestions, changes.removed);
  list(t.changedQuestions, changes.changed);
  if (changes.detailed && changes.added.length + changes.removed.length + changes.changed.length === 0)
    lines.push(`  ${t.onlyOtherChanges}`);
  return `${lines.join("\n")}\n`;
}
