import type { Answer } from "../model/answers.js";
import type { Lang } from "../model/common.js";
import type { Question, Questionnaire } from "../model/questionnaire.js";
import { isNumeric } from "../model/numeric-question.js";
import { levelChoiceNames, unitOf } from "./screens.js";
import { wordsOf, type Messages } from "./messages.js";
import {
  formatDecimal,
  formatSurvey,
  parseCommand,
  parseEvidence,
  parseNumericValue,
  parseSurvey,
  type Parsed,
  type WalkCommand,
} from "./parse-input.js";
import { separator, type Choice, type Prompter, type Separator, type Validate } from "../prompt/prompter.js";
import { answerParts, type AnswerCore } from "./walk-state.js";

export interface AskContext {
  questionnaire: Questionnaire;
  lang: Lang;
  prompter: Prompter;
  width: number;
  /** Texts of the walk's catalogue said otherwise by the command (see wordsOf). */
  words?: Partial<Messages>;
}

/** Typed at the evidence or note prompt: stop asking for them for the rest of the run. */
const DETAILS_OFF_KEY = "!";

export type QuestionAction =
  | { kind: "answer"; core: AnswerCore }
  | { kind: "keep" }
  | { kind: "command"; command: WalkCommand };

/** The navigation entries every question offers, in a fixed order. */
export function commandChoices(t: Messages, options: { first: boolean; answered: boolean }): Choice<string>[] {
  const choices: Choice<string>[] = [];
  if (!options.first) choices.push({ value: "cmd:back", name: t.choiceBack, short: "<", key: "<" });
  choices.push({
    value: "cmd:skip",
    name: options.answered ? t.choiceSkipAnswered : t.choiceSkip,
    short: ">",
    key: ">",
  });
  if (options.answered) choices.push({ value: "cmd:clear", name: t.choiceClear, short: "-", key: "-" });
  choices.push({ value: "cmd:review", name: t.choiceReview, short: "?", key: "?" });
  choices.push({ value: "cmd:quit", name: t.choiceQuit, short: "q", key: "q" });
  return choices;
}

/**
 * Asks one question and returns what the officer did: answered, kept the current answer, or
 * gave a navigation command. `answered` says whether the current answer is a valid one.
 */
export async function askQuestion(
  ctx: AskContext,
  question: Question,
  current: {
    answer: Answer | undefined;
    answered: boolean;
    description: string;
    /** For a survey: the respondents a mean typed alone counts (the last typed for its pillar). */
    respondents?: number;
  },
  first: boolean,
): Promise<QuestionAction> {
  const t = wordsOf(ctx);
  const { core } = answerParts(current.answer);
  const flags = { first, answered: current.answered };
  if (question.kind === "level") {
    const level = current.answered && core.score !== undefined && Number.isInteger(core.score) ? core.score : undefined;
    const choices: (Choice<string> | Separator)[] = [];
    if (current.answered && level === undefined)
      choices.push({ value: "keep", name: t.choiceKeep(current.description), short: "=", key: "=" });
    for (const { level: v, name, descriptor } of levelChoiceNames(ctx.questionnaire, question, ctx)) {
      // A descriptor cut short in the list is shown in full under it while highlighted.
      choices.push({
        value: `level:${v}`,
        name,
        short: String(v),
        // The level's own number selects it (not the row: 0 is the first row).
        key: String(v),
        ...(name.endsWith("…") ? { description: descriptor } : {}),
      });
    }
    choices.push(separator(), ...commandChoices(t, flags));
    const chosen = await ctx.prompter.select({
      message: t.levelPrompt,
      choices,
      default: level !== undefined ? `level:${level}` : current.answered ? "keep" : undefined,
      pageSize: choices.length,
    });
    if (chosen === "keep") return { kind: "keep" };
    if (chosen.startsWith("cmd:")) return { kind: "command", command: chosen.slice(4) as WalkCommand };
    return { kind: "answer", core: { score: Number(chosen.slice(6)) } };
  }

  const parse = (text: string): Parsed<AnswerCore> => {
    if (question.kind === "survey") {
      const survey = parseSurvey(text, ctx.questionnaire.scale, t, current.respondents);
      return survey.ok ? { ok: true, value: { survey: survey.value } } : survey;
    }
    if (isNumeric(question)) {
      const value = parseNumericValue(question, text, t);
      return value.ok ? { ok: true, value: { value: value.value } } : value;
    }
    return { ok: false, error: t.typeAnAnswer };
  };
  const validate: Validate = (text) => {
    if (text.trim() === "") return current.answered ? true : t.typeAnAnswer;
    const command = parseCommand(text);
    if (command === "back" && first) return t.atFirstQuestion;
    if (command) return true;
    const parsed = parse(text);
    return parsed.ok ? true : parsed.error;
  };
  const defaultText = current.answered ? inputDefault(core, ctx.lang) : undefined;
  const text = await ctx.prompter.input({
    message:
      question.kind === "survey"
        ? current.respondents !== undefined
          ? t.surveyPromptWith(current.respondents)
          : t.surveyPrompt
        : t.valuePrompt(isNumeric(question) ? unitOf(question, ctx.lang) : ""),
    ...(defaultText !== undefined ? { default: defaultText } : {}),
    validate,
  });
  if (text.trim() === "") return { kind: "keep" };
  const command = parseCommand(text);
  if (command) return { kind: "command", command };
  const parsed = parse(text);
  // validate() already accepted the text, so it parses.
  return parsed.ok ? { kind: "answer", core: parsed.value } : { kind: "keep" };
}

