// Types for the parts of generate.mjs that the tests use (the differential YAML test draws its
// documents from the same seedable generator as the benchmark).
export function random(seed: number): () => number;
