import type { AnswerFile } from "../../../src/model/answers.js";

/**
 * A region's self-assessment on fixtures/fill/mini.yaml, final as fill leaves it: a level with
 * evidence, two values, a survey mean and a bare score. Copied beside mini.yaml as
 * jawaban-kota-kediri-2024.yaml by the verify tests.
 */
export const regionAnswers: AnswerFile = {
  questionnaire: "mini.yaml",
  profile: "reguler",
  status: "final",
  respondent: { region: "Kota Kediri", year: 2024 },
  answers: {
    "bl-masterplan": { score: 4, evidence: ["Perbup No. 27 Tahun 2024"] },
    "bl-programmes": { value: 7 },
    "bl-budget": { value: 1.5 },
    "im-online": { survey: { mean: 2.8, respondents: 50 } },
    "im-faster": 3,
  },
};
