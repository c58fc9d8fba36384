import { scoreAnswer } from "../../engine/score-answer.js";
import type { AnswerFile } from "../../model/answers.js";
import { own } from "../../model/own.js";
import { separator, type Choice, type Separator } from "../../prompt/prompter.js";
import { escapeText } from "../../text/escape.js";
import { formatDecimal, truncate } from "../../text/format.js";
import { askNote, commandChoices } from "../../walk/ask-question.js";
import { wordsOf } from "../../walk/messages.js";
import type { WalkCommand } from "../../walk/parse-input.js";
import {
  answerGuide,
  describeAnswer,
  paint,
  questionHeading,
  shown,
  wrap,
  type ScreenOptions,
} from "../../walk/screens.js";
import type { QuestionStep, WalkContext } from "../../walk/walk.js";
import { answerParts, progressOf, type Progress, type WalkItem } from "../../walk/walk-state.js";
import { assessorEntry, assessorView, clearAssessorScore, setAssessorNote, setAssessorScore } from "./assessor-file.js";
import { messages } from "./messages.js";

/**
 * verify's step: the question with the region's answer, evidence and note, then the assessor's
 * score on the scale (the level's own number selects it, as in fill) and their note. "!" at
 * the note prompt stops asking for notes for the rest of the run.
 */
export function scoreStep(ctx: WalkContext, assessor: string): QuestionStep {
  const { questionnaire } = ctx;
  const { min, max } = questionnaire.scale;
  let notes = ctx.details !== false;
  const view = (file: AnswerFile) => assessorView(file, assessor);
  return {
    view,
    passImported: false,
    clear: (file, id) => clearAssessorScore(file, id, assessor),
    async ask({ items, index, item, editing }, edit) {
      const t = wordsOf(ctx);
      const id = item.question.id;
      const file = edit.file();
      const entry = assessorEntry(file, id, assessor);
      const progress = progressOf(questionnaire, items, view(file));
      ctx.write(renderScoreQuestion({ ctx, item, progress, file, assessor }, ctx.screen));

      const self = selfLevel(ctx, item, file);
      const current = entry?.score;
      const choices: (Choice<string> | Separator)[] = [];
      if (current !== undefined && !Number.isInteger(current))
        choices.push({ value: "keep", name: t.choiceKeep(formatDecimal(current, ctx.lang)), short: "=", key: "=" });
      for (let level = min; level <= max; level++) {
        // Escaped as fill shows levels: a questionnaire cannot repaint the assessor's screen.
        const descriptor = levelsOf(item) ? shown(own(levelsOf(item), String(level)), ctx.lang) : "";
        const name = truncate(`${level}  ${descriptor}`.trimEnd(), ctx.width - 6);
        choices.push({
          value: `level:${level}`,
          name,
          short: String(level),
          key: String(level),
          ...(name.endsWith("…") ? { description: descriptor } : {}),
        });
      }
      choices.push(separator(), ...commandChoices(t, { first: index === 0, answered: entry !== undefined }));
      const fallback = self !== undefined ? `level:${self}` : undefined;
      const chosen = await ctx.prompter.select({
        message: messages[ctx.lang].scorePrompt(min, max),
        choices,
        default: current === undefined ? fallback : Number.isInteger(current) ? `level:${current}` : "keep",
        pageSize: choices.length,
      });
      if (chosen.startsWith("cmd:")) return chosen.slice(4) as WalkCommand;
      if (chosen !== "keep") await edit.commit(setAssessorScore(edit.file(), id, assessor, Number(chosen.slice(6))));
      if (!notes && !editing) return undefined;
      const scored = assessorEntry(edit.file(), id, assessor);
      const note = await askNote(ctx, scored?.note ? { note: scored.note } : undefined, !editing);
      if (note.kind === "quit") return "quit";
      if (note.kind === "set") edit.stage(setAssessorNote(edit.file(), id, assessor, note.value));
      else {
        notes = false;
        ctx.write(`${t.detailsOff}\n`);
      }
      return undefined;
    },
  };
}

const levelsOf = (item: WalkItem) => ("levels" in item.question ? item.question.levels : undefined);

/** The region's own answer as a level of the scale, when it is one: the score offered first. */
function selfLevel(ctx: WalkContext, item: WalkItem, file: AnswerFile): number | undefined {
  const { core } = answerParts(own(file.answers, item.question.id));
  const { assessors: _panel, ...self } = core;
  const scored = scoreAnswer(item.question, self, ctx.questionnaire.scale, []).self;
  return scored !== null && scored.d === 1n ? Number(scored.n) : undefined;
}

/**
 * The question as the assessor sees it: where it sits, its text and levels, then the region's
 * answer with its evidence and note, and the assessor's score so far. Everything that comes
 * from the files is escaped: an answer file cannot repaint the assessor's screen.
 */
function renderScoreQuestion(
  input: { ctx: WalkContext; item: WalkItem; progress: Progress; file: AnswerFile; assessor: string },
  options: ScreenOptions,
): string {
  const { ctx, item, file } = input;
  const { questionnaire } = ctx;
  const { lang, width } = options;
  const t = wordsOf(options);
  const v = messages[lang];
  const c = paint(options.color);
  const q = item.question;
  const lines = questionHeading({ questionnaire, item, progress: input.progress }, options);
  const guide = answerGuide(questionnaire, q, options, false);
  if (guide.length) lines.push("", ...guide);
  const { core, evidence, note } = answerParts(own(file.answers, q.id));
  const { assessors: _panel, ...self } = core;
  const parts = [describeAnswer(questionnaire, q, self, lang) || v.notAnswered];
  if (evidence.length) parts.push(`${t.evidenceWord}: ${evidence.join("; ")}`);
  if (note) parts.push(`${t.noteWord}: ${note}`);
  lines.push("", c.cyan(wrap(escapeText(`${v.regionAnswer} ${parts.join(" · ")}`), width, "  ")));
  const entry = assessorEntry(file, q.id, input.assessor);
  if (entry) {
    const mine = [t.describeLevel(formatDecimal(entry.score, lang), "")];
    if (entry.note) mine.push(`${t.noteWord}: ${entry.note}`);
    lines.push(c.green(wrap(escapeText(`${v.yourScore} ${mine.join(" · ")}`), width, "  ")));
  }
  return `${lines.join("\n")}\n`;
}
