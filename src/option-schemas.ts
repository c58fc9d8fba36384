import { z } from "zod";
import { unsafeCharacter } from "./model/unsafe-character.js";

/**
 * A person's name given on the command line (`verify --assessor`, `--as`): one line, without
 * control or bidi characters, which would otherwise reach the screen, the resume command and the
 * files. The messages are option codes, rendered by src/text/option-messages.ts.
 */
export const personNameSchema = (missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .refine((name) => !unsafeCharacter.test(name), "option.name-one-line");
