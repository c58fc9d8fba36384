import { coreScalar, coreTypeOf } from "./core-scalars.js";

/**
 * A reader for the narrow shape answer files are written in, about four times as fast as js-yaml:
 * a block mapping of plain keys (nested by indentation) whose values are plain scalars, double-
 * quoted scalars without escapes, flow collections of those on one line, or block sequences
 * (`- item`, more indented than their key) of those. Anything else, and anything in that shape
 * it has the least doubt about, it leaves to the caller (it answers `undefined`): the caller
 * then reads the text the slower ways (fast-yaml.ts), so a doubt only costs speed. What it returns is what the `yaml` package reads from the same text without an
 * error or a warning; the differential test (test/io/fast-yaml.test.ts) holds it to that.
 *
 * What it leaves out, each for a reason:
 * - Comments but those on a line of their own or after a value and a space; tags, anchors,
 *   aliases, directives, document markers, block scalars, single quotes, escapes, empty values,
 *   multi-line scalars and collections, a sequence or mapping in a block sequence's item: answer files written by `fill`
 *   have none, and a person's edits go the slower way.
 * - Plain keys other than a letter followed by letters, digits, `_`, `-` and `.`, or a whole
 *   number in its shortest spelling, and those the core schema reads as null or a boolean; an empty key and `__proto__`; a key written twice
 *   (`yaml` reports it), or that an object has already (`constructor`).
 * - A `:` inside a plain scalar unless a `/` follows it (a link); `[`, `]`, `{`, `}` inside one in
 *   a block, and `"` in a flow collection; a `#`, `\` or tab anywhere outside double quotes.
 * - A carriage return but before a line feed; control characters, the C1 block and a no-break space, line and paragraph separators,
 *   surrogates (paired or not), a byte order mark and the two non-characters U+FFFE and U+FFFF.
 * - A line over 1,024 characters (`yaml` refuses an implicit key that long), a line of spaces
 *   only, spaces at the end of the text, an indented first line, an indentation that matches no
 *   open mapping, and nesting past 32 levels.
 */
export function readNarrow(text: string): unknown {
  reader.text = text;
  reader.pos = 0;
  reader.lineStart = 0;
  try {
    return reader.document();
  } catch (error) {
    if (error === DOUBT) return undefined;
    throw error;
  } finally {
    reader.text = "";
  }
}

/** Thrown to leave the text to the slower readers: not an Error, so nothing builds a stack. */
const DOUBT = { doubt: true };
function doubt(): never {
  throw DOUBT;
}

const MAX_LINE = 1024;
const MAX_NESTING = 32;

// Character codes.
const LF = 0x0a,
  CR = 0x0d,
  SPACE = 0x20,
  QUOTE = 0x22,
  HASH = 0x23,
  COMMA = 0x2c,
  COLON = 0x3a,
  SLASH = 0x2f;
const OPEN_SEQ = 0x5b,
  CLOSE_SEQ = 0x5d,
  OPEN_MAP = 0x7b,
  CLOSE_MAP = 0x7d,
  DASH = 0x2d;

/** Per ASCII code: may this character stand in a plain scalar, in a block (1) and in a flow collection (2)? */
const PLAIN = new Uint8Array(128).fill(3, 0x20, 0x7f);
for (const c of '#\\:[]{},"') PLAIN[c.charCodeAt(0)] = c === "," || c === '"' ? 1 : 0;
const IN_BLOCK = 1;
const IN_FLOW = 2;

/** Characters a plain scalar may not start with (YAML's indicators), or may only before a digit (`-`, `.`). */
const NOT_FIRST = new Set([..."-?:,[]{}#&*!|>'\"%@`. "].map((c) => c.charCodeAt(0)));

/** Per ASCII code: may this character stand in a key after its first letter? */
const KEY = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") KEY[c.charCodeAt(0)] = 1;

const isLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** A character past ASCII that both parsers take as it is (see readNarrow). */
function plainWide(code: number): boolean {
  return (
    code > 0xa0 &&
    code !== 0x2028 &&
    code !== 0x2029 &&
    (code < 0xd800 || (code > 0xdfff && code < 0xfeff) || (code > 0xfeff && code < 0xfffe))
  );
}

