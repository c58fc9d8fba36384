import { createHash } from "node:crypto";
import type { Cell } from "../../io/response-rows.js";
import {
  columnLetter,
  type ColumnMap,
  type ColumnRole,
  isIdRow,
  planColumns,
  StatementIndex,
  statementCells,
} from "./columns.js";
import { type CellRules, parseCell } from "./labels.js";
import type { Statement } from "./statements.js";

export type SurveySeverity = "error" | "warning" | "note";

/** A finding, located as a spreadsheet shows it; words come from the messages catalogue. */
export interface SurveyDiagnostic {
  /** File as the user named it, with the sheet when a workbook had several read. */
  where?: string;
  row?: number;
  /** 0-based column; printed as a letter. */
  column?: number;
  severity: SurveySeverity;
  code: string;
  params: Record<string, string | number | boolean | string[]>;
}

export interface StatementTally {
  statement: Statement;
  /** Respondents per level, index 0 = the scale's minimum. */
  counts: number[];
  respondents: number;
  blank: number;
  /** Whether any sheet had a column for it. */
  column: boolean;
  /** Where its answers came from (file names as given). */
  sources: Set<string>;
}

/** Rows above the header that may hold a title or instructions. */
const HEADER_SEARCH_ROWS = 20;
/** Findings kept per code; a sheet with thousands of the same mistake is summarised. */
const KEEP_PER_CODE = 200;

interface Sheet {
  where: string;
  source: string;
  csv: boolean;
  /** A sheet read only because of --all-sheets: without statement columns it is skipped, not an error. */
  optional: boolean;
  roles?: ColumnRole[];
  headerRow?: number;
  headerLength: number;
  idRowChecked: boolean;
  rowsSeen: number;
}

/**
 * Counts the respondents' answers statement by statement, one row at a time, and checks every
 * row: answers on the scale, ragged rows, duplicates, straight-lining. Memory grows only with
 * the set of row fingerprints used to find duplicates (a few dozen bytes per respondent).
 */
export class SurveyTally {
  readonly index: StatementIndex;
  readonly tallies: StatementTally[];
  readonly diagnostics: SurveyDiagnostic[] = [];
  readonly dropped = new Map<string, number>();
  private readonly perCode = new Map<string, number>();
  private readonly rowFingerprints = new Map<string, string>();
  /** Per respondent: where first seen, and the statements answered as a bit mask (a Set each would cost a kilobyte). */
  private readonly respondents = new Map<string, { at: string; answered: bigint }>();
  private readonly pillarRespondents = new Map<string, number>();
  private sheet: Sheet | undefined;
  rows = 0;

  constructor(
    statements: readonly Statement[],
    private readonly rules: CellRules,
    private readonly options: { map?: ColumnMap; allowDuplicates?: boolean } = {},
  ) {
    this.index = new StatementIndex(statements);
    this.tallies = statements.map((statement) => ({
      statement,
      counts: new Array(rules.scale.max - rules.scale.min + 1).fill(0),
      respondents: 0,
      blank: 0,
      column: false,
      sources: new Set(),
    }));
  }

  /** Answers repeat (five labels, a few variants): each distinct text is parsed once. */
  private readonly parsed = new Map<string, ReturnType<typeof parseCell>>();

  private parse(cell: Cell): ReturnType<typeof parseCell> {
    if (typeof cell !== "string") return parseCell(cell, this.rules);
    let parsed = this.parsed.get(cell);
    if (parsed === undefined) {
      parsed = parseCell(cell, this.rules);
      // Bounded, so a column of free text cannot grow it without end.
      if (this.parsed.size < 10_000) this.parsed.set(cell, parsed);
    }
    return parsed;
  }

  report(d: SurveyDiagnostic): void {
    const n = (this.perCode.get(d.code) ?? 0) + 1;
    this.perCode.set(d.code, n);
    if (n > KEEP_PER_CODE && d.row !== undefined) {
      this.dropped.set(d.code, (this.dropped.get(d.code) ?? 0) + 1);
      return;
    }
    this.diagnostics.push(d);
  }

  /** `where`: how diagnostics name the sheet; `source`: the file name recorded in the answer file. */
  beginSheet(where: string, source: string, csv: boolean, optional = false): void {
    this.sheet = { where, source, csv, optional, headerLength: 0, idRowChecked: false, rowsSeen: 0 };
  }

