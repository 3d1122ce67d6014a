import * as z from "zod/mini";

export const RETENTION_FIELDS = ["years"] as const;
// The range lives in the model (RETENTION_YEARS_RANGE); the message shows it.
export const RetentionSchema = z.pipe(
  z.object({
    years: z._default(z.string(), "").check(z.trim(), z.regex(/^(?:[1-9]|10)$/, "staff:validation.retentionYears")),
  }),
  z.transform((v) => ({ years: Number(v.years) })),
);
