import { z } from "zod";
import { idSchema, textSchema } from "./common.js";

export const scaleSchema = z
  .strictObject({
    min: z.int().describe("Lowest level (0 for smart city, 1 for SPBE)"),
    max: z.int().describe("Highest level"),
  })
  .refine((s) => s.max > s.min, { message: "scale.max must be greater than scale.min" });
export type Scale = z.infer<typeof scaleSchema>;

/** Descriptors keyed by scale value ("0": …, "1": …); completeness is a semantic rule. */
const levelsSchema = z
  .record(z.string().regex(/^-?\d+$/, "level keys are whole numbers on the scale"), textSchema)
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
  kind: z.literal("level"),
  levels: levelsSchema,
});

const surveyQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal("survey"),
  respondents: z.int().positive().describe("Required number of respondents"),
});

export const thresholdSchema = z.strictObject({
  at: z.number().describe("Boundary value"),
  level: z.int().describe("Level given from this boundary on"),
});
export type Threshold = z.infer<typeof thresholdSchema>;

const numericQuestion = {
  ...questionBase,
  unit: textSchema.optional(),
  range: z
    .strictObject({ min: z.number().optional(), max: z.number().optional() })
    .optional()
    .describe("Valid values (percent: 0–100 by default; count: ≥ 0)"),
  direction: z
    .enum(["ascending", "descending"])
    .optional()
    .describe("ascending: higher values give higher levels (default)"),
  thresholds: z.array(thresholdSchema).min(1),
  levels: levelsSchema.optional(),
};

const countQuestionSchema = z.strictObject({ ...numericQuestion, kind: z.literal("count") });
const percentQuestionSchema = z.strictObject({ ...numericQuestion, kind: z.literal("percent") });
const numberQuestionSchema = z.strictObject({ ...numericQuestion, kind: z.literal("number") });

export const questionSchema = z.discriminatedUnion("kind", [
  levelQuestionSchema,
  surveyQuestionSchema,
  countQuestionSchema,
  percentQuestionSchema,
  numberQuestionSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export type NumericQuestion = Extract<Question, { kind: "count" | "percent" | "number" }>;
export const questionKinds = ["level", "survey", "count", "percent", "number"] as const;
export type QuestionKind = Question["kind"];

export const elementSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  description: textSchema.optional(),
  indicators: z.array(z.strictObject({ id: idSchema, title: textSchema })).optional(),
  questions: z.array(questionSchema).min(1, "an element needs at least one question"),
});
export type Element = z.infer<typeof elementSchema>;

export const pillarSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  description: textSchema.optional(),
  subdimensions: z.array(z.strictObject({ id: idSchema, title: textSchema })).optional(),
});
export type Pillar = z.infer<typeof pillarSchema>;

export const profileSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  description: textSchema.optional(),
  weights: z
    .record(idSchema, z.number().nonnegative())
    .describe("Percent per element id; the weights sum to 100"),
});
export type Profile = z.infer<typeof profileSchema>;

export const bandSchema = z.strictObject({
  min: z.number().describe("The band applies from this total on"),
  label: textSchema,
});
export type Band = z.infer<typeof bandSchema>;

export const questionnaireSchema = z
  .strictObject({
    id: idSchema,
    version: z.string().min(1),
    title: textSchema,
    description: textSchema.optional(),
    source: z
      .strictObject({ official: textSchema.optional(), nonOfficial: textSchema.optional() })
      .optional()
      .describe("What comes from official sources, and what this file adds"),
    scale: scaleSchema,
    surveyLabels: levelsSchema.optional().describe("Labels of the respondents' rating scale"),
    pillars: z.array(pillarSchema).optional(),
    elements: z.array(elementSchema).min(1, "a questionnaire needs at least one element"),
    profiles: z.array(profileSchema).min(1, "a questionnaire needs at least one weight profile"),
    defaultProfile: idSchema,
    bands: z.array(bandSchema).optional().describe("Predicate bands on the total"),
  })
  .describe("A kuesioner questionnaire definition");
export type Questionnaire = z.infer<typeof questionnaireSchema>;
