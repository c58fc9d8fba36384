import { z } from "zod";
import type { CommandIO } from "../command-io.js";
import { ExitCode, KuesionerError } from "../errors.js";

// Placeholder while the command is being built; replaced by its implementation.
export const showOptionsSchema = z.object({}).passthrough();
export type ShowOptions = z.infer<typeof showOptionsSchema>;

export async function runShow(_options: ShowOptions, _io: CommandIO): Promise<ExitCode> {
  throw new KuesionerError("show is not implemented yet", ExitCode.Internal);
}
