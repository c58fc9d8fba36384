import type { Cell } from "../../io/response-rows.js";
import type { Statement } from "./statements.js";

/** What a column of a response sheet holds. */
export type ColumnRole =
  | { kind: "statement"; index: number; how: "id" | "text" | "map" }
  | { kind: "name" }
  | { kind: "contact" }
  /** Timestamps, row numbers: known, not answers, not listed. */
  | { kind: "meta" }
  | { kind: "skip" }
  | { kind: "unmatched"; header: string };

/** An explicit map: header text or column letter → statement id, "skip", or a respondent column. */
export interface ColumnMap {
  columns: ReadonlyMap<string, string>;
}

/** A, B, …, Z, AA, …: the column letters a spreadsheet shows (0-based index in). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Header text as forms mangle it, reduced to what matters: accents, case, punctuation and
 * spacing go, and so does the numbering forms put in front ("1.", "Q3)", "No. 12 -", "(4)").
 */
export function normalizeHeader(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      // A bare number only counts as numbering with its mark ("1.", "4)"), so "2024 target" keeps its year.
      .replace(
        /^\s*\(?\s*(?:(?:q|p|no|nomor|soal|pertanyaan|question)\s*\.?\s*\d+(?:\.\d+)*\s*[.):-]?|\d+(?:\.\d+)*\s*[.):-])\s+/u,
        "",
      )
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  );
}

const NAME_HEADERS = ["nama", "name", "respondent", "responden", "full name", "your name"];
const CONTACT_HEADERS = [
  "kontak",
  "contact",
  "email",
  "e mail",
  "alamat email",
  "alamat e mail",
  "no hp",
  "nomor hp",
  "no telepon",
  "nomor telepon",
  "telepon",
  "phone",
  "whatsapp",
  "no wa",
  "nomor wa",
  "hp",
];
const META_HEADERS = new Set([
  "timestamp",
  "stempel waktu",
  "cap waktu",
  "tanda waktu",
  "waktu",
  "tanggal",
  "date",
  "no",
  "nomor",
  "id",
  "",
]);

/** Looks statements up by id, by either language's text (normalised), and by the id inside a header. */
export class StatementIndex {
  private readonly byId = new Map<string, number>();
  private readonly byText = new Map<string, number[]>();

  constructor(readonly statements: readonly Statement[]) {
    statements.forEach((s, i) => {
      this.byId.set(s.id.toLowerCase(), i);
      for (const text of new Set([s.text.id, s.text.en].filter((t): t is string => !!t).map(normalizeHeader))) {
        const list = this.byText.get(text) ?? [];
        list.push(i);
        this.byText.set(text, list);
      }
    });
  }

  /**
   * The statement whose words a header shares most (Dice coefficient of the word sets, at least
   * 0.6), for the hint on a column that matched nothing: forms often reword a statement slightly.
   */
  closest(header: string): number | undefined {
    const bracket = /\[([^\]]+)\]\s*$/.exec(header)?.[1];
    const words = new Set(
      normalizeHeader(bracket ?? header)
        .split(" ")
        .filter(Boolean),
    );
    if (words.size < 3) return undefined;
    let best: { index: number; score: number } | undefined;
    for (const [text, indexes] of this.byText) {
      const other = text.split(" ");
      const shared = other.filter((w) => words.has(w)).length;
      const score = (2 * shared) / (words.size + other.length);
      if (score >= 0.6 && (!best || score > best.score) && indexes.length === 1) best = { index: indexes[0]!, score };
    }
    return best?.index;
  }

  id(id: string): number | undefined {
    return this.byId.get(id.trim().toLowerCase());
  }

  /** Statement indexes a header names: [] none, one, or several when the text is ambiguous. */
  match(header: string): { indexes: number[]; how: "id" | "text" } {
    const byId = this.id(header);
    if (byId !== undefined) return { indexes: [byId], how: "id" };
    const candidates = [header];
    // Google Forms grids: "Question title [statement]".
    const bracket = /\[([^\]]+)\]\s*$/.exec(header);
    if (bracket) candidates.push(bracket[1]!);
    for (const c of candidates) {
      const found = this.byText.get(normalizeHeader(c));
      if (found) return { indexes: found, how: "text" };
    }
    // "im-gov-ps-online: Layanan ini …": an id written into the header.
    for (const token of header.toLowerCase().split(/[^a-z0-9_.-]+/)) {
      const i = this.byId.get(token);
      if (i !== undefined) return { indexes: [i], how: "id" };
    }
    return { indexes: [], how: "text" };
  }
}

/** How many cells of a row name a statement: the header row is the row with the most. */
export function statementCells(cells: readonly Cell[], index: StatementIndex): number {
  let n = 0;
  for (const c of cells) if (typeof c === "string" && c.trim() && index.match(c).indexes.length) n++;
  return n;
}

export interface HeaderProblem {
  code: "ambiguous" | "duplicate-column" | "map-unknown-column";
  column: number;
  header: string;
  /** Statement ids involved, or the column it repeats. */
  ids: string[];
  firstColumn?: number;
}

/** The role of every column of a header row; an explicit map wins over what the header says. */
export function planColumns(
  cells: readonly Cell[],
  index: StatementIndex,
  map?: ColumnMap,
): { roles: ColumnRole[]; problems: HeaderProblem[] } {
  const roles: ColumnRole[] = [];
  const problems: HeaderProblem[] = [];
  const taken = new Map<number, number>();
  cells.forEach((cell, column) => {
    const header = cell === null ? "" : String(cell).trim();
    const mapped = map?.columns.get(columnLetter(column)) ?? map?.columns.get(header);
    let role: ColumnRole;
    if (mapped !== undefined) {
      if (mapped === "skip") role = { kind: "skip" };
      else if (mapped === "name" || mapped === "contact") role = { kind: mapped };
      else role = { kind: "statement", index: index.id(mapped)!, how: "map" };
    } else {
      const { indexes, how } = index.match(header);
      if (indexes.length > 1) {
        problems.push({ code: "ambiguous", column, header, ids: indexes.map((i) => index.statements[i]!.id) });
        role = { kind: "unmatched", header };
      } else if (indexes.length === 1) role = { kind: "statement", index: indexes[0]!, how };
      else role = respondentRole(header);
    }
    if (role.kind === "statement") {
      const first = taken.get(role.index);
      if (first !== undefined) {
        problems.push({
          code: "duplicate-column",
          column,
          header,
          ids: [index.statements[role.index]!.id],
          firstColumn: first,
        });
        role = { kind: "skip" };
      } else taken.set(role.index, column);
    }
    roles.push(role);
  });
  return { roles, problems };
}

function respondentRole(header: string): ColumnRole {
  const n = normalizeHeader(header);
  if (META_HEADERS.has(n)) return { kind: "meta" };
  if (CONTACT_HEADERS.some((h) => n === h || n.startsWith(`${h} `))) return { kind: "contact" };
  if (NAME_HEADERS.some((h) => n === h || n.startsWith(`${h} `))) return { kind: "name" };
  return { kind: "unmatched", header };
}

/** The row under the header that carries the statement ids (as `survey template` writes it). */
export function isIdRow(cells: readonly Cell[], roles: readonly ColumnRole[], index: StatementIndex): boolean {
  let ids = 0;
  for (let c = 0; c < roles.length; c++) {
    const role = roles[c]!;
    if (role.kind !== "statement") continue;
    const cell = cells[c];
    if (typeof cell === "string" && index.id(cell) === role.index) ids++;
    else if (cell !== null && cell !== undefined && String(cell).trim() !== "") return false;
  }
  return ids > 0;
}
