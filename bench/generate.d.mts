// Types for the parts of generate.mjs that the tests use (the differential tests of the YAML fast
// path and of the answer-file check draw their documents from the benchmark's seedable generator).
export function random(seed: number): () => number;
export function generateAnswers(
  questionnaire: unknown,
  options: {
    region: string;
    year: number;
    profile?: string;
    seed: number;
    capacity: number;
    missing?: number;
    status?: "draft" | "final";
  },
): Record<string, unknown>;
