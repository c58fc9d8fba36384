import * as z from "zod/mini";
import { unsafeCharacter } from "./model/unsafe-character.js";

/**
 * A person's name given on the command line (`verify --assessor`, `--as`): one line, without
 * control or bidi characters, which would otherwise reach the screen, the resume command and the
 * files. The messages are option codes, rendered by src/text/option-messages.ts.
 */
export const personNameSchema = (missing: string) =>
  z.string().check(
    z.trim(),
    z.minLength(1, missing),
    z.refine((name) => !unsafeCharacter.test(name), "option.name-one-line"),
  );
