import * as z from "zod/mini";
import { parseReference } from "~/domain/reference";
import { DATE_OF_BIRTH_FIELDS, dateOfBirthIso, readDateOfBirth } from "./certificate";

export const TRACK_FIELDS = ["reference", "dateOfBirth"] as const;

export const TrackLookupSchema = z.pipe(
  z
    .object({
      reference: z
        .string()
        .check(z.trim(), z.minLength(1, "track:validation.referenceRequired"), z.maxLength(64, "track:validation.referenceFormat")),
      ...DATE_OF_BIRTH_FIELDS,
    })
    .check(
      z.superRefine(
        (v, ctx) => {
          if (v.reference && !parseReference(v.reference, "application")) {
            ctx.issues.push({ code: "custom", input: v, message: "track:validation.referenceFormat", path: ["reference"] });
          }
          const date = readDateOfBirth(v);
          if (!date.ok) ctx.issues.push({ code: "custom", input: v, message: date.error, path: ["dateOfBirth"] });
        },
        { when: () => true },
      ),
    ),
  z.transform((v) => ({
    reference: parseReference(v.reference, "application") as string,
    dateOfBirth: dateOfBirthIso(v),
  })),
);

export const InformationAnswerSchema = z.object({
  answer: z.string().check(z.trim(), z.maxLength(2000, "track:request.answerTooLong")),
});
