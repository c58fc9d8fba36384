import type { Lang } from "../model/common.js";
import { messages } from "./messages.js";
import { Chalk } from "chalk";

/**
 * How the prompts look: the prompt library's usual styling through chalk at the level `color`
 * allows (none for NO_COLOR and --no-color), and its key hints in the officer's language.
 */
export function promptTheme(options: { lang: Lang; color: boolean }) {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const t = messages[options.lang];
  const actions: Record<string, string> = { navigate: t.keyNavigate, select: t.keySelect };
  return {
    prefix: { idle: c.blue("?"), done: c.green("✔") },
    style: {
      answer: (text: string) => c.cyan(text),
      message: (text: string) => c.bold(text),
      error: (text: string) => c.red(`> ${text}`),
      defaultAnswer: (text: string) => c.dim(`(${text})`),
      help: (text: string) => c.dim(text),
      highlight: (text: string) => c.cyan(text),
      key: (text: string) => c.cyan.bold(`<${text}>`),
      description: (text: string) => c.cyan(text),
      disabled: (text: string) => c.dim(text),
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([key, action]) => `${c.bold(key)} ${c.dim(actions[action] ?? action)}`).join(c.dim(" • ")),
    },
  };
}
