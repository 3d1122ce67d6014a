/**
 * The certificate check, the holder's dispute, and the "apply again" confirmation. A number or code
 * of the wrong shape is not a form error: the check answers "not found" (app/routes/$lang.verify._index.tsx),
 * so nothing distinguishes a typo from a forgery.
 */
import * as z from "zod/mini";
import { DISPUTE_TEXT_MAX, REVOCATION_REASONS } from "~/domain/certificate";
import { DATE_OF_BIRTH_FIELDS, dateOfBirthIso, readDateOfBirth } from "./certificate";

export const VERIFY_FIELDS = ["number", "code"] as const;

const required = (key: string) => z.string({ error: () => key }).check(z.trim(), z.minLength(1, key));

export const VerifyFormSchema = z.object({
  number: required("verify:numberRequired"),
  code: required("verify:codeRequired"),
});

export const DisputeSchema = z.object({
  disputeText: z
    .string({ error: () => "track:dispute.textRequired" })
    .check(z.trim(), z.minLength(1, "track:dispute.textRequired"), z.maxLength(DISPUTE_TEXT_MAX, "track:dispute.textTooLong")),
});

export const RevokeSchema = z.object({
  reason: z.enum(REVOCATION_REASONS, { error: () => "cases:certificate.revoke.reasonRequired" }),
  note: z
    .string({ error: () => "cases:certificate.revoke.noteRequired" })
    .check(z.trim(), z.minLength(1, "cases:certificate.revoke.noteRequired"), z.maxLength(DISPUTE_TEXT_MAX, "cases:case.problems.tooLong")),
});

export const ReapplySchema = z.pipe(
  z
    .object({
      token: z._default(z.string(), ""),
      ...DATE_OF_BIRTH_FIELDS,
    })
    .check(
      z.superRefine(
        (v, ctx) => {
          const date = readDateOfBirth(v);
          if (!date.ok) ctx.issues.push({ code: "custom", input: v, message: date.error, path: ["dateOfBirth"] });
        },
        { when: () => true },
      ),
    ),
  z.transform((v) => ({
    token: v.token,
    dateOfBirth: dateOfBirthIso(v),
  })),
);
