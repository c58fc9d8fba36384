import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadQuestionnaireFile } from "../../src/io/load-questionnaire.js";
import { formatDiagnostics } from "../../src/text/diagnostics.js";
import { repoRoot } from "../reference/reference-data.js";

const shipped = readdirSync(join(repoRoot, "questionnaires")).filter((f) => /\.ya?ml$/.test(f));

describe("the shipped questionnaires (what CI validates)", () => {
  it("ships the 2022 and 2023 instruments", () => {
    expect(shipped).toEqual(expect.arrayContaining(["smart-city-2022.yaml", "smart-city-2023.yaml"]));
  });

  it.each([...shipped.map((f) => `questionnaires/${f}`), "fixtures/valid/mini.yaml"])(
    "%s has no errors and no warnings",
    async (file) => {
      const result = await loadQuestionnaireFile(join(repoRoot, file));
      expect(formatDiagnostics(result.diagnostics)).toBe("");
      expect(result.ok).toBe(true);
    },
  );
});
