import { escapeText } from "./escape.js";

/**
 * Writing CSV (reading is csv-parse's job). Dialects by separator: `,` is RFC 4180 for tools
 * and English-locale spreadsheets; `;` is what Excel in the Indonesian locale opens by
 * double-click, with a UTF-8 byte-order mark so accented names are not garbled; tab for
 * "Unicode text". Lines end with CRLF, as RFC 4180 asks.
 */
export const csvDialects = {
  ",": { separator: ",", bom: "" },
  ";": { separator: ";", bom: "\ufeff" },
  "\t": { separator: "\t", bom: "\ufeff" },
} as const;

/** A field quoted when it must be: it holds the separator, a quote or a line break, or spaces at its ends. */
export function csvField(field: string, separator: string): string {
  return field.includes(separator) || /["\r\n]/.test(field) || field !== field.trim()
    ? `"${field.replace(/"/g, '""')}"`
    : field;
}

/**
 * Text a spreadsheet would otherwise run as a formula (=, +, -, @ at the start) is prefixed
 * with an apostrophe, the usual guard against CSV injection; line breaks and other control
 * characters are escaped as in every text output. Use it on free text, never on numbers.
 */
export function csvText(value: string): string {
  const shown = escapeText(value);
  return /^[=+\-@]/.test(shown) ? `'${shown}` : shown;
}

/** One record, CRLF-terminated. */
export function csvLine(fields: readonly string[], separator: string): string {
  return `${fields.map((f) => csvField(f, separator)).join(separator)}\r\n`;
}
