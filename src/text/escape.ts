import { unsafeCharacter } from "../model/unsafe-character.js";

/** Every unsafe character (see unsafeCharacter): ESC repaints the screen, CR, LF and U+0085 break a line, U+202E reorders it. */
const UNSAFE = new RegExp(unsafeCharacter.source, "gu");
/** The same set without the C0 controls, which JSON.stringify escapes itself. */
const UNSAFE_IN_JSON = new RegExp(unsafeCharacter.source.replace("\\u0000-\\u001f", ""), "gu");

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const hex = (char: string, digits: number) => char.charCodeAt(0).toString(16).padStart(digits, "0");

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${hex(char, 2)}` : `\\u${hex(char, 4)}`;
}

/**
 * Text from a file as every text output shows it (diagnostics, tables, Markdown, CSV): unsafe
 * characters as escapes (`\x1b`, `\u202e`, `\n`), so a file can neither repaint the terminal
 * nor put a line of its own into our output. The one escaping function for text.
 */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * escapeText for a text that may hold paragraphs (a description, a help text): every unsafe
 * character escaped but the line break between paragraphs (CR LF counts as one).
 */
export function escapeParagraphs(text: string): string {
  return text.split(/\r?\n/).map(escapeText).join("\n");
}

/** JSON for machines and terminals alike: also the characters JSON allows raw escaped as \uXXXX. */
export function stringifyJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, (char) => `\\u${hex(char, 4)}`);
}
