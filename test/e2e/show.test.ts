import { describe, expect, it } from "vitest";
import { spawnKuesioner } from "./cli-harness.js";

describe("kuesioner show (built binary)", () => {
  it("shows a shipped questionnaire by id in Indonesian, plain under NO_COLOR", async () => {
    const ran = await spawnKuesioner(["show", "smart-city-2022", "--lang", "id"]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toMatch(
      /^Evaluasi Implementasi Smart City 2022\nsmart-city-2022 · versi 2022\.1 · skala 0–4 · 5 elemen · 59 pertanyaan\n/,
    );
    expect(ran.stdout).not.toContain("\u001b[");
  });

  it("shows a questionnaire by path as Markdown", async () => {
    const ran = await spawnKuesioner(["show", "fixtures/valid/mini.yaml", "--format", "markdown"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^# Mini questionnaire\n/);
    expect(ran.stdout).toContain("| Baseline | 40 | – |\n");
  });

  it("exits 1 for an unknown questionnaire, naming the shipped ones", async () => {
    const ran = await spawnKuesioner(["show", "smart-city-2030", "--format", "json"]);
    expect(ran).toMatchObject({ code: 1, stdout: "" });
    expect(ran.stderr).toContain("hint: shipped questionnaires: smart-city-2022, smart-city-2023");
  });
});
