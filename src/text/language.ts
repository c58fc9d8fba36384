import { languages } from "../model/lang.js";

type Lang = (typeof languages)[number];

/**
 * The language of every command, by one rule: `--lang`, then `KUESIONER_LANG`, then the
 * locale (the first of LC_ALL, LC_MESSAGES and LANG that is set, as POSIX reads them; `id…`
 * is Indonesian), else English. A KUESIONER_LANG that is neither id nor en is ignored.
 */
export function resolveLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  const known = (value: string | undefined): Lang | undefined =>
    languages.find((lang) => lang === value?.trim().toLowerCase());
  const chosen = known(flag) ?? known(env.KUESIONER_LANG);
  if (chosen) return chosen;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== "");
  return locale !== undefined && /^id(?:[_.@-]|$)/i.test(locale) ? "id" : "en";
}

/** `--lang` as the user typed it (`--lang id`, `--lang=id`), before commander has parsed anything. */
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return undefined;
    if (arg === "--lang") return argv[i + 1];
    if (arg.startsWith("--lang=")) return arg.slice(7);
  }
  return undefined;
}
