/**
 * An administrator's entry of an emergency contact for one country. The number is either a short
 * number dialled within that country (112, 1122) or a full number, read in that country's format
 * and kept as E.164 (app/domain/phone).
 */
import * as z from "zod/mini";
import { parsePhone } from "~/domain/phone";

export const EMERGENCY_CONTACT_KINDS = ["police", "embassy", "fia"] as const;
export type EmergencyContactKind = (typeof EMERGENCY_CONTACT_KINDS)[number];
export const EMERGENCY_CONTACT_FIELDS = ["countryCode", "kind", "phone"] as const;

const SHORT_NUMBER = /^\d{2,6}$/;

/** A short number as typed, or the full number in E.164; null when it is neither. */
export function readEmergencyPhone(input: string, countryCode: string): string | null {
  const compact = input.replace(/[\s-]/g, "");
  if (SHORT_NUMBER.test(compact)) return compact;
  const phone = parsePhone(input, countryCode);
  return phone.ok ? phone.value : null;
}

export const EmergencyContactSchema = z.pipe(
  z
    .object({
      countryCode: z
        ._default(z.string(), "")
        .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{2}$/, "staff:validation.emergencyCountryRequired")),
      kind: z.enum(EMERGENCY_CONTACT_KINDS, { error: () => "staff:validation.emergencyKindRequired" }),
      phone: z
        ._default(z.string(), "")
        .check(
          z.trim(),
          z.minLength(1, "staff:validation.emergencyPhoneRequired"),
          z.maxLength(40, "staff:validation.emergencyPhoneFormat"),
        ),
    })
    .check(
      z.superRefine(
        (v, ctx) => {
          if (typeof v.phone !== "string" || v.phone === "" || v.phone.length > 40 || typeof v.countryCode !== "string") return;
          if (readEmergencyPhone(v.phone, v.countryCode) === null) {
            ctx.issues.push({ code: "custom", input: v, message: "staff:validation.emergencyPhoneFormat", path: ["phone"] });
          }
        },
        { when: () => true },
      ),
    ),
  z.transform((v) => ({ countryCode: v.countryCode, kind: v.kind, phone: readEmergencyPhone(v.phone, v.countryCode)! })),
);
export type EmergencyContactInput = z.output<typeof EmergencyContactSchema>;

export const EMERGENCY_CONTACT_INTENTS = ["add", "remove"] as const;
export const EmergencyContactIntentSchema = z.object({ intent: z.enum(EMERGENCY_CONTACT_INTENTS) });
export const EmergencyContactIdSchema = z.object({ id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)) });
