import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { kuesioner } from "./fuzz-harness.js";

/**
 * Shapes of input that made some step quadratic (or could): one per kind of growth. Each makes a
 * file of about `bytes` bytes; the fuzzer times `validate` on a quarter of the size limit and on
 * the limit itself, and the time may grow about as much as the size, not with its square.
 */
interface Shape {
  shape: string;
  make: (bytes: number) => string;
}

const repeat = (bytes: number, line: (i: number) => string) => {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = line(i);
    lines.push(l);
    size += l.length;
  }
  return lines.join("");
};

const questionnaireHead = `id: big\nversion: "1"\ntitle: { en: Big }\nscale: { min: 0, max: 4 }\nprofiles:\n  - { id: p, title: { en: P }, weights: { e0: 100 } }\ndefaultProfile: p\n`;

export const scalingShapes: Shape[] = [
  {
    shape: "answers: unknown question ids",
    make: (bytes) => `questionnaire: ./mini.yaml\nanswers:\n${repeat(bytes, (i) => `  q-${i}: 2\n`)}`,
  },
  {
    shape: "answers: unknown keys in one mapping",
    make: (bytes) => `questionnaire: ./mini.yaml\nrespondent:\n${repeat(bytes, (i) => `  k${i}: x\n`)}answers: {}\n`,
  },
  {
    shape: "answers: every key twice",
    make: (bytes) => `questionnaire: ./mini.yaml\nanswers:\n${repeat(bytes, (i) => `  q-${i >> 1}: 2\n`)}`,
  },
  {
    shape: "answers: one long flow list",
    make: (bytes) => `questionnaire: ./mini.yaml\nanswers:\n  bl-1: { assessors: [${repeat(bytes, () => "7, ")}3] }\n`,
  },
  {
    shape: "answers: a long text",
    make: (bytes) =>
      `questionnaire: ./mini.yaml\nrespondent: { region: "${"a\\u202e".repeat(bytes / 7)}" }\nanswers: {}\n`,
  },
  {
    shape: "answers: unsupported tags",
    make: (bytes) => `questionnaire: ./mini.yaml\nanswers:\n${repeat(bytes, (i) => `  q-${i}: !x 2\n`)}`,
  },
  {
    shape: "answers: comments",
    make: (bytes) => `questionnaire: ./mini.yaml\n${repeat(bytes, () => "# a comment line\n")}answers: {}\n`,
  },
  {
    shape: "questionnaire: thresholds that break every rule",
    make: (bytes) =>
      `${questionnaireHead}elements:\n  - id: e0\n    title: { en: E }\n    questions:\n      - id: q\n        kind: count\n        text: { en: Q }\n        thresholds:\n${repeat(bytes, () => "          - { at: 1, level: 9 }\n")}`,
  },
  {
    shape: "questionnaire: elements with schema errors",
    make: (bytes) =>
      `${questionnaireHead}elements:\n${repeat(bytes, (i) => `  - { id: e${i}, title: { en: E }, questions: [ { id: q${i}, kind: level } ] }\n`)}`,
  },
  {
    shape: "questionnaire: many elements, weighed by no profile",
    make: (bytes) =>
      `${questionnaireHead}elements:\n${repeat(bytes, (i) => `  - { id: e${i}, title: { en: E }, questions: [ { id: q${i}, kind: survey, respondents: 1, text: { en: Q } } ] }\n`)}`,
  },
];

export interface ScalingRow {
  shape: string;
  small: string;
  large: string;
  sizeRatio: number;
  ratio: number;
}

async function time(file: string, text: string, dir: string): Promise<number> {
  await writeFile(join(dir, file), text);
  const started = performance.now();
  const ran = await kuesioner(["validate", file, "--format", "json"], dir);
  const ms = performance.now() - started;
  if (![0, 1].includes(ran.code)) throw new Error(`${file}: exit ${ran.code}\n${ran.stderr.slice(0, 500)}`);
  return ms;
}

/** Times one shape at a quarter of the limit and just under it (best of two, to damp a busy machine). */
export async function measureScaling(shape: Shape, dir: string): Promise<ScalingRow> {
  const limit = 5 * 1024 * 1024 - 64 * 1024;
  const small = shape.make(limit / 4);
  const large = shape.make(limit);
  const best = async (text: string) =>
    Math.min(await time("scale.yaml", text, dir), await time("scale.yaml", text, dir));
  await time("scale.yaml", shape.make(20_000), dir);
  const tSmall = await best(small);
  const tLarge = await best(large);
  return {
    shape: shape.shape,
    small: `${(small.length / 1024 / 1024).toFixed(1)} MiB: ${(tSmall / 1000).toFixed(2)} s`,
    large: `${(large.length / 1024 / 1024).toFixed(1)} MiB: ${(tLarge / 1000).toFixed(2)} s`,
    sizeRatio: Number((large.length / small.length).toFixed(1)),
    // Below a quarter of a second the small file measures start-up, not growth.
    ratio: Number((tLarge / Math.max(tSmall, 250)).toFixed(1)),
  };
}
