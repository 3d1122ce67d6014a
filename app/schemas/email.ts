/**
 * Every e-mail address rule. Two patterns, kept apart so that neither form starts refusing an
 * address it accepts today: staff addresses (sign-in, setup, invitations, a center's public
 * address) and an applicant's contact address, which also refuses markup characters.
 */
import * as z from "zod/mini";

/** RFC 5321's limit on a whole address. */
export const EMAIL_MAX_LENGTH = 254;

const STAFF_EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A staff address, lower-cased; `requiredKey` says what the empty field asks for. */
export const staffEmail = (requiredKey: string) =>
  z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, requiredKey),
      z.maxLength(EMAIL_MAX_LENGTH, "staff:validation.emailFormat"),
      z.regex(STAFF_EMAIL_PATTERN, "staff:validation.emailFormat"),
    );

/** The same rule for a field that may stay empty (a center's public address). */
export const optionalStaffEmail = () =>
  z._default(z.string(), "").check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(EMAIL_MAX_LENGTH, "staff:validation.emailFormat"),
    z.refine((v) => v === "" || STAFF_EMAIL_PATTERN.test(v), "staff:validation.emailFormat"),
  );

// Deliberately loose (one @, a dot in the domain, no spaces or markup): the confirmation mail is the real test.
const CONTACT_EMAIL_PATTERN = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

/** An applicant's or holder's address; ContactSchema lower-cases it after the cross-field checks. */
export const contactEmail = (requiredKey: string) =>
  z
    .string({ error: () => requiredKey })
    .check(
      z.trim(),
      z.minLength(1, requiredKey),
      z.maxLength(EMAIL_MAX_LENGTH, "validation:email.format"),
      z.regex(CONTACT_EMAIL_PATTERN, "validation:email.format"),
    );
