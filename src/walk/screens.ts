import { Chalk, type ChalkInstance } from "chalk";
import type { Lang, Text } from "../model/common.js";
import { assessorScoreOf } from "../model/assessor-score.js";
import type { Answer } from "../model/answers.js";
import type { NumericQuestion, Question, Questionnaire } from "../model/questionnaire.js";
import { isNumeric } from "../model/numeric-question.js";
import { div, exact, fromNumber, sum } from "../model/exact.js";
import { levelForValue, surveyMean } from "../engine/score-answer.js";
import { wordsOf, type Messages } from "./messages.js";
import { formatDecimal, formatPercent, formatScore, localize, truncate, wrapWords } from "../text/format.js";
import type { Progress, WalkItem } from "./walk-state.js";
import { own } from "../model/own.js";
import { escapeParagraphs, escapeText } from "../text/escape.js";
import { pushAll } from "../model/collections.js";

export interface ScreenOptions {
  lang: Lang;
  color: boolean;
  /** Terminal width; text is wrapped to it. */
  width: number;
  /** Texts of the walk's catalogue said otherwise by the command (see wordsOf). */
  words?: Partial<Messages>;
}

export const paint = (color: boolean): ChalkInstance => new Chalk({ level: color ? 1 : 0 });

/**
 * A questionnaire's text in the officer's language as a screen or a prompt shows it: escaped
 * (issue 14), so a questionnaire can neither repaint the terminal nor break a line of ours.
 */
export function shown(text: Text | undefined, lang: Lang): string {
  return escapeText(localize(text, lang));
}

/** Word-wraps `text` (paragraphs split on newlines) to `width` columns, each line starting with `indent`. */
export function wrap(text: string, width: number, indent = ""): string {
  const room = Math.max(20 + indent.length, width);
  // What a file's text holds besides line breaks (ESC, CR, U+2028...) is shown escaped.
  return escapeParagraphs(text)
    .split("\n")
    .map((paragraph) => wrapWords(paragraph.split(/\s+/).filter(Boolean), room, indent).join("\n"))
    .join("\n");
}

/** `lead` then `items` separated by " · ", wrapped between items only, so no item is split. */
function wrapList(lead: string, items: readonly string[], width: number, indent: string): string {
  const words = [
    ...lead.split(" ").filter(Boolean),
    ...items.map((item, i) => (i < items.length - 1 ? `${escapeText(item)} ·` : escapeText(item))),
  ];
  return wrapWords(words, width, indent).join("\n");
}

/** The screen that opens an element: what it measures and how much it weighs. */
export function renderElementIntro(
  input: { item: WalkItem; weight: number; answered: number },
  options: ScreenOptions,
): string {
  const { item } = input;
  const t = wordsOf(options);
  const c = paint(options.color);
  const heading = t.elementHeading(item.elementIndex + 1, item.elementCount, shown(item.element.title, options.lang));
  const rule = "═".repeat(Math.max(0, Math.min(options.width, 100) - heading.length - 4));
  const lines = ["", c.bold.cyan(`══ ${heading} ${rule}`)];
  const description = localize(item.element.description, options.lang);
  if (description) lines.push(wrap(description, options.width, "   "));
  lines.push(
    c.dim(
      `   ${t.elementStats(formatPercent(fromNumber(input.weight), options.lang), item.element.questions.length, input.answered)}`,
    ),
  );
  return `${lines.join("\n")}\n`;
}

/** One question: where it sits, its text and help, how to answer it, and the current answer. */
export function renderQuestion(
  input: {
    questionnaire: Questionnaire;
    item: WalkItem;
    progress: Progress;
    answer: Answer | undefined;
    invalid?: string;
  },
  options: ScreenOptions,
): string {
  const { questionnaire, item, answer } = input;
  const { lang, width } = options;
  const t = wordsOf(options);
  const c = paint(options.color);
  const q = item.question;
  const lines = questionHeading(input, options);
  const guide = answerGuide(questionnaire, q, options);
  if (guide.length) lines.push("", ...guide);
  if (input.invalid) lines.push("", c.yellow(wrap(t.invalidAnswer(input.invalid), width, "  ")));
  else if (answer !== undefined && answer !== null) {
    const parts = [describeAnswer(questionnaire, q, answer, lang)].filter(Boolean);
    if (typeof answer === "object" && answer.evidence?.length)
      parts.push(`${t.evidenceWord}: ${answer.evidence.join("; ")}`);
    if (typeof answer === "object" && answer.note) parts.push(`${t.noteWord}: ${answer.note}`);
    if (parts.length) lines.push("", c.green(wrap(`${t.currentAnswer} ${parts.join(" · ")}`, width, "  ")));
  }
  return `${lines.join("\n")}\n`;
}

