import { z } from "zod";
import { idSchema, textSchema } from "./common.js";

const scaleSchema = z
  .strictObject({
    min: z.int().describe("Lowest level (0 for smart city, 1 for SPBE)"),
    max: z.int().describe("Highest level"),
  })
  .refine((s) => s.max > s.min, { message: "schema.scale-inverted" });
export type Scale = z.infer<typeof scaleSchema>;

/** Descriptors keyed by scale value ("0": …, "1": …); completeness is a semantic rule. */
const levelsSchema = z
  .record(z.string().regex(/^-?\d+$/, "schema.level-key"), textSchema)
  .describe("A descriptor for every level of the scale");

const questionBase = {
  id: idSchema.describe("Stable id, unique in the questionnaire"),
  text: textSchema,
  help: textSchema.optional(),
  pillar: idSchema.optional().describe("Id of a pillar"),
  subdimension: idSchema.optional().describe("Id of a sub-dimension of the pillar"),
  indicator: idSchema.optional().describe("Id of an indicator group of the element"),
  weight: z.number().positive().optional().describe("Weight inside the element (default 1)"),
};

const levelQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal("level").describe("level: the officer picks a level of the scale, each described in levels"),
  levels: levelsSchema,
});

const surveyQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal("survey").describe("survey: the score is the mean rating of citizen respondents"),
  respondents: z.int().positive().describe("Required number of respondents"),
});

const thresholdSchema = z.strictObject({
  at: z.number().describe("Boundary value"),
  level: z.int().describe("Level given from this boundary on"),
});

const numericQuestion = {
  ...questionBase,
  unit: textSchema.optional(),
  range: z
    .strictObject({
      min: z.number().optional().describe("Lowest valid value"),
      max: z.number().optional().describe("Highest valid value"),
    })
    .optional()
    .describe("Valid values (percent: 0–100 by default; count: ≥ 0)"),
  direction: z
    .enum(["ascending", "descending"])
    .optional()
    .describe("ascending: higher values give higher levels (default)"),
  thresholds: z
    .array(thresholdSchema)
    .min(1)
    .describe(
      "Value-to-level steps, e.g. [{ at: 1, level: 1 }, { at: 3, level: 2 }]: a value reaching `at` gets `level`",
    ),
  levels: levelsSchema.optional(),
};

const countQuestionSchema = z.strictObject({
  ...numericQuestion,
  kind: z.literal("count").describe("count: a whole number ≥ 0, mapped to a level by thresholds"),
});
const percentQuestionSchema = z.strictObject({
  ...numericQuestion,
  kind: z.literal("percent").describe("percent: 0–100 by default, mapped to a level by thresholds"),
});
const numberQuestionSchema = z.strictObject({
  ...numericQuestion,
  kind: z.literal("number").describe("number: any value, mapped to a level by thresholds"),
});

const questionSchema = z.discriminatedUnion("kind", [
  levelQuestionSchema,
  surveyQuestionSchema,
  countQuestionSchema,
  percentQuestionSchema,
  numberQuestionSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export type NumericQuestion = Extract<Question, { kind: "count" | "percent" | "number" }>;

const elementSchema = z.strictObject({
  id: idSchema.describe("Element id, the key of profile weights (baseline, output, …)"),
  title: textSchema,
  description: textSchema.optional(),
  indicators: z
    .array(
      z.strictObject({ id: idSchema.describe("Indicator id, referred to by questions' indicator"), title: textSchema }),
    )
    .optional()
    .describe("Groups of questions inside the element (Perencanaan, Realisasi, …)"),
  questions: z
    .array(questionSchema)
    .min(1, "schema.element-no-questions")
    .describe("The element's questions in official order"),
});
export type Element = z.infer<typeof elementSchema>;

const pillarSchema = z.strictObject({
  id: idSchema.describe("Pillar id, referred to by questions' pillar"),
  title: textSchema,
  description: textSchema.optional(),
  subdimensions: z
    .array(
      z.strictObject({
        id: idSchema.describe("Sub-dimension id, referred to by questions' subdimension"),
        title: textSchema,
      }),
    )
    .optional()
    .describe("The pillar's sub-dimensions"),
});

const profileSchema = z.strictObject({
  id: idSchema.describe("Profile id (reguler, kppn-ikn), chosen by an answer file's profile"),
  title: textSchema,
  description: textSchema.optional(),
  weights: z.record(idSchema, z.number().nonnegative()).describe("Percent per element id; the weights sum to 100"),
});
export type Profile = z.infer<typeof profileSchema>;

const bandSchema = z.strictObject({
  min: z.number().describe("The band applies from this total on"),
  label: textSchema,
});
export type Band = z.infer<typeof bandSchema>;

export const questionnaireSchema = z
  .strictObject({
    id: idSchema.describe("Questionnaire id, e.g. smart-city-2023; answer files refer to it"),
    version: z.string().min(1).describe('Version of this definition, e.g. "2023.1"; answer files record it'),
    title: textSchema,
    description: textSchema.optional(),
    source: z
      .strictObject({ official: textSchema.optional(), nonOfficial: textSchema.optional() })
      .optional()
      .describe("What comes from official sources, and what this file adds"),
    scale: scaleSchema.describe("The levels answers are given on: { min: 0, max: 4 } for smart city"),
    surveyLabels: levelsSchema.optional().describe("Labels of the respondents' rating scale"),
    pillars: z.array(pillarSchema).optional().describe("The pillars (smart-city dimensions) questions may belong to"),
    elements: z
      .array(elementSchema)
      .min(1, "schema.questionnaire-no-elements")
      .describe("Assessment elements in official order; an element's score is the mean of its questions"),
    profiles: z
      .array(profileSchema)
      .min(1, "schema.questionnaire-no-profiles")
      .describe("Weight profiles (cohorts): percent per element, summing to 100"),
    defaultProfile: idSchema.describe("The profile used when an answer file names none"),
    bands: z.array(bandSchema).optional().describe("Predicate bands on the total"),
  })
  .describe("A kuesioner questionnaire definition");
export type Questionnaire = z.infer<typeof questionnaireSchema>;
