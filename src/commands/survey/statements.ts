import type { Text } from "../../model/common.js";
import type { Questionnaire } from "../../model/questionnaire.js";

/** A survey question of the questionnaire: what a response column can fill. */
export interface Statement {
  id: string;
  text: Text;
  pillar?: string;
  subdimension?: string;
  /** Respondents the method asks for. */
  required: number;
  /** 1-based position among the survey questions, as numbered on the sheet. */
  number: number;
}

/** Every `kind: survey` question, in questionnaire order. */
export function surveyStatements(questionnaire: Questionnaire): Statement[] {
  const out: Statement[] = [];
  for (const element of questionnaire.elements) {
    for (const q of element.questions) {
      if (q.kind !== "survey") continue;
      out.push({
        id: q.id,
        text: q.text,
        ...(q.pillar ? { pillar: q.pillar } : {}),
        ...(q.subdimension ? { subdimension: q.subdimension } : {}),
        required: q.respondents,
        number: out.length + 1,
      });
    }
  }
  return out;
}
