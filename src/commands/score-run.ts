import { z } from "zod";
import type { CommandIO } from "../command-io.js";
import { ExitCode, KuesionerError } from "../errors.js";

// Placeholder while the command is being built; replaced by its implementation.
export const scoreOptionsSchema = z.object({}).passthrough();
export type ScoreOptions = z.infer<typeof scoreOptionsSchema>;

export async function runScore(_options: ScoreOptions, _io: CommandIO): Promise<ExitCode> {
  throw new KuesionerError("score is not implemented yet", ExitCode.Internal);
}
