import type { Lang } from "../model/common.js";

/** The words the terminal prompts themselves show: key hints and the yes/no of a confirm. */
const en = {
  keyNavigate: "navigate",
  keySelect: "select",
  yes: "yes",
  no: "no",
};

const id: typeof en = {
  keyNavigate: "pindah",
  keySelect: "pilih",
  yes: "ya",
  no: "tidak",
};

export const messages: Readonly<Record<Lang, typeof en>> = { en, id };
