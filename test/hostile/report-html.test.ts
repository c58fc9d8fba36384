import { describe, expect, it } from "vitest";
import { esc } from "../../src/commands/report/html.js";

// Found by npm run fuzz (seed 1770255208): an evidence item with U+2029 reached the report's HTML raw.
describe("the report's HTML escaping", () => {
  it("shows line separators, bidi and C1 controls escaped, drops C0 controls, keeps line breaks", () => {
    expect(esc("a\u2029b\u202ec\u0085d\u001be<f>\ng")).toBe("a\\u2029b\\u202ec\\x85de&lt;f&gt;\ng");
  });
});