/** Where a question sits, the progress, its id, text and help: the top of every question screen. */
export function questionHeading(
  input: { questionnaire: Questionnaire; item: WalkItem; progress: Progress },
  options: ScreenOptions,
): string[] {
  const { questionnaire, item } = input;
  const { lang, width } = options;
  const t = wordsOf(options);
  const c = paint(options.color);
  const q = item.question;
  const where = [shown(item.element.title, lang)];
  const pillar = questionnaire.pillars?.find((p) => p.id === q.pillar);
  if (pillar) {
    const sub = pillar.subdimensions?.find((s) => s.id === q.subdimension);
    where.push(shown(pillar.title, lang) + (sub ? ` › ${shown(sub.title, lang)}` : ""));
  }
  const indicator = item.element.indicators?.find((i) => i.id === q.indicator);
  if (indicator) where.push(shown(indicator.title, lang));
  const { progress } = input;
  const lines = [
    "",
    c.dim("─".repeat(Math.min(width, 100))),
    c.bold(where.join(" · ")),
    c.dim(
      t.progress(
        item.elementIndex + 1,
        item.elementCount,
        item.questionIndex + 1,
        item.element.questions.length,
        progress.percent,
      ),
    ),
    "",
    `${c.dim(q.id)}`,
    c.bold(wrap(localize(q.text, lang), width, "  ")),
  ];
  const help = localize(q.help, lang);
  if (help) lines.push(c.italic(wrap(help, width, "  ")));
  return lines;
}

/** The level descriptors, the thresholds, or the survey scale: what the officer needs to answer. */
export function answerGuide(
  questionnaire: Questionnaire,
  q: Question,
  options: ScreenOptions,
  /** false: without the line saying how to type an answer (verify asks a score instead). */
  howTo = true,
): string[] {
  const { lang, width } = options;
  const t = wordsOf(options);
  const c = paint(options.color);
  const levelLines = (levels: Record<string, { id?: string; en?: string }> | undefined) =>
    Object.entries(levels ?? {})
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(
        ([level, text]) => `  ${c.bold(level.padStart(2))}  ${wrap(localize(text, lang), width, "      ").trimStart()}`,
      );
  // The level list repeats the choices, so it is shown only when a choice had to be cut short.
  if (q.kind === "level")
    return levelChoiceNames(questionnaire, q, options).some((c) => c.name.endsWith("…")) ? levelLines(q.levels) : [];
  if (q.kind === "survey") {
    const labels = Object.entries(questionnaire.surveyLabels ?? {})
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([level, text]) => `${level} ${localize(text, lang)}`);
    const lines = labels.length ? [wrapList(t.surveyScale, labels, width, "  ")] : [];
    lines.push(`  ${t.surveyRequired(q.respondents)}`);
    return howTo ? [...lines, c.dim(wrap(t.surveyHowTo, width, "  "))] : lines;
  }
  if (!isNumeric(q)) return [];
  const unit = unitOf(q, lang);
  const bound = q.direction === "descending" ? t.atMost : t.atLeast;
  const steps = [...q.thresholds]
    .reverse()
    .map((th) => `${bound(formatDecimal(th.at, lang))} → ${th.level}`)
    .concat(`${t.otherwise} → ${questionnaire.scale.min}`);
  const lines = [wrapList(t.thresholdsHeading(unit), steps, width, "  ")];
  if (q.levels) pushAll(lines, levelLines(q.levels));
  if (howTo) lines.push(c.dim(`  ${q.kind === "count" ? t.countHowTo : t.valueHowTo}`));
  return lines;
}