/** Plain keys read lately, by a hash of their text: every one of them is a key coreTypeOf refused. */
const KEYS_SEEN: (string | undefined)[] = new Array(4096).fill(undefined);

class Reader {
  text = "";
  pos = 0;
  /** Where the current line starts, for its length. */
  lineStart = 0;

  document(): unknown {
    const text = this.text;
    if (this.nextLine() !== 0) doubt();
    const data = this.mapping(0, 0);
    if (this.pos < text.length) doubt();
    return data;
  }

  /**
   * Moves past empty lines to the next line's first character, checking the length of each line
   * it leaves; returns that line's indentation, or -1 at the end of the text.
   */
  nextLine(): number {
    const text = this.text;
    for (;;) {
      if (this.pos >= text.length) {
        if (this.pos - this.lineStart > MAX_LINE) doubt();
        return -1;
      }
      let at = this.pos;
      while (text.charCodeAt(at) === SPACE) at++;
      if (at >= text.length) doubt(); // spaces at the very end
      if (text.charCodeAt(at) === HASH) at = this.comment(at);
      else if (this.lineBreak(at) === 0) {
        this.pos = at;
        return at - this.lineStart;
      } else if (at !== this.pos) doubt(); // a line of spaces only
      if (at >= text.length) {
        this.pos = at;
        continue;
      }
      if (at - this.lineStart > MAX_LINE) doubt();
      this.pos = at + this.lineBreak(at);
      this.lineStart = this.pos;
    }
  }

  /** Ends the line a value ended on: spaces, a comment after one, then a line break or the end of the text. */
  endLine(): void {
    const text = this.text;
    let at = this.pos;
    while (text.charCodeAt(at) === SPACE) at++;
    if (at > this.pos && text.charCodeAt(at) === HASH) at = this.comment(at);
    if (at < text.length) {
      const length = this.lineBreak(at);
      if (length === 0 || at - this.lineStart > MAX_LINE) doubt();
      at += length;
      this.lineStart = at;
    }
    this.pos = at;
  }

  /** The length of the line break at `at`: 1 for LF, 2 for CR LF, 0 for anything else (a CR alone too). */
  lineBreak(at: number): number {
    const code = this.text.charCodeAt(at);
    if (code === LF) return 1;
    return code === CR && this.text.charCodeAt(at + 1) === LF ? 2 : 0;
  }

