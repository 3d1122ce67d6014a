/**
 * Sending a report: the identifiers it names, normalised for linking; a fresh secret, of which only
 * the hash is stored; the evidence of the journey moved onto the report.
 */
import type { AppLoadContext } from "@remix-run/node";
import {
  type AgentIdentifier,
  phoneCountries,
  type Platform,
  PLATFORMS,
  readPhoneIdentifier,
  readProfileIdentifier,
} from "~/domain/report-identifiers";
import { secretGroups } from "~/domain/report-secret";
import { newReportSecret } from "~/domain/report-secret.server";
import type { Lang } from "~/i18n";
import { createReport } from "~/models/report.server";
import type { ReportAnswers } from "~/schemas/report";
import { startOfToday } from "./report-evidence.server";

/**
 * A local phone number is read in the country the offer was made in, else where the journey was to
 * start, else Pakistan; a bare "@name" takes the platform the offer came through.
 */
export function reportIdentifiers(answers: ReportAnswers): AgentIdentifier[] {
  const countries = phoneCountries(answers.when.country, answers.offer.fromCountry);
  const channel = answers.how.channel;
  const platform: Platform | null = (PLATFORMS as readonly string[]).includes(channel) ? (channel as Platform) : null;
  return [
    ...answers.agent.phones.map((line) => readPhoneIdentifier(line, countries)),
    ...answers.agent.profiles.map((line) => readProfileIdentifier(line, platform, countries)),
  ];
}

export async function submitReport(
  context: AppLoadContext,
  input: { journeyId: string; language: Lang; answers: ReportAnswers },
): Promise<{ ok: true; reference: string; secretGroups: string[] } | { ok: false; problem: "alreadySent" }> {
  const { secret, secretHash } = newReportSecret();
  const created = await createReport(context.db, {
    ...input,
    identifiers: reportIdentifiers(input.answers),
    secretHash,
    today: startOfToday().toISOString().slice(0, 10),
  });
  if (!created.ok) return created;
  return { ok: true, reference: created.reference, secretGroups: secretGroups(secret) };
}
