import { z } from "zod";
import type { CommandIO } from "../command-io.js";
import { ExitCode, KuesionerError } from "../errors.js";

// Placeholder while the command is being built; replaced by its implementation.
export const validateOptionsSchema = z.object({}).passthrough();
export type ValidateOptions = z.infer<typeof validateOptionsSchema>;

export async function runValidate(_options: ValidateOptions, _io: CommandIO): Promise<ExitCode> {
  throw new KuesionerError("validate is not implemented yet", ExitCode.Internal);
}
