/**
 * An administrator's entry of a legal-migration fact: its key (new facts only), what it concerns,
 * its value read by kind (app/domain/legal-fact), a label in each language, the publishing body and
 * the day the value was checked at that source.
 */
import * as z from "zod/mini";
import {
  LEGAL_FACT_DESTINATIONS,
  LEGAL_FACT_KINDS,
  type LegalFactDestination,
  type LegalFactKind,
  readFactValue,
} from "~/domain/legal-fact";
import { readCalendarDate } from "./date";

export const LEGAL_FACT_FIELDS = [
  "key",
  "destination",
  "kind",
  "value",
  "labelUr",
  "labelEn",
  "labelEl",
  "labelIt",
  "source",
  "checkedOn",
  "confirm",
] as const;

/** The earliest plausible check: the portal's sources were all online long after this. */
const EARLIEST_CHECK = "2000-01-01";
const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Labels and sources are shown as text, but markup in them is always a mistake or an attack.
const NO_MARKUP = /^[^<>\p{Cc}]*$/u;

const plainText = (required: string, tooLong: string, max: number) =>
  z._default(z.string(), "").check(
    z.trim(),
    z.minLength(1, required),
    z.maxLength(max, tooLong),
    z.refine((v) => NO_MARKUP.test(v), "staff:validation.legalNoMarkup"),
  );

function readCheckedOn(v: { checkedOnDay: string; checkedOnMonth: string; checkedOnYear: string }, today: string) {
  const date = readCalendarDate(v.checkedOnDay, v.checkedOnMonth, v.checkedOnYear, "staff:validation.legalCheckedRequired");
  if (!date.ok) return date;
  if (date.iso > today) return { ok: false as const, error: "staff:validation.legalCheckedFuture" };
  if (date.iso < EARLIEST_CHECK) return { ok: false as const, error: "validation:date.real" };
  return date;
}

export type LegalFactInput = {
  key: string;
  destination: LegalFactDestination;
  kind: LegalFactKind;
  value: string;
  labels: { ur: string; en: string; el: string; it: string };
  source: string;
  checkedOn: string;
};

/** `withKey` for a new fact; an edit keeps the key it has. `today` is YYYY-MM-DD. */
export function legalFactSchema(today: string, { withKey }: { withKey: boolean }) {
  return z.pipe(
    z
      .object({
        key: withKey
          ? z._default(z.string(), "").check(
              z.trim(),
              z.toLowerCase(),
              z.minLength(1, "staff:validation.legalKeyRequired"),
              z.maxLength(60, "staff:validation.legalKeyFormat"),
              z.refine((v) => KEY.test(v), "staff:validation.legalKeyFormat"),
            )
          : z._default(z.string(), ""),
        destination: z.enum(LEGAL_FACT_DESTINATIONS, { error: () => "staff:validation.legalDestinationRequired" }),
        kind: z.enum(LEGAL_FACT_KINDS, { error: () => "staff:validation.legalKindRequired" }),
        value: z
          ._default(z.string(), "")
          .check(z.trim(), z.minLength(1, "staff:validation.legalValueRequired"), z.maxLength(500, "staff:validation.legalValueTooLong")),
        labelUr: plainText("staff:validation.legalLabelUrRequired", "staff:validation.legalLabelTooLong", 150),
        labelEn: plainText("staff:validation.legalLabelEnRequired", "staff:validation.legalLabelTooLong", 150),
        labelEl: plainText("staff:validation.legalLabelElRequired", "staff:validation.legalLabelTooLong", 150),
        labelIt: plainText("staff:validation.legalLabelItRequired", "staff:validation.legalLabelTooLong", 150),
        source: plainText("staff:validation.legalSourceRequired", "staff:validation.legalSourceTooLong", 150),
        checkedOnDay: z._default(z.string(), ""),
        checkedOnMonth: z._default(z.string(), ""),
        checkedOnYear: z._default(z.string(), ""),
      })
      .check(
        z.superRefine(
          (v, ctx) => {
            const date = readCheckedOn(v, today);
            if (!date.ok) ctx.issues.push({ code: "custom", input: v, message: date.error, path: ["checkedOn"] });
            // The value is read by its kind; without a kind or a destination there is nothing to read it by.
            const kind = (LEGAL_FACT_KINDS as readonly unknown[]).includes(v.kind) ? v.kind : null;
            const destination = (LEGAL_FACT_DESTINATIONS as readonly unknown[]).includes(v.destination) ? v.destination : null;
            if (!kind || !destination || typeof v.value !== "string" || v.value.trim() === "" || v.value.length > 500) return;
            const value = readFactValue(kind, v.value, destination);
            if (!value.ok) ctx.issues.push({ code: "custom", input: v, message: value.error, path: ["value"] });
          },
          { when: () => true },
        ),
      ),
    z.transform(
      (v): LegalFactInput => ({
        key: v.key,
        destination: v.destination,
        kind: v.kind,
        value: (readFactValue(v.kind, v.value, v.destination) as { value: string }).value,
        labels: { ur: v.labelUr, en: v.labelEn, el: v.labelEl, it: v.labelIt },
        source: v.source,
        checkedOn: (readCheckedOn(v, today) as { iso: string }).iso,
      }),
    ),
  );
}

export const LegalFactKeySchema = z.string().check(z.regex(KEY), z.maxLength(60));
