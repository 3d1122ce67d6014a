/** The embassy desk's form before an assisted application: the visitor's language and their consent. */
import * as z from "zod/mini";
import { LANGUAGES } from "~/i18n";

export const ASSISTED_FIELDS = ["language", "consent"] as const;

export const AssistedApplicationSchema = z.object({
  language: z.enum(LANGUAGES, "staff:validation.assistedLanguageRequired"),
  consent: z.literal("yes", "staff:validation.assistedConsentRequired"),
});
