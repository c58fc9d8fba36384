import { describe, expect, it } from "vitest";
import { barChart, checkSvg, renderCharts } from "../../../src/commands/report/charts.js";
import { esc, evidenceHtml } from "../../../src/commands/report/html.js";

describe("escaping the texts of a report", () => {
  it.each([
    ["<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"],
    [`"><img src=x onerror='a'>`, "&quot;&gt;&lt;img src=x onerror=&#39;a&#39;&gt;"],
    ["</style>", "&lt;/style&gt;"],
    ["Tom & Jerry", "Tom &amp; Jerry"],
    ["bell\u0007 null\u0000 kept\ttab", "bell null kept\ttab"],
  ])("escapes %j", (input, expected) => {
    expect(esc(input)).toBe(expected);
  });

  it.each([
    [
      "https://example.go.id/bukti.pdf",
      '<a href="https://example.go.id/bukti.pdf" rel="noopener noreferrer">https://example.go.id/bukti.pdf</a>',
    ],
    [
      "  https://example.go.id/a?b=1&c=2 ",
      '<a href="https://example.go.id/a?b=1&amp;c=2" rel="noopener noreferrer">https://example.go.id/a?b=1&amp;c=2</a>',
    ],
    ["javascript:alert(1)", "javascript:alert(1)"],
    ["JAVASCRIPT:alert(1)", "JAVASCRIPT:alert(1)"],
    ["http://example.go.id/plain", "http://example.go.id/plain"],
    ["data:text/html,<script>", "data:text/html,&lt;script&gt;"],
    ['https://example.org/a"><script>', "https://example.org/a&quot;&gt;&lt;script&gt;"],
    ["https://user:pw@example.org/", "https://user:pw@example.org/"],
    ["Perbup No. 27 https://example.go.id", "Perbup No. 27 https://example.go.id"],
  ])("links only a plain https: address: %j", (input, expected) => {
    expect(evidenceHtml(input)).toBe(expected);
  });
});

describe("chart SVG", () => {
  it("escapes hostile labels and passes the markup check", async () => {
    const [svg] = await renderCharts(
      [
        barChart([{ label: `<script>x</script>"><img src=x onerror=y>`, value: 2, text: "2,00" }], {
          axisTitle: "Nilai",
          domain: [0, 4],
        }),
      ],
      "id",
    );
    expect(svg).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(svg).not.toMatch(/<script|<img/);
    expect(svg).toContain(">2,00<");
  });

  it.each([
    "<svg><script>alert(1)</script></svg>",
    '<svg><g onclick="x"></g></svg>',
    '<svg><a href="javascript:x"><text>t</text></a></svg>',
    '<svg><image xlink:href="http://x/y.png"/></svg>',
    "<svg><foreignObject><div>x</div></foreignObject></svg>",
    '<svg><!ENTITY x "y"></svg>',
    '<svg><path style="fill:url(http://x)"/></svg>',
  ])("refuses active markup: %s", (svg) => {
    expect(() => checkSvg(svg)).toThrow(/refusing/);
  });
});