  /** Where the comment at `at` ends: its line break, or the end of the text. */
  comment(at: number): number {
    const text = this.text;
    for (at++; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code === LF || (code === CR && text.charCodeAt(at + 1) === LF)) break;
      if (code < 128 ? code < SPACE || code === 0x7f : !plainWide(code)) doubt();
    }
    return at;
  }

  /** A block mapping whose first key is at `pos`, indented by `indent`. */
  mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth >= MAX_NESTING) doubt();
    const text = this.text;
    const data: Record<string, unknown> = {};
    for (;;) {
      const key = this.key();
      if (data[key] !== undefined) doubt();
      // The key's `:` is followed by a space and a value on the same line, or by the line's end.
      let at = this.pos;
      while (text.charCodeAt(at) === SPACE) at++;
      const after = text.charCodeAt(at);
      if (at >= text.length || this.lineBreak(at) !== 0 || (after === HASH && at > this.pos)) {
        this.endLine();
        const inner = this.nextLine();
        if (inner <= indent) doubt(); // an empty value, or a sequence as indented as its key
        data[key] =
          text.charCodeAt(this.pos) === DASH ? this.sequence(inner, depth + 1) : this.mapping(inner, depth + 1);
        if (this.pos >= text.length) return data;
        const next = this.pos - this.lineStart;
        if (next === indent) continue;
        if (next < indent) return data;
        doubt();
      }
      if (at === this.pos) doubt();
      this.pos = at;
      data[key] = this.value(IN_BLOCK, depth + 1);
      this.endLine();
      const next = this.nextLine();
      if (next === indent) continue;
      if (next < indent) return data;
      doubt(); // a plain scalar going on, or a mapping under a value
    }
  }

  /** A block sequence whose first `- ` is at `pos`, indented by `indent`: each item on its line. */
  sequence(indent: number, depth: number): unknown[] {
    if (depth >= MAX_NESTING) doubt();
    const text = this.text;
    const items: unknown[] = [];
    for (;;) {
      if (text.charCodeAt(this.pos + 1) !== SPACE) doubt(); // a `-` without a space, or an item on the next line
      let at = this.pos + 2;
      while (text.charCodeAt(at) === SPACE) at++;
      if (at >= text.length || this.lineBreak(at) !== 0) doubt(); // an empty item
      this.pos = at;
      items.push(this.value(IN_BLOCK, depth + 1));
      this.endLine();
      const next = this.nextLine();
      if (next < indent) return items;
      if (next > indent || text.charCodeAt(this.pos) !== DASH) doubt();
    }
  }

  /** A key at `pos` and the `:` right after it. */
  key(): string {
    const text = this.text;
    const start = this.pos;
    if (text.charCodeAt(start) === QUOTE) {
      const key = this.quoted();
      // "" is what `yaml` makes of a null key too; __proto__ would set the object's prototype.
      if (key === "" || key === "__proto__" || text.charCodeAt(this.pos) !== COLON) doubt();
      this.pos++;
      return key;
    }
    if (isDigit(text.charCodeAt(start))) return this.numberKey();
    if (!isLetter(text.charCodeAt(start))) doubt();
    let at = start + 1;
    let hash = text.charCodeAt(start);
    for (let code = text.charCodeAt(at); code < 128 && KEY[code] === 1; code = text.charCodeAt(++at))
      hash = (hash * 31 + code) | 0;
    if (text.charCodeAt(at) !== COLON) doubt();
    this.pos = at + 1;
    // The files of a batch share their keys: one seen before is taken again, as the string
    // V8 has already made a property name of, instead of a new one to look up.
    const slot = hash & (KEYS_SEEN.length - 1);
    const seen = KEYS_SEEN[slot];
    if (seen !== undefined && seen.length === at - start && text.startsWith(seen, start)) return seen;
    const key = text.slice(start, at);
    if (coreTypeOf(key) !== undefined) doubt();
    KEYS_SEEN[slot] = key;
    return key;
  }

  /**
   * A key of digits (a survey's counts): `yaml` reads it as a number and names the pair by the
   * number's text, so only a whole number written as JavaScript writes it (`0`, `12`, not `007`)
   * keeps its spelling.
   */
  numberKey(): string {
    const text = this.text;
    const start = this.pos;
    let at = start;
    while (isDigit(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) !== COLON || at - start > 15 || (text.charCodeAt(start) === 0x30 && at - start > 1))
      doubt();
    this.pos = at + 1;
    return text.slice(start, at);
  }

  value(context: number, depth: number): unknown {
    const code = this.text.charCodeAt(this.pos);
    if (code === OPEN_SEQ) return this.flowSequence(depth);
    if (code === OPEN_MAP) return this.flowMapping(depth);
    if (code === QUOTE) return this.quoted();
    return this.plain(context);
  }

  /** A plain scalar, up to the line's end in a block, or to a `,`, `]` or `}` in a flow collection. */
  plain(context: number): unknown {
    const text = this.text;
    const start = this.pos;
    const first = text.charCodeAt(start);
    if (isDigit(first)) {
      const number = this.digits(context);
      if (number !== undefined) return number;
    } else if (NOT_FIRST.has(first)) {
      // A sign or point starts a number; anything else after it is left to the slower readers.
      const second = text.charCodeAt(start + 1);
      if (!(first === DASH || first === 0x2e) || !(isDigit(second) || second === 0x2e)) doubt();
      if (first === 0x2e && second === 0x2e) doubt();
    }
    let at = start;
    let end = start; // past the last character that is not a space
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code < 128) {
        if ((PLAIN[code]! & context) !== 0) {
          if (code !== SPACE) end = at + 1;
          at++;
          continue;
        }
        if (code === COLON && text.charCodeAt(at + 1) === SLASH) {
          at++;
          end = at;
          continue;
        }
        break;
      }
      if (!plainWide(code)) doubt();
      at++;
      end = at;
    }
    // What stopped it: the line's end or a comment (in a block), or the end of an item (in a flow collection).
    const stop = at < text.length ? text.charCodeAt(at) : -1;
    if (
      context === IN_BLOCK
        ? stop !== -1 && this.lineBreak(at) === 0 && !(stop === HASH && text.charCodeAt(at - 1) === SPACE)
        : stop !== COMMA && stop !== CLOSE_SEQ && stop !== CLOSE_MAP
    )
      doubt();
    if (end === start) doubt();
    this.pos = end;
    return coreScalar(text.slice(start, end));
  }

  /**
   * A plain scalar of at most 15 digits and one point, read without making its text: its value
   * is exact, and so is a power of ten up to 10^15, and dividing by one rounds as parseFloat
   * rounds the decimal, so it is the int or the float type's value. Undefined when the scalar is
   * anything else, or goes on after a space (plain() then reads it).
   */
  digits(context: number): number | undefined {
    const text = this.text;
    let at = this.pos;
    let value = 0;
    let scale = 1;
    let point = false;
    let count = 0;
    for (; ; at++) {
      const code = text.charCodeAt(at);
      if (isDigit(code)) {
        value = value * 10 + (code - 0x30);
        count++;
        if (point) scale *= 10;
      } else if (code === 0x2e && !point) point = true;
      else break;
    }
    if (count > 15) return undefined;
    let after = at;
    while (text.charCodeAt(after) === SPACE) after++;
    const stop = text.charCodeAt(after);
    if (
      context === IN_BLOCK
        ? !(after >= text.length || this.lineBreak(after) !== 0 || (stop === HASH && after > at))
        : stop !== COMMA && stop !== CLOSE_SEQ && stop !== CLOSE_MAP
    )
      return undefined;
    this.pos = at;
    return point ? value / scale : value;
  }

  /** A double-quoted scalar without escapes, on one line, and the spaces after it. */
  quoted(): string {
    const text = this.text;
    const start = this.pos + 1;
    let at = start;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === QUOTE) break;
      if (code < 128 ? code < SPACE || code === 0x5c || code === 0x7f : !plainWide(code)) doubt(); // NaN past the end too
      at++;
    }
    this.pos = at + 1;
    return text.slice(start, at);
  }

  /** Spaces, then a `,` (and the spaces after it, before another item) or the collection's end. */
  more(close: number): boolean {
    const text = this.text;
    let at = this.pos;
    while (text.charCodeAt(at) === SPACE) at++;
    const code = text.charCodeAt(at);
    if (code === close) {
      this.pos = at + 1;
      return false;
    }
    if (code !== COMMA) doubt();
    at++;
    while (text.charCodeAt(at) === SPACE) at++;
    const next = text.charCodeAt(at);
    if (next === CLOSE_SEQ || next === CLOSE_MAP || next === COMMA) doubt();
    this.pos = at;
    return true;
  }

  /** Moves past `[` or `{` and the spaces after it; false when the collection closes right away. */
  open(close: number): boolean {
    const text = this.text;
    let at = this.pos + 1;
    while (text.charCodeAt(at) === SPACE) at++;
    if (text.charCodeAt(at) === close) {
      this.pos = at + 1;
      return false;
    }
    this.pos = at;
    return true;
  }

  flowSequence(depth: number): unknown[] {
    if (depth >= MAX_NESTING) doubt();
    const items: unknown[] = [];
    if (!this.open(CLOSE_SEQ)) return items;
    do {
      const item = this.value(IN_FLOW, depth + 1);
      // A quoted scalar followed by `:` is a key: a mapping of one pair.
      if (this.text.charCodeAt(this.pos) === COLON) doubt();
      items.push(item);
    } while (this.more(CLOSE_SEQ));
    return items;
  }

  flowMapping(depth: number): Record<string, unknown> {
    if (depth >= MAX_NESTING) doubt();
    const data: Record<string, unknown> = {};
    if (!this.open(CLOSE_MAP)) return data;
    const text = this.text;
    do {
      const key = this.key();
      if (data[key] !== undefined || text.charCodeAt(this.pos) !== SPACE) doubt();
      this.pos++;
      while (text.charCodeAt(this.pos) === SPACE) this.pos++;
      data[key] = this.value(IN_FLOW, depth + 1);
      if (text.charCodeAt(this.pos) === COLON) doubt();
    } while (this.more(CLOSE_MAP));
    return data;
  }
}

const reader = new Reader();
