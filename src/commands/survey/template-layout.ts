import type { Lang } from "../../model/common.js";
import type { Questionnaire } from "../../model/questionnaire.js";
import { localize } from "../../text/format.js";
import { scaleLabels } from "./labels.js";
import { messages } from "./messages.js";
import type { PillarGroup } from "./template.js";
import type { Statement } from "./statements.js";

/** Columns before the statements: the respondent's name and contact. */
export const RESPONDENT_COLUMNS = 2;

/** One respondent sheet as rows of text; the XLSX writer adds widths, styles and drop-downs. */
export interface TemplateSheet {
  key: string;
  /** Sheet name (XLSX allows 31 characters, no []:*?/\). */
  name: string;
  statements: Statement[];
  rows: string[][];
  /** 1-based rows: the statement texts, the ids under them, the first respondent. */
  headerRow: number;
  idRow: number;
  firstDataRow: number;
  /** How many empty respondent rows the XLSX sheet prepares (drop-downs). */
  dataRows: number;
  labels: { level: number; label: string }[];
}

export function templateSheets(
  questionnaire: Questionnaire,
  groups: readonly PillarGroup[],
  options: { lang: Lang; rows: number },
): TemplateSheet[] {
  const t = messages[options.lang];
  const labels = scaleLabels(questionnaire, options.lang);
  const legend = labels.map((l) => `${l.level} = ${l.label}`).join(" · ");
  const title = localize(questionnaire.title, options.lang);
  const used = new Set<string>();
  return groups.map((group) => {
    const place = (s: Statement) => {
      const pillar = questionnaire.pillars?.find((p) => p.id === s.pillar);
      const sub = pillar?.subdimensions?.find((d) => d.id === s.subdimension);
      return [localize(pillar?.title, options.lang), localize(sub?.title, options.lang)].filter(Boolean).join(" · ");
    };
    const rows = [
      [group.key === "all" ? t.sheetTitle(title) : t.sheetTitlePillar(title, group.title)],
      [t.sheetInstructions(legend)],
      ["", "", ...group.statements.map(place)],
      [t.nameHeader, t.contactHeader, ...group.statements.map((s) => `${s.number}. ${localize(s.text, options.lang)}`)],
      ["id", "", ...group.statements.map((s) => s.id)],
    ];
    return {
      key: group.key,
      name: uniqueSheetName(group.key === "all" ? t.sheetName : group.title, used),
      statements: group.statements,
      rows,
      headerRow: 4,
      idRow: 5,
      firstDataRow: 6,
      dataRows: options.rows,
      labels,
    };
  });
}

function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .slice(0, 31)
      .trim() || "Sheet";
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  used.add(name.toLowerCase());
  return name;
}
