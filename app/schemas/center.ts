/**
 * An administrator's edit of a center. The phone number is checked by the route against the
 * center's own country (app/domain/phone), so here it is only trimmed.
 */
import * as z from "zod/mini";
import { CENTER_SERVICES, SPOKEN_LANGUAGES } from "~/domain/center-page";
import { HOURS_FIELDS } from "./center-hours";
import { optionalStaffEmail } from "./email";

export const CENTER_FIELDS = [
  "nameEn",
  "nameUr",
  "nameEl",
  "nameIt",
  "address",
  ...HOURS_FIELDS,
  "phone",
  "email",
  "services",
  "languages",
  "latitude",
  "longitude",
  "referralCode",
  "active",
  "confirm",
] as const;

const name = () =>
  z.string().check(z.trim(), z.minLength(1, "staff:validation.centerNameRequired"), z.maxLength(150, "staff:validation.centerNameTooLong"));

export const CenterSchema = z
  .object({
    nameEn: name(),
    nameUr: name(),
    nameEl: name(),
    nameIt: name(),
    address: z._default(z.string(), "").check(z.trim(), z.maxLength(300, "staff:validation.addressTooLong")),
    phone: z._default(z.string(), "").check(z.trim()),
    email: optionalStaffEmail(),
    // What a poster prints and an applicant types: letters and digits, kept in capitals.
    referralCode: z._default(z.string(), "").check(
      z.trim(),
      z.toUpperCase(),
      z.refine((v) => v === "" || /^[A-Z0-9]{3,20}$/.test(v), "staff:validation.referralFormat"),
    ),
    active: z._default(z.string(), "").check(z.refine((v) => v === "yes" || v === "no", "staff:validation.activeRequired")),
    // Checkboxes, joined by readCenterForm.
    services: codes(CENTER_SERVICES),
    languages: codes(SPOKEN_LANGUAGES),
    latitude: coordinate(90, "staff:validation.latitudeFormat"),
    longitude: coordinate(180, "staff:validation.longitudeFormat"),
  })
  .check(
    z.superRefine((v, ctx) => {
      // A place needs both numbers: one alone would put the pin on the equator or the meridian.
      if ((v.latitude === null) !== (v.longitude === null)) {
        ctx.issues.push({
          code: "custom",
          input: v,
          message: "staff:validation.coordinatesBoth",
          path: [v.latitude === null ? "latitude" : "longitude"],
        });
      }
    }),
  );

function codes<T extends string>(known: readonly T[]) {
  return z.pipe(
    z._default(z.string(), ""),
    z.transform((v) => v.split(",").filter((code): code is T => (known as readonly string[]).includes(code))),
  );
}

/** Decimal degrees as a map app shows them ("37.9838"; a comma is read as the decimal point). */
function coordinate(limit: number, message: string) {
  return z.pipe(
    z._default(z.string(), "").check(
      z.trim(),
      z.refine((v) => v === "" || (/^[+-]?\d{1,3}([.,]\d{1,8})?$/.test(v) && Math.abs(Number(v.replace(",", "."))) <= limit), message),
    ),
    z.transform((v) => (v === "" ? null : Number(v.replace(",", ".")))),
  );
}

/** The form as the schema reads it: every checked service and language joined by commas. */
export function readCenterForm(formData: FormData): FormData {
  const copy = new FormData();
  for (const [key, value] of formData) if (key !== "services" && key !== "languages" && typeof value === "string") copy.append(key, value);
  for (const key of ["services", "languages"])
    copy.set(
      key,
      formData
        .getAll(key)
        .filter((v) => typeof v === "string")
        .join(","),
    );
  return copy;
}