  endSheet(): void {
    const sheet = this.sheet;
    if (sheet && !sheet.roles) {
      this.report({
        where: sheet.where,
        severity: sheet.optional ? "note" : "error",
        code: sheet.optional ? "sheet-skipped" : "no-header",
        params: { rows: HEADER_SEARCH_ROWS },
      });
    }
    this.sheet = undefined;
  }

  row(row: number, cells: readonly Cell[]): void {
    const sheet = this.sheet!;
    if (cells.every(isBlank)) return;
    if (!sheet.roles) {
      sheet.rowsSeen++;
      if (sheet.rowsSeen <= HEADER_SEARCH_ROWS && this.isHeader(cells)) this.takeHeader(sheet, row, cells);
      return;
    }
    if (!sheet.idRowChecked) {
      sheet.idRowChecked = true;
      if (isIdRow(cells, sheet.roles, this.index)) return;
    }
    this.respondentRow(sheet, row, cells);
  }

  private isHeader(cells: readonly Cell[]): boolean {
    if (statementCells(cells, this.index) > 0) return true;
    const map = this.options.map;
    if (!map) return false;
    return cells.some((c, i) => {
      const text = c === null ? "" : String(c).trim();
      return (text !== "" && map.columns.has(text)) || (text !== "" && map.columns.has(columnLetter(i)));
    });
  }

  private takeHeader(sheet: Sheet, row: number, cells: readonly Cell[]): void {
    const { roles, problems } = planColumns(cells, this.index, this.options.map);
    sheet.roles = roles;
    sheet.headerRow = row;
    sheet.headerLength = cells.length;
    for (const p of problems) {
      this.report({
        where: sheet.where,
        row,
        column: p.column,
        severity: "error",
        code: p.code,
        params: { header: p.header, ids: p.ids, ...(p.firstColumn !== undefined ? { first: p.firstColumn } : {}) },
      });
    }
    roles.forEach((role, column) => {
      if (role.kind === "statement") {
        const tally = this.tallies[role.index]!;
        tally.column = true;
        tally.sources.add(sheet.source);
      } else if (role.kind === "unmatched") {
        this.report({
          where: sheet.where,
          row,
          column,
          severity: "warning",
          code: "unmatched",
          params: { header: role.header, ...this.suggestion(role.header) },
        });
      }
    });
  }

  private suggestion(header: string): { closest?: string } {
    const index = this.index.closest(header);
    return index === undefined ? {} : { closest: this.index.statements[index]!.id };
  }

  private respondentRow(sheet: Sheet, row: number, cells: readonly Cell[]): void {
    const roles = sheet.roles!;
    const at = { where: sheet.where, row };
    if (sheet.csv && cells.length < sheet.headerLength) {
      this.report({
        ...at,
        column: Math.max(0, cells.length - 1),
        severity: "error",
        code: "ragged-short",
        params: { cells: cells.length, header: sheet.headerLength },
      });
    }
    for (let c = roles.length; c < cells.length; c++) {
      if (!isBlank(cells[c]!)) {
        this.report({ ...at, column: c, severity: "error", code: "ragged-long", params: { text: String(cells[c]) } });
        break;
      }
    }
    let name = "";
    let contact = "";
    let other = false;
    const levels: { index: number; level: number }[] = [];
    const blanks: number[] = [];
    let bad = false;
    roles.forEach((role, c) => {
      const cell = cells[c] ?? null;
      if (role.kind === "statement") {
        const parsed = this.parse(cell);
        if (parsed.kind === "blank") blanks.push(role.index);
        else if (parsed.kind === "level") levels.push({ index: role.index, level: parsed.level });
        else {
          bad = true;
          const { kind: _kind, code, ...params } = parsed;
          this.report({ ...at, column: c, severity: "error", code, params });
        }
      } else if (role.kind === "name") name = cell === null ? "" : String(cell).trim();
      else if (role.kind === "contact") contact = cell === null ? "" : String(cell).trim();
      else if (!isBlank(cell)) other = true;
    });
    if (levels.length === 0) {
      if (!bad) this.report({ ...at, column: 0, severity: "warning", code: "no-answers", params: {} });
      return;
    }
    this.rows++;
    const firstAnswer = roles.findIndex((r) => r.kind === "statement");
    this.checkDuplicates(
      sheet,
      row,
      cells,
      { name, contact, identifiable: name !== "" || contact !== "" || other },
      levels,
    );
    if (levels.length >= 3 && levels.every((l) => l.level === levels[0]!.level)) {
      this.report({
        ...at,
        column: firstAnswer,
        severity: "warning",
        code: "straight-lining",
        params: { level: levels[0]!.level, answered: levels.length },
      });
    }
    const pillars = new Set<string>();
    for (const { index, level } of levels) {
      const tally = this.tallies[index]!;
      tally.counts[level - this.rules.scale.min]!++;
      tally.respondents++;
      const pillar = tally.statement.pillar;
      if (pillar) pillars.add(pillar);
    }
    for (const index of blanks) this.tallies[index]!.blank++;
    for (const p of pillars) this.pillarRespondents.set(p, (this.pillarRespondents.get(p) ?? 0) + 1);
  }

