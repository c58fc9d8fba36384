/** A word as a POSIX shell reads it back unchanged: as it is when safe, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A name as part of a file name: "Kabupaten Buleleng" → "kabupaten-buleleng" ("" when nothing is left). */
export function fileNameSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