/** The unit a numeric question is measured in; "%" for a percent question that names none. */
export function unitOf(q: NumericQuestion, lang: Lang): string {
  return shown(q.unit, lang) || (q.kind === "percent" ? "%" : "");
}

/** The level choices as the select shows them, cut to the terminal width. */
export function levelChoiceNames(
  questionnaire: Questionnaire,
  q: Extract<Question, { kind: "level" }>,
  options: { lang: Lang; width: number },
): { level: number; name: string; descriptor: string }[] {
  const choices = [];
  for (let level = questionnaire.scale.min; level <= questionnaire.scale.max; level++) {
    const descriptor = shown(own(q.levels, String(level)), options.lang);
    choices.push({ level, name: truncate(`${level}  ${descriptor}`, options.width - 6), descriptor });
  }
  return choices;
}

/** An answer in words, for the current-answer line and the review list. */
export function describeAnswer(
  questionnaire: Questionnaire,
  q: Question,
  answer: Answer | undefined,
  lang: Lang,
  brief = false,
): string {
  const t = wordsOf({ lang });
  if (answer === undefined || answer === null) return "";
  const descriptor = (level: number) =>
    q.kind !== "survey" && !brief ? shown(own(q.levels, String(level)), lang) : "";
  const levelText = (score: number) =>
    t.describeLevel(formatDecimal(score, lang), Number.isInteger(score) ? descriptor(score) : "");
  if (typeof answer === "number") return levelText(answer);
  if (answer.score !== undefined) return levelText(answer.score);
  if (answer.assessors) {
    const scores = answer.assessors.map(assessorScoreOf);
    const mean = div(sum(scores.map(fromNumber)), exact(BigInt(scores.length)));
    return t.describeAssessors(scores.map((s) => formatDecimal(s, lang)).join(", "), formatScore(mean, lang));
  }
  if (answer.survey) {
    if ("mean" in answer.survey)
      return t.describeSurvey(formatDecimal(answer.survey.mean, lang), answer.survey.respondents);
    const computed = surveyMean(answer.survey.counts);
    return computed ? t.describeSurvey(formatScore(computed.mean, lang), computed.respondents) : "";
  }
  if (answer.value !== undefined && isNumeric(q)) {
    return t.describeValue(
      formatDecimal(answer.value, lang),
      unitOf(q, lang),
      String(levelForValue(q, answer.value, questionnaire.scale)),
    );
  }
  return "";
}

/** The commands an input prompt accepts, shown above it. */
export function renderInputHint(answered: boolean, options: ScreenOptions): string {
  const t = wordsOf(options);
  return `${paint(options.color).dim(
    wrapList("", (answered ? t.inputCommands : t.inputCommandsNew).split(" · "), options.width, "  "),
  )}\n`;
}

/** What a typed value or survey result gives, shown right after it is entered. */
export function renderAnswerFeedback(
  questionnaire: Questionnaire,
  q: Question,
  answer: Answer,
  options: ScreenOptions,
): string {
  const { lang } = options;
  const t = wordsOf(options);
  const c = paint(options.color);
  if (typeof answer !== "object" || answer === null) return "";
  if (answer.value !== undefined && isNumeric(q)) {
    const level = levelForValue(q, answer.value, questionnaire.scale);
    return (
      c.green(wrap(t.valueGivesLevel(String(level), localize(q.levels?.[String(level)], lang)), options.width, "  ")) +
      "\n"
    );
  }
  if (answer.survey && q.kind === "survey") {
    const computed =
      "counts" in answer.survey
        ? surveyMean(answer.survey.counts)
        : { mean: fromNumber(answer.survey.mean), respondents: answer.survey.respondents };
    if (!computed) return "";
    const lines = [c.green(`  ${t.surveyGives(formatScore(computed.mean, lang), computed.respondents)}`)];
    if (computed.respondents < q.respondents)
      lines.push(c.yellow(wrap(t.surveyTooFew(computed.respondents, q.respondents), options.width, "  ")));
    return `${lines.join("\n")}\n`;
  }
  return "";
}
