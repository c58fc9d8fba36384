import { describe, expect, it } from "vitest";
import { detectDocumentKind } from "../../src/model/document-kind.js";

describe("detectDocumentKind", () => {
  it.each<[string, Record<string, unknown>, string, string | undefined]>([
    ["a questionnaire by its elements", { id: "x", elements: [] }, "", "questionnaire"],
    ["an answer file by its answers", { answers: {} }, "", "answers"],
    ["an answer file by its questionnaire reference", { questionnaire: "smart-city-2023" }, "", "answers"],
    ["a questionnaire without elements, by its other keys", { id: "x", version: "1", scale: {} }, "", "questionnaire"],
    ["an answer file without answers, by its other keys", { profile: "reguler", status: "draft" }, "", "answers"],
    [
      "neither, told by the editor modeline",
      { name: "x" },
      "# yaml-language-server: $schema=../questionnaires/answers.schema.json\nname: x\n",
      "answers",
    ],
    ["neither", { name: "x", year: 2023 }, "", undefined],
    [
      "both telling keys: undecided by them, decided by the rest",
      { elements: [], answers: {}, id: "x", version: "1" },
      "",
      "questionnaire",
    ],
  ])("recognises %s", (_name, data, text, expected) => {
    expect(detectDocumentKind(data, text)).toBe(expected);
  });

  it("reads the top-level keys from the text of a file that did not parse", () => {
    expect(detectDocumentKind(undefined, "id: x\nelements: [\n  - broken")).toBe("questionnaire");
    expect(detectDocumentKind(undefined, "questionnaire: smart-city-2023\nanswers:\n\tbl-1: 3\n")).toBe("answers");
    expect(detectDocumentKind(undefined, "  indented: only\n")).toBeUndefined();
  });
});
