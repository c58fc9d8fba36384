import { z } from "zod";
import { unsafeCharacter } from "./unsafe-character.js";

const evidenceFields = {
  evidence: z.array(z.string().min(1)).optional().describe('Document numbers, links: e.g. "Perbup No. 27 Tahun 2024"'),
  note: z.string().optional().describe("Free note for the assessors or the head of office"),
};

const surveyAnswerSchema = z.union([
  z.strictObject({
    counts: z
      .record(z.string().regex(/^-?\d+$/, "schema.count-key"), z.int().nonnegative())
      .describe("Number of respondents per level, e.g. { 0: 1, 1: 4, 2: 10, 3: 20, 4: 15 }"),
    imported: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe("Response files the counts were imported from (kuesioner survey import); fill does not ask again"),
  }),
  z.strictObject({
    mean: z.number().describe("Mean rating of the respondents"),
    respondents: z.int().nonnegative().describe("How many respondents answered"),
  }),
]);
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

/** One assessor's verdict on a question, as `kuesioner verify` records it. */
const assessorScoreSchema = z.strictObject({
  name: z.string().trim().min(1).describe("The assessor's name, as given to kuesioner verify --assessor"),
  score: z.number().describe("The assessor's score on the scale"),
  note: z.string().optional().describe("What the assessor saw in the evidence, or found missing"),
});
export type AssessorScore = z.infer<typeof assessorScoreSchema>;

/**
 * A question's answer. `score`, `survey` or `value` is the region's own (self-assessed) answer;
 * `assessors` is the verification: the panel's scores, whose mean is the question score.
 */
const answerObjectSchema = z.strictObject({
  score: z.number().optional().describe("The score on the scale (a level, or a published mean)"),
  assessors: z
    .array(z.union([z.number(), assessorScoreSchema]))
    .min(1)
    .optional()
    .describe(
      "The verification: one score per assessor (a number, or { name, score, note }); the question score is their mean",
    ),
  survey: surveyAnswerSchema.optional().describe("Citizen survey: per-level counts, or mean and respondents"),
  value: z.number().optional().describe("count/percent/number questions: the measured value"),
  ...evidenceFields,
});
export type AnswerObject = z.infer<typeof answerObjectSchema>;

const answerSchema = z.union([
  z.number().describe("The score on the scale"),
  answerObjectSchema,
  z.null().describe("Unanswered"),
]);
export type Answer = z.infer<typeof answerSchema>;

export const answerFileSchema = z
  .strictObject({
    questionnaire: z
      .string()
      .min(1)
      .refine((ref) => !unsafeCharacter.test(ref), "answers.questionnaire-ref-unsafe")
      .describe("Id of a shipped questionnaire, or a path relative to this file"),
    questionnaireVersion: z.string().optional().describe("Version of the questionnaire when the file was started"),
    questionnaireSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex digits")
      .optional()
      .describe("sha256 of the canonical questionnaire definition; a mismatch is reported"),
    profile: z.string().optional().describe("Weight profile id; the questionnaire's default otherwise"),
    status: z.enum(["draft", "final"]).optional(),
    assessor: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("In an assessor's file (kuesioner verify): whose scores the assessors entries are"),
    respondent: z
      .strictObject({
        region: z.string().min(1).optional(),
        year: z.int().optional(),
        office: z.string().optional(),
        officer: z.string().optional(),
      })
      .optional(),
    previous: z
      .strictObject({ total: z.number(), year: z.int().optional() })
      .optional()
      .describe("Last year's final score, for the improvement (Indeks Peningkatan)"),
    cursor: z.string().optional().describe("Question fill was showing when it last saved"),
    answers: z.record(z.string(), answerSchema).default({}),
    retiredAnswers: z
      .record(z.string(), answerSchema)
      .optional()
      .describe(
        "Answers to questions the questionnaire no longer has, kept aside by fill at the officer's choice; not scored",
      ),
    questionDigests: z
      .record(z.string(), z.string().regex(/^[0-9a-f]{8,64}$/, "schema.hex"))
      .optional()
      .describe("Fingerprint of each question when the file was written, so fill can tell which questions changed"),
  })
  .describe("A kuesioner answer file");
export type AnswerFile = z.infer<typeof answerFileSchema>;
