import type { Lang } from "../../model/common.js";
import { resolveLang } from "../../text/language.js";
import { shellWord } from "../../text/shell.js";

/**
 * The command that continues the file, quoted for a shell when the path needs it; with --lang
 * when the language would otherwise come out differently (see resolveLang).
 */
export function resumeCommand(display: string, lang: Lang, env: Readonly<Record<string, string | undefined>>): string {
  return `kuesioner fill --out ${shellWord(display)}${lang !== resolveLang(undefined, env) ? ` --lang ${lang}` : ""}`;
}
