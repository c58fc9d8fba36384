import type { Lang } from "../../model/common.js";
import type { Questionnaire } from "../../model/questionnaire.js";
import { markdownTable } from "../../text/markdown.js";
import { localize } from "../../text/format.js";
import { kindDetail, pillarLabel, questionsWithHeadings, showLabels, totalQuestions, weightRows } from "./model.js";
import { pushAll } from "../../model/collections.js";

/** The structure as Markdown, to paste into a guide or a meeting document. */
export function renderShowMarkdown(q: Questionnaire, lang: Lang): string {
  const L = showLabels(lang);
  const out: string[] = [`# ${localize(q.title, lang)}`, ""];
  out.push(
    `\`${q.id}\` · ${L.version} ${q.version} · ${L.scale} ${q.scale.min}–${q.scale.max} · ${L.elements(q.elements.length)} · ${L.questions(totalQuestions(q))}`,
    "",
  );
  if (q.description) out.push(localize(q.description, lang).trim(), "");

  out.push(`## ${L.weights}`, "");
  const header = [
    L.element,
    ...q.profiles.map((p) => (p.id === q.defaultProfile ? `${p.id} (${L.defaultProfile})` : p.id)),
  ];
  const weights = weightRows(q, lang);
  const rows = [...weights.elements, [`**${L.total}**`, ...weights.total.map((t) => `**${t}**`)]];
  pushAll(
    out,
    markdownTable(header, rows, (i) => i > 0),
  ).push("");
  pushAll(
    out,
    q.profiles.map((p) => `- \`${p.id}\`: ${localize(p.title, lang)}`),
  ).push("");

  q.elements.forEach((element, e) => {
    out.push(`## ${e + 1}. ${localize(element.title, lang)} (${L.questions(element.questions.length)})`, "");
    if (element.description) out.push(localize(element.description, lang).trim(), "");
    const hasPillars = element.questions.some((question) => question.pillar);
    const headers = ["#", "Id", L.kind, ...(hasPillars ? [L.pillar] : []), L.question];
    let rows: string[][] = [];
    const flush = () => {
      if (rows.length)
        pushAll(
          out,
          markdownTable(headers, rows, (i) => i === 0),
        ).push("");
      rows = [];
    };
    for (const { question, number, heading } of questionsWithHeadings(element, lang)) {
      if (heading) {
        flush();
        out.push(`### ${heading}`, "");
      }
      rows.push([
        String(number),
        `\`${question.id}\``,
        kindDetail(question, lang),
        ...(hasPillars ? [pillarLabel(q, question, lang)] : []),
        localize(question.text, lang),
      ]);
    }
    flush();
  });
  return out.join("\n").replace(/\n+$/, "\n");
}
