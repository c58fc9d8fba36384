import { z } from "zod";
import type { CommandIO } from "../command-io.js";
import { ExitCode, KuesionerError } from "../errors.js";

// Placeholder while the command is being built; replaced by its implementation.
export const fillOptionsSchema = z.object({}).passthrough();
export type FillOptions = z.infer<typeof fillOptionsSchema>;

export async function runFill(_options: FillOptions, _io: CommandIO): Promise<ExitCode> {
  throw new KuesionerError("fill is not implemented yet", ExitCode.Internal);
}