  private checkDuplicates(
    sheet: Sheet,
    row: number,
    cells: readonly Cell[],
    who: { name: string; contact: string; identifiable: boolean },
    levels: readonly { index: number; level: number }[],
  ): void {
    const here = `${sheet.where}:${row}`;
    const severity = this.options.allowDuplicates ? "warning" : "error";
    const fingerprint = createHash("sha1")
      .update(cells.map((c) => (c === null ? "" : String(c).trim())).join("\u0001"))
      .digest("base64");
    const same = this.rowFingerprints.get(fingerprint);
    if (same !== undefined) {
      // Two anonymous rows with the same answers may be two people; with a name, a time or a
      // contact in them they are one row entered twice.
      this.report({
        where: sheet.where,
        row,
        column: 0,
        severity: who.identifiable ? severity : "warning",
        code: who.identifiable ? "duplicate-row" : "identical-answers",
        params: { first: same },
      });
    } else this.rowFingerprints.set(fingerprint, here);
    const key = respondentKey(who.contact) || (who.name ? `name:${normalizeName(who.name)}` : "");
    if (!key) return;
    let answered = 0n;
    for (const l of levels) answered |= 1n << BigInt(l.index);
    const seen = this.respondents.get(key);
    if (seen && same === undefined && (seen.answered & answered) !== 0n) {
      this.report({
        where: sheet.where,
        row,
        column: 0,
        severity,
        code: "duplicate-respondent",
        params: { who: [who.name, who.contact].filter(Boolean).join(" / "), first: seen.at },
      });
    }
    if (seen) seen.answered |= answered;
    else this.respondents.set(key, { at: here, answered });
  }

  /** The closing checks: too few respondents per statement and per pillar, statements no column filled. */
  finish(): void {
    for (const t of this.tallies) {
      if (t.column && t.respondents < t.statement.required) {
        this.report({
          severity: "warning",
          code: "few-statement",
          params: { id: t.statement.id, respondents: t.respondents, required: t.statement.required },
        });
      }
    }
    const pillars = [
      ...new Set(this.tallies.filter((t) => t.column && t.statement.pillar).map((t) => t.statement.pillar!)),
    ];
    for (const pillar of pillars) {
      const required = Math.max(
        ...this.tallies.filter((t) => t.statement.pillar === pillar).map((t) => t.statement.required),
      );
      const respondents = this.pillarRespondents.get(pillar) ?? 0;
      if (respondents < required) {
        this.report({ severity: "warning", code: "few-pillar", params: { pillar, respondents, required } });
      }
    }
    const unfilled = this.tallies.filter((t) => !t.column).map((t) => t.statement.id);
    if (unfilled.length) this.report({ severity: "note", code: "unfilled", params: { ids: unfilled } });
    for (const [code, count] of this.dropped) this.report({ severity: "note", code: "more", params: { code, count } });
  }
}

const isBlank = (c: Cell | undefined) => c === null || c === undefined || (typeof c === "string" && c.trim() === "");

function normalizeName(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** A phone number by its digits (+62 812… and 0812… are one number), an e-mail address without case. */
function respondentKey(contact: string): string {
  const text = contact.trim().toLowerCase();
  if (!text) return "";
  if (text.includes("@")) return `mail:${text}`;
  const digits = text.replace(/\D/g, "");
  if (digits.length >= 6) return `phone:${digits.replace(/^62/, "0")}`;
  return `contact:${text}`;
}
