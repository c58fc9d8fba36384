import { describe, expect, it } from "vitest";
import { didYouMean, editDistance } from "../../src/model/did-you-mean.js";

describe("editDistance", () => {
  it.each([
    ["title", "title", 0],
    ["tittle", "title", 1],
    ["tilte", "title", 1],
    ["txet", "text", 1],
    ["levl", "level", 1],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
  ])("%s → %s is %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it("counts a swap of neighbours as one step, where plain Levenshtein counts two", () => {
    expect(editDistance("kppn-ikn", "kpnp-ikn")).toBe(1);
    expect(editDistance("reguler", "regulre")).toBe(1);
  });

  it("never compares a hostile long text (the library keeps a length² matrix)", () => {
    const long = "x".repeat(200_000);
    expect(editDistance(long, `${long}y`, 3)).toBe(4);
    expect(didYouMean(long, [long.slice(1)])).toBeUndefined();
  });

  it("stops counting above the cap", () => {
    expect(editDistance("abcdefgh", "zyxwvuts", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });
});

describe("didYouMean", () => {
  const keys = ["id", "version", "title", "description", "scale", "elements", "profiles", "defaultProfile"];
  it.each([
    ["tittle", "title"],
    ["Title", "title"],
    ["defaultprofile", "defaultProfile"],
    ["profile", "profiles"],
    ["elemnts", "elements"],
    ["in", "id"],
  ])("suggests %s → %s", (input, expected) => {
    expect(didYouMean(input, keys)).toBe(expected);
  });

  it.each(["colour", "weights", "x", "answers"])("suggests nothing for %s, which is close to no key", (input) => {
    expect(didYouMean(input, keys)).toBeUndefined();
  });
});
