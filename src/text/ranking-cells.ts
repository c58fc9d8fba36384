import type { Ranked } from "../engine/rank.js";
import { verificationStatus, type ResultSummary, type VerificationStatus } from "../engine/summary.js";
import type { Lang, Text } from "../model/common.js";
import { formatScore, formatSigned, localize } from "./format.js";
import { labelsFor } from "./score-labels.js";
import { escapeText } from "./escape.js";

export interface ElementColumn {
  id: string;
  title?: Text;
}

/**
 * The element columns of a ranking: every element of every result, in questionnaire order,
 * new ones appended as they first appear. Same inputs, same columns.
 */
export function elementColumns(results: Iterable<ResultSummary>, titles: ReadonlyMap<string, Text>): ElementColumn[] {
  const columns = new ColumnList(titles);
  for (const result of results) columns.add(result);
  return columns.list;
}

/** elementColumns one result at a time. */
class ColumnList {
  private readonly seen = new Set<string>();
  readonly list: ElementColumn[] = [];
  constructor(private readonly titles: ReadonlyMap<string, Text>) {}

  add(result: ResultSummary): void {
    for (const element of result.elements) {
      if (this.seen.has(element.id)) continue;
      this.seen.add(element.id);
      const title = this.titles.get(element.id);
      this.list.push({ id: element.id, ...(title ? { title } : {}) });
    }
  }
}

/**
 * What laying out a ranking needs to know of all its results before its first row, gathered in
 * one pass, so that a large batch's ranking can be written from results read back a part at a
 * time, never all in memory.
 */
export interface RankingFacts {
  count: number;
  /** elementColumns of the results. */
  columns: ElementColumn[];
  /** Some result is verified, in part or whole: each total then carries its mark. */
  anyVerified: boolean;
  anyIncomplete: boolean;
  statuses: ReadonlySet<VerificationStatus>;
}

/** The RankingFacts of a ranking given a part at a time (`[ranked]` for one in memory). */
export function rankingFacts(
  parts: Iterable<readonly Ranked<ResultSummary>[]>,
  titles: ReadonlyMap<string, Text> = new Map(),
): RankingFacts {
  const columns = new ColumnList(titles);
  const statuses = new Set<VerificationStatus>();
  let count = 0;
  let anyIncomplete = false;
  for (const part of parts)
    for (const { item } of part) {
      count++;
      columns.add(item);
      statuses.add(verificationStatus(item));
      if (!item.complete) anyIncomplete = true;
    }
  const anyVerified = statuses.has("verified") || statuses.has("partial");
  return { count, columns: columns.list, anyVerified, anyIncomplete, statuses };
}

/**
 * The element columns of a CSV: every element of every questionnaire in the batch, in
 * questionnaire order, whatever the profiles of the files. A spreadsheet or a script reading
 * the CSV of smart-city-2023 always finds the same columns (collaboration included, empty for
 * a file whose profile does not weigh it), however the batch is made up.
 */
export function questionnaireColumns(titles: ReadonlyMap<string, Text>): ElementColumn[] {
  return [...titles].map(([id, title]) => ({ id, title }));
}

/** The headers of a ranking's columns. */
export function rankingHeaders(columns: readonly ElementColumn[], lang: Lang): string[] {
  const L = labelsFor(lang);
  return [
    L.rank,
    L.region,
    L.year,
    L.profile,
    ...columns.map((c) => escapeText(localize(c.title, lang)) || c.id),
    L.total,
    L.change,
  ];
}

/**
 * A cell per column of the ranking, texts not yet padded. `anyVerified`: whether some result of
 * the whole ranking is verified (RankingFacts), which `ranked` may be only a part of.
 */
export function rankingCells(
  ranked: readonly Ranked<ResultSummary>[],
  columns: readonly ElementColumn[],
  lang: Lang,
  anyVerified: boolean,
) {
  const headers = rankingHeaders(columns, lang);
  const rows = ranked.map(({ rank, item: s }) => {
    const scores = new Map(s.elements.map((e) => [e.id, e.score]));
    return [
      String(rank),
      escapeText(s.region),
      s.year !== undefined ? String(s.year) : "-",
      escapeText(s.profile),
      ...columns.map((c) => {
        const score = scores.get(c.id);
        return score ? formatScore(score, lang) : "-";
      }),
      formatScore(s.total, lang) +
        (s.complete ? "" : "*") +
        (anyVerified ? VERIFICATION_MARKS[verificationStatus(s)] : ""),
      s.improvement ? formatSigned(s.improvement, lang) : "-",
    ];
  });
  return { headers, rows };
}

/**
 * After a ranking's total: † not verified, ‡ partly verified. Only when some result of the
 * ranking is verified; where none is, one note says so instead of a mark on every row.
 */
const VERIFICATION_MARKS = { verified: "", partial: "‡", unverified: "†" } as const;

/** The footnotes a ranking's marks need, in the order of the marks, and the note when none is verified. */
export function rankingFootnotes(facts: RankingFacts, lang: Lang): string[] {
  const L = labelsFor(lang);
  const { statuses } = facts;
  const notes: string[] = [];
  if (facts.anyIncomplete) notes.push(L.incompleteFootnote);
  if (!facts.anyVerified) {
    if (facts.count > 0) notes.push(L.noneVerifiedNote);
    return notes;
  }
  if (statuses.has("unverified")) notes.push(L.notVerifiedFootnote);
  if (statuses.has("partial")) notes.push(L.partlyVerifiedFootnote);
  return notes;
}