/** The text that, submitted unchanged, gives the current answer back. */
function inputDefault(core: AnswerCore, lang: Lang): string | undefined {
  if (core.value !== undefined) return formatDecimal(core.value, lang);
  if (core.survey) return formatSurvey(core.survey, lang);
  return undefined;
}

/** What the officer typed at the evidence or note prompt; "off": stop asking for them; "quit": q, save and quit. */
export type Detail<T> = { kind: "set"; value: T } | { kind: "off" } | { kind: "quit" };

const isOff = (text: string, offered: boolean) => offered && text.trim() === DETAILS_OFF_KEY;
/** q alone saves and quits here too, as at every other prompt of the walk: it is never evidence or a note. */
const isQuit = (text: string) => parseCommand(text) === "quit";

/**
 * Evidence (optional): Enter keeps what is there, "-" removes it; with `offerOff`, "!" stops
 * the evidence and note prompts for the rest of the run (the review still asks them).
 */
export async function askEvidence(
  ctx: AskContext,
  answer: Answer | undefined,
  offerOff = false,
): Promise<Detail<string[]>> {
  const t = wordsOf(ctx);
  const { evidence } = answerParts(answer);
  const hints = [...(evidence.length ? [t.editHint] : []), ...(offerOff ? [t.detailsOffHint] : [])];
  const text = await ctx.prompter.input({
    message: hints.length ? `${t.evidencePrompt} (${hints.join(" · ")})` : t.evidencePrompt,
    ...(evidence.length ? { default: evidence.join("; ") } : {}),
  });
  if (isOff(text, offerOff)) return { kind: "off" };
  if (isQuit(text)) return { kind: "quit" };
  return { kind: "set", value: text.trim() === "-" ? [] : parseEvidence(text) };
}

/** A note (optional): Enter keeps what is there, "-" removes it, "!" as for the evidence. */
export async function askNote(ctx: AskContext, answer: Answer | undefined, offerOff = false): Promise<Detail<string>> {
  const t = wordsOf(ctx);
  const { note } = answerParts(answer);
  const hints = [...(note ? [t.editHint] : []), ...(offerOff ? [t.detailsOffHint] : [])];
  const text = await ctx.prompter.input({
    message: hints.length ? `${t.notePrompt} (${hints.join(" · ")})` : t.notePrompt,
    ...(note ? { default: note } : {}),
  });
  if (isOff(text, offerOff)) return { kind: "off" };
  if (isQuit(text)) return { kind: "quit" };
  return { kind: "set", value: text.trim() === "-" ? "" : text.trim() };
}
