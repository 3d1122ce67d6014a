/** The holder's confirmation of an e-authority, opened from the emailed link. */
import * as z from "zod/mini";
import { DeclarationSchema } from "./certificate";

export const ConsentSchema = z.object({
  token: z.string(),
  declaration: DeclarationSchema.shape.declaration,
});
