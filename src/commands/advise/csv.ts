import type { Lang } from "../../model/common.js";
import { toFixed, type Exact } from "../../model/exact.js";
import { csvDialects, csvLine, csvText } from "../../text/csv.js";
import type { AdviseInput } from "./report.js";

const DIGITS = 6;

/**
 * One row per advised question, then the target plan's moves and the peer standings, told apart
 * by `section`; headers are ids, the same in both languages; `--lang id` writes the Indonesian
 * Excel dialect (`;` between fields, `,` decimals, a byte-order mark).
 */
export function renderAdviseCsv(input: AdviseInput, lang: Lang): string {
  const dialect = lang === "id" ? csvDialects[";"] : csvDialects[","];
  const decimal = lang === "id" ? "," : ".";
  const n = (v: Exact | null | undefined) => (v ? toFixed(v, DIGITS).replace(".", decimal) : "");
  const plain = (v: number | undefined) => (v === undefined ? "" : String(v).replace(".", decimal));
  const header = [
    "section",
    "id",
    "element",
    "kind",
    "current",
    "next",
    "next_level",
    "threshold",
    "gain",
    "steps",
    "rank",
    "of",
    "percentile",
    "peer_mean",
    "gap",
  ];
  const rows: string[][] = input.advice.questions.map((a) => {
    const next = a.steps[0]!;
    return [
      "question",
      a.id,
      a.element,
      a.kind,
      n(a.current),
      n(next.to),
      String(next.level),
      plain(next.threshold?.at),
      n(a.gain),
      "1",
      "",
      "",
      "",
      "",
      "",
    ];
  });
  for (const m of input.plan?.moves ?? []) {
    rows.push([
      "plan",
      m.id,
      m.element,
      "",
      n(m.from),
      n(m.to),
      String(m.last.level),
      plain(m.last.threshold?.at),
      n(m.gain),
      String(m.steps),
      "",
      "",
      "",
      "",
      "",
    ]);
  }
  const peers = input.peers;
  if (peers) {
    for (const s of [peers.total, ...peers.elements, ...peers.pillars]) {
      rows.push([
        s.kind,
        s.id,
        s.kind === "element" ? s.id : "",
        "",
        n(s.score),
        "",
        "",
        "",
        "",
        "",
        String(s.rank),
        String(s.of),
        n(s.percentile),
        n(s.peerMean),
        n(s.gap),
      ]);
    }
  }
  const guarded = rows.map((r) => r.map((field, i) => (i >= 1 && i <= 3 ? csvText(field) : field)));
  return dialect.bom + [header, ...guarded].map((r) => csvLine(r, dialect.separator)).join("");
}
