/** The audit log's filters, read from the query string. */
import * as z from "zod/mini";
import { isIsoDate } from "./date";

export const AUDIT_FILTER_FIELDS = ["action", "entityType", "entity", "actor", "from", "to"] as const;

const code = () => z._default(z.string(), "").check(z.trim(), z.toLowerCase(), z.maxLength(100, "staff:validation.filterTooLong"));
const date = () =>
  z._default(z.string(), "").check(
    z.trim(),
    z.refine((v) => v === "" || isIsoDate(v), "staff:validation.dateFormat"),
  );

export const AuditQuerySchema = z
  .object({
    action: code(),
    entityType: code(),
    entity: z._default(z.string(), "").check(z.trim(), z.maxLength(100, "staff:validation.filterTooLong")),
    actor: z._default(z.string(), "").check(z.maxLength(100, "staff:validation.filterTooLong")),
    from: date(),
    to: date(),
  })
  .check(
    z.refine((v) => !v.from || !v.to || !isIsoDate(v.from) || !isIsoDate(v.to) || v.from <= v.to, {
      message: "staff:validation.dateOrder",
      path: ["to"],
      when: () => true,
    }),
  );
