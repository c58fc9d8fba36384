import { Chalk } from "chalk";
import type { Lang } from "../../model/common.js";
import type { Questionnaire } from "../../model/questionnaire.js";
import { displayWidth, localize, padEnd, padStart, wrapWords } from "../../text/format.js";
import {
  formatNumber,
  kindDetail,
  pillarLabel,
  questionsWithHeadings,
  showLabels,
  totalQuestions,
  weightRows,
} from "./model.js";
import { own } from "../../model/own.js";
import { maxOf, pushAll } from "../../model/collections.js";

export interface ShowTextOptions {
  lang: Lang;
  color: boolean;
  /** Columns to wrap question texts to. */
  width: number;
}

/** The structure for an officer reading it in a terminal: the weights first, then every question in official order. */
export function renderShowText(q: Questionnaire, options: ShowTextOptions): string {
  const { lang } = options;
  const L = showLabels(lang);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(60, Math.min(options.width, 120));
  const out: string[] = [];

  out.push(paint.bold(localize(q.title, lang)));
  out.push(
    `${q.id} · ${L.version} ${q.version} · ${L.scale} ${q.scale.min}–${q.scale.max} · ${L.elements(q.elements.length)} · ${L.questions(totalQuestions(q))}`,
    "",
  );

  pushAll(out, weightsTable(q, lang, paint)).push("");
  out.push(paint.bold(L.profiles));
  const idWidth = maxOf(q.profiles.map((p) => p.id.length));
  for (const p of q.profiles) {
    out.push(
      `  ${padEnd(p.id, idWidth)}  ${localize(p.title, lang)}${p.id === q.defaultProfile ? ` (${L.defaultProfile})` : ""}`,
    );
  }

  q.elements.forEach((element, e) => {
    const weights = q.profiles.map(
      (p) =>
        `${p.id} ${own(p.weights, element.id) === undefined ? "–" : `${formatNumber(own(p.weights, element.id)!, lang)}%`}`,
    );
    out.push(
      "",
      paint.bold(`${e + 1}. ${localize(element.title, lang)}`) +
        paint.dim(` · ${L.questions(element.questions.length)} · ${weights.join(" · ")}`),
    );
    const numberWidth = String(element.questions.length).length + 1;
    const indent = " ".repeat(2 + numberWidth + 1);
    for (const { question, number, heading } of questionsWithHeadings(element, lang)) {
      if (heading) out.push(`  ${paint.underline(heading)}`);
      out.push(
        `  ${padStart(`${number}.`, numberWidth)} ${paint.cyan(question.id)} ${paint.dim("·")} ${kindDetail(question, lang)}`,
      );
      pushAll(out, wrapWords(localize(question.text, lang).split(/\s+/), width, indent));
      const pillar = pillarLabel(q, question, lang);
      if (pillar) out.push(paint.dim(`${indent}${L.pillar}: ${pillar}`));
      if (question.weight !== undefined && question.weight !== 1)
        out.push(paint.dim(`${indent}${L.weight}: ${formatNumber(question.weight, lang)}`));
    }
  });
  return `${out.join("\n")}\n`;
}

/** Elements down, profiles across: the weight table of the evaluation letter. */
function weightsTable(q: Questionnaire, lang: Lang, paint: InstanceType<typeof Chalk>): string[] {
  const L = showLabels(lang);
  const header = [L.weights, ...q.profiles.map((p) => (p.id === q.defaultProfile ? `${p.id}*` : p.id))];
  const { elements, total } = weightRows(q, lang);
  const rows = [...elements, [L.total, ...total]];
  const widths = header.map((h, i) => maxOf([displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))]));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!)))
      .join("   ")
      .trimEnd();
  return [paint.bold(line(header)), ...rows.map(line), paint.dim(`* ${L.defaultProfile}`)];
}
