import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isUpKey,
  makeTheme,
  Separator,
  useEffect,
  useKeypress,
  useMemo,
  usePagination,
  usePrefix,
  useRef,
  useState,
  type KeypressEvent,
  type Theme,
} from "@inquirer/core";

export interface KeyChoice {
  value: unknown;
  name: string;
  short?: string;
  description?: string;
  /** Typing this moves the cursor here: a level's own number, a command's letter. */
  key?: string;
}

export interface KeySelectConfig {
  message: string;
  choices: readonly (KeyChoice | Separator)[];
  default?: unknown;
  pageSize?: number;
  theme?: Record<string, unknown>;
}

interface KeySelectTheme {
  icon: { cursor: string };
  style: { description: (text: string) => string; keysHelpTip: (keys: [string, string][]) => string };
}

const baseTheme: KeySelectTheme = {
  icon: { cursor: "❯" },
  style: {
    description: (text: string) => text,
    keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${action}`).join(" • "),
  },
};

const HIDE_CURSOR = "\u001b[?25l";

/** How long typed characters count as one key ("10" on a 0–100 scale) before they start anew. */
const KEY_PAUSE_MS = 700;

/**
 * A list prompt where a choice is reached by its own key, not by its row: on a 0–4 level list
 * the prompt library's select takes `3` as the third row (level 2) and ignores `0`, a wrong
 * level saved without a word. Keys move the cursor; Enter chooses, as with the arrows.
 */
export const keySelect = createPrompt<unknown, KeySelectConfig>((config, done) => {
  const theme = makeTheme<KeySelectTheme>(baseTheme, config.theme as Partial<Theme<KeySelectTheme>>);
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const prefix = usePrefix({ status, theme });
  const items = config.choices;
  const selectable = useMemo(
    () => items.flatMap((item, index) => (Separator.isSeparator(item) ? [] : [index])),
    [items],
  );
  const first = selectable[0] ?? 0;
  const last = selectable[selectable.length - 1] ?? 0;
  const initial = useMemo(() => {
    const at = items.findIndex((item) => !Separator.isSeparator(item) && item.value === config.default);
    return at >= 0 ? at : first;
  }, [items, config.default, first]);
  const [active, setActive] = useState(initial);
  const typed = useRef("");
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const indexOfKey = (key: string) =>
    items.findIndex((item) => !Separator.isSeparator(item) && item.key !== undefined && item.key === key);
  const isPrefixOfKey = (text: string) =>
    items.some((item) => !Separator.isSeparator(item) && item.key !== undefined && item.key.startsWith(text));

  useKeypress((key: KeypressEvent & { sequence?: string }, rl) => {
    clearTimeout(timer.current);
    if (isEnterKey(key)) {
      setStatus("done");
      done((items[active] as KeyChoice).value);
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      typed.current = "";
      const step = isUpKey(key) ? -1 : 1;
      if ((step < 0 && active === first) || (step > 0 && active === last)) return;
      let next = active + step;
      while (Separator.isSeparator(items[next])) next += step;
      setActive(next);
      return;
    }
    const char = key.sequence ?? "";
    // The prompt handles every printable key itself; readline's own line would only grow.
    rl.clearLine(0);
    if (char.length !== 1 || char < " ") return;
    typed.current = isPrefixOfKey(typed.current + char) ? typed.current + char : char;
    const at = indexOfKey(typed.current);
    if (at >= 0) setActive(at);
    timer.current = setTimeout(() => (typed.current = ""), KEY_PAUSE_MS);
  });

  const chosen = items[active] as KeyChoice;
  const message = theme.style.message(config.message, status);
  const page = usePagination({
    items: items as (KeyChoice | Separator)[],
    active,
    renderItem({ item, isActive }) {
      if (Separator.isSeparator(item)) return ` ${item.separator}`;
      return isActive ? theme.style.highlight(`${theme.icon.cursor} ${item.name}`) : `  ${item.name}`;
    },
    pageSize: config.pageSize ?? 7,
    loop: false,
  });
  if (status === "done") return [prefix, message, theme.style.answer(chosen.short ?? chosen.name)].join(" ");
  const help = theme.style.keysHelpTip([
    ["↑↓", "navigate"],
    ["⏎", "select"],
  ]);
  return [
    [prefix, message].filter(Boolean).join(" "),
    page,
    " ",
    chosen.description ? theme.style.description(chosen.description) : "",
    help ?? "",
  ]
    .filter(Boolean)
    .join("\n")
    .trimEnd()
    .concat(HIDE_CURSOR);
});
