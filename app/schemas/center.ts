/**
 * An administrator's edit of a center. The phone number is checked by the route against the
 * center's own country (app/domain/phone), so here it is only trimmed.
 */
import * as z from "zod/mini";
import { optionalStaffEmail } from "./email";

export const CENTER_FIELDS = [
  "nameEn",
  "nameUr",
  "nameEl",
  "nameIt",
  "address",
  "openingHours",
  "phone",
  "email",
  "referralCode",
  "active",
  "confirm",
] as const;

const name = () =>
  z.string().check(z.trim(), z.minLength(1, "staff:validation.centerNameRequired"), z.maxLength(150, "staff:validation.centerNameTooLong"));

export const CenterSchema = z.object({
  nameEn: name(),
  nameUr: name(),
  nameEl: name(),
  nameIt: name(),
  address: z._default(z.string(), "").check(z.trim(), z.maxLength(300, "staff:validation.addressTooLong")),
  openingHours: z._default(z.string(), "").check(z.trim(), z.maxLength(300, "staff:validation.openingHoursTooLong")),
  phone: z._default(z.string(), "").check(z.trim()),
  email: optionalStaffEmail(),
  // What a poster prints and an applicant types: letters and digits, kept in capitals.
  referralCode: z._default(z.string(), "").check(
    z.trim(),
    z.toUpperCase(),
    z.refine((v) => v === "" || /^[A-Z0-9]{3,20}$/.test(v), "staff:validation.referralFormat"),
  ),
  active: z._default(z.string(), "").check(z.refine((v) => v === "yes" || v === "no", "staff:validation.activeRequired")),
});
