import type { Ranked } from "../engine/rank.js";
import { verificationStatus, type ResultSummary } from "../engine/summary.js";
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
export function elementColumns(results: readonly ResultSummary[], titles: ReadonlyMap<string, Text>): ElementColumn[] {
  const seen = new Set<string>();
  const columns: ElementColumn[] = [];
  for (const result of results) {
    for (const element of result.elements) {
      if (seen.has(element.id)) continue;
      seen.add(element.id);
      const title = titles.get(element.id);
      columns.push({ id: element.id, ...(title ? { title } : {}) });
    }
  }
  return columns;
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

/** A cell per column of the ranking, texts not yet padded. */
export function rankingCells(ranked: readonly Ranked<ResultSummary>[], columns: readonly ElementColumn[], lang: Lang) {
  const L = labelsFor(lang);
  const headers = [
    L.rank,
    L.region,
    L.year,
    L.profile,
    ...columns.map((c) => escapeText(localize(c.title, lang)) || c.id),
    L.total,
    L.change,
  ];
  const anyVerified = ranked.some((r) => r.item.verified > 0);
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
export function rankingFootnotes(ranked: readonly Ranked<ResultSummary>[], lang: Lang): string[] {
  const L = labelsFor(lang);
  const statuses = new Set(ranked.map((r) => verificationStatus(r.item)));
  const notes: string[] = [];
  if (ranked.some((r) => !r.item.complete)) notes.push(L.incompleteFootnote);
  if (!statuses.has("verified") && !statuses.has("partial")) {
    if (ranked.length > 0) notes.push(L.noneVerifiedNote);
    return notes;
  }
  if (statuses.has("unverified")) notes.push(L.notVerifiedFootnote);
  if (statuses.has("partial")) notes.push(L.partlyVerifiedFootnote);
  return notes;
}
